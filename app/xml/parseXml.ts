// SPDX-License-Identifier: UNLICENSED
// libxml2 (compiled to WebAssembly) parses every document we hash or verify: one real XML parser and one real
// C14N implementation, the same on every OS. Network access is off; entities are not expanded from outside.
import { ParseOption, XmlDocument } from 'libxml2-wasm';
import { NS } from './namespaces';

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

export function parseXml(source: string | Uint8Array): XmlDocument {
  try {
    return typeof source === 'string'
      ? XmlDocument.fromString(source, { option: ParseOption.XML_PARSE_NONET })
      : XmlDocument.fromBuffer(source, { option: ParseOption.XML_PARSE_NONET });
  } catch (err) {
    throw new XmlSyntaxError(`not well-formed XML: ${err instanceof Error ? err.message.trim() : String(err)}`);
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
