// SPDX-License-Identifier: UNLICENSED
// The writer's own C14N 1.1 output against libxml2's (the authority): the invoice hash is SHA-256 over these bytes,
// so they must agree to the byte — on every fixture, on random carts with arbitrary Unicode, and on the corners of
// C14N the UBL builder does not reach today (attribute order, namespace order, escaping inside attributes).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createXmlDocument } from './xmlWriter';
import { parseDocumentInput, type DocumentInputJson } from '../document/documentInput';
import { computeTotals } from '../totals/computeTotals';
import { buildUnsignedInvoice } from '../ubl/buildInvoiceXml';
import { canonicalInvoiceText, INITIAL_PIH } from '../stamp/invoiceHash';
import { withXml } from './parseXml';
import { XmlC14NMode } from 'libxml2-wasm';
import { bytesToUtf8 } from '../bytes/utf8';
import { concatBytes } from '../bytes/hex';
import { BASIC_DOCUMENTS, BUYER, simplifiedInvoice, standardInvoice } from '../../test/fixtures/documents';

const CHAIN = { icv: 7, pih: INITIAL_PIH };

function ours(json: DocumentInputJson): { xml: string; canonical: string } {
  const doc = parseDocumentInput(json);
  return buildUnsignedInvoice(doc, computeTotals(doc), CHAIN);
}

/** libxml2's C14N 1.1 of a whole document, nothing removed. */
function libxml2C14n(xml: string): string {
  const chunks: Uint8Array[] = [];
  withXml(xml, (doc) =>
    doc.canonicalize(
      {
        write: (chunk: Uint8Array) => {
          chunks.push(chunk.slice());
          return chunk.byteLength;
        },
        close: () => true,
      },
      { mode: XmlC14NMode.XML_C14N_1_1, withComments: false },
    ),
  );
  return bytesToUtf8(concatBytes(...chunks));
}

describe("the writer's canonical form equals libxml2's C14N 1.1 with the hash's exclusions", () => {
  it.each<readonly [string, DocumentInputJson]>([
    ...BASIC_DOCUMENTS,
    [
      'buyer, note, Z/E/O, discounts, allowances and charges',
      standardInvoice({
        note: 'ملاحظة | Note with "quotes" & <brackets> ]]>',
        buyer: { ...BUYER, id: { scheme: 'CRN', value: '4030000000' } },
        lines: [
          {
            name: 'حليب | Milk',
            quantity: '2',
            unitPrice: '6.50',
            vat: { category: 'S', rate: '15' },
            itemCode: '6281000000001',
            discount: { amount: '1.00', reason: 'عرض | Offer' },
          },
          { name: 'Export', quantity: '1', unitPrice: '10', vat: { category: 'O', rate: '0', exemptionCode: 'VATEX-SA-OOS', exemptionReason: 'خارج النطاق' } },
          { name: 'Rent', quantity: '1', unitPrice: '100', vat: { category: 'E', rate: '0', exemptionCode: 'VATEX-SA-29' } },
        ],
        allowances: [{ amount: '2.00', reason: 'خصم', vat: { category: 'S', rate: '15' } }],
        charges: [{ amount: '5.00', reason: 'توصيل', vat: { category: 'S', rate: '15' } }],
      }),
    ],
  ])('%s', (_name, json) => {
    const built = ours(json);
    expect(built.canonical).toBe(canonicalInvoiceText(built.xml));
    // the three blocks are gone, their surrounding whitespace is not
    expect(built.canonical).not.toContain('UBLExtensions');
    expect(built.canonical).not.toContain('cac:Signature');
    expect(built.canonical).not.toContain('<cbc:ID>QR</cbc:ID>');
    expect(built.canonical.startsWith('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac=')).toBe(true);
  });

  it('property: random carts with arbitrary Unicode names, notes and item codes', () => {
    const text = fc.oneof(
      // eslint-disable-next-line no-control-regex -- the document schema refuses control characters
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0 && !/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/.test(s)),
      fc.constantFrom('حليب طازج', 'Bread & "butter" <x> ]]>', 'Salt &amp; Pepper &nbsp;', 'تمر | Dates', '\u{1F95B} milk'),
    );
    const money = fc.integer({ min: 1, max: 500_000 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
    const line = fc.record({
      name: text,
      quantity: fc.integer({ min: 1, max: 20 }).map(String),
      unitPrice: money,
      vat: fc.constantFrom({ category: 'S' as const, rate: '15' }, { category: 'Z' as const, rate: '0', exemptionCode: 'VATEX-SA-35' }),
    });
    let compared = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), text, (lines, inclusive, note) => {
        let json: DocumentInputJson;
        try {
          json = simplifiedInvoice({ lines, pricesIncludeVat: inclusive, note });
          parseDocumentInput(json);
        } catch {
          return; // a name the document schema refuses is not this test's business
        }
        const built = ours(json);
        expect(built.canonical).toBe(canonicalInvoiceText(built.xml));
        compared++;
      }),
      { numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(150);
  });
});

describe('C14N details of the writer', () => {
  it('orders namespace declarations (default first) and attributes, expands empty elements, escapes attributes as C14N does', () => {
    const doc = createXmlDocument('urn:example:root', 'Root', { 'xmlns:z': 'urn:z', 'xmlns:a': 'urn:a', zeta: '1', alpha: 'a>b "q" & <t>\t\n' });
    const child = doc.root.ele('a:Child', { unitCode: 'KGM', currencyID: 'SAR', b: '' });
    child.ele('z:Empty');
    child.ele('z:Text').txt('x > y & z < w ]]> "quoted"');
    doc.root.ele('a:Empty', { attr: '>' });
    const canonical = doc.canonical!(() => false)!;
    expect(canonical).toBe(libxml2C14n(doc.end()));
    expect(canonical).toContain('<Root xmlns="urn:example:root" xmlns:a="urn:a" xmlns:z="urn:z" alpha="a>b &quot;q&quot; &amp; &lt;t>&#x9;&#xA;" zeta="1">');
    expect(canonical).toContain('<a:Child b="" currencyID="SAR" unitCode="KGM">');
    expect(canonical).toContain('<z:Empty></z:Empty>');
  });

  it('removes excluded root children with their markup and keeps the whitespace around them', () => {
    const doc = createXmlDocument('urn:example:root', 'Root', {});
    doc.root.ele('Keep').txt('1');
    const ref = doc.root.ele('Ref');
    ref.ele('ID').txt('drop me');
    doc.root.ele('Keep').txt('2');
    const canonical = doc.canonical!((name, childText) => name === 'Ref' && childText('ID') === 'drop me')!;
    expect(canonical).toBe('<Root xmlns="urn:example:root">\n    <Keep>1</Keep>\n    \n    <Keep>2</Keep>\n</Root>');
  });

  it('gives up (undefined) where it would need namespace resolution, rather than guess', () => {
    const below = createXmlDocument('urn:r', 'Root', {});
    below.root.ele('Child', { 'xmlns:x': 'urn:x' });
    expect(below.canonical!(() => false)).toBeUndefined();
    const prefixed = createXmlDocument('urn:r', 'Root', { 'xmlns:x': 'urn:x' });
    prefixed.root.ele('Child', { 'x:attr': 'v' });
    expect(prefixed.canonical!(() => false)).toBeUndefined();
  });
});
