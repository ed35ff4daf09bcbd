// SPDX-License-Identifier: UNLICENSED
// The store server's speed (docs/store-server.md): ingest from 50 simulated terminals pushing concurrently into a
// real PostgreSQL, and the consolidated day report over a store of many documents. `npm run bench -- storeServer`.
// Scale by environment: DUKKAN_BENCH_STORE_DOCS documents per terminal (default 1,000), DUKKAN_BENCH_STORE_ROWS
// documents in the report's store (default 1,000,000, over 30 days).
import os from 'node:os';
import { openStorage } from '../server/db/openStorage';
import { dayReport } from '../server/dayReport';
import { startStoreServer } from '../server/storeServer';
import { dayTotalsStore } from '../server/stores/dayTotalsStore';
import { signedRequest } from '../main/storeSync/storeClient';
import { startPostgresCluster } from '../test/support/postgresCluster';
import { chainedDocuments, enrolledTerminal } from '../test/storeServer/storeFixtures';
import { ms, summarize, type BenchSection } from './stats';

const TERMINALS = 50;
const BATCH = 500;

export async function benchStoreServer(): Promise<BenchSection> {
  const perTerminal = Number(process.env.DUKKAN_BENCH_STORE_DOCS ?? 1000);
  const reportRows = Number(process.env.DUKKAN_BENCH_STORE_ROWS ?? 1_000_000);
  const cluster = await startPostgresCluster();
  const storage = await openStorage({ databaseUrl: cluster.createDatabase('bench_store') });
  const server = await startStoreServer({ storage, managerToken: 'bench', log: () => undefined });
  try {
    const terminals = await Promise.all(Array.from({ length: TERMINALS }, (_, i) => enrolledTerminal(server.url, 'bench', `Branch ${i % 10}`, `Till ${i}`)));
    // made before the clock starts: each carries a real invoice hash of its XML, which the server re-checks
    const fixtures = terminals.map((_, i) => chainedDocuments(`bench${i}`, 1, perTerminal, undefined, '2026-11-15'));
    const loadBefore = os.loadavg()[0]!;
    const pushLatencies: number[] = [];
    let retries = 0;
    const t0 = performance.now();
    await Promise.all(
      terminals.map(async (t, i) => {
        const docs = fixtures[i]!;
        for (let from = 0; from < docs.length; from += BATCH) {
          const started = performance.now();
          // as the till's worker does: a push that got no answer is sent again (answered duplicate where it landed)
          for (let attempt = 1; ; attempt++) {
            try {
              // 50 pushes of 500 queue behind each other in this one process: a longer wait than the till's 30 s
              await signedRequest(t, 'POST', '/api/push', { documents: docs.slice(from, from + BATCH), records: [] }, { timeoutMs: 180_000 });
              break;
            } catch (e) {
              if ((e as { code?: string }).code !== 'store.unreachable' || attempt >= 5) throw e;
              retries += 1;
            }
          }
          pushLatencies.push(performance.now() - started);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const ingested = TERMINALS * perTerminal;
    const rate = ingested / seconds;
    const push = summarize(pushLatencies);

    // the report's store: many more documents, written by SQL (an ingest of a million would take its own quarter hour)
    const fill0 = performance.now();
    await storage.query(
      `INSERT INTO documents (terminal_id, chain, icv, uuid, number, kind, profile, issue_date, issue_time, issued_at, branch, cashier,
                              hash, pih, qr, xml, tax_exclusive, vat, tax_inclusive)
       SELECT t.ids[g % ${TERMINALS} + 1], 'bulk', g, md5(g::text), 'B-' || g, CASE WHEN g % 25 = 0 THEN 'credit-note' ELSE 'invoice' END, 'simplified',
              DATE '2026-10-01' + (g % 30), '12:00:00', TIMESTAMPTZ '2026-10-01 09:00Z' + (g % 30) * INTERVAL '1 day', t.branches[g % ${TERMINALS} + 1],
              'Cashier ' || (g % 40), md5(g::text), md5((g - 1)::text), 'qr' || g, '<Invoice/>', 100 + g % 50, 15 + (g % 50) * 0.15,
              115 + (g % 50) * 1.15
         FROM generate_series(1, $1::int) g,
              (SELECT array_agg(id ORDER BY id) AS ids, array_agg(branch ORDER BY id) AS branches FROM terminals) t`,
      [reportRows],
    );
    await storage.query(
      `INSERT INTO document_vat (terminal_id, chain, icv, category, rate, taxable, vat)
       SELECT terminal_id, chain, icv, 'S', 15, tax_exclusive, vat FROM documents WHERE chain = 'bulk'`,
    );
    await storage.query(
      `INSERT INTO document_payments (terminal_id, chain, icv, seq, means, amount)
       SELECT terminal_id, chain, icv, 1, CASE WHEN icv % 3 = 0 THEN 'card' ELSE 'cash' END, tax_inclusive FROM documents WHERE chain = 'bulk'`,
    );
    const fillSeconds = (performance.now() - fill0) / 1000;
    // the running day totals a push keeps, built here at once for the bulk-loaded documents
    const rebuild0 = performance.now();
    await dayTotalsStore.rebuild(storage);
    const rebuildSeconds = (performance.now() - rebuild0) / 1000;
    await storage.query('ANALYZE');
    const [{ n: stored } = { n: 0 }] = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
    const [{ n: onDay } = { n: 0 }] = await storage.query<{ n: number }>("SELECT count(*)::int AS n FROM documents WHERE issue_date = '2026-10-15'");
    const samples: number[] = [];
    for (let i = 0; i < 12; i++) {
      const started = performance.now();
      await dayReport(storage, { date: '2026-10-15' });
      if (i >= 2) samples.push(performance.now() - started);
    }
    const report = summarize(samples);
    const markdown = [
      `| measure | figure |`,
      `| --- | --- |`,
      `| ingest: ${TERMINALS} terminals × ${perTerminal.toLocaleString('en')} documents of ${(fixtures[0]![0]!.xml.length / 1024).toFixed(1)} KB, batches of ${BATCH}, all concurrent, server and terminals in one Node process; each document's hash, ICV, PIH, UUID and number re-checked against its XML | **${rate.toFixed(0)} documents/s** (${ingested.toLocaleString('en')} in ${seconds.toFixed(1)} s; target ≥ 1,000) |`,
      `| one push of ${BATCH} documents (p50 / p99); pushes sent again after a lost answer | ${ms(push.p50)} / ${ms(push.p99)}; ${retries} |`,
      `| consolidated day report (5 dimensions, from the day totals each push keeps) over ${stored.toLocaleString('en')} stored documents, ${onDay.toLocaleString('en')} on the day (p50 / p99 of ${report.runs}) | **${ms(report.p50)}** / ${ms(report.p99)} (target ≤ 200 ms) |`,
      `| filling the report's store by SQL; rebuilding day_totals from every document | ${fillSeconds.toFixed(1)} s; ${rebuildSeconds.toFixed(1)} s |`,
      '',
      `PostgreSQL from the OS packages, a private cluster with fsync off (test/support/postgresCluster.ts); load average ${loadBefore.toFixed(2)} before ingest, ${os.loadavg()[0]!.toFixed(2)} after. The full scale is 10,000 documents per terminal: \`DUKKAN_BENCH_STORE_DOCS=10000\`.`,
    ].join('\n');
    return { title: 'Store server: ingest from 50 terminals, consolidated day report', markdown, figures: { rate, push, retries, report, stored, onDay } };
  } finally {
    await server.close();
    await storage.close();
    cluster.stop();
  }
}
