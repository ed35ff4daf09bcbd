// SPDX-License-Identifier: UNLICENSED
// Printing benchmark: time from "committed document's ReceiptModel in hand" to the first byte of the print job
// arriving at a (fake, TCP on 127.0.0.1) printer, for a 5-line receipt on 58 mm paper, with a warm rasterizer.
// The path measured is the real one: QR plan, template, Chromium render + capture, PNG decode, 1-bit, QR self-check
// (ZXing), ESC/POS bands, the pre-flight DLE EOT status exchange, then the job's own connection. Target p50 ≤ 100 ms.
// Three paths interleaved run by run: as the app prints (the receipt captured in strips, each strip's bands sent as
// soon as the worker has made them: main/printing/receiptStream.ts), the receipt captured whole and then sent (the
// worker path before streaming), and all on the main thread. Before them, a profile of one receipt step by step.
//
// Run alone: npx tsx bench/printing.ts
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { planQr } from '../app/receipt/qrPlan';
import { encodeReceiptJob } from '../app/receipt/escpos';
import { toMonochrome } from '../app/receipt/monochrome';
import { decodePng } from '../main/printing/png';
import { checkPrintedQr } from '../main/printing/qrSelfCheck';
import type { CapturedStrip, ReceiptRasterizer } from '../main/printing/rasterizer';
import { showReceiptScript } from '../main/printing/receiptHostPage';
import { stripCuts } from '../main/printing/receiptStream';
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
  /** Of which: Chromium render + capture (+ PNG decode on the main-thread path; all strips when streaming). */
  readonly rasterizeMs: { readonly p50: number; readonly p99: number };
  /** Model in hand → the first strip captured (streaming only; the whole capture otherwise). */
  readonly firstStripMs: { readonly p50: number; readonly p99: number };
  /** CPU time the main thread spent per receipt (/proc/thread-self/schedstat): what the till's event loop waited. */
  readonly mainThreadCpuMs: { readonly p50: number; readonly p99: number; readonly max: number };
}

export interface PrintingBenchResult {
  readonly runs: number;
  readonly warmupRuns: number;
  /** As the app prints: captured in strips, each sent as it is ready, decoded and banded in the worker thread. */
  readonly streamed: PathFigures;
  /** Captured whole, then decoded in the worker thread and sent (the path before streaming). */
  readonly worker: PathFigures;
  /** Everything on the main thread, as before the worker (kit without workers), interleaved run by run. */
  readonly mainThread: PathFigures;
  /** One receipt step by step, medians over the runs (ms). */
  readonly steps: Record<string, number>;
  readonly jobBytes: number;
  /** Whether all paths sent the printer the same bytes, every run. */
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
  firstStrip: number[];
  cpu: number[];
}

function figures(samples: Samples): PathFigures {
  const first = stats(samples.firstByte);
  const conf = stats(samples.confirmed);
  const raster = stats(samples.rasterize);
  const cpu = stats(samples.cpu);
  const strip = stats(samples.firstStrip);
  return {
    firstJobByteMs: first,
    confirmedMs: { p50: conf.p50, p99: conf.p99 },
    rasterizeMs: { p50: raster.p50, p99: raster.p99 },
    firstStripMs: { p50: strip.p50, p99: strip.p99 },
    mainThreadCpuMs: { p50: cpu.p50, p99: cpu.p99, max: cpu.max },
  };
}

/**
 * One receipt's steps one after another on the warm page, as the whole-capture path takes them (the worker's steps
 * timed here on the main thread), medians over `runs`: where the time goes.
 */
async function profileSteps(kit: ReturnType<typeof chromiumKit>, runs: number): Promise<Record<string, number>> {
  const model = sampleReceipt();
  const times: Record<string, number[]> = {};
  // the page the rasterizer keeps warm, driven step by step over the same protocol session
  await kit.rasterizer.capture('<!doctype html><html><body><p>warm</p></body></html>', 384);
  const page = (kit.rasterizer as unknown as { live: { page: { send(m: string, p?: object): Promise<unknown> } } }).live.page;
  const send = (method: string, params?: object) => page.send(method, params);
  await send('Emulation.setDeviceMetricsOverride', { width: 384, height: 600, deviceScaleFactor: 1, mobile: false });
  const shot = async (y: number, height: number) =>
    new Uint8Array(
      Buffer.from(
        (
          (await send('Page.captureScreenshot', {
            format: 'png',
            clip: { x: 0, y, width: 384, height, scale: 1 },
            captureBeyondViewport: true,
            optimizeForSpeed: true,
          })) as { data: string }
        ).data,
        'base64',
      ),
    );
  for (let i = 0; i < runs + 3; i++) {
    const lap = (() => {
      let t = performance.now();
      return (name: string) => {
        const now = performance.now();
        if (i >= 3) (times[name] ??= []).push(now - t);
        t = now;
      };
    })();
    const plan = planQr(model.qr, 384);
    lap('QR plan (qrcode; in the worker on the print path)');
    const html = kit.template(model, { paperDots: 384, qrModulePx: plan.modulePx, qrErrorCorrection: plan.errorCorrection, qrMatrix: plan.matrix });
    lap('template (HTML)');
    const measure = (
      (await send('Runtime.evaluate', { expression: showReceiptScript(html), awaitPromise: true, returnByValue: true })) as {
        result: { value: { height: number; qrBox: null } };
      }
    ).result.value;
    lap('page content set + layout + measure (one Runtime.evaluate)');
    await send('Emulation.setDeviceMetricsOverride', { width: 384, height: measure.height, deviceScaleFactor: 1, mobile: false });
    lap('viewport sized to the receipt');
    const png = await shot(0, measure.height);
    lap(`capture, whole receipt (384 × ${measure.height}, PNG)`);
    const first = stripCuts(measure, 384)[0] ?? measure.height;
    await shot(0, first);
    lap(`capture, first strip only (384 × ${first})`);
    const bitmap = decodePng(png);
    lap('PNG decode, whole receipt');
    const mono = toMonochrome(bitmap);
    lap('1-bit conversion');
    await checkPrintedQr(mono, model.qr, measure.qrBox);
    lap('QR self-check (ZXing)');
    encodeReceiptJob(mono, { openDrawer: true });
    lap('ESC/POS bands');
    await send('Emulation.setDeviceMetricsOverride', { width: 384, height: 600, deviceScaleFactor: 1, mobile: false });
    lap('(viewport back, not on the print path)');
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(median(v) * 10) / 10]));
}

const PATHS = ['streamed', 'worker', 'mainThread'] as const;
type PathName = (typeof PATHS)[number];

export async function benchPrinting(options: { runs?: number; warmupRuns?: number } = {}): Promise<PrintingBenchResult> {
  const runs = Math.max(50, options.runs ?? 60);
  const warmupRuns = options.warmupRuns ?? 5;
  const kit = chromiumKit();
  const workers = openDukkanWorkers({ size: 1 });
  const empty = (): Samples => ({ firstByte: [], confirmed: [], rasterize: [], firstStrip: [], cpu: [] });
  const samples: Record<PathName, Samples> = { streamed: empty(), worker: empty(), mainThread: empty() };
  let current: Samples = samples.worker;
  let counting = false;
  let t0 = 0;
  const timed = async <T>(work: Promise<T>, t = performance.now()): Promise<T> => {
    const out = await work;
    if (counting) {
      current.rasterize.push(performance.now() - t);
      if (current !== samples.streamed) current.firstStrip.push(performance.now() - t0);
    }
    return out;
  };
  const timedRasterizer: Required<ReceiptRasterizer> = {
    rasterize: (html, widthPx) => timed(kit.rasterizer.rasterize(html, widthPx)),
    capture: (html, widthPx) => timed(kit.rasterizer.capture(html, widthPx)),
    captureStrips: (html, widthPx, cuts, onStrip) => {
      let first = true;
      return timed(
        kit.rasterizer.captureStrips(html, widthPx, cuts, (strip: CapturedStrip) => {
          if (first && counting) current.firstStrip.push(performance.now() - t0);
          first = false;
          onStrip(strip);
        }),
      );
    },
    close: () => kit.rasterizer.close(),
  };
  const fake = await new FakeEscPosPrinter().start(0);
  const printerWith = (path: PathName) =>
    new ReceiptPrinter({
      printer: openRawPrinter({ address: fake.address }),
      kit: { template: kit.template, rasterizer: timedRasterizer, ...(path !== 'mainThread' ? { workers } : {}) },
      profile: { paperDots: 384 },
      retryDelaysMs: [],
      streaming: path === 'streamed',
    });
  const printers = { streamed: printerWith('streamed'), worker: printerWith('worker'), mainThread: printerWith('mainThread') };
  const model = sampleReceipt();
  if (model.lines.length !== 5) throw new Error('benchPrinting: the benchmark receipt must have 5 lines');
  let jobBytes = 0;
  let sameBytes = true;
  let steps: Record<string, number> = {};
  try {
    await Promise.all([kit.rasterizer.warmUp(), workers.warmUp()]);
    steps = await profileSteps(kit, 30);
    // the paths take turns, each first in a third of the runs, so all see the same load on a shared machine
    for (let i = 0; i < warmupRuns + runs; i++) {
      let bytes: Buffer | null = null;
      const order = [...PATHS.slice(i % 3), ...PATHS.slice(0, i % 3)];
      for (const path of order) {
        current = samples[path];
        counting = i >= warmupRuns;
        const cpu0 = threadCpuMs();
        t0 = performance.now();
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
  const streamed = figures(samples.streamed);
  const worker = figures(samples.worker);
  const mainThread = figures(samples.mainThread);
  const row = (label: string, pick: (f: PathFigures) => { p50: number; p99: number }) =>
    `| ${label} | ${[streamed, worker, mainThread].map((f) => `${pick(f).p50} ms | ${pick(f).p99} ms`).join(' | ')} |`;
  const markdown = [
    `Load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}. The three paths take turns run by run (${runs} runs each, after ${warmupRuns} warm-up runs each).`,
    '',
    `| Receipt printing (5-line receipt, 58 mm, warm Chromium, fake TCP printer) | strips, streamed p50 | p99 | whole capture, worker p50 | p99 | main thread only p50 | p99 |`,
    `|---|---|---|---|---|---|---|`,
    row('Model in hand → first job byte at the printer (target p50 ≤ 100 ms)', (f) => f.firstJobByteMs),
    row(`Model in hand → printer confirmed whole job (${jobBytes} bytes)`, (f) => f.confirmedMs),
    row('Model in hand → first strip captured (whole capture: the capture)', (f) => f.firstStripMs),
    row('Chromium render + capture, all strips (+ PNG decode on the main thread only)', (f) => f.rasterizeMs),
    row('CPU time of the main thread per receipt (its event loop busy)', (f) => f.mainThreadCpuMs),
    '',
    `The printer got the same bytes from all three paths in every run: ${sameBytes ? 'yes' : 'NO'}.`,
    `Target p50 ≤ 100 ms — ${streamed.firstJobByteMs.p50 <= 100 ? 'met' : `NOT met, by ${Math.round((streamed.firstJobByteMs.p50 - 100) * 10) / 10} ms`} (${streamed.firstJobByteMs.p50} ms, as the app prints: streamed; ${worker.firstJobByteMs.p50} ms captured whole, in the same run).`,
    'Streamed, the first byte waits for the QR plan, the layout and the first strip (the header, 170 rows of 1404) only:',
    `the first strip is captured ${streamed.firstStripMs.p50} ms after the model is in hand, and its decode, 1-bit and bands in the`,
    'worker plus the job connection take the rest. Captured whole, it waits for the whole capture, its decode and the QR',
    'self-check (the steps below). The whole job reaches the printer later when streamed (three captures cost more',
    'than one), which a printer taking about a second to print a 175 mm receipt does not notice. What would take the',
    'first byte lower: a cheaper first capture (most of a strip capture is Chromium painting and reading back, not the',
    'PNG), or the header rendered once per layout and reused. Half-sent receipts and the failures: docs/printing.md.',
    '',
    'One receipt step by step on the warm page (medians of 30, ms; run before the paths above):',
    '',
    '| step | ms |',
    '|---|---|',
    ...Object.entries(steps).map(([name, ms]) => `| ${name} | ${ms} |`),
  ];
  return { runs, warmupRuns, streamed, worker, mainThread, steps, jobBytes, sameBytes, markdown };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchPrinting();
  console.log(result.markdown.join('\n'));
}
