// SPDX-License-Identifier: UNLICENSED
// The B2B methods' names (buyers, standard sales and their clearance), without schemas, for methodNames.ts and
// main/app/handlers/b2bHandlers.ts.

export const B2B_METHOD_NAMES = [
  'customers.search',
  'customers.check',
  'sale.completeStandard',
  'clearance.get',
  'clearance.retry',
  'clearance.issueSimplified',
  'clearance.files',
] as const;
