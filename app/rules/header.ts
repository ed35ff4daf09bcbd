// SPDX-License-Identifier: UNLICENSED
// Header rules (reference §7.2, §7.3): profile, identifiers, type code and KSA-2 transaction code, currencies,
// ICV/PIH/QR references, stamp ids, payment means, and the credit/debit note requirements. Ids, severities and
// guards are those of SCH-3.4.6 (KSA file unless marked CEN).
import { base64ToBytes, isBase64 } from '../bytes/base64';
import type { Finding } from '../findings/finding';
import { CURRENCIES, INITIAL_PIH, INVOICE_TYPE_CODES, KSA_INVOICE_TYPE_CODES, KSA_PAYMENT_MEANS, MIME_CODES, PAYMENT_MEANS } from './codeLists';
import { error, q, warning, type RuleContext } from './ruleContext';
import { attr, charLength, elements, exists, first, hasText, norm, nodes, text } from './xmlQuery';

const SIGNATURE_INFORMATION = '//ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/sig:UBLDocumentSignatures/sac:SignatureInformation';
const SIGNATURE_ID = 'urn:oasis:names:specification:ubl:signature:Invoice';

/** BR-KSA-EN16931-01 (error), BR-02 (CEN, warning), BR-KSA-03 (error), BR-03/04/05 (CEN, errors), BR-KSA-92 (error). */
export function checkHeaderIdentity(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  const profile = text(root, 'cbc:ProfileID');
  if (norm(profile) !== 'reporting:1.0') {
    out.push(error('BR-KSA-EN16931-01', `cbc:ProfileID is ${q(profile)}; it must be "reporting:1.0".`, first(root, 'cbc:ProfileID') ?? root));
  }
  if (!exists(root, 'cbc:ID') || text(root, 'cbc:ID') === '') {
    out.push(warning('BR-02', 'The invoice number cbc:ID (BT-1) is missing or empty.', root));
  }
  const uuid = text(root, 'cbc:UUID');
  // SCH-3.4.6 tests matches(cbc:UUID, '^[\w.-]+'): only the first character is constrained. XPath \w excludes
  // punctuation, separators and control characters; '.' and '-' are added explicitly.
  if (uuid === undefined || uuid === '' || !/^(?:[^\p{P}\p{Z}\p{C}]|[.-])/u.test(uuid)) {
    out.push(
      error(
        'BR-KSA-03',
        `cbc:UUID (KSA-1) is ${q(uuid)}; every document needs its own UUID made of letters, digits and dashes.`,
        first(root, 'cbc:UUID') ?? root,
        'Generate a fresh UUIDv4 per document; do not reuse the EGS unit UUID.',
      ),
    );
  }
  if (!hasRawText(ctx, 'cbc:IssueDate')) out.push(error('BR-03', 'The issue date cbc:IssueDate (BT-2) is missing or empty.', root));
  if (!hasRawText(ctx, 'cbc:InvoiceTypeCode')) {
    out.push(error('BR-04', 'The invoice type code cbc:InvoiceTypeCode (BT-3) is missing or empty.', root));
  }
  if (!hasRawText(ctx, 'cbc:DocumentCurrencyCode')) {
    out.push(error('BR-05', 'The invoice currency code cbc:DocumentCurrencyCode (BT-5) is missing or empty.', root));
  }
  const isB2G = ctx.transaction.length === 9 && /^0[12]/.test(ctx.transaction) && ctx.transaction[8] === '1';
  if (isB2G && !hasText(root, 'cac:ContractDocumentReference/cbc:ID')) {
    out.push(
      error(
        'BR-KSA-92',
        `The transaction code ${q(ctx.transaction)} marks a B2G supply (position 9 = 1), which requires the contract id cac:ContractDocumentReference/cbc:ID (BT-12).`,
        first(root, 'cbc:InvoiceTypeCode'),
      ),
    );
  }
  return out;
}

function hasRawText(ctx: RuleContext, xpath: string): boolean {
  const value = text(ctx.root, xpath);
  return value !== undefined && value !== '';
}

/**
 * BR-KSA-05 (error), BR-CL-01 (CEN, error), BR-KSA-06 (error), BR-KSA-F-06-C40 (warning), BR-KSA-31 (error,
 * simplified only), BR-KSA-07 (error, exports).
 */
export function checkTypeCode(ctx: RuleContext): Finding[] {
  const el = first(ctx.root, 'cbc:InvoiceTypeCode');
  if (!el) return [];
  const out: Finding[] = [];
  const code = norm(el.content);
  if (!KSA_INVOICE_TYPE_CODES.has(code)) {
    out.push(
      error(
        'BR-KSA-05',
        `cbc:InvoiceTypeCode is ${q(el.content)}; KSA documents use 388 (invoice), 381 (credit note), 383 (debit note) or 386 (prepayment).`,
        el,
      ),
    );
  }
  if (!INVOICE_TYPE_CODES.has(code)) {
    out.push(error('BR-CL-01', `cbc:InvoiceTypeCode ${q(el.content)} is not an UNTDID 1001 invoice document type.`, el));
  }
  const name = ctx.transaction;
  if (!/^0[12][01]{5,7}$/.test(name)) {
    out.push(
      error(
        'BR-KSA-06',
        `The transaction code cbc:InvoiceTypeCode/@name (KSA-2) is ${q(name)}; it must be "01" (tax invoice) or "02" (simplified) followed by 5 to 7 flags of 0/1 (third party, nominal, export, summary, self-billed[, continuous, B2G]).`,
        el,
        'A plain POS receipt, credit note or debit note uses "0200000".',
      ),
    );
  }
  const length = charLength(name);
  if (length < 7 || length > 9) {
    out.push(warning('BR-KSA-F-06-C40', `The transaction code @name has ${length} characters; it must have 7 to 9.`, el));
  }
  if (name.startsWith('02') && !(/^[01]{4}$/.test(name.slice(2, 6)) && name[6] === '0')) {
    out.push(
      error(
        'BR-KSA-31',
        `The transaction code ${q(name)} is simplified (02) but position 7 (self-billing) is ${q(name[6])}; self-billing is not allowed for simplified documents.`,
        el,
      ),
    );
  }
  if (name[4] === '1' && name[6] === '1') {
    out.push(error('BR-KSA-07', `The transaction code ${q(name)} combines export (position 5) with self-billing (position 7), which is not allowed.`, el));
  }
  return out;
}

/**
 * BR-KSA-68 (error), BR-KSA-EN16931-02 (error), BR-KSA-EN16931-08/09 (warnings), BR-KSA-CL-01 (error),
 * BR-CL-04/05 (CEN, errors).
 */
export function checkCurrencies(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  const taxCurrencies = elements(root, 'cbc:TaxCurrencyCode');
  if (!hasRawText(ctx, 'cbc:TaxCurrencyCode')) {
    out.push(error('BR-KSA-68', 'The VAT accounting currency cbc:TaxCurrencyCode (BT-6) is missing; it must be present (and "SAR").', root));
  }
  const withoutSubtotals = elements(root, 'cac:TaxTotal[not(cac:TaxSubtotal)]').length;
  for (const el of taxCurrencies) {
    if (norm(el.content).toUpperCase() !== 'SAR') {
      out.push(error('BR-KSA-EN16931-02', `cbc:TaxCurrencyCode (BT-6) is ${q(el.content)}; it must be "SAR".`, el));
    }
    if (!CURRENCIES.has(norm(el.content))) out.push(error('BR-CL-05', `cbc:TaxCurrencyCode ${q(el.content)} is not an ISO 4217 code.`, el));
    if (withoutSubtotals !== 1) {
      out.push(
        warning(
          'BR-KSA-EN16931-09',
          `There are ${withoutSubtotals} cac:TaxTotal elements without cac:TaxSubtotal; exactly one (the VAT total in SAR, BT-111) is expected when cbc:TaxCurrencyCode is present.`,
          root,
        ),
      );
    }
  }
  const withSubtotals = elements(root, 'cac:TaxTotal[cac:TaxSubtotal]').length;
  if (withSubtotals !== 1) {
    out.push(
      warning(
        'BR-KSA-EN16931-08',
        `There are ${withSubtotals} cac:TaxTotal elements with cac:TaxSubtotal; exactly one (the VAT breakdown, BG-22/BG-23) is expected.`,
        root,
      ),
    );
  }
  for (const el of elements(root, 'cbc:DocumentCurrencyCode')) {
    if (!CURRENCIES.has(norm(el.content))) {
      out.push(error('BR-KSA-CL-01', `cbc:DocumentCurrencyCode ${q(el.content)} is not an ISO 4217 currency code.`, el));
      out.push(error('BR-CL-04', `cbc:DocumentCurrencyCode ${q(el.content)} is not an ISO 4217 alpha-3 code.`, el));
    }
  }
  return out;
}

/**
 * The ICV, PIH and QR references (reference §7.2): BR-KSA-33/34 (errors), BR-KSA-61/26 (warnings), BR-KSA-27
 * (warning, simplified), BR-CL-KSA-14 (error), BR-KSA-CL-03 (error), BR-52 (CEN, warning).
 */
export function checkDocumentReferences(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  const adrs = elements(root, 'cac:AdditionalDocumentReference');
  const byId = (id: string) => adrs.find((adr) => norm(text(adr, 'cbc:ID')) === id);

  const icv = byId('ICV');
  const icvValue = icv ? text(icv, 'cbc:UUID') : undefined;
  if (!icv || !icvValue) {
    out.push(
      error(
        'BR-KSA-33',
        'The invoice counter value (KSA-16) is missing: add cac:AdditionalDocumentReference with cbc:ID "ICV" and the counter in cbc:UUID.',
        icv ?? root,
      ),
    );
  }
  if (icvValue !== undefined && !/^[0-9]*$/.test(icvValue)) {
    out.push(error('BR-KSA-34', `The invoice counter value (ICV cbc:UUID) is ${q(icvValue)}; it must contain digits only.`, first(icv!, 'cbc:UUID')));
  }

  const pih = byId('PIH');
  const pihObject = pih ? first(pih, 'cac:Attachment/cbc:EmbeddedDocumentBinaryObject') : undefined;
  if (!pihObject || pihObject.content === '' || norm(attr(pihObject, 'mimeCode')) !== 'text/plain') {
    out.push(
      warning('BR-KSA-61', 'The previous invoice hash (KSA-13) is missing: add the PIH reference with a text/plain EmbeddedDocumentBinaryObject.', pih ?? root),
    );
  }
  if (pih && exists(pih, 'cac:Attachment')) out.push(...checkPreviousHash(pih));

  const qr = byId('QR');
  const qrObject = qr ? first(qr, 'cac:Attachment/cbc:EmbeddedDocumentBinaryObject') : undefined;
  if (ctx.isSimplified && (!qrObject || norm(qrObject.content) === '' || norm(attr(qrObject, 'mimeCode')) !== 'text/plain')) {
    out.push(
      warning(
        'BR-KSA-27',
        'A simplified document must carry its QR code (KSA-14): cac:AdditionalDocumentReference "QR" with a non-empty text/plain EmbeddedDocumentBinaryObject.',
        qr ?? root,
      ),
    );
  }
  if (qrObject) {
    const length = charLength(qrObject.content);
    if (length > 1000 || length < 1) {
      out.push(error('BR-CL-KSA-14', `The QR code (KSA-14) has ${length} characters; it must have 1 to 1000.`, qrObject));
    }
  }
  for (const obj of elements(root, 'cac:AdditionalDocumentReference/cac:Attachment/cbc:EmbeddedDocumentBinaryObject')) {
    const mime = attr(obj, 'mimeCode');
    if (!MIME_CODES.has(norm(mime))) {
      out.push(error('BR-KSA-CL-03', `The attachment mimeCode is ${q(mime)}; it must be one of the IANA subset (text/plain for PIH and QR).`, obj));
    }
  }
  for (const adr of adrs) {
    if ((text(adr, 'cbc:ID') ?? '') === '') out.push(warning('BR-52', 'An cac:AdditionalDocumentReference has no cbc:ID (BT-122).', adr));
  }
  return out;
}

/**
 * BR-KSA-26 (warning). The schematron only checks that a text/plain value is present; the rule text requires a
 * base64 SHA-256 or the initial constant, so we also check that it decodes to 32 bytes (or is the constant).
 */
function checkPreviousHash(pih: NonNullable<ReturnType<typeof first>>): Finding[] {
  const obj = first(pih, 'cac:Attachment/cbc:EmbeddedDocumentBinaryObject');
  if (!obj || obj.content === '' || norm(attr(obj, 'mimeCode')) !== 'text/plain') {
    return [warning('BR-KSA-26', 'The PIH attachment has no text/plain EmbeddedDocumentBinaryObject value.', obj ?? pih)];
  }
  const value = norm(obj.content);
  if (value === INITIAL_PIH) return [];
  const decodedLength = isBase64(value) ? base64ToBytes(value).length : -1;
  if (decodedLength !== 32) {
    return [
      warning(
        'BR-KSA-26',
        `The previous invoice hash (KSA-13) ${q(value.length > 100 ? `${value.slice(0, 100)}…` : value)} is not the base64 of a 32-byte SHA-256 digest nor the initial-chain constant.`,
        obj,
        'PIH is the base64 DigestValue of the previous document generated by this EGS unit; the first document uses the constant NWZlY2Vi…NTdlOQ==.',
      ),
    ];
  }
  return [];
}

/**
 * Cryptographic stamp ids, simplified documents only: BR-KSA-28 (error), BR-KSA-29 (warning), BR-KSA-30 (error),
 * BR-KSA-60 (warning). SCH-3.4.6 evaluates 28-30 in the context of each AdditionalDocumentReference attachment
 * other than PIH's (the PIH rule shadows them), i.e. on the QR attachment.
 */
export function checkStampIdentifiers(ctx: RuleContext): Finding[] {
  if (!ctx.isSimplified) return [];
  const { root } = ctx;
  const out: Finding[] = [];
  const signatureInfoIds = nodes(root, `${SIGNATURE_INFORMATION}/cbc:ID`).map((n) => n.content);
  const referencedId = norm(text(root, `${SIGNATURE_INFORMATION}/sbc:ReferencedSignatureID`));
  const signatureIds = nodes(root, '//cac:Signature/cbc:ID').map((n) => n.content);
  const signatureMethods = nodes(root, '//cac:Signature/cbc:SignatureMethod').map((n) => n.content);
  const attachments = elements(root, 'cac:AdditionalDocumentReference/cac:Attachment').filter((a) => norm(text(a, '../cbc:ID')) !== 'PIH');
  for (const attachment of attachments) {
    const hasObject = (text(attachment, 'cbc:EmbeddedDocumentBinaryObject') ?? '') !== '';
    if (!hasObject || !signatureInfoIds.includes('urn:oasis:names:specification:ubl:signature:1')) {
      out.push(
        error(
          'BR-KSA-28',
          `The stamp's sac:SignatureInformation/cbc:ID is ${q(signatureInfoIds[0])}; it must be "urn:oasis:names:specification:ubl:signature:1".`,
          attachment,
        ),
      );
    }
    if (!(signatureIds.includes(SIGNATURE_ID) && referencedId === SIGNATURE_ID)) {
      out.push(
        warning(
          'BR-KSA-29',
          `cac:Signature/cbc:ID is ${q(signatureIds[0])} and sbc:ReferencedSignatureID is ${q(referencedId)}; both must be "${SIGNATURE_ID}".`,
          attachment,
        ),
      );
    }
    if (!hasObject || !signatureMethods.includes('urn:oasis:names:specification:ubl:dsig:enveloped:xades')) {
      out.push(
        error(
          'BR-KSA-30',
          `cac:Signature/cbc:SignatureMethod is ${q(signatureMethods[0])}; it must be "urn:oasis:names:specification:ubl:dsig:enveloped:xades".`,
          attachment,
        ),
      );
    }
  }
  const signatures = elements(root, '//cac:Signature');
  if (signatures.length === 0 || signatures.every((s) => s.content === '')) {
    out.push(warning('BR-KSA-60', 'A simplified document must carry the cryptographic stamp reference cac:Signature (KSA-15).', root));
  }
  return out;
}

/** BR-KSA-16 (warning), BR-CL-16 (CEN, warning), BR-49 (CEN, warning, standard only). */
export function checkPaymentMeans(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const pm of elements(ctx.root, 'cac:PaymentMeans')) {
    const codeEl = first(pm, 'cbc:PaymentMeansCode');
    if (!codeEl) {
      if (ctx.isStandard) out.push(warning('BR-49', 'A cac:PaymentMeans has no cbc:PaymentMeansCode (BT-81).', pm));
      continue;
    }
    const code = norm(codeEl.content);
    if (!KSA_PAYMENT_MEANS.has(code)) {
      out.push(
        warning(
          'BR-KSA-16',
          `cbc:PaymentMeansCode is ${q(codeEl.content)}; it must come from the KSA subset of UNTDID 4461 (10 cash, 30 credit, 42 bank account, 48 card, 1 not defined…).`,
          codeEl,
        ),
      );
    }
    if (!PAYMENT_MEANS.has(code)) out.push(warning('BR-CL-16', `cbc:PaymentMeansCode ${q(codeEl.content)} is not in UNTDID 4461.`, codeEl));
  }
  return out;
}

/**
 * Credit and debit notes (381/383): BR-KSA-17 (error), BR-KSA-F-06-C13 (warning), BR-KSA-56 (warning),
 * BR-KSA-F-06-C22 (error); and BR-55 (CEN, error) for any billing reference.
 */
export function checkNoteReferences(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  const billingRefs = elements(root, 'cac:BillingReference');
  for (const ref of billingRefs) {
    if ((text(ref, 'cac:InvoiceDocumentReference/cbc:ID') ?? '') === '') {
      out.push(error('BR-55', 'A cac:BillingReference has no cac:InvoiceDocumentReference/cbc:ID (BT-25).', ref));
    }
  }
  if (!ctx.isNote) return out;
  const kind = ctx.typeCode === '381' ? 'credit note' : 'debit note';
  const means = elements(root, 'cac:PaymentMeans');
  if (means.length === 0) {
    out.push(
      error(
        'BR-KSA-17',
        `This ${kind} has no cac:PaymentMeans, so it has no reason for issuance cac:PaymentMeans/cbc:InstructionNote (KSA-10).`,
        root,
        'Add <cac:PaymentMeans> with cbc:PaymentMeansCode and cbc:InstructionNote stating why the note was issued.',
      ),
    );
  }
  for (const pm of means) {
    if (!exists(pm, 'cbc:InstructionNote')) {
      out.push(error('BR-KSA-17', `This ${kind}'s cac:PaymentMeans lacks cbc:InstructionNote, the reason for issuance (KSA-10).`, pm));
    }
  }
  for (const note of elements(root, '//cac:PaymentMeans/cbc:InstructionNote')) {
    const length = charLength(note.content);
    if (length < 1 || length > 1000) {
      out.push(warning('BR-KSA-F-06-C13', `cbc:InstructionNote has ${length} characters; it must have 1 to 1000.`, note));
    }
  }
  if (billingRefs.length === 0) {
    out.push(
      warning(
        'BR-KSA-56',
        `This ${kind} has no cac:BillingReference; the id of the original invoice (BT-25) is required.`,
        root,
        'Add <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>original IRN</cbc:ID>…',
      ),
    );
  }
  for (const ref of billingRefs) {
    const idEl = first(ref, 'cac:InvoiceDocumentReference/cbc:ID');
    if (!idEl || idEl.content === '') {
      out.push(warning('BR-KSA-56', `This ${kind}'s cac:BillingReference has no original invoice id (BT-25).`, ref));
    }
    const length = idEl ? charLength(idEl.content) : 1;
    if (length < 1 || length > 5000) {
      out.push(error('BR-KSA-F-06-C22', `The billing reference id has ${length} characters; it must have 1 to 5000.`, idEl));
    }
  }
  return out;
}
