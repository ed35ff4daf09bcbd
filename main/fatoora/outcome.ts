// SPDX-License-Identifier: UNLICENSED
// The typed result of every Fatoora call: one variant per outcome class of ZATCA's status table (reference §9),
// plus `unknown-outcome` for the case the table cannot cover (the request may or may not have arrived) and
// `failed` for answers outside the table (404 wrong URL, 406 wrong Accept-Version, malformed success bodies…).
import type { FatooraCredentials } from './credentials';
import type { FatooraMessage, ValidationResults } from './messages';

export type FatooraEndpoint = 'compliance-csid' | 'compliance-check' | 'production-csid' | 'renew-production-csid' | 'reporting' | 'clearance';

/** A CSID as issued by /compliance, /production/csids (POST or PATCH), or a 428 renewal answer. */
export interface IssuedCsid {
  readonly credentials: FatooraCredentials;
  readonly requestId: string;
  readonly dispositionMessage: string;
  readonly tokenType?: string;
}

/** What /compliance/invoices, /invoices/reporting/single and /invoices/clearance/single answer. */
export interface InvoiceResult {
  readonly validation: ValidationResults;
  readonly reportingStatus?: string;
  readonly clearanceStatus?: string;
  /** Clearance: base64 of the XML as cleared (with ZATCA's stamp). */
  readonly clearedInvoice?: string;
  readonly invoiceHash?: string;
}

export type RetryReason =
  /** 429 — resend the same payload after Retry-After. */
  | 'rate-limited'
  /** 500, 502, 503, 504… — not received; resend the same payload. */
  | 'server-error'
  /** 413 — not received; the payload must be made smaller. */
  | 'payload-too-large'
  /** 303 from clearance — clearance is switched off; submit through reporting (reference §9). */
  | 'clearance-off'
  /** The connection was refused or the host unknown: nothing was sent, so nothing was received. */
  | 'unreachable';

export type UnknownReason =
  /** No answer within the client's timeout. */
  | 'timeout'
  /** The connection broke after the request may have been sent (reset, socket closed, truncated body). */
  | 'network'
  /** The caller aborted the call. */
  | 'aborted'
  /**
   * An answer came, but its body does not say the document is recorded (an HTML page, an empty or cut-off body, a
   * status other than REPORTED/CLEARED): a captive portal or a broken gateway may be answering (recordedStatus.ts).
   */
  | 'unconfirmed'
  /** The answer's body was larger than the client reads (transport.ts): it was not read to the end. */
  | 'oversized';

export type FatooraOutcome<T> =
  /** 200: recorded / issued. */
  | { readonly kind: 'accepted'; readonly httpStatus: number; readonly value: T }
  /** 202 (or 200 with warnings): recorded; do not resend, fix future documents. */
  | { readonly kind: 'accepted-with-warnings'; readonly httpStatus: number; readonly value: T; readonly warnings: readonly FatooraMessage[] }
  /** 409 (reporting) / 208 (clearance): this hash was already reported / cleared — treat as success. */
  | { readonly kind: 'already-done'; readonly httpStatus: number; readonly value?: T; readonly messages: readonly FatooraMessage[] }
  /** 400: refused; fix and issue a new document (reference §11), or fix the CSR/OTP. */
  | { readonly kind: 'rejected'; readonly httpStatus: number; readonly errors: readonly FatooraMessage[]; readonly validation?: ValidationResults }
  /** 401/403: credentials refused; fix them and resend. */
  | { readonly kind: 'unauthorized'; readonly httpStatus: number; readonly errors: readonly FatooraMessage[] }
  /** 428 (renewal): a renewed compliance CSID was issued; run the compliance checks with it, then POST /production/csids. */
  | { readonly kind: 'needs-compliance'; readonly httpStatus: number; readonly csid: IssuedCsid; readonly errors: readonly FatooraMessage[] }
  /** Not received (or to be sent elsewhere): resend the same payload later. */
  | {
      readonly kind: 'retryable';
      readonly reason: RetryReason;
      readonly httpStatus?: number;
      readonly retryAfterMs?: number;
      readonly errors: readonly FatooraMessage[];
      readonly detail: string;
    }
  /** The request may have been processed: resend the identical payload (reference §11, §12 item 25). */
  | { readonly kind: 'unknown-outcome'; readonly reason: UnknownReason; readonly httpStatus?: number; readonly detail: string }
  /** An answer outside ZATCA's table, or a success body we could not read. */
  | { readonly kind: 'failed'; readonly httpStatus: number; readonly errors: readonly FatooraMessage[]; readonly detail: string };

export type FatooraOutcomeKind = FatooraOutcome<unknown>['kind'];

/** True for the outcomes after which the document counts as recorded by Fatoora. */
export function isRecorded(outcome: FatooraOutcome<unknown>): boolean {
  return outcome.kind === 'accepted' || outcome.kind === 'accepted-with-warnings' || outcome.kind === 'already-done';
}
