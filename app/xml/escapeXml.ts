// SPDX-License-Identifier: UNLICENSED
// Escaping for every piece of text we write as XML: the UBL body (app/xml/xmlWriter) and the signature block.
// `>` is escaped too so that "]]>" in data can never be read as markup, and CR so line endings survive C14N.
// Most values (amounts, codes, base64) need nothing: one test, then the value itself.

const TEXT_SPECIAL = /[&<>\r]/;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/;

export function escapeXmlText(value: string): string {
  if (!TEXT_SPECIAL.test(value)) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

/** Tab, LF and CR as character references: a parser would normalise the raw characters to spaces (XML 1.0 §3.3.3). */
export function escapeXmlAttribute(value: string): string {
  if (!ATTRIBUTE_SPECIAL.test(value)) return value;
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;');
}

const C14N_ATTRIBUTE_SPECIAL = /[&<"\t\n\r]/;

/**
 * Attribute values as C14N writes them (Canonical XML 1.1 §2.2): &amp; &lt; &quot; &#x9; &#xA; &#xD;, and `>` raw —
 * unlike escapeXmlAttribute, which also escapes `>`. Used only for the canonical form the invoice hash is taken over.
 */
export function escapeC14nAttribute(value: string): string {
  if (!C14N_ATTRIBUTE_SPECIAL.test(value)) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
}
