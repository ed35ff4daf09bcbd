// SPDX-License-Identifier: UNLICENSED
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../app/money/decimal';
import { PeriodTotals, type DocumentContribution } from './periodTotals';

const d = (s: string) => Decimal.parse(s);
const standard = (taxable: string, vat: string) => ({ category: 'S' as const, rate: d('15'), taxable: d(taxable), vat: d(vat) });
const zero = (taxable: string) => ({ category: 'Z' as const, rate: d('0'), taxable: d(taxable), vat: d('0') });

const cashSale: DocumentContribution = {
  kind: 'invoice',
  payable: d('115.00'),
  vat: d('15.00'),
  categories: [standard('100.00', '15.00')],
  payments: [{ method: 'cash', amount: '115.00' }],
};
const splitSale: DocumentContribution = {
  kind: 'invoice',
  payable: d('40.00'),
  vat: d('3.00'),
  categories: [zero('20.00'), standard('20.00', '3.00')],
  payments: [
    { method: 'card', amount: '30.00', network: 'mada' },
    { method: 'store-credit', amount: '10.00' },
  ],
};
const refund: DocumentContribution = {
  kind: 'credit-note',
  payable: d('23.00'),
  vat: d('3.00'),
  categories: [standard('20.00', '3.00')],
  payments: [{ method: 'store-credit', amount: '23.00' }],
};
const unpaidDebit: DocumentContribution = { kind: 'debit-note', payable: d('11.50'), vat: d('1.50'), categories: [standard('10.00', '1.50')], payments: [] };

describe('the running sums of a report period', () => {
  it('adds sales, subtracts returns, and keeps card networks and store credit apart', () => {
    const t = new PeriodTotals();
    for (const doc of [cashSale, splitSale, refund, unpaidDebit]) t.add(doc);
    expect(t.sums()).toEqual({
      documents: { invoices: 2, creditNotes: 1, debitNotes: 1 },
      vat: [
        { category: 'S', rate: '15', taxable: '110.00', vat: '16.50' },
        { category: 'Z', rate: '0', taxable: '20.00', vat: '0.00' },
      ],
      payments: [
        { method: 'cash', amount: '115.00' },
        { method: 'card', amount: '30.00' },
        { method: 'store-credit', amount: '-13.00' },
        { method: 'unrecorded', amount: '11.50' },
      ],
      cardNetworks: [{ network: 'mada', amount: '30.00' }],
      storeCredit: { issued: '23.00', redeemed: '10.00' },
      totals: { sales: '155.00', returns: '23.00', debits: '11.50', net: '143.50', vat: '16.50' },
    });
  });

  it('lists its lines in one order whichever document came first', () => {
    const a = new PeriodTotals();
    const b = new PeriodTotals();
    for (const doc of [cashSale, splitSale, unpaidDebit]) a.add(doc);
    for (const doc of [unpaidDebit, splitSale, cashSale]) b.add(doc);
    expect(b.sums()).toEqual(a.sums());
  });

  it('is back where it was once a document added is subtracted again, its lines gone with their last document', () => {
    const t = new PeriodTotals();
    t.add(cashSale);
    const before = t.sums();
    t.add(splitSale);
    t.add(refund);
    t.subtract(splitSale);
    t.subtract(refund);
    expect(t.sums()).toEqual(before);
    expect(t.sums().cardNetworks).toBeUndefined();
    expect(t.sums().storeCredit).toBeUndefined();
    t.subtract(cashSale);
    expect(t.sums()).toEqual(new PeriodTotals().sums());
    expect(t.sums()).toMatchObject({ vat: [], payments: [], totals: { sales: '0.00', net: '0.00', vat: '0.00' } });
  });
});
