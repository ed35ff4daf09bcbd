// SPDX-License-Identifier: UNLICENSED
// The methods of returns of another till's sale (app/contract/foreignReturnApi.ts), without schemas, for methodNames.ts.

export const FOREIGN_RETURN_METHOD_NAMES = ['returns.findForeign', 'returns.foreign'] as const;
