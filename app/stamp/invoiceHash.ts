// SPDX-License-Identifier: UNLICENSED
// The invoice hash (reference §1): remove ext:UBLExtensions, cac:Signature and the QR AdditionalDocumentReference
// (children of the root), keep every whitespace text node that surrounded them, canonicalize with C14N 1.1
// (inclusive, no comments), SHA-256, base64 of the 32 raw bytes. It is the ds:Reference DigestValue, the next
// document's PIH, QR tag 6 and the API's invoiceHash.
import { XmlC14NMode, XmlElement, XmlText, type XmlDocument, type XmlOutputBufferHandler } from 'libxml2-wasm';
import { createSha256 } from '../crypto/sha256';
import { NS } from '../xml/namespaces';
import { bytesToBase64 } from '../bytes/base64';
import { concatBytes } from '../bytes/hex';
import { bytesToUtf8 } from '../bytes/utf8';
import { withXml } from '../xml/parseXml';

/**
 * The three subtrees the hash excludes, as the ds:XPath transforms of reference §5 name them (children of the root):
 * `not(//ancestor-or-self::ext:UBLExtensions)`, `…cac:Signature`, `…cac:AdditionalDocumentReference[cbc:ID='QR']`.
 */
function isHashExcluded(node: XmlElement): boolean {
  const ns = node.namespaceUri;
  if (ns === NS.ext) return node.name === 'UBLExtensions';
  if (ns !== NS.cac) return false;
  if (node.name === 'Signature') return true;
  if (node.name !== 'AdditionalDocumentReference') return false;
  for (let child = node.firstChild; child; child = child.next) {
    if (child instanceof XmlElement && child.namespaceUri === NS.cbc && child.name === 'ID' && child.content === 'QR') return true;
  }
  return false;
}

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

/**
 * Removes the excluded subtrees and nothing else: the whitespace text around them stays (reference §1). A walk over
 * the root's children rather than XPath queries: same node set, about 0.2 ms less per invoice.
 */
export function removeHashExcludedElements(doc: XmlDocument, dropWhitespaceTails = false): void {
  let node = doc.root.firstChild;
  while (node) {
    const next = node.next;
    if (node instanceof XmlElement && isHashExcluded(node)) {
      const prev = node.prev;
      // diagnostics only: what implementations that lose the whitespace around removed elements hash
      if (dropWhitespaceTails && prev instanceof XmlText && /^\s*$/.test(prev.content)) prev.remove();
      node.remove();
    }
    node = next;
  }
}

/** Sends the canonical form of the document (excluded blocks removed) to `handler`, chunk by chunk. */
function canonicalize(xml: string | Uint8Array, options: CanonicalizeOptions, handler: XmlOutputBufferHandler): void {
  withXml(xml, (doc) => canonicalizeParsed(doc, options, handler));
}

function canonicalizeParsed(doc: XmlDocument, options: CanonicalizeOptions, handler: XmlOutputBufferHandler): void {
  removeHashExcludedElements(doc, options.dropWhitespaceTails);
  doc.canonicalize(handler, { mode: options.exclusive ? XmlC14NMode.XML_C14N_EXCLUSIVE_1_0 : XmlC14NMode.XML_C14N_1_1, withComments: false });
}

/** A C14N output handler that feeds SHA-256 as the chunks come, and the digest once they are all in. */
function hashingHandler(): { handler: XmlOutputBufferHandler; digest: () => Uint8Array } {
  const sha = createSha256();
  const write = (chunk: Uint8Array): number => {
    sha.update(chunk);
    return chunk.byteLength;
  };
  return { handler: { write, close: () => true }, digest: () => sha.digest() };
}

/** The canonical bytes the invoice hash is computed over (UTF-8, exactly as libxml2 writes them). */
export function canonicalInvoiceBytes(xml: string | Uint8Array, options: CanonicalizeOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  // the chunk is a view into WebAssembly memory, valid only during the call: copy it
  const write = (chunk: Uint8Array): number => {
    chunks.push(chunk.slice());
    return chunk.byteLength;
  };
  canonicalize(xml, options, { write, close: () => true });
  return concatBytes(...chunks);
}

/**
 * The canonical form as text. Decoded once from the whole byte string: libxml2 may cut its output chunks inside a
 * multi-byte character (long Arabic text), so chunks must never be decoded one by one.
 */
export function canonicalInvoiceText(xml: string | Uint8Array, options: CanonicalizeOptions = {}): string {
  return bytesToUtf8(canonicalInvoiceBytes(xml, options));
}

/**
 * The invoice hash as raw bytes (32): SHA-256 fed straight from libxml2's C14N output, without ever turning the
 * canonical form into a JS string (decode + re-encode cost as much as the C14N itself).
 */
export function invoiceHashBytes(xml: string | Uint8Array, options: CanonicalizeOptions = {}): Uint8Array {
  const sink = hashingHandler();
  canonicalize(xml, options, sink.handler);
  return sink.digest();
}

/** The invoice hash as ZATCA writes it: base64 of the 32 raw bytes (44 characters). */
export function computeInvoiceHash(xml: string | Uint8Array): string {
  return bytesToBase64(invoiceHashBytes(xml));
}

/**
 * The invoice hash of a document already parsed, for a caller that reads the same bytes for other checks first
 * (the ledger's rules check): one parse instead of two. It removes the excluded blocks from `doc` — read what you
 * need before calling it.
 */
export function computeInvoiceHashOfParsed(doc: XmlDocument): string {
  const sink = hashingHandler();
  canonicalizeParsed(doc, {}, sink.handler);
  return bytesToBase64(sink.digest());
}
