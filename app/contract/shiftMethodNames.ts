// SPDX-License-Identifier: UNLICENSED
// The cash-control and audit-trail methods' names (app/contract/shiftApi.ts), without schemas, for methodNames.ts.

export const SHIFT_METHOD_NAMES = [
  'shift.current',
  'shift.open',
  'shift.move',
  'shift.close',
  'shift.annotate',
  'shift.list',
  'drawer.open',
  'audit.list',
  'audit.void',
  'reports.zList',
  'reports.print',
  'lock.settings',
  'lock.save',
  'lock.unlock',
  'returns.external',
  'returns.limit',
  'discount.limit',
  'discount.limitSave',
] as const;
