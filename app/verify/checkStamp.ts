// SPDX-License-Identifier: UNLICENSED
// The cryptographic stamp of a ZATCA document, checked the way Fatoora checks it (reference §1–§6), with the likely
// cause named when something does not match — the mistakes of §12 leave recognisable fingerprints.
import { base64ToBytes, bytesToBase64, isBase64 } from '../bytes/base64';
import { bytesToHex, equalBytes } from '../bytes/hex';
import { utf8ToBytes } from '../bytes/utf8';
import { sha256, sha256Hex } from '../crypto/sha256';
import { verifyDer } from '../crypto/ecdsa';
import { decodeQr, QrEncodingError, type DecodedQr } from '../qr/tlv';
import { certificateDigest } from '../x509/certificateDigest';
import { parseCertificate, type Certificate } from '../x509/parseCertificate';
import { canonicalInvoiceText } from '../stamp/invoiceHash';
import { extractSignedPropertiesText, signedPropertiesDigest } from '../stamp/signedProperties';
import type { Finding } from '../findings/finding';
import type { InvoiceFields } from './readInvoiceFields';
import { sellerVatFinding } from './sellerCertificate';

export interface StampCheck {
  readonly findings: Finding[];
  /** The hash recomputed from the document (base64 of the raw digest). */
  readonly invoiceHash: string;
  readonly certificate?: Certificate;
  readonly qr?: DecodedQr;
}

const error = (rule: string, message: string, hint?: string, location?: string): Finding => ({
  rule,
  severity: 'error',
  message,
  ...(hint ? { hint } : {}),
  ...(location ? { location } : {}),
});
const warning = (rule: string, message: string, hint?: string): Finding => ({ rule, severity: 'warning', message, ...(hint ? { hint } : {}) });

function hashOf(text: string): string {
  return bytesToBase64(sha256(utf8ToBytes(text)));
}

/** Explains a hash mismatch by recomputing with the recipes other implementations get wrong (reference §1, §12). */
function explainHashMismatch(source: string | Uint8Array, declared: string, computed: string): string {
  const declaredBytes = isBase64(declared) ? base64ToBytes(declared) : undefined;
  if (declaredBytes && declaredBytes.length === 64 && bytesToHex(base64ToBytes(computed)) === String.fromCharCode(...declaredBytes)) {
    return 'the DigestValue is base64 of the hex text of the digest; it must be base64 of the 32 raw digest bytes (reference §1 step 5)';
  }
  if (declaredBytes && declaredBytes.length !== 32) {
    return `the DigestValue decodes to ${declaredBytes.length} bytes; a SHA-256 digest is 32 (reference §1)`;
  }
  if (hashOf(canonicalInvoiceText(source, { dropWhitespaceTails: true })) === declared) {
    return 'the signer dropped the whitespace text around the removed UBLExtensions/Signature/QR elements; those text nodes must stay (reference §1, pitfall 1)';
  }
  if (hashOf(canonicalInvoiceText(source, { exclusive: true })) === declared) {
    return 'the signer used exclusive canonicalisation, which drops the unused root xmlns:ext; ZATCA uses inclusive C14N 1.1 (reference §1, pitfall 2)';
  }
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  if (text.includes('\r')) {
    return 'the document has CR (Windows) line endings; if it was converted after signing, convert it back to LF (reference §4)';
  }
  return 'the content was changed after stamping (an amount, name or date edited, or the document re-indented / pretty-printed); the hash covers every byte outside the signature, QR and UBL Signature blocks (reference §1)';
}

function checkHash(source: string | Uint8Array, fields: InvoiceFields, findings: Finding[]): string {
  // a fresh parse: removing the excluded subtrees must not disturb the document the other checks read
  const computed = hashOf(canonicalInvoiceText(source));
  const declared = fields.signature.invoiceDigest;
  if (declared === undefined) {
    findings.push(error('invalid-invoice-hash', 'the ds:Reference with Id "invoiceSignedData" has no DigestValue (the invoice hash is missing)'));
  } else if (declared !== computed) {
    findings.push(
      error(
        'invalid-invoice-hash',
        `invoice hash mismatch: the document declares ${declared} but its content hashes to ${computed}`,
        explainHashMismatch(source, declared, computed),
        "ds:Reference[@Id='invoiceSignedData']/ds:DigestValue",
      ),
    );
  }
  return computed;
}

function checkSignature(fields: InvoiceFields, certificate: Certificate, findings: Finding[]): void {
  const { signatureValue, invoiceDigest } = fields.signature;
  if (!signatureValue) {
    findings.push(error('invalid-signature', 'ds:SignatureValue is missing'));
    return;
  }
  if (!invoiceDigest || !isBase64(invoiceDigest)) return; // already reported by the hash check
  const signature = isBase64(signatureValue) ? base64ToBytes(signatureValue) : undefined;
  if (!signature) {
    findings.push(error('invalid-signature', 'ds:SignatureValue is not base64'));
    return;
  }
  const message = base64ToBytes(invoiceDigest);
  if (verifyDer(signature, message, certificate.publicKey)) return;
  let hint = 'the signature was not made by the key of the embedded certificate over the 32 raw bytes of the invoice hash (reference §2)';
  if (signature[0] !== 0x30 && signature.length === 64) {
    hint = 'the signature is raw r||s (64 bytes, e.g. from WebCrypto); ZATCA expects DER SEQUENCE{r, s} (reference §2)';
  } else if (verifyDer(signature, utf8ToBytes(invoiceDigest), certificate.publicKey)) {
    hint = 'the signer signed the base64 text of the hash; ZATCA signs the 32 raw hash bytes (reference §2, pitfall 13)';
  } else if (verifyDer(signature, utf8ToBytes(bytesToHex(message)), certificate.publicKey)) {
    hint = 'the signer signed the hex text of the hash; ZATCA signs the 32 raw hash bytes (reference §2)';
  }
  findings.push(error('invalid-signature', 'ds:SignatureValue does not verify with the public key of ds:X509Certificate', hint));
}

function checkCertificateReferences(fields: InvoiceFields, certificate: Certificate, findings: Finding[]): void {
  const { certDigest, issuerName, serialNumber } = fields.signature;
  const expectedDigest = certificateDigest(certificate);
  if (certDigest !== expectedDigest) {
    let hint = 'CertDigest must be base64( hex( SHA-256( the base64 certificate text in ds:X509Certificate ) ) ) (reference §3)';
    if (certDigest === bytesToBase64(sha256(utf8ToBytes(certificate.base64Der))))
      hint = 'CertDigest is base64 of the raw digest; it must be base64 of the lowercase hex text (reference §3, pitfall 5)';
    else if (certDigest === bytesToBase64(utf8ToBytes(sha256Hex(certificate.der))))
      hint = 'CertDigest was computed over the DER bytes; it must be computed over the base64 text (reference §3, pitfall 6)';
    findings.push(
      error('invalid-certificate-hash', `xades:CertDigest ${certDigest ?? '(missing)'} does not match the certificate (expected ${expectedDigest})`, hint),
    );
  }
  if (issuerName !== certificate.issuerName) {
    const hint =
      issuerName && issuerName.replace(/,\s*/g, ',') === certificate.issuerName.replace(/, /g, ',')
        ? 'RDNs must be joined with a comma and a space (reference §3, pitfall 7)'
        : 'issuer RDNs are written most specific first, e.g. "CN=…, DC=extgazt, DC=gov, DC=local" (reference §3)';
    findings.push(error('X509IssuerName', `ds:X509IssuerName "${issuerName ?? ''}" does not match the certificate issuer "${certificate.issuerName}"`, hint));
  }
  if (serialNumber !== certificate.serialDecimal) {
    const hint =
      serialNumber && /^[0-9a-fA-F]+$/.test(serialNumber) && BigInt(`0x${serialNumber}`).toString() === certificate.serialDecimal
        ? 'the serial is written in hex; it must be decimal (reference §3)'
        : undefined;
    findings.push(
      error('X509SerialNumber', `ds:X509SerialNumber "${serialNumber ?? ''}" does not match the certificate serial ${certificate.serialDecimal}`, hint),
    );
  }
}

function checkSignedProperties(source: string | Uint8Array, fields: InvoiceFields, findings: Finding[]): void {
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  const element = extractSignedPropertiesText(text);
  if (!element) {
    findings.push(error('signed-properties-hashing', 'xades:SignedProperties is missing'));
    return;
  }
  const computed = signedPropertiesDigest(element);
  if (computed === fields.signature.signedPropertiesDigest) return;
  let hint =
    'the SignedProperties digest is computed over the element text exactly as it appears in the document, same indentation and LF line breaks, with xmlns:xades and xmlns:ds added (reference §4)';
  if (element.includes('\r')) hint = 'the SignedProperties text contains CR (Windows line endings); the digest is over LF text (reference §4, pitfall 4)';
  findings.push(
    error(
      'signed-properties-hashing',
      `Invalid signed properties hashing, SignedProperties with id='xadesSignedProperties': declared ${fields.signature.signedPropertiesDigest ?? '(missing)'}, computed ${computed}`,
      hint,
    ),
  );
}

function checkQr(fields: InvoiceFields, computedHash: string, certificate: Certificate | undefined, findings: Finding[]): DecodedQr | undefined {
  const simplified = fields.typeName?.startsWith('02') ?? false;
  if (!fields.qr) {
    if (simplified) findings.push(error('QRCODE_INVALID', 'the QR AdditionalDocumentReference is missing (BR-KSA-27)'));
    return undefined;
  }
  let qr: DecodedQr;
  try {
    qr = decodeQr(fields.qr);
  } catch (err) {
    findings.push(error('QRCODE_INVALID', `the QR cannot be decoded: ${err instanceof QrEncodingError ? err.message : String(err)}`));
    return undefined;
  }
  const f = qr.fields;
  const mismatch = (tag: number, what: string, got: string | undefined, want: string | undefined, hint?: string) => {
    const message = `QR tag ${tag} (${what}) is "${got ?? '(missing)'}" but the document says "${want ?? '(missing)'}"`;
    // Fatoora answers a tag-3 mismatch with the warning invoiceTimeStamp_QRCODE_INVALID (reference §6)
    findings.push(tag === 3 ? warning('invoiceTimeStamp_QRCODE_INVALID', message, hint) : error('QRCODE_INVALID', message, hint));
  };
  if (f.sellerName !== fields.sellerName) mismatch(1, 'seller name', f.sellerName, fields.sellerName);
  if (f.vatNumber !== fields.sellerVat) mismatch(2, 'VAT number', f.vatNumber, fields.sellerVat);
  const timestamp = `${fields.issueDate}T${fields.issueTime}`;
  if (f.timestamp !== timestamp) {
    const hint =
      f.timestamp?.replace(/Z$/, '') === timestamp.replace(/Z$/, '')
        ? 'add or drop the "Z" so tag 3 matches IssueTime character for character (reference §6, pitfall 9)'
        : undefined;
    mismatch(3, 'time stamp', f.timestamp, timestamp, hint);
  }
  // SEC-1.2 names the total with VAT (BT-112); SDK 3.4.6 writes the payable amount (BT-115) when the two differ
  // (rounding adjustment, prepayment) and its validator accepts its own samples, so either is accepted here.
  if (f.totalWithVat !== fields.taxInclusive && f.totalWithVat !== fields.payable) mismatch(4, 'total with VAT', f.totalWithVat, fields.taxInclusive);
  if (f.vatTotal !== fields.vatWithSubtotals && f.vatTotal !== fields.vatWithoutSubtotals) {
    mismatch(5, 'VAT total', f.vatTotal, fields.vatWithSubtotals, 'tag 5 is the document TaxTotal/TaxAmount (reference §6, pitfall 11)');
  }
  if (f.invoiceHash !== computedHash) {
    mismatch(
      6,
      'invoice hash',
      f.invoiceHash,
      computedHash,
      f.invoiceHash === undefined ? undefined : 'tag 6 carries the base64 text of the hash (reference §6)',
    );
  }
  if (f.signature !== fields.signature.signatureValue) mismatch(7, 'signature', f.signature, fields.signature.signatureValue);
  if (certificate) {
    if (!f.publicKey || !equalBytes(f.publicKey, certificate.spki)) {
      findings.push(
        error(
          'QRCODE_INVALID',
          'QR tag 8 is not the public key of the signing certificate (DER SubjectPublicKeyInfo)',
          f.publicKey?.length === 65 ? 'tag 8 holds the raw point; it must be the SPKI DER (reference §6, pitfall 10)' : undefined,
        ),
      );
    }
    if (simplified && (!f.certificateSignature || !equalBytes(f.certificateSignature, certificate.signatureValue))) {
      const hint =
        f.certificateSignature && f.certificateSignature[0] === 0
          ? 'tag 9 includes the BIT STRING unused-bits byte; drop it (reference §6, pitfall 10)'
          : 'tag 9 is the certificate signature bytes (reference §6)';
      findings.push(error('QRCODE_INVALID', "QR tag 9 does not equal the signing certificate's signature", hint));
    }
  }
  // BR-CL-KSA-14: more than 1000 characters is an error (ZATCA advises at most 700, SEC-1.2 §4.1)
  if (fields.qr.length > 1000) findings.push(error('BR-CL-KSA-14', `the QR text is ${fields.qr.length} characters; at most 1000 are allowed`));
  else if (fields.qr.length > 700) findings.push(warning('QR-SIZE', `the QR text is ${fields.qr.length} characters; ZATCA advises at most 700 (SEC-1.2 §4.1)`));
  return qr;
}

/**
 * The counter: Fatoora rejects a document without a numeric ICV (BR-KSA-33/34, errors). The PIH is left to the
 * business rules, which judge it as ZATCA does: missing is BR-KSA-61, malformed BR-KSA-26, both warnings
 * (reference §7.2).
 */
function checkChainFields(fields: InvoiceFields, findings: Finding[]): void {
  if (fields.icv === undefined || !/^\d+$/.test(fields.icv)) {
    findings.push(error('BR-KSA-33', `the invoice counter (ICV) must be present and digits only, got "${fields.icv ?? '(missing)'}"`));
  }
}

/** Runs every stamp check on a parsed document. `source` is the exact bytes or text that were parsed. */
export function checkStamp(source: string | Uint8Array, fields: InvoiceFields): StampCheck {
  const findings: Finding[] = [];
  checkChainFields(fields, findings);
  const invoiceHash = checkHash(source, fields, findings);
  if (!fields.signature.present) {
    findings.push(error('BR-KSA-28', 'the document is not signed: ext:UBLExtensions has no ds:Signature'));
    return { findings, invoiceHash };
  }
  let certificate: Certificate | undefined;
  try {
    if (!fields.signature.certificate) throw new Error('ds:X509Certificate is missing');
    certificate = parseCertificate(fields.signature.certificate);
  } catch (err) {
    findings.push(error('certificate-invalid', `the signing certificate cannot be read: ${err instanceof Error ? err.message : String(err)}`));
  }
  if (certificate) {
    checkSignature(fields, certificate, findings);
    checkCertificateReferences(fields, certificate, findings);
    const vat = sellerVatFinding(fields.sellerVat, certificate);
    if (vat) findings.push(vat);
  }
  checkSignedProperties(source, fields, findings);
  const qr = checkQr(fields, invoiceHash, certificate, findings);
  return { findings, invoiceHash, ...(certificate ? { certificate } : {}), ...(qr ? { qr } : {}) };
}
