// SPDX-License-Identifier: UNLICENSED
// The invoice hash (reference §1): remove ext:UBLExtensions, cac:Signature and the QR AdditionalDocumentReference
// (children of the root), keep every whitespace text node that surrounded them, canonicalize with C14N 1.1
// (inclusive, no comments), SHA-256, base64 of the 32 raw bytes. It is the ds:Reference DigestValue, the next
// document's PIH, QR tag 6 and the API's invoiceHash.
import { XmlC14NMode, type XmlDocument } from 'libxml2-wasm';
import { bytesToBase64 } from '../bytes/base64';
import { utf8ToBytes } from '../bytes/utf8';
import { sha256 } from '../crypto/sha256';
import { withXml, XPATH_NS } from '../xml/parseXml';

/** The three subtrees the hash excludes (the ds:XPath transforms of reference §5). */
export const HASH_EXCLUDED = ['/*/ext:UBLExtensions', '/*/cac:Signature', "/*/cac:AdditionalDocumentReference[cbc:ID='QR']"] as const;

/**
 * Initial PIH for the first document of an EGS unit: base64 of the *hex text* of SHA-256("0") — unlike every later
 * PIH, which is base64 of a raw digest (reference §1; SDK Data/PIH/pih.txt). Copied verbatim.
 */
export const INITIAL_PIH = 'NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==';

export interface CanonicalizeOptions {
  /** Diagnostics only: also drop the whitespace text nodes before removed elements (what breaks other tools). */
  readonly dropWhitespaceTails?: boolean;
  /** Diagnostics only: exclusive C14N (drops the unused root xmlns:ext, which changes the hash). */
  readonly exclusive?: boolean;
}

export function removeHashExcludedElements(doc: XmlDocument, dropWhitespaceTails = false): void {
  for (const xpath of HASH_EXCLUDED) {
    for (const node of doc.find(xpath, XPATH_NS)) {
      if (dropWhitespaceTails) {
        const prev = (node as { prev?: { content?: string; remove(): void } | null }).prev;
        if (prev && typeof prev.content === 'string' && /^\s*$/.test(prev.content) && !('name' in prev)) prev.remove();
      }
      node.remove();
    }
  }
}

/** The canonical bytes the invoice hash is computed over. */
export function canonicalInvoiceText(xml: string | Uint8Array, options: CanonicalizeOptions = {}): string {
  return withXml(xml, (doc) => {
    removeHashExcludedElements(doc, options.dropWhitespaceTails);
    return doc.canonicalizeToString({ mode: options.exclusive ? XmlC14NMode.XML_C14N_EXCLUSIVE_1_0 : XmlC14NMode.XML_C14N_1_1, withComments: false });
  });
}

/** The invoice hash as raw bytes (32). */
export function invoiceHashBytes(xml: string | Uint8Array, options: CanonicalizeOptions = {}): Uint8Array {
  return sha256(utf8ToBytes(canonicalInvoiceText(xml, options)));
}

/** The invoice hash as ZATCA writes it: base64 of the 32 raw bytes (44 characters). */
export function computeInvoiceHash(xml: string | Uint8Array): string {
  return bytesToBase64(invoiceHashBytes(xml));
}
