// SPDX-License-Identifier: UNLICENSED
// xades:SignedProperties and its digest (reference §4). The digest is not over C14N output: ZATCA hashes the element
// text exactly as it appears in the document (same LF line breaks, same indentation), with xmlns:xades added to
// xades:SignedProperties and xmlns:ds added to the four ds: elements inside it, <ds:DigestMethod …/> kept
// self-closing, SHA-256 → lowercase hex → base64. So we build the text once and both hash it and emit it.
import { NS } from '../xml/namespaces';
import { bytesToBase64 } from '../bytes/base64';
import { utf8ToBytes } from '../bytes/utf8';
import { sha256Hex } from '../crypto/sha256';
import { escapeXmlText } from '../xml/escapeXml';

export interface SignedPropertiesInput {
  /** `YYYY-MM-DDTHH:mm:ss`, the document's own issue date and time (same clock, reference §4). */
  readonly signingTime: string;
  /** §3 certificate digest: base64(hex(sha256(base64 DER text))). */
  readonly certificateDigest: string;
  readonly issuerName: string;
  readonly serialNumber: string;
}

/**
 * The SignedProperties element as text. `indent` is the indentation of its own line in the final document; the
 * returned string starts at `<xades:SignedProperties` (no leading indent) and child lines carry `indent` plus
 * 4 spaces per level — the layout the digest is computed over.
 */
export function signedPropertiesXml(input: SignedPropertiesInput, indent: string): string {
  const lines: [number, string][] = [
    [0, '<xades:SignedProperties Id="xadesSignedProperties">'],
    [1, '<xades:SignedSignatureProperties>'],
    [2, `<xades:SigningTime>${escapeXmlText(input.signingTime)}</xades:SigningTime>`],
    [2, '<xades:SigningCertificate>'],
    [3, '<xades:Cert>'],
    [4, '<xades:CertDigest>'],
    [5, '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>'],
    [5, `<ds:DigestValue>${escapeXmlText(input.certificateDigest)}</ds:DigestValue>`],
    [4, '</xades:CertDigest>'],
    [4, '<xades:IssuerSerial>'],
    [5, `<ds:X509IssuerName>${escapeXmlText(input.issuerName)}</ds:X509IssuerName>`],
    [5, `<ds:X509SerialNumber>${escapeXmlText(input.serialNumber)}</ds:X509SerialNumber>`],
    [4, '</xades:IssuerSerial>'],
    [3, '</xades:Cert>'],
    [2, '</xades:SigningCertificate>'],
    [1, '</xades:SignedSignatureProperties>'],
    [0, '</xades:SignedProperties>'],
  ];
  return lines.map(([depth, text], i) => (i === 0 ? text : `${indent}${'    '.repeat(depth)}${text}`)).join('\n');
}

/**
 * The §4 digest of a SignedProperties element given as it appears in a document (from `<xades:SignedProperties`
 * to `</xades:SignedProperties>`). CR characters are hashed as they are: a CRLF document fails here exactly as it
 * fails at Fatoora (SallaApp/ZATCA #67), which is what a verifier must report.
 */
export function signedPropertiesDigest(elementText: string): string {
  const withNamespaces = elementText
    .replace(/^<xades:SignedProperties(?=[\s>])/, `<xades:SignedProperties xmlns:xades="${NS.xades}"`)
    .replace(/<ds:(DigestMethod|DigestValue|X509IssuerName|X509SerialNumber)(?=[\s>/])/g, `<ds:$1 xmlns:ds="${NS.ds}"`);
  return bytesToBase64(utf8ToBytes(sha256Hex(withNamespaces)));
}

/** Finds the SignedProperties element text in a serialized document, or undefined. */
export function extractSignedPropertiesText(documentText: string): string | undefined {
  const m = /<xades:SignedProperties[\s>][\s\S]*?<\/xades:SignedProperties>/.exec(documentText);
  return m?.[0];
}
