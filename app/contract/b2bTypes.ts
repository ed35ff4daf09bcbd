// SPDX-License-Identifier: UNLICENSED
// The B2B shapes of the cashier API: the buyer form, saved customers, and the clearance of standard tax invoices
// (main/customers, main/clearance). Kept apart from types.ts so the B2B screens and handlers change in one place.
import type { FieldProblem } from '../errors/index';
import type { ErrorText } from './errors';
import type { DocumentSummary } from './types';

/** The buyer as the till's form holds it: one text per input, '' when left empty. */
export interface BuyerForm {
  readonly name: string;
  /** 15 digits, starting and ending with 3 (BR-KSA-44), or '' when the buyer gives another id. */
  readonly vatNumber: string;
  /** BR-KSA-14 scheme of another id (CRN, NAT, IQA, PAS, TIN, …) or ''. */
  readonly idScheme: string;
  readonly idValue: string;
  readonly street: string;
  readonly additionalStreet: string;
  readonly building: string;
  readonly district: string;
  readonly city: string;
  readonly postalCode: string;
  /** ISO 3166 alpha-2; SA when empty. */
  readonly country: string;
}

export interface CustomerSummary {
  readonly id: number;
  readonly name: string;
  readonly vatNumber: string | null;
  readonly form: BuyerForm;
}

/** The live check of the buyer form: every problem by field (path = the BuyerForm key). */
export interface BuyerCheck {
  readonly ok: boolean;
  readonly problems: readonly FieldProblem[];
}

export type ClearanceState = 'awaiting' | 'in-flight' | 'cleared' | 'rejected' | 'withdrawn';

/** A message of ZATCA's answer, as ZATCA wrote it (in the language the client asked for). */
export interface ClearanceMessage {
  readonly type: string | null;
  readonly code: string | null;
  readonly message: string;
}

export interface ClearanceView {
  readonly number: string;
  readonly state: ClearanceState;
  readonly attempts: number;
  /** An attempt may have reached ZATCA: the document is never replaced by a simplified one, only retried. */
  readonly mayHaveArrived: boolean;
  /** A simplified invoice may be issued instead (rejected, or nothing was ever delivered). */
  readonly canIssueSimplified: boolean;
  /** Why the last attempt did not clear it, in the screen's language (by catalog code), when not from ZATCA's messages. */
  readonly reason: ErrorText | null;
  /** ZATCA's messages of the last answer (errors of a NOT_CLEARED, warnings of a CLEARED). */
  readonly messages: readonly ClearanceMessage[];
  /** Withdrawn: the number of the simplified invoice issued instead. */
  readonly replacedBy: string | null;
}

export interface StandardSaleResult {
  readonly document: DocumentSummary;
  readonly change: string;
  readonly customerId: number;
  readonly clearance: ClearanceView;
}

/** The cleared invoice for the buyer: ZATCA's XML and the A4 PDF drawn from it. */
export interface ClearedFiles {
  readonly number: string;
  /** File name without extension. */
  readonly fileBase: string;
  /** base64 of the cleared XML exactly as ZATCA returned it. */
  readonly xml: string;
  /** base64 of the A4 PDF, or null when this terminal cannot draw pages. */
  readonly pdf: string | null;
  /** The QR printed on the PDF: the cleared XML's own. */
  readonly qr: string;
}
