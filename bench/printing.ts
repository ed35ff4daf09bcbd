// SPDX-License-Identifier: UNLICENSED
// Printing benchmark: time from "committed document's ReceiptModel in hand" to the first byte of the print job
// arriving at a (fake, TCP on 127.0.0.1) printer, for a 5-line receipt on 58 mm paper, with a warm rasterizer.
// The path measured is the real one: QR plan, template, Chromium render + capture, PNG decode, 1-bit, QR self-check
// (jsqr), ESC/POS bands, the pre-flight DLE EOT status exchange, then the job's own connection. Target p50 ≤ 100 ms.
// Two paths interleaved: as the app prints, with the worker thread (main/workers), and all on the main thread.
//
// Run alone: npx tsx bench/printing.ts
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { ReceiptRasterizer } from '../main/printing/rasterizer';
import { ReceiptPrinter } from '../main/printing/receiptPrinter';
import { openDukkanWorkers } from '../main/workers/dukkanWorkers';
import { openRawPrinter } from '../native/printer/rawPrinter';
import { FakeEscPosPrinter } from '../test/printer/fakeEscPosPrinter';
import { chromiumKit } from '../test/printer/printingHarness';
import { sampleReceipt } from '../test/printer/receiptFixtures';
import { threadCpuMs } from './threadCpu';

export interface PathFigures {
  /** Model in hand → first byte of the print job (ESC @) at the printer. */
  readonly firstJobByteMs: { readonly p50: number; readonly p99: number; readonly min: number; readonly max: number };
  /** Model in hand → printer confirmed it received the whole job (DLE EOT reply after the cut). */
  readonly confirmedMs: { readonly p50: number; readonly p99: number };
  /** Of which: Chromium render + capture (+ PNG decode on the main-thread path). */
  readonly rasterizeMs: { readonly p50: number; readonly p99: number };
  /** CPU time the main thread spent per receipt (/proc/thread-self/schedstat): what the till's event loop waited. */
  readonly mainThreadCpuMs: { readonly p50: number; readonly p99: number; readonly max: number };
}

export interface PrintingBenchResult {
  readonly runs: number;
  readonly warmupRuns: number;
  /** The print path with the app's worker thread (main/workers), as the app prints. */
  readonly worker: PathFigures;
  /** Everything on the main thread, as before the worker (kit without workers), interleaved run by run. */
  readonly mainThread: PathFigures;
  readonly jobBytes: number;
  /** Whether both paths sent the printer the same bytes, every run. */
  readonly sameBytes: boolean;
  readonly markdown: string[];
}

function percentile(sorted: readonly number[], p: number): number {
  // nearest-rank
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

function stats(values: readonly number[]): { p50: number; p99: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const r = (x: number): number => Math.round(x * 10) / 10;
  return { p50: r(percentile(sorted, 50)), p99: r(percentile(sorted, 99)), min: r(sorted[0]!), max: r(sorted.at(-1)!) };
}

interface Samples {
  firstByte: number[];
  confirmed: number[];
  rasterize: number[];
  cpu: number[];
}

function figures(samples: Samples): PathFigures {
  const first = stats(samples.firstByte);
  const conf = stats(samples.confirmed);
  const raster = stats(samples.rasterize);
  const cpu = stats(samples.cpu);
  return {
    firstJobByteMs: first,
    confirmedMs: { p50: conf.p50, p99: conf.p99 },
    rasterizeMs: { p50: raster.p50, p99: raster.p99 },
    mainThreadCpuMs: { p50: cpu.p50, p99: cpu.p99, max: cpu.max },
  };
}

export async function benchPrinting(options: { runs?: number; warmupRuns?: number } = {}): Promise<PrintingBenchResult> {
  const runs = Math.max(50, options.runs ?? 60);
  const warmupRuns = options.warmupRuns ?? 5;
  const kit = chromiumKit();
  const workers = openDukkanWorkers({ size: 1 });
  const samples = {
    worker: { firstByte: [], confirmed: [], rasterize: [], cpu: [] } as Samples,
    mainThread: { firstByte: [], confirmed: [], rasterize: [], cpu: [] } as Samples,
  };
  let current: Samples = samples.worker;
  let counting = false;
  const timed = async <T>(work: Promise<T>, t = performance.now()): Promise<T> => {
    const out = await work;
    if (counting) current.rasterize.push(performance.now() - t);
    return out;
  };
  const timedRasterizer: Required<ReceiptRasterizer> = {
    rasterize: (html, widthPx) => timed(kit.rasterizer.rasterize(html, widthPx)),
    capture: (html, widthPx) => timed(kit.rasterizer.capture(html, widthPx)),
    close: () => kit.rasterizer.close(),
  };
  const fake = await new FakeEscPosPrinter().start(0);
  const printerWith = (offThread: boolean) =>
    new ReceiptPrinter({
      printer: openRawPrinter({ address: fake.address }),
      kit: { template: kit.template, rasterizer: timedRasterizer, ...(offThread ? { workers } : {}) },
      profile: { paperDots: 384 },
      retryDelaysMs: [],
    });
  const printers = { worker: printerWith(true), mainThread: printerWith(false) };
  const model = sampleReceipt();
  if (model.lines.length !== 5) throw new Error('benchPrinting: the benchmark receipt must have 5 lines');
  let jobBytes = 0;
  let sameBytes = true;
  try {
    await Promise.all([kit.rasterizer.warmUp(), workers.warmUp()]);
    // the two paths alternate run by run, so both see the same load on a shared machine
    for (let i = 0; i < warmupRuns + runs; i++) {
      let bytes: Buffer | null = null;
      for (const path of i % 2 === 0 ? (['worker', 'mainThread'] as const) : (['mainThread', 'worker'] as const)) {
        current = samples[path];
        counting = i >= warmupRuns;
        const cpu0 = threadCpuMs();
        const t0 = performance.now();
        const job = await printers[path].print(model, { openDrawer: true });
        const t1 = performance.now();
        const cpu = threadCpuMs() - cpu0;
        if (job.state !== 'printed') throw new Error(`benchPrinting: run ${i} (${path}) failed: ${job.error?.message}`);
        const received = fake.jobs().at(-1)!;
        if (counting) {
          current.firstByte.push(received.firstByteAt! - t0);
          current.confirmed.push(t1 - t0);
          current.cpu.push(cpu);
        }
        if (bytes && Buffer.compare(bytes, received.bytes) !== 0) sameBytes = false;
        bytes = received.bytes;
        jobBytes = received.bytes.length;
        fake.connections.splice(0);
      }
    }
  } finally {
    await fake.close();
    await kit.rasterizer.close();
    await workers.close();
  }
  const worker = figures(samples.worker);
  const mainThread = figures(samples.mainThread);
  const row = (label: string, w: { p50: number; p99: number }, m: { p50: number; p99: number }) =>
    `| ${label} | ${w.p50} ms | ${w.p99} ms | ${m.p50} ms | ${m.p99} ms |`;
  const markdown = [
    `Load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}. The two paths alternate run by run (${runs} runs each, after ${warmupRuns} warm-up runs each).`,
    '',
    `| Receipt printing (5-line receipt, 58 mm, warm Chromium, fake TCP printer) | worker thread p50 | p99 | main thread only p50 | p99 |`,
    `|---|---|---|---|---|`,
    row('Model in hand → first job byte at the printer (target p50 ≤ 100 ms)', worker.firstJobByteMs, mainThread.firstJobByteMs),
    row(`Model in hand → printer confirmed whole job (${jobBytes} bytes)`, worker.confirmedMs, mainThread.confirmedMs),
    row('of which Chromium render + capture (+ PNG decode on the main thread only)', worker.rasterizeMs, mainThread.rasterizeMs),
    row('CPU time of the main thread per receipt (its event loop busy)', worker.mainThreadCpuMs, mainThread.mainThreadCpuMs),
    '',
    `The printer got the same bytes from both paths in every run: ${sameBytes ? 'yes' : 'NO'}.`,
    `Target p50 ≤ 100 ms — ${worker.firstJobByteMs.p50 <= 100 ? 'met' : 'NOT met'} (${worker.firstJobByteMs.p50} ms, as the app prints: with the worker thread).`,
    'The worker thread takes the QR plan, the PNG decode, the 1-bit conversion, the QR self-check and the ESC/POS bands',
    'off the main thread (its CPU per receipt above); the Chromium render and capture are most of the latency, on a warm',
    'browser with one page reused. Not yet built: sending the header bands while the rest of the receipt renders (a',
    'first capture clipped to the header), and a capture that hands back raw pixels instead of a PNG to decode.',
  ];
  return { runs, warmupRuns, worker, mainThread, jobBytes, sameBytes, markdown };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchPrinting();
  console.log(result.markdown.join('\n'));
}
