// SPDX-License-Identifier: UNLICENSED
// libxml2 (compiled to WebAssembly) parses every document we hash or verify: one real XML parser and one real
// C14N implementation, the same on every OS. Network access is off; entities are not expanded from outside.
import { ParseOption, XmlDocument } from 'libxml2-wasm';
import { NS } from './namespaces';
import { utf8ToBytes } from '../bytes/utf8';
import { DukkanError } from '../errors';

/** Bytes that are not well-formed XML; libxml2's own (English) description is the `detail` parameter. */
export class XmlSyntaxError extends DukkanError {
  override readonly name = 'XmlSyntaxError';
  constructor(detail: string, cause?: unknown) {
    super('xml.not-well-formed', { detail }, { cause });
  }
}

export function parseXml(source: string | Uint8Array): XmlDocument {
  try {
    // always bytes: libxml2-wasm's fromString copies the string into wasm memory far more slowly than TextEncoder
    // (about 0.3 ms for a 9 KB invoice), and the bytes are what the hash is defined over anyway
    return XmlDocument.fromBuffer(typeof source === 'string' ? utf8ToBytes(source) : source, { option: ParseOption.XML_PARSE_NONET });
  } catch (err) {
    throw new XmlSyntaxError(err instanceof Error ? err.message.trim() : String(err), err);
  }
}

/** Runs `fn` on a parsed document and always frees the WebAssembly memory behind it. */
export function withXml<T>(source: string | Uint8Array, fn: (doc: XmlDocument) => T): T {
  const doc = parseXml(source);
  try {
    return fn(doc);
  } finally {
    doc.dispose();
  }
}

/** Namespace map for XPath queries over UBL documents. */
export const XPATH_NS: Record<string, string> = { ...NS };
