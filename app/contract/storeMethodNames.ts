// SPDX-License-Identifier: UNLICENSED
// The store-server link's methods (app/contract/storeApi.ts), without schemas, for methodNames.ts.

export const STORE_METHOD_NAMES = ['store.get', 'store.enrol', 'store.findDocument'] as const;
