// SPDX-License-Identifier: UNLICENSED
// Escaping for text we splice into XML ourselves (the signature block); the UBL body goes through app/xml/xmlWriter.
// `>` is escaped too so that "]]>" in data can never be read as markup, and CR so line endings survive C14N.

export function escapeXmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;');
}
