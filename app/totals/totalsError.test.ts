// SPDX-License-Identifier: UNLICENSED
// A total that cannot be computed is refused with a catalog code, the field, and its text in both languages.
import { describe, expect, it } from 'vitest';
import { computeTotals, TotalsError } from './computeTotals';
import { parseDocumentInput } from '../document/documentInput';
import { DukkanError } from '../errors';
import { simplifiedInvoice } from '../../test/fixtures/documents';
import { thrownBy } from '../../test/support/thrownBy';

const refusal = (json: Parameters<typeof simplifiedInvoice>[0]) => thrownBy(TotalsError, () => computeTotals(parseDocumentInput(simplifiedInvoice(json))));

const S15 = { category: 'S' as const, rate: '15' };

describe('TotalsError', () => {
  it.each([false, true])('a discount above its line is totals.discount-exceeds-line on the discount (prices include VAT: %s)', (pricesIncludeVat) => {
    const e = refusal({ pricesIncludeVat, lines: [{ name: 'Milk', quantity: '1', unitPrice: '5.00', discount: { amount: '6.00' }, vat: S15 }] });
    expect(e).toBeInstanceOf(DukkanError);
    expect(e.code).toBe('totals.discount-exceeds-line');
    expect([e.field, e.path]).toEqual(['lines.0.discount.amount', 'lines.0.discount.amount']);
    expect(e.params).toMatchObject({ discount: '6.00', amount: '5.00' });
    expect(e.text('ar')).toBe('lines.0.discount.amount: الخصم 6.00 أكبر من مبلغ السطر 5.00');
  });

  it('allowances above their category are totals.allowances-exceed on the first allowance', () => {
    const e = refusal({
      lines: [{ name: 'Milk', quantity: '1', unitPrice: '5.00', vat: S15 }],
      allowances: [{ amount: '6.00', reason: 'loyalty', vat: S15 }],
    });
    expect(e.code).toBe('totals.allowances-exceed');
    expect(e.field).toBe('allowances.0.amount');
    expect(e.params).toMatchObject({ category: 'S', rate: '15', excess: '1.00' });
    expect(e.text('ar')).toContain('1.00');
  });
});
