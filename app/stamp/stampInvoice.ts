// SPDX-License-Identifier: UNLICENSED
// Stamping (reference §5, "order of operations that works"): hash the unsigned document → sign the 32 hash bytes →
// build SignedProperties and its digest → build the QR → fill the two slots, changing nothing outside them →
// re-hash the final bytes as a self-check. The private key never comes here: a MessageSigner does the signing.
import { bytesToBase64 } from '../bytes/base64';
import type { MessageSigner } from '../crypto/ecdsa';
import { encodeQr } from '../qr/tlv';
import { QR_SLOT, UBL_EXTENSIONS_SLOT, type UnsignedInvoice } from '../ubl/buildInvoiceXml';
import { sha256 } from '../crypto/sha256';
import { certificateDigest } from '../x509/certificateDigest';
import type { Certificate } from '../x509/parseCertificate';
import { computeInvoiceHash, invoiceHashBytes } from './invoiceHash';
import { signatureBlockXml, SIGNED_PROPERTIES_DEPTH } from './signatureBlock';
import { signedPropertiesDigest, signedPropertiesXml } from './signedProperties';

/** The signing certificate (CSID): ds:X509Certificate, CertDigest, issuer, serial and QR tags 8 and 9 come from it. */
export type SigningCertificate = Certificate;

export interface QrValues {
  readonly sellerName: string;
  readonly vatNumber: string;
  readonly issueDate: string;
  readonly issueTime: string;
  readonly totalWithVat: string;
  readonly vatTotal: string;
  /** Tag 9 goes on simplified documents only (reference §6). */
  readonly simplified: boolean;
}

export interface StampResult {
  /** The final document, LF line endings, UTF-8 declaration. */
  readonly xml: string;
  readonly hash: string;
  readonly signatureValue: string;
  readonly qr: string;
}

// Every failure below is a broken invariant, not a refusal: the unsigned document comes from app/ubl with exactly
// one of each slot on its own line, the input schema refuses CR in any text (app/document/documentInput.ts), and
// the self-check can only fail if this module or the C14N is wrong. So they are plain Errors (bugs: logged with
// their stack, answered as "internal"), never DukkanErrors a screen would explain (app/errors/dukkanError.ts).

function replaceOnce(text: string, slot: string, replacement: string): string {
  const at = text.indexOf(slot);
  if (at < 0 || text.indexOf(slot, at + slot.length) >= 0) throw new Error(`stampInvoice: document must contain exactly one ${slot}`);
  return text.slice(0, at) + replacement + text.slice(at + slot.length);
}

function indentOf(text: string, slot: string): string {
  const at = text.indexOf(slot);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = text.slice(lineStart, at);
  if (!/^ *$/.test(indent)) throw new Error(`stampInvoice: ${slot} must start its own line`);
  return indent;
}

export interface StampOptions {
  /**
   * How the final bytes are checked against the stamped hash. 'rehash' (default) parses and canonicalises the final
   * document again. 'structural' checks textually that the final document equals the unsigned one outside the two
   * slots — which the hash excludes, so the hash cannot differ — and skips the second C14N (about 0.5 ms); use it
   * only where the result is verified in full before it is stored (the ledger does).
   */
  readonly selfCheck?: 'rehash' | 'structural';
  /**
   * SHA-256 of the canonical text (UTF-8), when the host has a native one: Node's and Electron's crypto hash the
   * ~8 KB of a 5-line invoice in a fifth of the time of the JavaScript SHA-256 used by default. Same digest.
   */
  readonly sha256?: (text: string) => Uint8Array;
}

/**
 * `unsigned` is the unsigned document text, or the builder's document with its canonical form (app/ubl
 * buildUnsignedInvoice): then the hash is taken over that form directly instead of parsing and canonicalising the
 * text with libxml2. Either way the result is checked against libxml2's hash — by the 'rehash' self-check here, or,
 * with 'structural', by the full verification every caller using it must run before storing (the ledger does).
 */
export async function stampInvoice(
  unsigned: string | UnsignedInvoice,
  qrValues: QrValues,
  certificate: SigningCertificate,
  sign: MessageSigner,
  options: StampOptions = {},
): Promise<StampResult> {
  const unsignedXml = typeof unsigned === 'string' ? unsigned : unsigned.xml;
  if (unsignedXml.includes('\r')) throw new Error('stampInvoice: document contains CR characters: line endings must be LF on every OS (reference §4)');
  const hashBytes = typeof unsigned === 'string' ? invoiceHashBytes(unsignedXml) : (options.sha256 ?? sha256)(unsigned.canonical);
  const hash = bytesToBase64(hashBytes);
  const signatureValue = bytesToBase64(await sign(hashBytes));
  const slotIndent = indentOf(unsignedXml, UBL_EXTENSIONS_SLOT);
  const spXml = signedPropertiesXml(
    {
      // one clock: the signing time is the document's own issue time, in the same (Riyadh) zone (reference §4, §11)
      signingTime: `${qrValues.issueDate}T${qrValues.issueTime}`,
      certificateDigest: certificateDigest(certificate),
      issuerName: certificate.issuerName,
      serialNumber: certificate.serialDecimal,
    },
    slotIndent + '    '.repeat(SIGNED_PROPERTIES_DEPTH),
  );
  const block = signatureBlockXml(
    {
      invoiceHash: hash,
      signedPropertiesXml: spXml,
      signedPropertiesDigest: signedPropertiesDigest(spXml),
      signatureValue,
      certificate: certificate.base64Der,
    },
    slotIndent,
  );
  const qr = encodeQr({
    sellerName: qrValues.sellerName,
    vatNumber: qrValues.vatNumber,
    timestamp: `${qrValues.issueDate}T${qrValues.issueTime}`,
    totalWithVat: qrValues.totalWithVat,
    vatTotal: qrValues.vatTotal,
    invoiceHash: hash,
    signature: signatureValue,
    publicKey: certificate.spki,
    ...(qrValues.simplified ? { certificateSignature: certificate.signatureValue } : {}),
  });
  const qrElement = `<cbc:EmbeddedDocumentBinaryObject mimeCode="text/plain">${qr}</cbc:EmbeddedDocumentBinaryObject>`;
  const xml = replaceOnce(replaceOnce(unsignedXml, UBL_EXTENSIONS_SLOT, block), QR_SLOT, qrElement);
  if (options.selfCheck === 'structural') {
    // the unsigned text's three segments around the slots, each found unchanged in its place around the blocks
    const ext = unsignedXml.indexOf(UBL_EXTENSIONS_SLOT);
    const qrSlot = unsignedXml.indexOf(QR_SLOT);
    const middleAt = ext + block.length;
    const qrAt = middleAt + (qrSlot - ext - UBL_EXTENSIONS_SLOT.length);
    const intact =
      xml.length === unsignedXml.length - UBL_EXTENSIONS_SLOT.length - QR_SLOT.length + block.length + qrElement.length &&
      xml.startsWith(unsignedXml.slice(0, ext)) &&
      xml.startsWith(block, ext) &&
      xml.startsWith(unsignedXml.slice(ext + UBL_EXTENSIONS_SLOT.length, qrSlot), middleAt) &&
      xml.startsWith(qrElement, qrAt) &&
      xml.endsWith(unsignedXml.slice(qrSlot + QR_SLOT.length));
    if (!intact) throw new Error('stampInvoice: self-check failed: the final document differs from the unsigned one outside the signature and QR');
  } else {
    const check = computeInvoiceHash(xml);
    if (check !== hash) throw new Error(`stampInvoice: self-check failed: the final document hashes to ${check}, the stamp says ${hash}`);
  }
  return { xml, hash, signatureValue, qr };
}
