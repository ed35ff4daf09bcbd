// SPDX-License-Identifier: UNLICENSED
// The names of the cashier API's methods, without their schemas: the preload and the renderer need only these
// (and the types), so neither bundles zod. api.ts checks at compile time that this list and the API map agree.

import { B2B_METHOD_NAMES } from './b2bMethodNames';
import { BACKUP_METHOD_NAMES } from './backupMethodNames';
import { TILL_METHOD_NAMES } from './tillMethodNames';
import { STORE_METHOD_NAMES } from './storeMethodNames';
import { STORE_LINK_METHOD_NAMES } from './storeLinkMethodNames';
import { FOREIGN_RETURN_METHOD_NAMES } from './foreignReturnMethodNames';
import { SHIFT_METHOD_NAMES } from './shiftMethodNames';
import { GO_LIVE_METHOD_NAMES } from './goLiveMethodNames';

export const METHOD_NAMES = [
  'session.get',
  'session.login',
  'session.logout',
  'session.setLocale',
  'session.changePin',
  'status.get',
  'catalog.search',
  'catalog.lookup',
  'catalog.list',
  'catalog.save',
  'catalog.importCsv',
  'catalog.scan',
  'catalog.previewCsv',
  'scale.layouts',
  'scale.saveLayouts',
  'cart.get',
  'cart.save',
  'approval.request',
  'sale.quote',
  'sale.complete',
  'receipts.find',
  'receipts.reprint',
  'receipts.preview',
  'returns.create',
  'debitNotes.create',
  ...B2B_METHOD_NAMES,
  'onboarding.get',
  'onboarding.start',
  'device.status',
  'sync.log',
  'sync.problems',
  'sync.retryNow',
  'printer.get',
  'printer.save',
  'printer.testPrint',
  'reports.daily',
  'export.documents',
  'users.list',
  'users.save',
  ...SHIFT_METHOD_NAMES,
  ...BACKUP_METHOD_NAMES,
  ...GO_LIVE_METHOD_NAMES,
  ...STORE_METHOD_NAMES,
  ...STORE_LINK_METHOD_NAMES,
  ...FOREIGN_RETURN_METHOD_NAMES,
  ...TILL_METHOD_NAMES,
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/** IPC channels are the method names under one prefix; main refuses every other channel (validatedIpc). */
export const CHANNEL_PREFIX = 'pos:';
/** The one channel main pushes events on. */
export const EVENT_CHANNEL = 'pos-event';

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

/** The global the preload defines in the renderer's main world (see DukkanBridge in api.ts). */
export const BRIDGE_GLOBAL = 'dukkan';
