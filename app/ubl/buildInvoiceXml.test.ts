import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildUnsignedInvoiceXml } from './buildInvoiceXml';
import { parseDocumentInput, type DocumentInputJson } from '../document/documentInput';
import { computeTotals } from '../totals/computeTotals';
import { INITIAL_PIH } from '../stamp/invoiceHash';
import { verifyInvoice } from '../verify/verifyInvoice';
import { xmlbuilder2Document } from '../../test/support/xmlbuilder2Document';
import { apartFromSdkCertificateAge, signWithSdkKey } from '../../test/support/signing';
import { BASIC_DOCUMENTS, BUYER, simplifiedInvoice, standardInvoice } from '../../test/fixtures/documents';

const CHAIN = { icv: 7, pih: INITIAL_PIH };

/** The unsigned document through the production writer and through xmlbuilder2. */
function bothWriters(json: DocumentInputJson): [string, string] {
  const doc = parseDocumentInput(json);
  const totals = computeTotals(doc);
  return [buildUnsignedInvoiceXml(doc, totals, CHAIN), buildUnsignedInvoiceXml(doc, totals, CHAIN, xmlbuilder2Document)];
}

/** Everything the builder can emit: buyer with id, note, discounts, allowances, charges, Z/E/O, item codes, split payment. */
const everything = (): DocumentInputJson =>
  standardInvoice({
    note: 'ملاحظة | Note with "quotes" & <brackets>',
    buyer: { ...BUYER, id: { scheme: 'CRN', value: '4030000000' }, address: { ...BUYER.address, additionalStreet: 'Gate 3', plot: '12', province: 'الرياض' } },
    lines: [
      {
        name: 'حليب | Milk',
        quantity: '2',
        unitPrice: '6.50',
        vat: { category: 'S', rate: '15' },
        itemCode: '6281000000001',
        discount: { amount: '1.00', reason: 'عرض | Offer' },
      },
      {
        name: 'Bread & "butter" <x> ]]>',
        quantity: '1.250',
        unitCode: 'KGM',
        unitPrice: '3.3333',
        vat: { category: 'Z', rate: '0', exemptionCode: 'VATEX-SA-35' },
      },
      {
        name: 'Export',
        quantity: '1',
        unitPrice: '10',
        vat: { category: 'O', rate: '0', exemptionCode: 'VATEX-SA-OOS', exemptionReason: 'خارج النطاق | Out of scope' },
      },
      { name: 'Rent', quantity: '1', unitPrice: '100', vat: { category: 'E', rate: '0', exemptionCode: 'VATEX-SA-29' } },
    ],
    allowances: [{ amount: '2.00', reason: 'خصم | Discount', vat: { category: 'S', rate: '15' } }],
    charges: [{ amount: '5.00', reason: 'توصيل | Delivery', vat: { category: 'S', rate: '15' } }],
    paymentMeans: ['cash', 'card'],
    supplyDate: '2026-11-22',
  });

describe('UBL builder: the production XML writer writes exactly what xmlbuilder2 writes', () => {
  it.each<readonly [string, DocumentInputJson]>([...BASIC_DOCUMENTS, ['every element the builder knows', everything()]])('%s', (_name, json) => {
    const [ours, oracle] = bothWriters(json);
    expect(ours).toBe(oracle);
    expect(ours).toContain('<ext:UBLExtensions/>');
  });

  it('property: random carts with arbitrary names give the same bytes from both writers', () => {
    const name = fc.oneof(
      fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
        // eslint-disable-next-line no-control-regex -- control characters are what the filter removes
        .filter((s) => s.trim().length > 0 && !/[\u0000-\u001F\uFFFE\uFFFF]|&(?:[A-Za-z]+|#\d+);/.test(s)),
      fc.constantFrom('حليب طازج', 'Bread & "butter" <x> ]]>', "O'Brien's tea", 'تمر | Dates'),
    );
    const money = fc.integer({ min: 1, max: 500_000 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
    const line = fc.record({
      name,
      quantity: fc.integer({ min: 1, max: 20 }).map(String),
      unitPrice: money,
      vat: fc.constantFrom({ category: 'S' as const, rate: '15' }, { category: 'Z' as const, rate: '0', exemptionCode: 'VATEX-SA-35' }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), name, (lines, inclusive, note) => {
        const [ours, oracle] = bothWriters(simplifiedInvoice({ lines, pricesIncludeVat: inclusive, note }));
        expect(ours).toBe(oracle);
      }),
      { numRuns: 150 },
    );
  });

  it('an item name that looks like an entity reference is sold, stamped and verified as typed', async () => {
    // xmlbuilder2 would have written "&nbsp;" raw: not well-formed, the sale could not be issued
    const signed = await signWithSdkKey(
      simplifiedInvoice({ lines: [{ name: 'Salt &amp; Pepper &nbsp;', quantity: '1', unitPrice: '4.00', vat: { category: 'S', rate: '15' } }] }),
    );
    expect(signed.xml).toContain('<cbc:Name>Salt &amp;amp; Pepper &amp;nbsp;</cbc:Name>');
    const report = verifyInvoice(signed.xml, { now: new Date('2026-11-23T12:00:00Z') });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a charge carries its reason code before its reason (BT-105), so a sale with delivery draws no BR-KSA-19', async () => {
    const signed = await signWithSdkKey(
      simplifiedInvoice({
        pricesIncludeVat: true,
        charges: [
          { amount: '15.00', reason: 'توصيل | Delivery', vat: { category: 'S', rate: '15' } },
          { amount: '5.00', reason: 'Fuel surcharge', reasonCode: 'ABK', vat: { category: 'S', rate: '15' } },
        ],
      }),
    );
    expect(signed.xml).toContain(
      [
        '<cbc:ChargeIndicator>true</cbc:ChargeIndicator>',
        '<cbc:AllowanceChargeReasonCode>DL</cbc:AllowanceChargeReasonCode>',
        '<cbc:AllowanceChargeReason>توصيل | Delivery</cbc:AllowanceChargeReason>',
      ].join('\n        '),
    );
    expect(signed.xml).toContain('<cbc:AllowanceChargeReasonCode>ABK</cbc:AllowanceChargeReasonCode>');
    expect(apartFromSdkCertificateAge(verifyInvoice(signed.xml, { now: new Date('2026-11-23T12:00:00Z') }).findings)).toEqual([]);
  });

  it('an unpaired surrogate in an item name is refused with the field path', () => {
    expect(() =>
      parseDocumentInput(simplifiedInvoice({ lines: [{ name: 'تمر \uD83C', quantity: '1', unitPrice: '1', vat: { category: 'S', rate: '15' } }] })),
    ).toThrow(/lines\.0\.name: must be valid Unicode text/);
  });
});
