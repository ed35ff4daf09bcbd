// SPDX-License-Identifier: UNLICENSED
// The printed X/Z report: Riyadh wall-clock times, both languages, names escaped, and every figure as given.
import { describe, expect, it } from 'vitest';
import { renderReportHtml, type ReportPrintModel } from './renderReportHtml';

const report: ReportPrintModel = {
  kind: 'Z',
  number: 7,
  from: '2026-12-03T21:00:00.000Z',
  to: '2026-12-04T18:30:05.000Z',
  documents: { invoices: 3, creditNotes: 1, debitNotes: 0 },
  vat: [{ category: 'S', rate: '15', taxable: '100.00', vat: '15.00' }],
  payments: [{ method: 'unrecorded', amount: '1.00' }],
  totals: { sales: '116.00', returns: '1.00', debits: '0.00', net: '115.00', vat: '15.00' },
  training: false,
  cashControl: {
    cashiers: [{ cashier: '<b>Sara</b>', documents: 4, net: '115.00' }],
    shifts: [{ id: 2, cashier: 'Sara', expected: '215.00', counted: null, difference: null }],
    overShort: '0.00',
    voids: 3,
    priceOverrides: 0,
    discounts: 0,
    refunds: 1,
    paidIn: '0.00',
    paidOut: '4.25',
  },
};

describe('the printed X/Z report', () => {
  const html = renderReportHtml(report, 384);

  it('prints the period in Riyadh time, titled in both languages', () => {
    expect(html).toContain('2026-12-04 00:00:00');
    expect(html).toContain('2026-12-04 21:30:05');
    expect(html).toContain('Z report (end of day) No. 7');
    expect(html).toContain('تقرير Z');
    expect(html).not.toContain('TRAINING MODE');
  });

  it('escapes names and prints the figures as given, an open shift as open', () => {
    expect(html).toContain('&lt;b&gt;Sara&lt;/b&gt;');
    expect(html).not.toContain('<b>Sara');
    for (const figure of ['115.00', '-1.00', '4.25', 'Payment not recorded', 'Expected 215.00 · Counted open']) expect(html).toContain(figure);
  });
});
