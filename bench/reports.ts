// SPDX-License-Identifier: UNLICENSED
// The X report over a long day's documents (main/reports/dailyReport.ts). It adds up every document of the open
// period from its stored input with the engine's computeTotals, so the amounts equal the signed XML's. Each
// document's totals are computed once and kept for the next report of the period (a signed document never changes),
// and the report reads the period's rows without their XML and the payments in one query. Measured against the
// work the report did before for each document — SELECT * (signed XML included), parse and validate the input,
// computeTotals, one payments query per document — replayed here on the same ledger, the variants interleaved.
//
// Run alone: npx tsx bench/reports.ts [sales]
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { computeTotals } from '../app/totals/computeTotals';
import type { DocumentRow } from '../main/ledger/ledgerStore';
import { DailyReports } from '../main/reports/dailyReport';
import { clientOf, openTestApp, signIn } from '../test/app/support';
import { measureInterleaved, ms, summarize, type BenchSection } from './stats';

const DEFAULT_SALES = 2000;
const RUNS = 12;

export async function benchReports(options: { readonly sales?: number } = {}): Promise<BenchSection> {
  const sales = options.sales ?? Number(process.env.DUKKAN_BENCH_REPORT_SALES ?? DEFAULT_SALES);
  const { app } = await openTestApp();
  try {
    const cashier = clientOf(app, 'bench-till');
    const manager = clientOf(app, 'bench-office');
    await signIn(cashier, app, 'cashier');
    await signIn(manager, app, 'manager');
    const milk = app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
    const bread = app.core.catalog.list().find((p) => p.name.startsWith('Arabic bread'))!.id;
    const sell = (method: 'cash' | 'card') =>
      cashier.call('sale.complete', {
        lines: [
          { productId: milk, quantity: '2' },
          { productId: bread, quantity: '1' },
        ],
        payments: [{ method, amount: method === 'cash' ? '20' : '16.00' }],
        saleId: randomUUID(),
      });
    const filling = performance.now();
    for (let i = 0; i < sales; i++) await sell(i % 3 === 0 ? 'card' : 'cash');
    const fillSeconds = (performance.now() - filling) / 1000;

    const services = app.core.current();
    const { db, documents } = services;
    const everyRow = db.prepare<[], DocumentRow>('SELECT * FROM documents WHERE id > 0 ORDER BY id');
    const reportOptions = { training: true, clock: () => new Date() };
    const report = await manager.call('reports.daily', { kind: 'X' });
    const counted = report.documents.invoices;
    const variants = {
      // what the report did per document before: every column, the input parsed and validated, one payments query
      before: () => {
        let n = 0;
        for (const row of everyRow.all()) {
          computeTotals(documents.documentOf(row));
          n += documents.payments(row.id).length;
        }
        return n;
      },
      // the first X report of the period in a process (after a start): every document's totals computed
      firstAfterStart: () => new DailyReports(db, documents, reportOptions).x(),
      // every later X report of the period, as the manager screen asks for it: one sale since the last one, as at
      // a counter (the sale is not timed)
      next: async () => {
        await sell('cash');
        const t0 = performance.now();
        services.reports.x();
        nextSamples.push(performance.now() - t0);
      },
    };
    const nextSamples: number[] = [];
    const interleaved = await measureInterleaved(variants, RUNS, 1);
    const timed = { ...interleaved, next: summarize(nextSamples) };
    const load = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ');
    const figures = { sales, counted, fillSeconds, ...timed };
    const markdown = [
      `One training ledger with ${sales.toLocaleString('en-US')} sales (2 lines, cash or card; issued through the dispatcher in`,
      `${fillSeconds.toFixed(0)} s), every one in the open period. ${RUNS} runs of each variant, interleaved; load average at the end ${load}.`,
      '',
      '| X report over the open period | p50 | p99 | max |',
      '| --- | --- | --- | --- |',
      `| the per-document work the report did before (SELECT * with the signed XML, input parsed and validated, totals, one payments query per document) | ${ms(timed.before.p50)} | ${ms(timed.before.p99)} | ${ms(timed.before.max)} |`,
      `| first X report of the period in a process (every document's totals computed, kept) | ${ms(timed.firstAfterStart.p50)} | ${ms(timed.firstAfterStart.p99)} | ${ms(timed.firstAfterStart.max)} |`,
      `| a later X report (one more sale since the last, not timed) | ${ms(timed.next.p50)} | ${ms(timed.next.p99)} | ${ms(timed.next.max)} |`,
      '',
      `A later report computes only the documents issued since the last one; the rest of its time is reading the period's`,
      `rows and payments (no XML) and adding up. The first report after a start still computes every document of the period`,
      `(a day since the last Z); keeping each document's totals in the ledger at issuance would remove that, at the cost of a`,
      `second copy of amounts the signed XML already holds.`,
    ];
    return { title: 'Reports: the X report over a long day', markdown: markdown.join('\n'), figures };
  } finally {
    await app.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchReports(process.argv[2] ? { sales: Number(process.argv[2]) } : {});
  console.log(r.markdown);
}
