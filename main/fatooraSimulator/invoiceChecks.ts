// SPDX-License-Identifier: UNLICENSED
// Checks a submitted document the way Fatoora does for /compliance/invoices, /invoices/reporting/single and
// /invoices/clearance/single, answering in validationResults form (reference §9):
// - the document itself: our verifier (hash, signature, certificate digest, signed properties, QR, XSD and
//   business rules), each Finding becoming an ERROR or WARNING message;
// - the API body against the document: `invoiceHash` must equal the recomputed hash (`invalid-invoice-hash`,
//   INVOICE_HASHING_ERRORS, reference §9/§12 item 1) and `uuid` the document's cbc:UUID;
// - the document against the authenticating CSID: signed with that CSID's certificate, seller VAT = the
//   certificate's UID (`certificate-permissions`, reference §12 item 19), certificate title covering the profile
//   ("… CSID does not cover Simplified documents", reference §8);
// - the endpoint: reporting takes simplified documents, clearance standard ones.
import type { Finding } from '../../app/findings/finding';
import type { FatooraEndpoint } from '../fatoora/outcome';
import type { CsidRecord } from './csidRegistry';
import { validationResults, zatcaMessage, type ZatcaMessage, type ZatcaValidationResults } from './zatcaShapes';

/** What the simulator needs from a verification report (a subset of app/verify's VerificationReport). */
export interface InvoiceVerification {
  readonly findings: readonly Finding[];
  /** The invoice hash recomputed from the XML (reference §1). */
  readonly invoiceHash: string;
  readonly uuid?: string;
  readonly number?: string;
  readonly icv?: number;
  readonly kind?: 'invoice' | 'credit-note' | 'debit-note';
  readonly profile?: 'simplified' | 'standard';
  readonly issueDateTime?: string;
  readonly certificate?: { readonly base64Der: string };
  readonly sellerVat?: string;
  /** Checks the verifier did not run (e.g. 'XSD'); XSD_ZATCA_VALID is only claimed when XSD validation ran. */
  readonly skipped?: readonly string[];
}

export type InvoiceValidator = (xml: Uint8Array, options: { readonly now: Date }) => InvoiceVerification | Promise<InvoiceVerification>;

export interface SubmissionBody {
  readonly invoiceHash: string;
  readonly uuid: string;
  /** base64 of the XML, as sent. */
  readonly invoice: string;
  readonly xml: Uint8Array;
}

/** Reads {invoiceHash, uuid, invoice}; returns the ERROR messages when the body is unusable. */
export function readSubmissionBody(body: unknown): SubmissionBody | ZatcaMessage[] {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const errors: ZatcaMessage[] = [];
  const field = (name: string): string | undefined => {
    const v = b[name];
    if (typeof v === 'string' && v !== '') return v;
    errors.push(zatcaMessage('ERROR', 'Invalid-Request', 'GENERAL', `The request body has no ${name}`));
    return undefined;
  };
  const invoiceHash = field('invoiceHash');
  const uuid = field('uuid');
  const invoice = field('invoice');
  if (invoice !== undefined && !/^[A-Za-z0-9+/]+={0,2}$/.test(invoice.replace(/\s+/g, ''))) {
    errors.push(zatcaMessage('ERROR', 'Invalid-Request', 'GENERAL', 'The invoice field is not base64'));
  }
  if (errors.length > 0 || invoiceHash === undefined || uuid === undefined || invoice === undefined) return errors;
  return { invoiceHash, uuid, invoice, xml: new Uint8Array(Buffer.from(invoice, 'base64')) };
}

/**
 * Fatoora's message category for a finding. app/verify already names its stamp findings with Fatoora's codes
 * (invalid-invoice-hash, signed-properties-hashing, QRCODE_INVALID…) and its rule findings with the rule ids
 * (BR-KSA-…, BR-…), so the code passes through and only the category is derived (categories as seen in real
 * answers, reference §9).
 */
export function categoryOf(rule: string): string {
  if (rule.startsWith('BR-KSA')) return 'KSA';
  if (rule.startsWith('BR-')) return 'EN_16931';
  if (rule.startsWith('XSD')) return 'XSD validation';
  if (/QR/i.test(rule)) return 'QRCODE_VALIDATION';
  if (rule === 'invalid-invoice-hash') return 'INVOICE_HASHING_ERRORS';
  if (/certificate|signature|signed-properties/.test(rule)) return 'CERTIFICATE_ERRORS';
  return 'GENERAL';
}

export function findingMessage(f: Finding): ZatcaMessage {
  const text = f.rule.startsWith('BR-') ? `[${f.rule}] - ${f.message}` : f.message;
  return zatcaMessage(f.severity === 'error' ? 'ERROR' : 'WARNING', f.rule, categoryOf(f.rule), text);
}

export const XSD_VALID_MESSAGE = zatcaMessage('INFO', 'XSD_ZATCA_VALID', 'XSD validation', 'Complied with UBL 2.1 standards in line with ZATCA specifications');

export interface CheckedSubmission {
  readonly results: ZatcaValidationResults;
  readonly verification: InvoiceVerification | undefined;
}

export async function checkSubmission(
  endpoint: Extract<FatooraEndpoint, 'compliance-check' | 'reporting' | 'clearance'>,
  submission: SubmissionBody,
  csid: CsidRecord,
  validate: InvoiceValidator,
  now: Date,
): Promise<CheckedSubmission> {
  let verification: InvoiceVerification;
  try {
    verification = await validate(submission.xml, { now });
  } catch (err) {
    // the verifier refuses what it cannot even read (not XML, not UBL): Fatoora's GENERAL error
    const why = err instanceof Error ? err.message : 'unreadable document';
    return {
      results: validationResults([zatcaMessage('ERROR', 'GENERAL', 'GENERAL', `Unable to execute Business Rules validation: ${why}`)]),
      verification: undefined,
    };
  }
  const messages: ZatcaMessage[] = [];
  const xsdRan = !(verification.skipped ?? []).includes('XSD');
  if (xsdRan && !verification.findings.some((f) => f.rule.startsWith('XSD'))) messages.push(XSD_VALID_MESSAGE);
  // the seller VAT number is judged below against the authenticating CSID, once and in Fatoora's words; the
  // verifier's own certificate-permissions (against the signing certificate) would say it twice
  messages.push(...verification.findings.filter((f) => f.rule !== 'certificate-permissions').map(findingMessage));

  if (submission.invoiceHash !== verification.invoiceHash) {
    messages.push(
      zatcaMessage('ERROR', 'invalid-invoice-hash', 'INVOICE_HASHING_ERRORS', 'The invoice hash API body does not match the (calculated) Hash of the XML'),
    );
  }
  if (verification.uuid === undefined || submission.uuid.toLowerCase() !== verification.uuid.toLowerCase()) {
    messages.push(zatcaMessage('ERROR', 'invalid-uuid', 'GENERAL', 'The uuid in the API body does not match the cbc:UUID of the invoice'));
  }
  const who = csid.kind === 'compliance' ? 'Compliance CSID' : 'Production CSID';
  if (verification.certificate?.base64Der !== csid.certificate) {
    // a signing certificate other than the submitting CSID's is a WARNING on the real service: the document is
    // recorded with 202 (reference §9.1); a seller VAT number not the certificate's is an ERROR (below)
    messages.push(
      zatcaMessage(
        'WARNING',
        'invalid-signing-certificate',
        'CERTIFICATE_ERRORS',
        `X509Certificate used for signing is not the certificate of the ${who} used to authenticate`,
      ),
    );
  }
  if (verification.sellerVat !== csid.vatNumber) {
    messages.push(
      zatcaMessage(
        'ERROR',
        'certificate-permissions',
        'CERTIFICATE_ERRORS',
        'User only allowed to use the vat number that exists in the authentication certificate',
      ),
    );
  }
  const profile = verification.profile;
  const titleDigit = profile === 'standard' ? csid.invoiceTypes[0] : profile === 'simplified' ? csid.invoiceTypes[1] : undefined;
  if (profile !== undefined && titleDigit !== '1') {
    const label = profile === 'standard' ? 'Standard' : 'Simplified';
    messages.push(zatcaMessage('ERROR', 'certificate-permissions', 'CERTIFICATE_ERRORS', `${who} does not cover ${label} documents`));
  }
  if (endpoint === 'reporting' && profile === 'standard') {
    messages.push(zatcaMessage('ERROR', 'invalid-invoice-type', 'GENERAL', 'Standard (B2B) documents must be cleared, not reported'));
  }
  if (endpoint === 'clearance' && profile === 'simplified') {
    messages.push(zatcaMessage('ERROR', 'invalid-invoice-type', 'GENERAL', 'Simplified (B2C) documents must be reported, not cleared'));
  }
  return { results: validationResults(messages), verification };
}

/** The compliance step a passing document proves (reference §10 step 3). */
export function complianceStepOf(v: InvoiceVerification | undefined): string | undefined {
  if (!v?.profile || !v.kind) return undefined;
  return v.kind === 'invoice' ? `${v.profile}-compliant` : `${v.profile}-${v.kind}-compliant`;
}

/** The steps a compliance CSID must pass before a production CSID, from its certificate title 'TSCZ'. */
export function requiredComplianceSteps(invoiceTypes: string): string[] {
  const steps: string[] = [];
  const add = (profile: string): void => {
    steps.push(`${profile}-compliant`, `${profile}-credit-note-compliant`, `${profile}-debit-note-compliant`);
  };
  if (invoiceTypes[0] === '1') add('standard');
  if (invoiceTypes[1] === '1') add('simplified');
  return steps;
}
