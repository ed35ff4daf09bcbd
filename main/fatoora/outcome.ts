// SPDX-License-Identifier: UNLICENSED
// The typed result of every Fatoora call: one variant per outcome class of ZATCA's status table (reference §9),
// plus `unknown-outcome` for the case the table cannot cover (the request may or may not have arrived, a 5xx
// included, reference §9.1) and `failed` for answers outside the table (404 wrong URL, 406 wrong Accept-Version,
// malformed success bodies, a 400 without validationResults…).
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
  /**
   * Not produced any more: a 5xx leaves the outcome unknown (reference §9.1) and is an `unknown-outcome` with reason
   * `server-error`. Kept so code that names it still compiles.
   */
  | 'server-error'
  /** 413 — not received; the payload must be made smaller. */
  | 'payload-too-large'
  /** Not produced any more: a 303 is a `wrong-endpoint` outcome (reference §9.1). Kept so code that names it compiles. */
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
  | 'oversized'
  /**
   * 500, 502, 503, 504…: the server or a gateway in front of it failed, possibly after the document was recorded — a
   * 503/504 has been followed, on resend, by a duplicate answer (reference §9.1). Resend the same payload.
   */
  | 'server-error';

export type FatooraOutcome<T> =
  /** 200: recorded / issued. */
  | { readonly kind: 'accepted'; readonly httpStatus: number; readonly value: T }
  /** 202 (or 200 with warnings): recorded; do not resend, fix future documents. */
  | { readonly kind: 'accepted-with-warnings'; readonly httpStatus: number; readonly value: T; readonly warnings: readonly FatooraMessage[] }
  /**
   * 409 (reporting; clearance in early 2024) / 208 (clearance): this hash was already reported / cleared (reference
   * §9.1). A success only when an earlier attempt of ours may have arrived — the caller knows its history, the
   * classifier does not. `messages` are the answer's other messages; the duplicate notice itself (an ERROR in some
   * years' shapes) is in `detail`, so it is never shown as an error of a recorded document.
   */
  | {
      readonly kind: 'already-done';
      readonly httpStatus: number;
      readonly value?: T;
      readonly messages: readonly FatooraMessage[];
      readonly detail?: string;
    }
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
  | {
      readonly kind: 'unknown-outcome';
      readonly reason: UnknownReason;
      readonly httpStatus?: number;
      readonly detail: string;
      /** Retry-After of a 503 (reason `server-error`). */
      readonly retryAfterMs?: number;
    }
  /**
   * 303: sent to the wrong endpoint — clearance while clearance is deactivated (`use: 'reporting'`), or a standard
   * document to reporting while clearance is on (`use: 'clearance'`) (reference §9.1). Not retryable as it is: send
   * it where `use` says, and alert.
   */
  | {
      readonly kind: 'wrong-endpoint';
      readonly httpStatus: number;
      readonly use: 'reporting' | 'clearance';
      readonly errors: readonly FatooraMessage[];
      readonly detail: string;
    }
  /** An answer outside ZATCA's table, or a success body we could not read. */
  | { readonly kind: 'failed'; readonly httpStatus: number; readonly errors: readonly FatooraMessage[]; readonly detail: string };

export type FatooraOutcomeKind = FatooraOutcome<unknown>['kind'];

/** True for the outcomes after which the document counts as recorded by Fatoora. */
export function isRecorded(outcome: FatooraOutcome<unknown>): boolean {
  return outcome.kind === 'accepted' || outcome.kind === 'accepted-with-warnings' || outcome.kind === 'already-done';
}
