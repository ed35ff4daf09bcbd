// SPDX-License-Identifier: UNLICENSED
// The go-live methods' names (app/contract/goLiveApi.ts), without schemas, for methodNames.ts.

export const GO_LIVE_METHOD_NAMES = ['goLive.catalog', 'goLive.chooseCatalog'] as const;
