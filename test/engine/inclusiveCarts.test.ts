// Signed documents from random VAT-inclusive carts — free items, line discounts up to the whole line, document
// allowances and charges in any category, on any real calendar date — are what Fatoora accepts: schema-valid UBL, no
// business-rule error, no negative amount anywhere (BR-KSA-F-04); and a date the calendar does not have never
// reaches the XML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../../app/money/decimal';
import { DocumentInputError, parseDocumentInput, type DocumentInputJson } from '../../app/document/documentInput';
import { verifyInvoice } from '../../app/verify/verifyInvoice';
import { issuanceErrors } from '../../app/verify/checkIssuance';
import { createXsdValidator, type XsdValidator } from '../../app/xsd/validateXsd';
import { signWithSdkKey, SDK_CERTIFICATE } from '../support/signing';
import { creditNote, debitNote, freeItemWithAllowances, freeItemWithCharges, simplifiedInvoice, standardInvoice, VAT_TREATMENTS } from '../fixtures/documents';
import { loadXsdFiles, UBL_INVOICE_XSD } from '../xsdFiles';

let xsd: XsdValidator;
beforeAll(() => {
  xsd = createXsdValidator(loadXsdFiles(), UBL_INVOICE_XSD);
});
afterAll(() => xsd.dispose());

const NOW = new Date('2026-12-01T12:00:00Z');

const category = fc.constantFrom(...VAT_TREATMENTS);
const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => Decimal.fromUnits(BigInt(c), 2).toFixed(2));
const line = fc
  .record({
    name: fc.constantFrom('حليب طازج | Fresh milk', 'هدية | Gift', 'تمر | Dates'),
    quantity: fc.oneof(
      fc.integer({ min: 1, max: 9 }).map(String),
      fc.integer({ min: 1, max: 9999 }).map((m) => (m / 1000).toFixed(3)),
    ),
    unitPrice: fc.oneof(fc.constant('0.00'), cents(50_000)),
    discount: fc.constantFrom('none', 'part', 'all'),
    vat: category,
  })
  .map(({ discount, ...l }) => {
    const shelf = Decimal.parse(l.quantity).mul(Decimal.parse(l.unitPrice)).round(2);
    const amount = discount === 'all' ? shelf : discount === 'part' ? shelf.div(Decimal.fromInt(4), 2) : undefined;
    return { ...l, ...(amount ? { discount: { amount: amount.toFixed(2), reason: 'عرض | Offer' } } : {}) };
  });
const adjustment = fc.record({ amount: cents(5_000), vat: category });
const two = (n: number) => String(n).padStart(2, '0');
/** A real date of 2024–2026 (a leap year included), as the ledger or an integrator would give it. */
const pastDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-11-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const AMOUNT = /<cbc:(\w*(?:Amount|Quantity))\b[^>]*>([^<]*)</g;

describe('random VAT-inclusive carts with free items, allowances and charges', () => {
  it('property: signed, every one is schema-valid, breaks no business rule and has no negative amount', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.array(adjustment, { maxLength: 3 }),
        fc.array(adjustment, { maxLength: 3 }),
        fc.constantFrom('invoice', 'credit-note', 'debit-note', 'standard'),
        pastDate,
        pastDate,
        async (lines, allowances, charges, kind, issueDate, otherDate) => {
          const body: Partial<DocumentInputJson> = { pricesIncludeVat: true, lines, allowances, charges, issueDate, supplyDate: otherDate };
          const json =
            kind === 'credit-note'
              ? creditNote({ ...body, billingReference: { number: 'T1-000001', issueDate: otherDate } })
              : kind === 'debit-note'
                ? debitNote({ ...body, billingReference: { number: 'T1-000001', issueDate: otherDate } })
                : kind === 'standard'
                  ? standardInvoice(body)
                  : simplifiedInvoice(body);
          let signed;
          try {
            signed = await signWithSdkKey(json);
          } catch (e) {
            // allowances larger than their category's lines and charges are refused by name, never built
            expect(String(e)).toMatch(/allowances\.\d+\.amount: the allowances of VAT category .* exceed its lines and charges/);
            return;
          }
          for (const [, element, value] of signed.xml.matchAll(AMOUNT)) expect(value!.startsWith('-'), `${element} ${value}`).toBe(false);
          const report = verifyInvoice(signed.xml, { now: NOW, xsd });
          expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
          // the totals hold exactly: only BR-CO-17/BR-S-09's VAT-inclusive tolerance could ever show, and it does not
          expect(report.findings.filter((f) => /^BR-(CO|S|Z|E|O|KSA-EN16931-11|KSA-51|KSA-F-04)/.test(f.rule))).toEqual([]);
          expect(issuanceErrors(signed.bytes, SDK_CERTIFICATE)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('property: a date the calendar does not have is refused at input, wherever a date is given', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 45 }),
        fc.constantFrom('issueDate', 'supplyDate', 'billingReference.issueDate'),
        (y, m, d, field) => {
          const date = `${y}-${two(m)}-${two(d)}`;
          const real = new Date(Date.UTC(y, m - 1, d));
          fc.pre(!(m <= 12 && real.getUTCMonth() === m - 1 && real.getUTCDate() === d));
          const json =
            field === 'issueDate'
              ? simplifiedInvoice({ issueDate: date })
              : field === 'supplyDate'
                ? simplifiedInvoice({ supplyDate: date })
                : creditNote({ billingReference: { number: 'T1-000001', issueDate: date } });
          expect(() => parseDocumentInput(json)).toThrow(DocumentInputError);
          expect(() => parseDocumentInput(json)).toThrow(new RegExp(`${field.replace('.', '\\.')}: must be a calendar date`));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the reproducers: a free item with two allowances, and a free item with two charges, sign and verify', async () => {
    for (const json of [freeItemWithAllowances(), freeItemWithCharges()]) {
      const signed = await signWithSdkKey(json);
      expect(signed.xml).not.toMatch(/>-\d/);
      // checked within a day of issue: not even a warning
      const report = verifyInvoice(signed.xml, { now: new Date('2026-11-23T12:00:00Z'), xsd });
      expect(report.findings).toEqual([]);
    }
  });
});
