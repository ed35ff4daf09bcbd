import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTotals, TotalsError, type DocumentTotals } from './computeTotals';
import { parseDocumentInput, type DocumentInputJson } from '../document/documentInput';
import { Decimal, dec } from '../money/decimal';
import { freeItemWithAllowances, freeItemWithCharges, simplifiedInvoice, VAT_TREATMENTS, zeroRatedWithDelivery } from '../../test/fixtures/documents';
import { inclusiveCart } from '../../test/fixtures/inclusiveCarts';

const r2 = (d: Decimal) => d.round(2);

/** The §7.6 rules, re-derived from the output numbers alone (independent of how computeTotals got them). */
function assertRules(t: DocumentTotals, exactVat = true): void {
  for (const l of t.lines) {
    // BR-KSA-EN16931-11 — we hold it exactly, not just within ±0.01
    const check = r2(
      l.quantity
        .mul(l.netUnitPrice)
        .trunc(3)
        .sub(l.allowance ?? Decimal.ZERO),
    );
    expect(check.toFixed(2), `line ${l.id} net`).toBe(l.net.toFixed(2));
    // BR-KSA-51
    expect(l.inclusive.toFixed(2)).toBe(r2(l.net.add(l.vat)).toFixed(2));
    expect(l.net.isNegative()).toBe(false);
    // BR-KSA-F-04: no negative line VAT; a line's net never exceeds what the customer pays for it
    expect(l.vat.isNegative(), `line ${l.id} VAT ${l.vat.toFixed(2)}`).toBe(false);
  }
  for (const a of [...t.allowances, ...t.charges]) expect(a.amount.isNegative()).toBe(false);
  expect(t.lineExtension.toFixed(2)).toBe(r2(Decimal.sum(t.lines.map((l) => l.net))).toFixed(2)); // BR-CO-10
  expect(t.allowanceTotal.toFixed(2)).toBe(Decimal.sum(t.allowances.map((a) => a.amount)).toFixed(2)); // BR-CO-11
  expect(t.taxExclusive.toFixed(2)).toBe(r2(t.lineExtension.sub(t.allowanceTotal).add(t.chargeTotal)).toFixed(2)); // BR-CO-13
  expect(t.vat.toFixed(2)).toBe(r2(Decimal.sum(t.categories.map((c) => c.vat))).toFixed(2)); // BR-CO-14
  expect(t.taxInclusive.toFixed(2)).toBe(r2(t.taxExclusive.add(Decimal.sum(t.categories.map((c) => c.vat)))).toFixed(2)); // BR-CO-15
  expect(t.payable.toFixed(2)).toBe(t.taxInclusive.add(t.payableRounding).toFixed(2)); // BR-CO-16
  for (const c of t.categories) {
    const key = (k: typeof c.vatKey) => `${k.category}|${k.rate.toFixed(2)}`;
    const lines = Decimal.sum(t.lines.filter((l) => key(l.vatKey) === key(c.vatKey)).map((l) => l.net));
    const allow = Decimal.sum(t.allowances.filter((a) => key(a.vatKey) === key(c.vatKey)).map((a) => a.amount));
    const charge = Decimal.sum(t.charges.filter((a) => key(a.vatKey) === key(c.vatKey)).map((a) => a.amount));
    expect(c.taxable.toFixed(2)).toBe(lines.sub(allow).add(charge).toFixed(2)); // BR-S-08
    // BR-CO-17/BR-S-09: exact for VAT-exclusive prices, within the rule's ±0.01 × lines tolerance for inclusive ones
    const expected = r2(c.taxable.mul(c.vatKey.rate).div(dec('100'), 4));
    expect(
      c.vat
        .sub(expected)
        .abs()
        .cmp(exactVat ? Decimal.ZERO : dec('0.01')),
    ).toBeLessThanOrEqual(0);
    if (c.vatKey.category !== 'S') expect(c.vat.isZero()).toBe(true); // BR-Z-09/E-09/O-09
  }
}

const money = (max: number) => fc.integer({ min: 0, max }).map((c) => Decimal.fromUnits(BigInt(c), 2).toFixed(2));

function totalsOf(json: DocumentInputJson): DocumentTotals {
  return computeTotals(parseDocumentInput(json));
}

describe('computeTotals (reference §7.6)', () => {
  it('the drift case: three lines of 10.10 at 15 % give VAT 4.55 (category rounding), not 4.56', () => {
    const line = { name: 'Item', quantity: '1', unitPrice: '10.10', vat: { category: 'S' as const, rate: '15' } };
    const t = totalsOf(simplifiedInvoice({ lines: [line, line, line] }));
    expect(t.lines.map((l) => l.vat.toFixed(2))).toEqual(['1.52', '1.52', '1.52']);
    expect(t.taxExclusive.toFixed(2)).toBe('30.30');
    expect(t.vat.toFixed(2)).toBe('4.55');
    expect(t.taxInclusive.toFixed(2)).toBe('34.85');
    assertRules(t);
  });

  it('VAT-inclusive shelf prices: the customer pays exactly the shelf total', () => {
    const t = totalsOf(
      simplifiedInvoice({
        pricesIncludeVat: true,
        lines: [
          { name: 'Water', quantity: '3', unitPrice: '1.15', vat: { category: 'S', rate: '15' } },
          { name: 'Dates', quantity: '0.750', unitPrice: '39.99', unitCode: 'KGM', vat: { category: 'S', rate: '15' } },
          { name: 'Medicine', quantity: '1', unitPrice: '24.50', vat: { category: 'Z', rate: '0', exemptionCode: 'VATEX-SA-35' } },
        ],
      }),
    );
    // 3 × 1.15 = 3.45; 0.75 × 39.99 = 29.9925 → 29.99; 24.50 → 57.94
    expect(t.payable.toFixed(2)).toBe('57.94');
    expect(t.lines[0]!.shownTotal.toFixed(2)).toBe('3.45');
    assertRules(t, false);
  });

  it('a shelf total no net can reach exactly puts the cent into VAT, within the BR-CO-17 tolerance', () => {
    // 1.15 incl. 15 %: nets 0.99 → 1.14, 1.00 → 1.15; 1.01 → 1.16 — but e.g. some totals are skipped; search one
    let gaps = 0;
    for (let cents = 1; cents <= 2000; cents++) {
      const price = Decimal.fromUnits(BigInt(cents), 2).toFixed(2);
      const t = totalsOf(
        simplifiedInvoice({ pricesIncludeVat: true, lines: [{ name: 'Item', quantity: '1', unitPrice: price, vat: { category: 'S', rate: '15' } }] }),
      );
      const c = t.categories[0]!;
      if (!c.vat.eq(c.taxable.mul(dec('15')).div(dec('100'), 2))) gaps++;
      expect(t.payable.toFixed(2)).toBe(price);
      expect(t.taxInclusive.toFixed(2)).toBe(price);
      expect(t.payableRounding.isZero()).toBe(true);
      assertRules(t, false);
    }
    expect(gaps).toBeGreaterThan(100); // about one price in eight has no exact split
  });

  it('line discounts and document allowances', () => {
    const t = totalsOf(
      simplifiedInvoice({
        lines: [
          { name: 'Shirt', quantity: '2', unitPrice: '49.90', discount: { amount: '10.00', reason: 'promo' }, vat: { category: 'S', rate: '15' } },
          { name: 'Socks', quantity: '3', unitPrice: '5.25', vat: { category: 'S', rate: '15' } },
        ],
        allowances: [{ amount: '5.00', reason: 'loyalty', vat: { category: 'S', rate: '15' } }],
      }),
    );
    expect(t.lines[0]!.net.toFixed(2)).toBe('89.80');
    expect(t.taxExclusive.toFixed(2)).toBe('100.55');
    expect(t.vat.toFixed(2)).toBe('15.08');
    assertRules(t);
  });

  it('refuses text with a carriage return (documents are LF-only on every OS)', () => {
    expect(() =>
      totalsOf(simplifiedInvoice({ lines: [{ name: 'Milk\r\nfresh', quantity: '1', unitPrice: '5.00', vat: { category: 'S', rate: '15' } }] })),
    ).toThrow(/lines\.0\.name: must not contain control characters/);
  });

  it('refuses a discount larger than its line and allowances larger than their category, naming the field', () => {
    expect(() =>
      totalsOf(
        simplifiedInvoice({ lines: [{ name: 'Item', quantity: '1', unitPrice: '5.00', discount: { amount: '6.00' }, vat: { category: 'S', rate: '15' } }] }),
      ),
    ).toThrow(/lines\.0\.discount\.amount: discount 6\.00 exceeds the line amount 5\.00/);
    for (const pricesIncludeVat of [false, true]) {
      // no line at 5 %: the allowance would make that category negative
      expect(() => totalsOf(simplifiedInvoice({ pricesIncludeVat, allowances: [{ amount: '1.00', vat: { category: 'S', rate: '5' } }] }))).toThrow(
        /allowances\.0\.amount: the allowances of VAT category S 5 % exceed its lines and charges by 1\.00/,
      );
    }
  });

  const vat = fc.constantFrom(...VAT_TREATMENTS);
  const quantity = fc.oneof(
    fc.integer({ min: 1, max: 50 }).map(String),
    fc.integer({ min: 1, max: 99_999 }).map((m) => Decimal.fromUnits(BigInt(m), 3).toString()),
  );
  const line = fc.record({ name: fc.constant('Item'), quantity, unitPrice: money(100_000), vat });
  const cart = fc.record({ pricesIncludeVat: fc.boolean(), lines: fc.array(line, { minLength: 1, maxLength: 30 }) });

  it('property: random carts keep every totals invariant, in both price conventions', () => {
    fc.assert(
      fc.property(cart, ({ pricesIncludeVat, lines }) => {
        const t = totalsOf(simplifiedInvoice({ pricesIncludeVat, lines }));
        assertRules(t, !pricesIncludeVat);
        expect(t.payableRounding.isZero()).toBe(true);
        if (pricesIncludeVat) {
          const shelf = Decimal.sum(t.lines.map((l) => l.shownTotal));
          expect(t.payable.toFixed(2)).toBe(shelf.toFixed(2));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('VAT-inclusive carts with free items, allowances and charges', () => {
  const inclusive = (json: Partial<DocumentInputJson>) => totalsOf(simplifiedInvoice({ pricesIncludeVat: true, ...json }));

  it("a free item never takes the category's rounding cent: no negative line VAT (BR-KSA-F-04)", () => {
    const t = totalsOf(freeItemWithAllowances());
    expect([t.lines[0]!.net, t.lines[0]!.vat, t.lines[0]!.inclusive].map((d) => d.toFixed(2))).toEqual(['0.00', '0.00', '0.00']);
    expect(t.lines[1]!.vat.toFixed(2)).toBe('68.23');
    // the cent the lines could not take went to an allowance: 0.64 / 1.15 = 0.5565 → 0.55
    expect(t.allowances.map((a) => a.amount.toFixed(2))).toEqual(['0.55', '0.69']);
    expect([t.categories[0]!.taxable.toFixed(2), t.categories[0]!.vat.toFixed(2)]).toEqual(['453.63', '68.04']);
    expect(t.payable.toFixed(2)).toBe('521.67'); // 523.10 − 0.64 − 0.79
    assertRules(t, false);
  });

  it('a free item and two charges is a sale: the customer pays 68.05', () => {
    const t = totalsOf(freeItemWithCharges());
    expect(t.lines[0]!.net.isZero() && t.lines[0]!.vat.isZero()).toBe(true);
    expect(t.charges.map((c) => c.amount.toFixed(2))).toEqual(['29.22', '29.95']);
    expect([t.categories[0]!.taxable.toFixed(2), t.categories[0]!.vat.toFixed(2)]).toEqual(['59.17', '8.88']);
    expect(t.payable.toFixed(2)).toBe('68.05');
    assertRules(t, false);
  });

  it.each([false, true])('a charge in a category no line has (zero-rated medicine, delivery at 15 %), prices include VAT: %s', (pricesIncludeVat) => {
    const t = totalsOf(zeroRatedWithDelivery({ pricesIncludeVat }));
    expect(t.categories.map((c) => `${c.vatKey.category} ${c.taxable.toFixed(2)} ${c.vat.toFixed(2)}`)).toEqual(
      pricesIncludeVat ? ['Z 24.50 0.00', 'S 13.04 1.96'] : ['Z 24.50 0.00', 'S 15.00 2.25'],
    );
    expect(t.payable.toFixed(2)).toBe(pricesIncludeVat ? '39.50' : '41.75');
    assertRules(t, !pricesIncludeVat);
  });

  it('one breakdown per category and rate: an exemption reason given on one line is the category’s', () => {
    const t = totalsOf(
      simplifiedInvoice({
        lines: [
          { name: 'Medicine', quantity: '1', unitPrice: '10', vat: { category: 'Z', rate: '0', exemptionCode: 'VATEX-SA-35' } },
          {
            name: 'Inhaler',
            quantity: '1',
            unitPrice: '20',
            vat: { category: 'Z', rate: '0', exemptionCode: 'VATEX-SA-35', exemptionReason: 'أدوية | Medicines' },
          },
        ],
      }),
    );
    expect(t.categories).toHaveLength(1);
    expect(t.categories[0]!.vatKey).toMatchObject({ category: 'Z', exemptionCode: 'VATEX-SA-35', exemptionReason: 'أدوية | Medicines' });
    expect(t.categories[0]!.taxable.toFixed(2)).toBe('30.00');
  });

  it('property: random VAT-inclusive carts with free items, allowances and charges: no negative amount, every invariant, the shelf total paid', () => {
    fc.assert(
      fc.property(inclusiveCart(12), ({ lines, allowances, charges, allowancesExceed, shelfTotal }) => {
        const build = () => inclusive({ lines, allowances, charges });
        // allowances larger than their category's lines and charges are refused, and only they
        if (allowancesExceed) {
          expect(build).toThrow(TotalsError);
          return;
        }
        const t = build();
        assertRules(t, false);
        for (const l of t.lines) {
          expect(l.net.cmp(l.shownTotal)).toBeLessThanOrEqual(0);
          if (l.shownTotal.isZero()) expect(l.net.isZero() && l.vat.isZero()).toBe(true);
        }
        for (const [list, input] of [
          [t.allowances, allowances],
          [t.charges, charges],
        ] as const) {
          list.forEach((a, i) => expect(a.amount.cmp(dec(input[i]!.amount))).toBeLessThanOrEqual(0));
        }
        expect(t.payable.toFixed(2)).toBe(shelfTotal.toFixed(2));
      }),
      { numRuns: 400 },
    );
  });
});
