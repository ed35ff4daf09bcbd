// SPDX-License-Identifier: UNLICENSED
// The X report's totals of the day, computed ahead after a start (main/reports/dailyReport.ts warm()): the first
// report then reads no document's input again, and adds up to what the app's own report says.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DukkanApp } from '../../main/app/openApp';
import { Decimal } from '../../app/money/decimal';
import { DailyReports, type ReportSource } from '../../main/reports/dailyReport';
import type { DocumentStore } from '../../main/sale/documentStore';
import { clientOf, openTestApp, signIn, waitFor } from './support';

/** The app's own document store as the reports read it, each method bound (a test replaces one or another). */
function sourceOf(documents: DocumentStore): ReportSource {
  return {
    periodRowsAfter: (id) => documents.periodRowsAfter(id),
    reportRow: (id) => documents.reportRow(id),
    firstAfter: (id, skipped) => documents.firstAfter(id, skipped),
    paymentsBetween: (after, to) => documents.paymentsBetween(after, to),
    exclusionsAfter: (id) => documents.exclusionsAfter(id),
    documentById: (id) => documents.documentById(id),
  };
}

describe('the X report warmed after a start', { timeout: 60_000 }, () => {
  let app: DukkanApp;
  let milk: number;

  beforeAll(async () => {
    ({ app } = await openTestApp());
    const cashier = clientOf(app, 'till');
    await signIn(cashier, app, 'cashier');
    milk = app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
    for (let i = 0; i < 20; i++) {
      await cashier.call('sale.complete', { lines: [{ productId: milk, quantity: '1' }], payments: [{ method: 'cash', amount: '10' }], saleId: randomUUID() });
    }
  });
  afterAll(() => app.close());

  it('computes every document once, a slice at a time, and the first report reads none again', async () => {
    const { db, documents } = app.core.current();
    const read: number[] = [];
    const source: ReportSource = { ...sourceOf(documents), documentById: (id) => (read.push(id), documents.documentById(id)) };
    const reports = new DailyReports(db, source, { training: true, clock: () => new Date() });
    let turns = 0;
    const counting = setInterval(() => turns++, 0);
    try {
      expect(await reports.warm(4)).toBe(20);
    } finally {
      clearInterval(counting);
    }
    expect(turns).toBeGreaterThan(0); // the event loop ran between the slices
    expect(new Set(read).size).toBe(20);
    expect(await reports.warm(4)).toBe(0);
    read.length = 0;
    const x = reports.x();
    expect(read).toEqual([]);
    expect(x.documents).toEqual({ invoices: 20, creditNotes: 0, debitNotes: 0 });
    const own = app.core.current().reports.x();
    expect({ documents: x.documents, vat: x.vat, payments: x.payments, totals: x.totals }).toEqual({
      documents: own.documents,
      vat: own.vat,
      payments: own.payments,
      totals: own.totals,
    });
  });

  it('computes each sale’s totals soon after it is issued, so an X report during the day reads no document again', async () => {
    const { documents, reports } = app.core.current();
    reports.x(); // what the day holds so far is counted
    const read: number[] = [];
    const own = documents.documentById.bind(documents);
    documents.documentById = (id) => (read.push(id), own(id));
    try {
      const cashier = clientOf(app, 'till-2');
      await signIn(cashier, app, 'cashier');
      const sold: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await cashier.call('sale.complete', {
          lines: [{ productId: milk, quantity: '2' }],
          payments: [{ method: 'cash', amount: '20' }],
          saleId: randomUUID(),
        });
        sold.push(documents.byNumber(r.document.number)!.id);
      }
      // in the background, without a report being asked for
      await waitFor(() => sold.every((id) => read.includes(id)), 10_000, 'the new sales warmed');
      read.length = 0;
      expect(reports.x().documents.invoices).toBe(25);
      expect(read).toEqual([]);
    } finally {
      documents.documentById = own;
    }
  });

  it('takes a document out of the running sums when it stops counting, and agrees with a report added up afresh', async () => {
    const { db, documents } = app.core.current();
    // what ZATCA's answers and the B2B desk mark later, as the clearances and corrections tables would name them
    const later = { withdrawn: [] as number[], notCleared: [] as number[], corrected: [] as number[] };
    const source: ReportSource = {
      ...sourceOf(documents),
      exclusionsAfter: (id) => {
        const own = documents.exclusionsAfter(id);
        const after = (ids: number[]) => ids.filter((i) => i > id);
        return {
          withdrawn: [...own.withdrawn, ...after(later.withdrawn)],
          notCleared: [...own.notCleared, ...after(later.notCleared)],
          corrected: [...own.corrected, ...after(later.corrected)],
        };
      },
    };
    const options = { training: true, clock: () => new Date('2026-12-05T10:00:00Z') };
    const running = new DailyReports(db, source, options);
    const afresh = () => new DailyReports(db, source, options).x();
    const sums = (x: ReturnType<DailyReports['x']>) => ({ ...x, to: undefined });
    await running.warm();
    const all = running.x();
    expect(sums(all)).toEqual(sums(afresh()));
    const ids = documents.periodRowsAfter(0).map((r) => r.id);
    const first = ids[0]!;
    const payable = (id: number) => Decimal.parse(documents.reportRow(id)!.payable);
    const less = (...gone: number[]) =>
      Decimal.parse(all.totals.sales)
        .sub(Decimal.sum(gone.map(payable)))
        .toFixed(2);

    later.corrected.push(ids[3]!);
    later.notCleared.push(ids[5]!, ids[3]!); // a corrected document is its correction, not a document apart
    later.withdrawn.push(first); // the period's first document no longer counts: the report starts at the next
    const x = running.x();
    expect(x.documents.invoices).toBe(all.documents.invoices - 3);
    expect(x.totals.sales).toBe(less(ids[3]!, ids[5]!, first));
    expect(x.notCleared).toEqual({ documents: 1, amount: payable(ids[5]!).toFixed(2) });
    expect(x.from).toBe(new Date(documents.reportRow(ids[1]!)!.committed_at).toISOString());
    expect(sums(x)).toEqual(sums(afresh()));

    // and back, should a state be undone: the sums are exactly those of the start
    later.corrected.length = later.notCleared.length = later.withdrawn.length = 0;
    expect(sums(running.x())).toEqual(sums(all));
  });
});
