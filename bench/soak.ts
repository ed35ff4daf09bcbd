// SPDX-License-Identifier: UNLICENSED
// A long day in one process: N sales (default 20,000) through the real dispatcher, counter and ledger, each receipt
// printed with the real template and Chromium rasterizer to a fake ESC/POS printer on TCP, the reporting worker
// reporting to the embedded Fatoora simulator, and every 500 sales an X report on screen, one printed and a
// document export. Measured after a warm-up (the first tenth, at least 200 sales): the main process's RSS and heap
// (after a full GC), the longest event-loop stall (a 10 ms timer's lateness, and which work was running; the bench's
// own forced GCs left out), open file descriptors, and Chromium's processes and renderer processes (pages); for each
// stall, the garbage collector's pauses in it and, with --profile-stalls, what the main thread ran (stallProfile.ts).
// Too long for CI:
//
//   npm run bench -- soak [--sales N] [--profile-stalls]
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { createHistogram } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DukkanApp } from '../main/app/openApp';
import { ChromiumRasterizer } from '../main/printing/chromiumRasterizer';
import { FakeEscPosPrinter } from '../test/printer/fakeEscPosPrinter';
import { clientOf, openTestApp, signIn, waitFor } from '../test/app/support';
import { ms, summarize, type BenchSection, type LatencySummary } from './stats';
import { KEEP_GC_MS, StallExplainer, type ExplainedStall } from './stallProfile';
import { threadCpuMs } from './threadCpu';

const REPORTS_EVERY = 500;
const STALL_MS = 50;

/** `--sales N` from the command line (`npm run bench -- soak --sales 2000`). */
export function salesFromArgv(argv: readonly string[]): number {
  const i = argv.indexOf('--sales');
  if (i < 0) return 20_000;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1000) throw new Error('--sales must be a whole number of at least 1000');
  return n;
}

/** `--profile-stalls`: keep a CPU profile of the main thread to say what ran in each stall (bench/stallProfile.ts). */
export function profileStallsFromArgv(argv: readonly string[]): boolean {
  return argv.includes('--profile-stalls');
}

function fullGc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Our descendants, from /proc: Chromium's processes, and of them the renderers (one per open page). */
function chromiumProcesses(): { all: number; renderers: number } {
  const parent = new Map<number, number>();
  const cmd = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      cmd.set(Number(name), readFileSync(`/proc/${name}/cmdline`, 'utf8'));
    } catch {
      // gone meanwhile
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  const chromium = [...cmd].filter(([pid, c]) => /chrom/i.test(c) && ours(pid));
  return { all: chromium.length, renderers: chromium.filter(([, c]) => c.includes('--type=renderer')).length };
}

interface Sample {
  readonly sales: number;
  readonly rssMiB: number;
  readonly heapMiB: number;
  /** Memory outside the JS heap that V8 knows of: Buffers, ArrayBuffers, WebAssembly memories (libxml2-wasm). */
  readonly externalMiB: number;
  /** RSS split as /proc/self/status gives it: the allocators' memory, and pages of mapped files (code, SQLite's -shm). */
  readonly anonMiB: number;
  readonly fileMiB: number;
  readonly fds: number;
  readonly chromium: number;
  readonly renderers: number;
}

/** A `kB` line of /proc/self/status in MiB (0 when the kernel has no such line). */
function statusMiB(status: string, field: string): number {
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  return kb === undefined ? 0 : Number(kb) / 1024;
}

function sample(sales: number): Sample {
  fullGc();
  const m = process.memoryUsage();
  const status = readFileSync('/proc/self/status', 'utf8'); // Linux, as the fd and Chromium counts below
  const c = chromiumProcesses();
  return {
    sales,
    rssMiB: m.rss / 2 ** 20,
    heapMiB: m.heapUsed / 2 ** 20,
    externalMiB: m.external / 2 ** 20,
    anonMiB: statusMiB(status, 'RssAnon'),
    fileMiB: statusMiB(status, 'RssFile'),
    fds: readdirSync('/proc/self/fd').length,
    chromium: c.all,
    renderers: c.renderers,
  };
}

/** What the soak is doing, and every activity since the last look: a stall is blamed on all that ran in it. */
class Activity {
  private current = 'sale';
  private since = new Set<string>(['sale']);

  set(label: string): void {
    this.current = label;
    this.since.add(label);
  }

  /** Everything that ran since the last call, the current one included. */
  take(): string {
    const all = [...this.since].join(' + ');
    this.since = new Set([this.current]);
    return all;
  }
}

/**
 * Every stall over STALL_MS, from a 10 ms timer's lateness, with what the soak was doing and the CPU time the main
 * thread used meanwhile. On a busy machine the lateness includes time spent waiting for a core; the CPU time is the
 * work the thread did without yielding, which is what the same stall would last on an idle machine. Over STALL_MS of
 * it is a stall of our own making.
 */
function stallWatch(activity: () => string, explainer: StallExplainer) {
  const stalls = new Map<string, { count: number; ownWork: number; maxMs: number; maxCpuMs: number }>();
  // every tick's lateness, as monitorEventLoopDelay keeps it, but with the bench's own work left out (unseen)
  let delays = createHistogram();
  let last = performance.now();
  let lastCpu = threadCpuMs();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = threadCpuMs();
    const late = now - last - 10;
    const cpuMs = cpu - lastCpu;
    const from = last;
    last = now;
    lastCpu = cpu;
    const what = activity();
    delays.record(Math.max(1, Math.round(late * 1e6)));
    if (late > STALL_MS) {
      const s = stalls.get(what) ?? { count: 0, ownWork: 0, maxMs: 0, maxCpuMs: 0 };
      stalls.set(what, {
        count: s.count + 1,
        ownWork: s.ownWork + (cpuMs > STALL_MS ? 1 : 0),
        maxMs: Math.max(s.maxMs, late),
        maxCpuMs: Math.max(s.maxCpuMs, cpuMs),
      });
      explainer.stall({ from, to: now, what, cpuMs });
    }
    if (explainer.due) {
      // the profile's rotation is the bench's own work: the next tick starts after it
      explainer.rotate();
      last = performance.now();
      lastCpu = threadCpuMs();
    }
  }, 10);
  return {
    stalls,
    get delays() {
      return delays;
    },
    /** Forgets what was seen so far (the warm-up). */
    clear() {
      stalls.clear();
      delays = createHistogram();
      explainer.clear();
    },
    stop: () => {
      clearInterval(timer);
      explainer.stop();
    },
    /** Runs the bench's own synchronous work (a sample's forced full GC) unseen: the next tick starts after it. */
    unseen<T>(work: () => T): T {
      const from = performance.now();
      try {
        return work();
      } finally {
        explainer.exclude(from, performance.now());
        last = performance.now();
        lastCpu = threadCpuMs();
      }
    },
  };
}

async function runSoak(app: DukkanApp, printer: FakeEscPosPrinter, sales: number, every: number, profile: boolean) {
  const cashier = clientOf(app, 'soak-till');
  const manager = clientOf(app, 'soak-office');
  await signIn(cashier, app, 'cashier');
  await signIn(manager, app, 'manager');
  const products = app.core.catalog.list().slice(0, 4);
  let printed = 0;
  let printFailures = 0;
  const stopEvents = app.subscribe((e) => {
    if (e.type !== 'print' || e.outcome.state === 'printing') return;
    printed++;
    if (e.outcome.state !== 'printed') printFailures++;
  });
  const doing = new Activity();
  const explainer = new StallExplainer(profile);
  const watch = stallWatch(() => doing.take(), explainer);
  const warmUp = Math.max(200, Math.round(sales / 10));
  // each memory sample forces a full GC (sample()): the bench's own work, 50–200 ms that would otherwise count as a
  // stall of the sale or receipt before it; the watch does not see it (unseen)
  // a sample right after an export would read the export's freed memory before the app gives it back, which it does
  // once the till is quiet (main/app/quietMoments.ts): the sample waits for that, as a till between two customers
  const sampled = async (sales: number) => {
    await waitFor(() => app.core.exporter.pendingReleases === 0, 60_000, 'the memory release after the export');
    samples.push(watch.unseen(() => sample(sales)));
  };
  const saleMs: number[] = [];
  const periodic = new Map<string, number[]>([
    ['X report (reports.daily)', []],
    ['X report printed (reports.print)', []],
    ['export of the day (export.documents)', []],
  ]);
  const samples: Sample[] = [];
  const today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10); // Riyadh's day (UTC+3)
  const timed = async (label: string, work: () => Promise<unknown>) => {
    doing.set(label);
    const t = performance.now();
    await work();
    periodic.get(label)!.push(performance.now() - t);
    doing.set('sale');
  };
  try {
    for (let i = 1; i <= sales; i++) {
      const t = performance.now();
      await cashier.call('sale.complete', {
        lines: [
          { productId: products[i % products.length]!.id, quantity: String(1 + (i % 3)) },
          { productId: products[(i + 1) % products.length]!.id, quantity: '1' },
        ],
        payments: [{ method: 'cash', amount: '500' }],
        saleId: randomUUID(),
      });
      if (i > warmUp) saleMs.push(performance.now() - t);
      // a counter sells one customer after another: the receipt is out before the next sale starts
      doing.set('printing');
      await waitFor(() => printed >= i, 60_000, `receipt ${i}`);
      printer.connections.splice(0); // the fake printer keeps what it received; our RSS is not its
      doing.set('sale');
      if (i % every === 0) {
        await timed('X report (reports.daily)', () => manager.call('reports.daily', { kind: 'X' }));
        await timed('X report printed (reports.print)', () => manager.call('reports.print', { kind: 'X' }));
        await timed('export of the day (export.documents)', () => manager.call('export.documents', { from: today, to: today }));
      }
      if (i === warmUp) {
        await sampled(i);
        watch.clear();
      } else if (i > warmUp && (i % Math.max(every, Math.round(sales / 10)) === 0 || i === sales)) await sampled(i);
    }
  } finally {
    watch.stop();
    stopEvents();
  }
  return {
    warmUp,
    samples,
    saleMs: summarize(saleMs),
    loopMaxMs: watch.delays.max / 1e6,
    loopP99Ms: watch.delays.percentile(99) / 1e6,
    stalls: watch.stalls,
    explained: explainer.explained(),
    gc: explainer.gcSummary(),
    periodic,
    printFailures,
    every,
  };
}

type Stall = { readonly count: number; readonly ownWork: number; readonly maxMs: number; readonly maxCpuMs: number };

/** Each target met or missed, and for stalls whether they were the process's own work or the machine's load. */
function soakVerdicts(growth: number, first: Sample, last: Sample, stalls: readonly (readonly [string, Stall])[]): string[] {
  const own = stalls.filter(([, s]) => s.ownWork > 0);
  const loads = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  return [
    `- RSS: ${growth < 10 ? 'within' : 'misses'} the 10 % bound (${growth.toFixed(1)} %).`,
    `- File descriptors ${first.fds === last.fds ? 'constant' : `${first.fds} → ${last.fds}`}; Chromium processes ${first.chromium === last.chromium && first.renderers === last.renderers ? 'and pages constant' : `${first.chromium}/${first.renderers} → ${last.chromium}/${last.renderers}`}.`,
    stalls.length === 0
      ? `- No stall over ${STALL_MS} ms.`
      : own.length === 0
        ? `- Stalls: every one over ${STALL_MS} ms had less than ${STALL_MS} ms of CPU time in it — the process was waiting for a core (load average ${loads} at the end), not busy; moving work to a worker thread would not shorten them. The target is met on the process's own work and is measured properly only on a quiet machine.`
        : `- Stalls of the process's own making (over ${STALL_MS} ms of CPU without yielding): ${own.map(([what, s]) => `${what} ${s.ownWork}× (CPU max ${s.maxCpuMs.toFixed(0)} ms)`).join('; ')}. That work is what is left to move off the main thread (main/workers) or to cut into pieces to meet the target.`,
  ];
}

/** What the GC paused for, and what ran in each stall of the process's own making (bench/stallProfile.ts). */
function stallDetails(explained: readonly ExplainedStall[], gc: { majors: readonly number[]; all: readonly number[] }, profiled: boolean): string[] {
  const majors = summarize([...gc.majors]);
  const own = explained.filter((s) => s.cpuMs > STALL_MS);
  const withGc = explained.filter((s) => s.gcMs > 0);
  return [
    `Garbage collection after the warm-up (perf_hooks' gc entries): ${gc.majors.length} full (mark-compact) pauses${gc.majors.length > 0 ? `, p50 ${ms(majors.p50)}, p99 ${ms(majors.p99)}, max ${ms(majors.max)}, ${gc.majors.filter((m) => m > STALL_MS).length} over ${STALL_MS} ms` : ''}; ${gc.all.length} pauses of ${KEEP_GC_MS} ms or more in all, ${ms(gc.all.reduce((a, b) => a + b, 0))} together. Of the ${explained.length} stalls over ${STALL_MS} ms, ${withGc.length} had a pause of ${KEEP_GC_MS} ms or more in them${withGc.length > 0 ? ` (the largest share ${ms(Math.max(...withGc.map((s) => s.gcMs)))})` : ''}.`,
    ...(own.length === 0
      ? []
      : [
          '',
          `Each stall with over ${STALL_MS} ms of the main thread's own CPU${profiled ? ', with the functions that had the most self time in it (a CPU profile kept in a ring, --profile-stalls)' : ''}:`,
          '',
          ...own.map(
            (s) =>
              `- ${s.what}: ${ms(s.to - s.from - 10)} late, ${ms(s.cpuMs)} CPU, of it GC ${ms(s.gcMs)}${s.gcKinds.length > 0 ? ` (${s.gcKinds.join(', ')})` : ''}${s.top !== undefined ? `; ${s.top.join('; ')}` : ''}`,
          ),
        ]),
  ];
}

export async function benchSoak(
  options: { readonly sales?: number; readonly profileStalls?: boolean } = {},
): Promise<Omit<BenchSection, 'markdown'> & { markdown: string[] }> {
  const sales = options.sales ?? salesFromArgv(process.argv);
  const profile = options.profileStalls ?? profileStallsFromArgv(process.argv);
  const every = Math.min(REPORTS_EVERY, Math.floor(sales / 4));
  const printer = await new FakeEscPosPrinter().start(0);
  const { app } = await openTestApp({ rasterizer: new ChromiumRasterizer(), printer: { address: printer.address, paperWidth: 80 } });
  const started = performance.now();
  let r: Awaited<ReturnType<typeof runSoak>>;
  try {
    r = await runSoak(app, printer, sales, every, profile);
  } finally {
    await app.close();
    await printer.close();
  }
  const minutes = (performance.now() - started) / 60_000;
  const first = r.samples[0]!;
  const last = r.samples.at(-1)!;
  const growth = (last.rssMiB / first.rssMiB - 1) * 100;
  const periodic = [...r.periodic].map(([label, list]) => [label, summarize(list)] as [string, LatencySummary]);
  const stalls = [...r.stalls].sort((a, b) => b[1].maxCpuMs - a[1].maxCpuMs);
  const figures = {
    sales,
    minutes,
    warmUp: r.warmUp,
    samples: r.samples,
    rssGrowthPercent: growth,
    sale: r.saleMs,
    loopMaxMs: r.loopMaxMs,
    loopP99Ms: r.loopP99Ms,
    stalls: Object.fromEntries(stalls),
    explainedStalls: r.explained,
    gcPauses: { majors: r.gc.majors.length, majorMaxMs: Math.max(0, ...r.gc.majors), pauses: r.gc.all.length },
    profiled: profile,
    printFailures: r.printFailures,
  };
  const markdown = [
    `${sales} sales (2 lines, cash) in ${minutes.toFixed(1)} min in one process, each receipt rendered by Chromium and printed`,
    `to a fake ESC/POS printer on TCP before the next sale; the reporting worker reports to the embedded Fatoora simulator;`,
    `every ${every} sales an X report, a printed X report and an export of the day. Samples after a full GC; the first after`,
    `the warm-up (${r.warmUp} sales). Receipts that did not print: ${r.printFailures}.`,
    '',
    '| after sale | RSS | of it anonymous / file-backed | JS heap | external (Buffers, WebAssembly) | file descriptors | Chromium processes | of them renderers (pages) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.samples.map(
      (s) =>
        `| ${s.sales} | ${s.rssMiB.toFixed(0)} MiB | ${s.anonMiB.toFixed(0)} / ${s.fileMiB.toFixed(0)} MiB | ${s.heapMiB.toFixed(0)} MiB | ${s.externalMiB.toFixed(0)} MiB | ${s.fds} | ${s.chromium} | ${s.renderers} |`,
    ),
    '',
    '| figure | measured | target |',
    '| --- | --- | --- |',
    `| RSS growth after warm-up | ${growth.toFixed(1)} % | < 10 % |`,
    `| longest event-loop stall on the main thread (a 10 ms timer's lateness) | ${ms(r.loopMaxMs)} (p99 ${ms(r.loopP99Ms)}) | ≤ 50 ms |`,
    `| file descriptors | ${first.fds} → ${last.fds} | constant |`,
    `| Chromium processes / pages | ${first.chromium} / ${first.renderers} → ${last.chromium} / ${last.renderers} | constant |`,
    `| complete sale → answer | p50 ${ms(r.saleMs.p50)}, p99 ${ms(r.saleMs.p99)}, max ${ms(r.saleMs.max)} | |`,
    ...periodic.map(([label, s]) => `| ${label} | p50 ${ms(s.p50)}, max ${ms(s.max)} | |`),
    '',
    stalls.length === 0
      ? `No stall over ${STALL_MS} ms after the warm-up.`
      : `Stalls over ${STALL_MS} ms after the warm-up (wall time, including waits for a core on a loaded machine), by what was running, with the longest CPU time the main thread used within one of them and how many had over ${STALL_MS} ms of it (work of its own that would stall an idle machine too): ${stalls
          .map(([what, s]) => `${what}: ${s.count}× (max ${ms(s.maxMs)}; CPU max ${ms(s.maxCpuMs)}, ${s.ownWork}× over ${STALL_MS} ms)`)
          .join('; ')}.`,
    '',
    ...stallDetails(r.explained, r.gc, profile),
    '',
    ...soakVerdicts(growth, first, last, stalls),
  ];
  return { title: 'A long day: the soak', markdown, figures };
}
