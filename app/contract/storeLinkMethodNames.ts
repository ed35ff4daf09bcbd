// SPDX-License-Identifier: UNLICENSED
// The store-server link's status and removal (app/contract/storeLinkApi.ts), without schemas, for methodNames.ts.

export const STORE_LINK_METHOD_NAMES = ['store.status', 'store.remove'] as const;
