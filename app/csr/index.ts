// SPDX-License-Identifier: UNLICENSED
export type { CsrConfig, CsrConfigIssue, CsrEnvironment } from './csrConfig';
export { validateCsrConfig, environmentOfTemplate, TEMPLATE_NAMES } from './csrConfig';
export type { BuiltCsr } from './buildCsr';
export { buildCsr, buildCsrWithSigner } from './buildCsr';
export type { ParsedCsr } from './parseCsr';
export { parseCsr, csrConfigOf } from './parseCsr';
