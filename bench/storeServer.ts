// SPDX-License-Identifier: UNLICENSED
// The store server's speed (docs/store-server.md): ingest from 50 simulated terminals pushing concurrently into a
// real PostgreSQL, and the consolidated day report over a store of many documents. `npm run bench -- storeServer`.
// The server runs in a process of its own (bench/storeServerProcess.ts) and the 50 terminals in another
// (bench/storeServerPushers.ts), so the figure is the server's; each process's CPU time is read from /proc.
// Scale by environment: DUKKAN_BENCH_STORE_DOCS documents per terminal (default 1,000), DUKKAN_BENCH_STORE_ROWS
// documents in the report's store (default 1,000,000, over 30 days); DUKKAN_BENCH_STORE_PROFILE=DIR writes the
// server process's CPU profile there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStorage } from '../server/db/openStorage';
import type { Storage } from '../server/db/storage';
import { dayReport } from '../server/dayReport';
import { dayTotalsStore } from '../server/stores/dayTotalsStore';
import { startPostgresCluster } from '../test/support/postgresCluster';
import { ms, summarize, type BenchSection } from './stats';

const TERMINALS = 50;
const BATCH = 500;
const TOKEN = 'bench';

/** A bench script under tsx as a child process; its stdout's JSON lines to `onLine`. */
function startScript(
  file: string,
  env: NodeJS.ProcessEnv,
  execArgv: string[] = [],
): { child: ChildProcess; line: () => Promise<unknown>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [...execArgv, '--import', 'tsx', path.join(import.meta.dirname, file)], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const waiting: ((v: unknown) => void)[] = [];
  const lines: unknown[] = [];
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    for (let nl = out.indexOf('\n'); nl >= 0; nl = out.indexOf('\n')) {
      const value = JSON.parse(out.slice(0, nl)) as unknown;
      out = out.slice(nl + 1);
      const w = waiting.shift();
      if (w) w(value);
      else lines.push(value);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const line = () =>
    lines.length > 0
      ? Promise.resolve(lines.shift())
      : Promise.race([new Promise((resolve) => waiting.push(resolve)), exited.then((code) => Promise.reject(new Error(`${file} exited ${code}`)))]);
  return { child, line, exited };
}

const TICK = 100; // clock ticks per second on Linux
/** User + system CPU seconds of a live process (all its threads) and of its reaped children. */
function cpuSeconds(pid: number, withChildren = false): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  const own = Number(fields[11]) + Number(fields[12]);
  return (withChildren ? own + Number(fields[13]) + Number(fields[14]) : own) / TICK;
}

/** User + system CPU seconds of one thread of a live process (its main thread: tid = pid). */
function threadCpuSeconds(pid: number, tid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICK;
}

/** The PostgreSQL cluster's CPU seconds: the postmaster with its reaped backends, and its live backends. */
async function clusterCpuSeconds(storage: Storage): Promise<number> {
  const [{ data_directory: dataDir } = { data_directory: '' }] = await storage.query<{ data_directory: string }>('SHOW data_directory');
  const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuSeconds(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      if (Number(stat[1]) === postmaster) total += (Number(stat[11]) + Number(stat[12])) / TICK;
    } catch {
      // gone meanwhile: its time is in the postmaster's reaped total now
    }
  }
  return total;
}

export async function benchStoreServer(): Promise<BenchSection> {
  const perTerminal = Number(process.env.DUKKAN_BENCH_STORE_DOCS ?? 1000);
  const reportRows = Number(process.env.DUKKAN_BENCH_STORE_ROWS ?? 1_000_000);
  const profileDir = process.env.DUKKAN_BENCH_STORE_PROFILE;
  const cluster = await startPostgresCluster();
  const databaseUrl = cluster.createDatabase('bench_store');
  const storage = await openStorage({ databaseUrl });
  const bodies = mkdtempSync(path.join(os.tmpdir(), 'dukkan-bench-push-'));
  const server = startScript(
    'storeServerProcess.ts',
    { DATABASE_URL: databaseUrl, DUKKAN_BENCH_TOKEN: TOKEN },
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  try {
    const { url } = (await server.line()) as { url: string };
    const pushers = startScript('storeServerPushers.ts', {
      DUKKAN_BENCH_URL: url,
      DUKKAN_BENCH_TOKEN: TOKEN,
      DUKKAN_BENCH_TERMINALS: String(TERMINALS),
      DUKKAN_BENCH_STORE_DOCS: String(perTerminal),
      DUKKAN_BENCH_BATCH: String(BATCH),
      DUKKAN_BENCH_DIR: bodies,
    });
    // the CPU clocks start when the pushers have made their documents: their first push is the first request after
    let serverCpu0 = cpuSeconds(server.child.pid!);
    let mainCpu0 = threadCpuSeconds(server.child.pid!, server.child.pid!);
    let pgCpu0 = await clusterCpuSeconds(storage);
    const loadBefore = os.loadavg()[0]!;
    const watch = setInterval(() => {
      // until the first push arrives the server only idles: keep moving the starting point up to it
      void (async () => {
        const [{ n } = { n: 0 }] = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
        if (n > 0) {
          clearInterval(watch);
          return;
        }
        serverCpu0 = cpuSeconds(server.child.pid!);
        mainCpu0 = threadCpuSeconds(server.child.pid!, server.child.pid!);
        pgCpu0 = await clusterCpuSeconds(storage);
      })();
    }, 200);
    const result = (await pushers.line()) as {
      seconds: number;
      makeSeconds: number;
      latencies: number[];
      retries: number;
      retryCauses: Record<string, number>;
      documentBytes: number;
      cpuSeconds: number;
    };
    clearInterval(watch);
    const serverCpu = cpuSeconds(server.child.pid!) - serverCpu0;
    const mainCpu = threadCpuSeconds(server.child.pid!, server.child.pid!) - mainCpu0;
    const pgCpu = (await clusterCpuSeconds(storage)) - pgCpu0;
    const pusherCpu = result.cpuSeconds;
    const loadAfter = os.loadavg()[0]!;
    await pushers.exited;
    const { seconds, retries } = result;
    const ingested = TERMINALS * perTerminal;
    const [{ n: landed } = { n: 0 }] = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
    if (landed !== ingested) throw new Error(`ingest stored ${landed} documents, not ${ingested}`);
    const rate = ingested / seconds;
    const push = summarize(result.latencies);

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
      `| ingest: ${TERMINALS} terminals × ${perTerminal.toLocaleString('en')} signed documents of ${(result.documentBytes / 1024).toFixed(1)} KB, batches of ${BATCH}, all concurrent; the server in a process of its own, the terminals in another; each document's hash, ICV, PIH, UUID, number and signature checked in the server's checking threads | **${rate.toFixed(0)} documents/s** (${ingested.toLocaleString('en')} in ${seconds.toFixed(1)} s; target ≥ 1,000) |`,
      `| CPU per document during ingest: server process (main thread and checking threads) / PostgreSQL / the 50 terminals | ${((serverCpu * 1000) / ingested).toFixed(2)} ms / ${((pgCpu * 1000) / ingested).toFixed(2)} ms / ${((pusherCpu * 1000) / ingested).toFixed(2)} ms (making and signing the documents took the terminals ${result.makeSeconds.toFixed(0)} s before the clock) |`,
      `| of the server's: its main thread (HTTP, JSON, database driver) / its other threads (checking threads, garbage collection, libuv) | ${((mainCpu * 1000) / ingested).toFixed(2)} ms / ${(((serverCpu - mainCpu) * 1000) / ingested).toFixed(2)} ms |`,
      `| one push of ${BATCH} documents (p50 / p99); pushes sent again after a lost answer | ${ms(push.p50)} / ${ms(push.p99)}; ${retries}${
        retries > 0
          ? ` (${Object.entries(result.retryCauses)
              .map(([c, n]) => `${n}× ${c}`)
              .join('; ')})`
          : ''
      } |`,
      `| consolidated day report (5 dimensions, from the day totals each push keeps) over ${stored.toLocaleString('en')} stored documents, ${onDay.toLocaleString('en')} on the day (p50 / p99 of ${report.runs}) | **${ms(report.p50)}** / ${ms(report.p99)} (target ≤ 200 ms) |`,
      `| filling the report's store by SQL; rebuilding day_totals from every document | ${fillSeconds.toFixed(1)} s; ${rebuildSeconds.toFixed(1)} s |`,
      '',
      `PostgreSQL from the OS packages, a private cluster with fsync off (test/support/postgresCluster.ts); load average ${loadBefore.toFixed(2)} before ingest, ${loadAfter.toFixed(2)} after. The full scale is 10,000 documents per terminal: \`DUKKAN_BENCH_STORE_DOCS=10000\`.`,
    ].join('\n');
    return {
      title: 'Store server: ingest from 50 terminals, consolidated day report',
      markdown,
      figures: { rate, push, retries, report, stored, onDay, serverCpu, mainCpu, pgCpu, pusherCpu },
    };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(bodies, { recursive: true, force: true });
    await storage.close();
    cluster.stop();
  }
}
