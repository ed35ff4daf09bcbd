// SPDX-License-Identifier: UNLICENSED
export { ERROR_CATALOG, type CatalogText, type ErrorCode } from './catalog';
export { DukkanError, isDukkanError, type FieldProblem } from './dukkanError';
export { errorText, placeholdersOf, type ErrorParams } from './errorText';
