// SPDX-License-Identifier: UNLICENSED
// The X report over a long day's documents (main/reports/dailyReport.ts). It adds up every document of the open
// period from its stored input with the engine's computeTotals, so the amounts equal the signed XML's. Each
// document's totals are computed once and kept for the next report of the period (a signed document never changes),
// and the report reads the period's rows without their XML and the payments in one query. Measured against the
// work the report did before for each document — SELECT * (signed XML included), parse and validate the input,
// computeTotals, one payments query per document — replayed here on the same ledger, the variants interleaved.
//
// Also the export of that day (main/export), against the synchronous pass it replaced.
//
// Run alone: npx tsx bench/reports.ts [sales]
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { computeTotals } from '../app/totals/computeTotals';
import type { DocumentRow } from '../main/ledger/ledgerStore';
import { DocumentExporter } from '../main/export/documentExporter';
import { exportDocuments } from '../main/export/exportDocuments';
import { silentLogger } from '../main/log/logger';
import { DailyReports } from '../main/reports/dailyReport';
import type { SqliteDatabase } from '../native/sqlite/sqliteDriver';
import { clientOf, openTestApp, signIn } from '../test/app/support';
import { measureInterleaved, ms, summarize, type BenchSection } from './stats';

const DEFAULT_SALES = 2000;
const RUNS = 12;

const EXPORT_RUNS = 5;

/** The export as it was: one synchronous pass (JavaScript CRC, zlib's deflate on the main thread, fsync). */
function exportAsBefore(db: SqliteDatabase, day: string, file: string): number {
  const fd = openSync(file, 'w');
  let n = 0;
  const rows = db
    .prepare<[string, string], { xml: Buffer }>('SELECT d.xml FROM documents d WHERE d.issue_date >= ? AND d.issue_date <= ? ORDER BY d.chain_id, d.icv')
    .iterate(day, day);
  for (const r of rows) {
    let crc = 0xffffffff;
    for (const b of r.xml) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
    const body = deflateRawSync(r.xml, { level: 6 });
    const header = Buffer.alloc(30);
    header.writeUInt32LE((crc ^ 0xffffffff) >>> 0, 14);
    writeSync(fd, header);
    writeSync(fd, body);
    n++;
  }
  fsyncSync(fd);
  closeSync(fd);
  return n;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * The longest gap between two turns of the event loop while `work` runs: how long a cashier's call arriving then
 * would have waited. A 1 ms interval notes each turn; for a synchronous pass the gap is the whole pass.
 */
async function longestWait(work: () => unknown): Promise<{ wallMs: number; waitMs: number }> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, 5)); // the ticker runs before the work starts
  const t0 = performance.now();
  await work();
  const wallMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 5)); // and notes a gap at the very end too
  clearInterval(ticker);
  return { wallMs, waitMs: longest };
}

/** Wall time and the longest wait of the event loop, for each way of exporting the day, alternating. */
async function exportFigures(db: SqliteDatabase, dbFile: string, day: string, dir: string) {
  const runs = {
    before: [] as number[],
    now: [] as number[],
    thread: [] as number[],
    beforeBlock: [] as number[],
    nowBlock: [] as number[],
    threadBlock: [] as number[],
  };
  const exporter = new DocumentExporter({ threads: true, logger: silentLogger });
  for (let i = 0; i < EXPORT_RUNS; i++) {
    const before = await longestWait(() => exportAsBefore(db, day, path.join(dir, `before-${i}.bin`)));
    const options = (k: number) => ({ from: day, to: day, dir, now: new Date(Date.now() + (2 * i + k) * 1000), training: true });
    const now = await longestWait(() => exportDocuments(db, options(0)));
    const thread = await longestWait(() => exporter.export(db, dbFile, options(1)));
    runs.before.push(before.wallMs);
    runs.beforeBlock.push(before.waitMs);
    runs.now.push(now.wallMs);
    runs.nowBlock.push(now.waitMs);
    runs.thread.push(thread.wallMs);
    runs.threadBlock.push(thread.waitMs);
  }
  await exporter.close();
  rmSync(dir, { recursive: true, force: true });
  const figures = Object.entries(runs).map(([k, v]) => [k, summarize(v)] as const);
  return Object.fromEntries(figures) as { [K in keyof typeof runs]: ReturnType<typeof summarize> };
}

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
    // the reporting worker sends every sale to the embedded Fatoora simulator, which checks each one on this thread:
    // wait for it to finish, so what is timed is the report's and the export's own work
    const queued = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM reporting_jobs WHERE state IN ('queued', 'in-flight')");
    while (queued.get()!.n > 0) await new Promise((r) => setTimeout(r, 250));
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
    const today = db.prepare<[], { issue_date: string }>('SELECT issue_date FROM documents ORDER BY id DESC LIMIT 1').get()!.issue_date;
    const exports = await exportFigures(db, services.options.file, today, mkdtempSync(path.join(os.tmpdir(), 'dukkan-bench-export-')));
    const load = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ');
    const figures = { sales, counted, fillSeconds, ...timed, exports };
    const markdown = [
      `One training ledger with ${sales.toLocaleString('en-US')} sales (2 lines, cash or card; issued through the dispatcher in`,
      `${fillSeconds.toFixed(0)} s), every one in the open period. ${RUNS} runs of each variant, interleaved; load average at the end ${load}.`,
      '',
      '| X report over the open period | p50 | p99 | max |',
      '| --- | --- | --- | --- |',
      `| the per-document work the report did before (SELECT * with the signed XML, input parsed and validated, totals, one payments query per document) | ${ms(timed.before.p50)} | ${ms(timed.before.p99)} | ${ms(timed.before.max)} |`,
      `| first X report of the period in a process (every document added to the running sums) | ${ms(timed.firstAfterStart.p50)} | ${ms(timed.firstAfterStart.p99)} | ${ms(timed.firstAfterStart.max)} |`,
      `| a later X report (one more sale since the last, not timed) | ${ms(timed.next.p50)} | ${ms(timed.next.p99)} | ${ms(timed.next.max)} |`,
      '',
      `A later report adds only the documents issued since the last one to the open period's running sums`,
      `(main/reports/periodTotals.ts); the rest of its time is the cash-control part (per cashier, from an index, summed as`,
      `integer halalas by SQLite) and the short lists of what does not count. The first report in a process adds up every`,
      `document of the period (the day since the last Z) in one go; the app does that ahead, a few documents at a time with`,
      `the event loop free between them, once the till is usable after a start (DailyReports.warm(), next to the signing`,
      `tables' and the printer's warm-up), so a manager's first X report of the day is a later one. During the day each`,
      `document is added the same way a moment after its sale (DailyReports.issued()), so a later report has little left`,
      `to add whenever it is asked for.`,
      '',
      `| export of the day (${counted.toLocaleString('en-US')}+ documents, ${EXPORT_RUNS} runs each, alternating) | wall p50 | wall max | longest event-loop wait p50 | max |`,
      '| --- | --- | --- | --- | --- |',
      `| as before: one synchronous pass (JavaScript CRC, deflate and fsync on the main thread) | ${ms(exports.before.p50)} | ${ms(exports.before.max)} | ${ms(exports.beforeBlock.p50)} | ${ms(exports.beforeBlock.max)} |`,
      `| on the main thread (main/export: pages of 64, deflate and fsync in the thread pool, zlib's CRC) | ${ms(exports.now.p50)} | ${ms(exports.now.max)} | ${ms(exports.nowBlock.p50)} | ${ms(exports.nowBlock.max)} |`,
      `| the app's: the same in a worker thread of its own, with its own read-only connection (main/export/documentExporter.ts; thread start included) | ${ms(exports.thread.p50)} | ${ms(exports.thread.max)} | ${ms(exports.threadBlock.p50)} | ${ms(exports.threadBlock.max)} |`,
      '',
      `The longest event-loop wait is how long a cashier's call would have waited behind the export (the longest gap between`,
      `turns of a 1 ms interval). Timed after the reporting worker had sent the day to the embedded simulator.`,
      `The replay of the old export writes the same compressed bodies without the zip's directory; the other two write the`,
      `whole zip with its manifest and audit trail. The command line and a till without worker threads export on the main`,
      `thread; the app exports in a thread, whose wall time includes starting it: here, from the TypeScript sources, the`,
      `thread also compiles its modules through tsx as it starts, which the app's bundles do not.`,
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
