// Signed documents from random VAT-inclusive carts — free items, line discounts up to the whole line, document
// allowances and charges in any category, on any real calendar date — are what Fatoora accepts: schema-valid UBL, no
// business-rule error, no negative amount anywhere (BR-KSA-F-04); and a date the calendar does not have never
// reaches the XML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocumentInputError, parseDocumentInput, type DocumentInputJson } from '../../app/document/documentInput';
import { verifyInvoice } from '../../app/verify/verifyInvoice';
import { issuanceErrors } from '../../app/verify/checkIssuance';
import { createXsdValidator, type XsdValidator } from '../../app/xsd/validateXsd';
import { apartFromSdkCertificateAge, signWithSdkKey, SDK_CERTIFICATE } from '../support/signing';
import { TotalsError } from '../../app/totals/computeTotals';
import { creditNote, debitNote, freeItemWithAllowances, freeItemWithCharges, simplifiedInvoice, standardInvoice } from '../fixtures/documents';
import { inclusiveCart } from '../fixtures/inclusiveCarts';
import { loadXsdFiles, UBL_INVOICE_XSD } from '../xsdFiles';

let xsd: XsdValidator;
beforeAll(() => {
  xsd = createXsdValidator(loadXsdFiles(), UBL_INVOICE_XSD);
});
afterAll(() => xsd.dispose());

const NOW = new Date('2026-12-01T12:00:00Z');

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
        inclusiveCart(8),
        fc.constantFrom('invoice', 'credit-note', 'debit-note', 'standard'),
        pastDate,
        pastDate,
        async ({ lines, allowances, charges, allowancesExceed, shelfTotal }, kind, issueDate, otherDate) => {
          const body: Partial<DocumentInputJson> = { pricesIncludeVat: true, lines, allowances, charges, issueDate, supplyDate: otherDate };
          const json =
            kind === 'credit-note'
              ? creditNote({ ...body, billingReference: { number: 'T1-000001', issueDate: otherDate } })
              : kind === 'debit-note'
                ? debitNote({ ...body, billingReference: { number: 'T1-000001', issueDate: otherDate } })
                : kind === 'standard'
                  ? standardInvoice(body)
                  : simplifiedInvoice(body);
          // allowances larger than their category's lines and charges are refused, never built, and only they
          if (allowancesExceed) {
            await expect(signWithSdkKey(json)).rejects.toBeInstanceOf(TotalsError);
            return;
          }
          const signed = await signWithSdkKey(json);
          for (const [, element, value] of signed.xml.matchAll(AMOUNT)) expect(value!.startsWith('-'), `${element} ${value}`).toBe(false);
          const report = verifyInvoice(signed.xml, { now: NOW, xsd });
          expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
          // the totals hold exactly: only BR-CO-17/BR-S-09's VAT-inclusive tolerance could ever show, and it does not
          expect(report.findings.filter((f) => /^BR-(CO|S|Z|E|O|KSA-EN16931-11|KSA-51|KSA-F-04)/.test(f.rule))).toEqual([]);
          expect(issuanceErrors(signed.bytes, SDK_CERTIFICATE)).toEqual([]);
          // the customer pays the shelf prices: the lines, less the allowances, plus the charges
          expect(signed.xml).toContain(`<cbc:PayableAmount currencyID="SAR">${shelfTotal.toFixed(2)}</cbc:PayableAmount>`);
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
      expect(apartFromSdkCertificateAge(report.findings)).toEqual([]);
    }
  });
});
