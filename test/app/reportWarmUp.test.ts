// SPDX-License-Identifier: UNLICENSED
// The X report's totals of the day, computed ahead after a start (main/reports/dailyReport.ts warm()): the first
// report then reads no document's input again, and adds up to what the app's own report says.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DukkanApp } from '../../main/app/openApp';
import { DailyReports, type ReportSource } from '../../main/reports/dailyReport';
import { clientOf, openTestApp, signIn, waitFor } from './support';

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
    const source: ReportSource = {
      reportRowsAfter: (id) => documents.reportRowsAfter(id),
      paymentsAfter: (id) => documents.paymentsAfter(id),
      notClearedAfter: (id) => documents.notClearedAfter(id),
      documentById: (id) => (read.push(id), documents.documentById(id)),
    };
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
});
