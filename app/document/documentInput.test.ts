import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocumentInputError, isCalendarDate, parseDocumentInput, problemText, type DocumentInputJson } from './documentInput';
import { DukkanError, errorText } from '../errors';
import { thrownBy } from '../../test/support/thrownBy';
import { CHARGE_REASON_CODES, chargeReasonCodeFor } from './chargeReasonCodes';
import { CHARGE_REASON_CODES_TEXT } from '../rules/codeLists';
import { BUYER, creditNote, simplifiedInvoice, standardInvoice } from '../../test/fixtures/documents';

/** The problems parseDocumentInput reports, as "path: message". */
function problems(json: DocumentInputJson): string[] {
  try {
    parseDocumentInput(json);
    return [];
  } catch (e) {
    if (!(e instanceof DocumentInputError)) throw e;
    return e.problems.map((p) => `${p.path}: ${p.message}`);
  }
}

const S15 = { category: 'S' as const, rate: '15' };

describe('dates are real calendar dates (BR-KSA-F-01, xs:date)', () => {
  it.each(['2026-02-30', '2026-11-31', '2026-13-45', '2026-04-31', '2027-02-29', '2100-02-29', '1999-12-31', '2026-1-05'])('%s is refused', (date) => {
    expect(problems(simplifiedInvoice({ issueDate: date }))).toEqual([
      'issueDate: must be a calendar date YYYY-MM-DD that exists (2026-02-28, not 2026-02-30) (BR-KSA-F-01)',
    ]);
    expect(problems(simplifiedInvoice({ supplyDate: date }))).toEqual([expect.stringMatching(/^supplyDate: must be a calendar date .*\(BR-KSA-F-01\)$/)]);
    expect(problems(creditNote({ billingReference: { number: 'T1-000001', issueDate: date } }))).toEqual([
      expect.stringMatching(/^billingReference\.issueDate: must be a calendar date .*\(BR-KSA-F-01\)$/),
    ]);
  });

  it.each(['2028-02-29', '2000-02-29', '2026-11-30', '2026-12-31'])('%s is accepted', (date) => {
    expect(problems(simplifiedInvoice({ issueDate: date, supplyDate: date }))).toEqual([]);
  });

  it('property: a YYYY-MM-DD string is accepted exactly when the proleptic Gregorian calendar has that day', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${two(m)}-${two(d)}`;
        const date = new Date(Date.UTC(y, m - 1, d));
        const exists = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        expect(isCalendarDate(text)).toBe(exists);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parties', () => {
  it("a buyer VAT number is checked under the buyer's rule, BR-KSA-44", () => {
    expect(problems(simplifiedInvoice({ buyer: { name: 'Buyer', vatNumber: '123' } }))).toEqual([
      'buyer.vatNumber: must be 15 digits, starting and ending with 3 (BR-KSA-44)',
    ]);
    expect(problems(simplifiedInvoice({ seller: { ...simplifiedInvoice().seller, vatNumber: '123' } }))).toEqual([
      'seller.vatNumber: must be 15 digits, starting and ending with 3 (BR-KSA-40)',
    ]);
  });

  it('a buyer abroad needs street, city and country only: a UAE address has no postal code (BR-KSA-10)', () => {
    const uae = { street: 'Sheikh Zayed Road', city: 'Dubai', country: 'AE' };
    expect(problems(standardInvoice({ buyer: { name: 'Gulf Trading LLC', id: { scheme: 'OTH', value: 'AE1234' }, address: uae } }))).toEqual([]);
    expect(problems(standardInvoice({ buyer: { name: 'Gulf Trading LLC', id: { scheme: 'OTH', value: 'AE1234' }, address: { country: 'AE' } } }))).toEqual([
      'buyer.address.street: a standard tax invoice needs the buyer address (street) (BR-KSA-10)',
      'buyer.address.city: a standard tax invoice needs the buyer address (city) (BR-KSA-10)',
    ]);
  });

  it('a Saudi buyer needs the full national address with a 5-digit postal code (BR-KSA-63, BR-KSA-67)', () => {
    const { postalCode: _p, ...withoutPostal } = BUYER.address;
    expect(problems(standardInvoice({ buyer: { ...BUYER, address: withoutPostal } }))).toEqual([
      'buyer.address.postalCode: a Saudi buyer address needs postalCode (BR-KSA-63)',
    ]);
    for (const postalCode of ['1234', '123456', 'ABCDE', '١٢٣٤٥']) {
      expect(problems(standardInvoice({ buyer: { ...BUYER, address: { ...BUYER.address, postalCode } } }))).toEqual([
        'buyer.address.postalCode: a Saudi postal code must be exactly 5 digits (BR-KSA-67)',
      ]);
      // on a simplified invoice too, once an address in SA is given
      expect(problems(simplifiedInvoice({ buyer: { name: 'Buyer', address: { city: 'Riyadh', postalCode, country: 'SA' } } }))).toEqual([
        'buyer.address.postalCode: a Saudi postal code must be exactly 5 digits (BR-KSA-67)',
      ]);
    }
  });
});

describe('charges carry a reason code (BT-105, UNTDID 7161)', () => {
  const charge = (c: Record<string, unknown>) => parseDocumentInput(simplifiedInvoice({ charges: [{ amount: '10.00', vat: S15, ...c } as never] })).charges[0]!;

  it.each([
    ['Delivery', 'DL'],
    ['رسوم توصيل | Delivery fee', 'DL'],
    ['توصيل', 'DL'],
    ['Home delivery', 'DL'],
    ['Cash on delivery fee', 'AEK'],
    ['Shipping', 'FC'],
    ['شحن', 'FC'],
    ['Gift wrapping', 'PC'],
    ['تغليف', 'PC'],
    ['Installation', 'IAA'],
    ['Service fee', 'ZZZ'],
  ])('reason %j defaults to code %s', (reason, code) => {
    expect(charge({ reason })).toMatchObject({ reason, reasonCode: code });
    expect(chargeReasonCodeFor(reason)).toBe(code);
  });

  it('a given code is kept, and names the reason when none is given', () => {
    expect(charge({ reason: 'Fuel surcharge', reasonCode: 'ABK' })).toMatchObject({ reason: 'Fuel surcharge', reasonCode: 'ABK' });
    expect(charge({ reasonCode: 'DL' })).toMatchObject({ reason: 'توصيل | Delivery', reasonCode: 'DL' });
    expect(charge({})).toMatchObject({ reason: 'رسوم | Charge', reasonCode: 'ZZZ' });
  });

  it('a code outside UNTDID 7161 is refused (BR-KSA-CL-06)', () => {
    expect(problems(simplifiedInvoice({ charges: [{ amount: '1.00', vat: S15, reasonCode: 'XX' }] }))).toEqual([
      'charges.0.reasonCode: must be a UNTDID 7161 charge reason code such as DL (delivery), FC (freight), PC (packing) or ZZZ (other) (BR-KSA-CL-06)',
    ]);
  });

  it("the code list is the validator's (BR-KSA-CL-06)", () => {
    for (const code of CHARGE_REASON_CODES) expect(CHARGE_REASON_CODES_TEXT.includes(code), code).toBe(true);
    const listed = CHARGE_REASON_CODES_TEXT.trim()
      .split(' ')
      .flatMap((w) => (w === 'CAPCAQ' ? ['CAP', 'CAQ'] : [w]));
    expect([...CHARGE_REASON_CODES].sort()).toEqual([...new Set(listed)].sort());
  });
});

describe('one exemption code and reason per VAT category and rate', () => {
  const Z = (exemptionCode: string) => ({ category: 'Z' as const, rate: '0', exemptionCode });
  const O = (exemptionReason: string) => ({ category: 'O' as const, rate: '0', exemptionCode: 'VATEX-SA-OOS', exemptionReason });

  it('two exemption codes in one category are refused, naming both items', () => {
    expect(
      problems(
        simplifiedInvoice({
          lines: [
            { name: 'Medicine', quantity: '1', unitPrice: '10', vat: Z('VATEX-SA-35') },
            { name: 'Bread', quantity: '1', unitPrice: '3', vat: S15 },
            { name: 'Gold bar', quantity: '1', unitPrice: '100', vat: Z('VATEX-SA-36') },
          ],
        }),
      ),
    ).toEqual([
      'lines.2.vat.exemptionCode: lines.2 is zero rated (Z) with exemption code VATEX-SA-36 but lines.0 with VATEX-SA-35: the VAT breakdown has one code per category and rate, so sell them on separate documents (BR-Z-08)',
    ]);
  });

  it('an allowance or charge counts too', () => {
    expect(
      problems(
        simplifiedInvoice({
          lines: [{ name: 'Loan fee', quantity: '1', unitPrice: '10', vat: { category: 'E', rate: '0', exemptionCode: 'VATEX-SA-29' } }],
          charges: [{ amount: '1.00', reason: 'Admin', vat: { category: 'E', rate: '0', exemptionCode: 'VATEX-SA-30' } }],
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^charges\.0\.vat\.exemptionCode: charges\.0 is exempt \(E\) with exemption code VATEX-SA-30 but lines\.0 .*\(BR-E-08\)$/),
    ]);
  });

  it('a second out-of-scope reason is refused, never dropped; the same reason twice is one breakdown', () => {
    const lines = (a: string, b: string) => [
      { name: 'Government fee', quantity: '1', unitPrice: '10', vat: O(a) },
      { name: 'Donation', quantity: '1', unitPrice: '5', vat: O(b) },
    ];
    expect(problems(simplifiedInvoice({ lines: lines('Government fee', 'Donation') }))).toEqual([
      'lines.1.vat.exemptionReason: lines.1 is out-of-scope (O) with the reason "Donation" but lines.0 with "Government fee": the VAT breakdown has one reason per category and rate, so give the same text or sell them on separate documents (BR-O-08)',
    ]);
    expect(problems(simplifiedInvoice({ lines: lines('Not subject to VAT', 'Not subject to VAT') }))).toEqual([]);
  });
});

describe('the refusal is one DukkanError, in English and Arabic, naming field and rule', () => {
  const refusal = (json: unknown) => thrownBy(DocumentInputError, () => parseDocumentInput(json));

  it('carries the code document.invalid, one coded problem per field, and the rule as data', () => {
    const e = refusal(simplifiedInvoice({ seller: { ...simplifiedInvoice().seller, vatNumber: '123' }, issueTime: '10:00' }));
    expect(e).toBeInstanceOf(DukkanError);
    expect(e.code).toBe('document.invalid');
    expect(e.params).toEqual({ count: 2 });
    expect(e.problems.map((p) => [p.path, p.code, p.rule])).toEqual([
      ['issueTime', 'document.issue-time', 'BR-KSA-70'],
      ['seller.vatNumber', 'document.vat-number', 'BR-KSA-40'],
    ]);
    expect(e.message).toBe(
      [
        'The document is not valid: 2 problem(s), each named with its field.',
        '  issueTime: must be HH:MM:SS (no fractions, no zone) (BR-KSA-70)',
        '  seller.vatNumber: must be 15 digits, starting and ending with 3 (BR-KSA-40)',
      ].join('\n'),
    );
  });

  it('says the same in Arabic: every line names the field and the rule', () => {
    const e = refusal(simplifiedInvoice({ lines: [{ name: 'Milk', quantity: '0', unitPrice: '-1', vat: { category: 'S', rate: '16' } }] }));
    const arabic = e.text('ar').split('\n');
    expect(arabic[0]).toBe(errorText('document.invalid', { count: e.problems.length }, 'ar'));
    expect(arabic).toHaveLength(e.problems.length + 1);
    e.problems.forEach((p, i) => {
      const line = arabic[i + 1]!;
      expect(line).toBe(`  ${problemText(p, 'ar')}`);
      expect(line.startsWith(`  ${p.path}: `)).toBe(true);
      expect(line).toMatch(/[\u0600-\u06FF]/);
      if (p.rule !== 'FORMAT') expect(line).toContain(`(${p.rule})`);
    });
    expect(e.problems.map((p) => p.code)).toEqual(['document.quantity-zero', 'document.negative', 'document.standard-rate']);
  });

  it("zod's own type checks get a code too, and a value of the wrong JSON type is not taken for a bug", () => {
    const e = refusal({ ...simplifiedInvoice(), seller: 'Dukkan', allowances: 'none', lines: [] });
    expect(e.problems.map((p) => [p.path, p.code])).toEqual([
      ['seller', 'document.not-object'],
      ['lines', 'document.no-lines'],
      ['allowances', 'document.not-list'],
    ]);
    expect(refusal('not a document').problems.map((p) => [p.path, p.code])).toEqual([['', 'document.not-object']]);
    expect(refusal('not a document').text('ar').split('\n')[1]).toBe(`  ${errorText('document.not-object', {}, 'ar')}`);
  });
});
