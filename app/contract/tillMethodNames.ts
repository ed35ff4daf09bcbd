// SPDX-License-Identifier: UNLICENSED
// The till's own methods' names (app/contract/tillApi.ts: held sales, quick keys, one-tap approval, receipt footer,
// customer display), without schemas, for methodNames.ts and main/app/handlers/tillHandlers.ts.

export const TILL_METHOD_NAMES = [
  'held.list',
  'held.hold',
  'held.recall',
  'quickKeys.get',
  'quickKeys.save',
  'approval.self',
  'receiptFooter.get',
  'receiptFooter.save',
  'display.show',
  'storeCredit.balance',
] as const;
