// SPDX-License-Identifier: UNLICENSED
// `verify`: everything Fatoora checks on a document, for any ZATCA UBL XML (ours or anyone's) — stamp (hash,
// signature, certificate references, SignedProperties, QR), chain fields, XSD and business rules — each problem with
// its rule id, severity and a plain-language message.
import type { XmlDocument } from 'libxml2-wasm';
import type { Certificate } from '../x509/parseCertificate';
import type { DecodedQr } from '../qr/tlv';
import { parseXml, XmlSyntaxError } from '../xml/parseXml';
import { checkStamp } from './checkStamp';
import { hasErrors, type Finding } from '../findings/finding';
import { readInvoiceFields } from './readInvoiceFields';
import { checkBusinessRules } from '../rules/checkBusinessRules';
import { signingTimeFindings } from './certificateValidity';

/** Anything that checks a parsed document: the XSD validator, the business rules. */
export interface DocumentCheck {
  validate(doc: XmlDocument): Finding[];
}

export interface VerifyOptions {
  /** The validator's clock: BR-KSA-04 (not in the future) and BR-KSA-98 (24 hours) depend on it. */
  readonly now: Date;
  /** UBL 2.1 XSD validation; omitted → not run (and said so in `skipped`). */
  readonly xsd?: DocumentCheck;
  /** Business rules (reference §7); omitted → the engine's full rule set (app/rules). */
  readonly rules?: (doc: XmlDocument, options: { now: Date }) => Finding[];
}

export type DocumentKindName = 'invoice' | 'credit-note' | 'debit-note';

export interface VerificationReport {
  readonly valid: boolean;
  readonly findings: Finding[];
  /** Checks that were not run, e.g. "XSD". */
  readonly skipped: string[];
  readonly invoiceHash: string;
  readonly declaredHash?: string;
  readonly uuid?: string;
  readonly number?: string;
  readonly icv?: number;
  readonly pih?: string;
  readonly kind?: DocumentKindName;
  readonly profile?: 'simplified' | 'standard';
  readonly issueDateTime?: string;
  readonly certificate?: Certificate;
  readonly sellerVat?: string;
  readonly qr?: DecodedQr;
}

const KINDS: Record<string, DocumentKindName> = { '388': 'invoice', '381': 'credit-note', '383': 'debit-note' };

const issueDateTimeOf = (fields: { issueDate?: string; issueTime?: string }) =>
  fields.issueDate && fields.issueTime ? `${fields.issueDate}T${fields.issueTime}` : undefined;

export function verifyInvoice(xml: string | Uint8Array, options: VerifyOptions): VerificationReport {
  const steps = verificationSteps(xml, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same verification with `pause` awaited between its steps (reading, stamp, XSD, business rules): a thread that
 * also answers a till — training mode's embedded simulator runs in the till's own process — serves other work
 * between them instead of holding its event loop for the whole check. The parsed document is its own and is freed
 * when the check ends; nothing else reads it meanwhile.
 */
export async function verifyInvoiceInTurns(xml: string | Uint8Array, options: VerifyOptions, pause: () => Promise<void>): Promise<VerificationReport> {
  const steps = verificationSteps(xml, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The verification, yielding between its steps (verifyInvoice runs them at once, verifyInvoiceInTurns between turns). */
function* verificationSteps(xml: string | Uint8Array, options: VerifyOptions): Generator<void, VerificationReport, void> {
  let doc: XmlDocument;
  try {
    doc = parseXml(xml);
  } catch (err) {
    const message = err instanceof XmlSyntaxError ? err.message : `cannot parse: ${String(err)}`;
    return { valid: false, findings: [{ rule: 'XML', severity: 'error', message }], skipped: ['XSD', 'rules', 'stamp'], invoiceHash: '' };
  }
  try {
    const fields = readInvoiceFields(doc);
    const findings: Finding[] = [];
    const skipped: string[] = [];
    if (!fields.rootOk) {
      findings.push({
        rule: 'XML',
        severity: 'error',
        message: `the root element must be {${'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'}}Invoice`,
      });
    }
    yield;
    const stamp = checkStamp(xml, fields);
    findings.push(...stamp.findings);
    if (stamp.certificate) findings.push(...signingTimeFindings(fields.signature.signingTime ?? issueDateTimeOf(fields), stamp.certificate));
    yield;
    if (options.xsd) findings.push(...options.xsd.validate(doc));
    else skipped.push('XSD');
    yield;
    findings.push(...(options.rules ?? checkBusinessRules)(doc, { now: options.now }));
    const icv = fields.icv !== undefined && /^\d+$/.test(fields.icv) ? Number(fields.icv) : undefined;
    const profile = fields.typeName?.startsWith('01') ? 'standard' : fields.typeName?.startsWith('02') ? 'simplified' : undefined;
    const kind = fields.typeCode ? KINDS[fields.typeCode] : undefined;
    return {
      valid: !hasErrors(findings),
      findings,
      skipped,
      invoiceHash: stamp.invoiceHash,
      ...(fields.signature.invoiceDigest !== undefined ? { declaredHash: fields.signature.invoiceDigest } : {}),
      ...(fields.uuid !== undefined ? { uuid: fields.uuid } : {}),
      ...(fields.number !== undefined ? { number: fields.number } : {}),
      ...(icv !== undefined ? { icv } : {}),
      ...(fields.pih !== undefined ? { pih: fields.pih } : {}),
      ...(kind ? { kind } : {}),
      ...(profile ? { profile } : {}),
      ...(issueDateTimeOf(fields) ? { issueDateTime: issueDateTimeOf(fields) } : {}),
      ...(stamp.certificate ? { certificate: stamp.certificate } : {}),
      ...(fields.sellerVat !== undefined ? { sellerVat: fields.sellerVat } : {}),
      ...(stamp.qr ? { qr: stamp.qr } : {}),
    };
  } finally {
    doc.dispose();
  }
}
