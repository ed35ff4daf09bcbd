import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XmlDocument, type XmlElement } from 'libxml2-wasm';
import { createXmlDocument, XmlWriteError, type XmlDocumentFactory } from './xmlWriter';
import { DukkanError } from '../errors';
import { thrownBy } from '../../test/support/thrownBy';
import { xmlbuilder2Document } from '../../test/support/xmlbuilder2Document';

const NS = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
/** Where xmlbuilder2 writes differently: "&name;"/"&#n;" kept raw, tab/LF/CR raw in attributes, CR raw in text. */
const XMLBUILDER2_KEEPS = /&(?:[A-Za-z]+|#\d+);|[\t\n\r]/;
const ATTS = { 'xmlns:cbc': 'urn:cbc', 'xmlns:cac': 'urn:cac' };

/** One small tree written through a factory: nested elements, attributes, empty elements, text. */
function sample(factory: XmlDocumentFactory, text: string, attribute: string): string {
  const doc = factory(NS, 'Invoice', ATTS);
  doc.root.ele('cbc:Empty');
  doc.root.ele('cbc:Note', { languageID: 'ar' }).txt(text);
  const party = doc.root.ele('cac:Party');
  party.ele('cbc:ID', { schemeID: attribute }).txt('1010010000');
  party.ele('cac:Address').ele('cbc:City').txt('الرياض');
  party.ele('cbc:Blank').txt('');
  return doc.end();
}

describe('xmlWriter', () => {
  it('writes what xmlbuilder2 writes: declaration, default namespace first, 4-space indent, LF, no trailing newline', () => {
    const ours = sample(createXmlDocument, 'Bread & "butter" <x> ]]>', 'CRN');
    expect(ours).toBe(sample(xmlbuilder2Document, 'Bread & "butter" <x> ]]>', 'CRN'));
    expect(ours).toContain('<cbc:Note languageID="ar">Bread &amp; "butter" &lt;x&gt; ]]&gt;</cbc:Note>');
    expect(ours.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="${NS}" xmlns:cbc="urn:cbc" xmlns:cac="urn:cac">\n    <cbc:Empty/>\n`)).toBe(
      true,
    );
    expect(ours).toContain('\n        <cac:Address>\n            <cbc:City>الرياض</cbc:City>\n        </cac:Address>\n        <cbc:Blank/>\n');
    expect(ours.endsWith('</Invoice>')).toBe(true);
  });

  it('property: any legal text and attribute value is read back exactly by libxml2, and matches xmlbuilder2 byte for byte', () => {
    // every character XML 1.0 allows except CR (input validation refuses it; xmlbuilder2 writes it raw, we as &#xD;)
    // eslint-disable-next-line no-control-regex -- control characters are what the filter removes
    const legal = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/.test(s));
    const tricky = fc.constantFrom('&amp;', 'Salt &amp; Pepper', '&nbsp;', '&#38;', ']]>', '<![CDATA[x]]>', '"\'', 'تمر | Dates & more');
    fc.assert(
      fc.property(fc.oneof(legal, tricky), fc.oneof(legal, tricky), (text, attribute) => {
        const ours = sample(createXmlDocument, text, attribute);
        const doc = XmlDocument.fromString(ours);
        try {
          expect(doc.get('/*/*[local-name()="Note"]')?.content ?? '').toBe(text);
          expect((doc.get('//*[local-name()="ID"]') as XmlElement).attr('schemeID')?.value).toBe(attribute);
        } finally {
          doc.dispose();
        }
        // the two deliberate differences (below) aside, the oracle writes the same bytes
        if (!XMLBUILDER2_KEEPS.test(text + attribute)) expect(ours).toBe(sample(xmlbuilder2Document, text, attribute));
      }),
      { numRuns: 400 },
    );
  });

  it('escapes text that looks like an entity reference, which xmlbuilder2 leaves alone (and so corrupts)', () => {
    // xmlbuilder2 escapes only "&" not followed by `name;` or `#digits;`: "Salt &amp; Pepper" would come back as
    // "Salt & Pepper", and "&nbsp;" would make the document not well-formed — a catalog imported from a web shop
    // could not be sold. Our writer escapes every "&".
    const ours = sample(createXmlDocument, 'Salt &amp; Pepper &nbsp;', 'CRN');
    expect(ours).toContain('>Salt &amp;amp; Pepper &amp;nbsp;<');
    expect(sample(xmlbuilder2Document, 'Salt &amp; Pepper &nbsp;', 'CRN')).toContain('>Salt &amp; Pepper &nbsp;<');
  });

  it('writes tab, LF and CR in attribute values as character references, so a parser gets them back (XML 1.0 §3.3.3)', () => {
    const xml = sample(createXmlDocument, 'x', 'a\tb\nc\rd');
    expect(xml).toContain('schemeID="a&#x9;b&#xA;c&#xD;d"');
    const doc = XmlDocument.fromString(xml);
    try {
      expect(doc.get('//*[local-name()="ID"]/@schemeID')?.content).toBe('a\tb\nc\rd');
    } finally {
      doc.dispose();
    }
  });

  it.each([
    ['a NUL character', 'a\u0000b', 'U+0000'],
    ['a form feed', 'a\u000Cb', 'U+000C'],
    ['an unpaired high surrogate', 'a\uD800b', 'U+D800'],
    ['an unpaired low surrogate', 'a\uDC00b', 'U+DC00'],
    ['U+FFFE', 'a\uFFFEb', 'U+FFFE'],
  ])('refuses %s in text, naming the element', (_what, text, code) => {
    expect(() => sample(createXmlDocument, text, 'CRN')).toThrow(XmlWriteError);
    expect(() => sample(createXmlDocument, text, 'CRN')).toThrow(`cbc:Note: ${code} is not a character`);
    expect(() => sample(createXmlDocument, text, 'CRN')).toThrow(
      expect.objectContaining({ code: 'xml.illegal-character', params: { where: 'cbc:Note', codePoint: code.slice(2) } }),
    );
  });

  it('refuses the same characters in attribute values, naming the attribute', () => {
    expect(() => sample(createXmlDocument, 'x', 'C\u0001RN')).toThrow(/cbc:ID\/@schemeID: U\+0001/);
  });

  it('keeps a surrogate pair (an emoji in an item name)', () => {
    expect(sample(createXmlDocument, 'تمر 🌴', 'CRN')).toContain('>تمر 🌴<');
  });

  it("refuses names that are not XML names and mixed content: the builder's bugs, so plain Errors", () => {
    const doc = createXmlDocument(NS, 'Invoice', {});
    expect(thrownBy(Error, () => doc.root.ele('cbc:Bad Name'))).not.toBeInstanceOf(DukkanError);
    expect(() => doc.root.ele('cbc:Bad Name')).toThrow(/not an XML element name/);
    expect(() => doc.root.ele('cbc:ID', { 'a b': '1' })).toThrow(/not an XML attribute name/);
    const withText = doc.root.ele('cbc:ID').txt('1');
    expect(() => withText.ele('cbc:X')).toThrow(/either text or child elements/);
    const withChild = doc.root.ele('cac:Party');
    withChild.ele('cbc:ID');
    expect(() => withChild.txt('x')).toThrow(/either text or child elements/);
  });
});
