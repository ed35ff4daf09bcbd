// SPDX-License-Identifier: UNLICENSED
export { createFatooraClient, type FatooraClient, type FatooraClientOptions, type CallOptions, type CsrRequest, type InvoiceSubmission } from './client';
export { CredentialEnvironmentError, certificateTextFromToken, type FatooraCredentials } from './credentials';
export { FATOORA_BASE_URLS, FATOORA_ENVIRONMENTS, FATOORA_PATH_PREFIXES, isFatooraEnvironment, resolveBaseUrl, type FatooraEnvironment } from './environment';
export {
  isRecorded,
  type FatooraEndpoint,
  type FatooraOutcome,
  type FatooraOutcomeKind,
  type InvoiceResult,
  type IssuedCsid,
  type RetryReason,
  type UnknownReason,
} from './outcome';
export type { FatooraMessage, ValidationResults } from './messages';
export { parseRetryAfter, type FetchLike } from './transport';
