// SPDX-License-Identifier: UNLICENSED
// Streamed printing (main/printing/receiptStream.ts, docs/printing.md "Streaming"): the receipt captured in strips,
// each strip's bands sent on one connection as soon as the worker thread has made them. The printer gets byte for
// byte the job the whole capture sends (so the printed image is the same pixel for pixel), its first bands arrive
// before the last strip is captured, and a receipt cut short — worker lost, Chromium crashed, QR self-check failed,
// printer gone after the first strip went out — fails clearly, is cut off at the printer, and its retry prints it whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DukkanError } from '../../app/errors/index';
import { planQr } from '../../app/receipt/qrPlan';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { CdpRasterizer } from '../../main/printing/cdpRasterizer';
import { ChromiumPipe } from '../../main/printing/chromiumPipe';
import { ChromiumRasterizer } from '../../main/printing/chromiumRasterizer';
import type { CapturedStrip, ReceiptRasterizer } from '../../main/printing/rasterizer';
import { ReceiptPrinter, type PrintEvent } from '../../main/printing/receiptPrinter';
import { openDukkanWorkers, type DukkanWorkers } from '../../main/workers/dukkanWorkers';
import { openRawPrinter } from '../../native/printer/rawPrinter';
import { injectRendererFault } from './electronStandIn';
import { decodeEscPos, decodedImagePng } from './escposDecoder';
import { FakeEscPosPrinter } from './fakeEscPosPrinter';
import { decodeQrWithZbar, template } from './printingHarness';
import { longReceipt, sampleReceipt } from './receiptFixtures';

describe('streamed printing', { timeout: 120_000 }, () => {
  const rasterizer = new ChromiumRasterizer();
  let workers: DukkanWorkers;
  let fake: FakeEscPosPrinter;

  beforeAll(async () => {
    workers = openDukkanWorkers({ size: 1 });
    fake = await new FakeEscPosPrinter().start(0);
    await Promise.all([rasterizer.warmUp(), workers.warmUp()]);
  });

  afterAll(async () => {
    await workers.close();
    await fake.close();
    await rasterizer.close();
  });

  const printerFor = (options: { streaming: boolean; paperDots?: 384 | 576; raster?: ReceiptRasterizer; pool?: DukkanWorkers; retries?: number[] }) =>
    new ReceiptPrinter({
      printer: openRawPrinter({ address: fake.address }),
      kit: { template, rasterizer: options.raster ?? rasterizer, workers: options.pool ?? workers },
      profile: { paperDots: options.paperDots ?? 384 },
      retryDelaysMs: options.retries ?? [],
      streaming: options.streaming,
    });

  /** Resolves when the next print job's first byte reaches the printer (not a status query's: those come first, alone). */
  async function jobStarted(): Promise<void> {
    for (;;) {
      const connection = await fake.nextFirstByte();
      if (connection.bytes[0] === 0x1b || connection.bytes[0] === 0x00) return;
    }
  }

  /** The whole capture's job for `model`: what every streamed print must equal. */
  async function wholeJob(model: ReceiptModel, paperDots: 384 | 576, openDrawer: boolean, copy = false): Promise<Buffer> {
    const printer = printerFor({ streaming: false, paperDots });
    const job = copy ? await printer.reprintDocument(model) : await printer.print(model, { openDrawer });
    expect(job.error).toBeNull();
    expect(job.state).toBe('printed');
    return fake.jobs().at(-1)!.bytes;
  }

  /** The rasterizer counting the strips it hands over. */
  function countingStrips() {
    const strips: CapturedStrip[] = [];
    const raster: ReceiptRasterizer = {
      rasterize: (html, width) => rasterizer.rasterize(html, width),
      captureStrips: (html, width, cuts, onStrip) =>
        rasterizer.captureStrips(html, width, cuts, (s) => (strips.push({ ...s, png: new Uint8Array(0) }), onStrip(s))),
      close: async () => undefined,
    };
    return { strips, raster };
  }

  it('a receipt streamed in strips reaches the printer on one connection, byte for byte the whole capture’s job', async () => {
    const cases: [384 | 576, ReceiptModel, boolean, boolean][] = [
      [384, sampleReceipt(), true, false],
      [576, longReceipt(40), false, false],
      [384, sampleReceipt(), false, true],
    ];
    for (const [paperDots, model, drawer, copy] of cases) {
      const whole = await wholeJob(model, paperDots, drawer, copy);
      const { strips, raster } = countingStrips();
      const printer = printerFor({ streaming: true, paperDots, raster });
      const jobsBefore = fake.jobs().length;
      const job = copy ? await printer.reprintDocument(model) : await printer.print(model, { openDrawer: drawer });
      expect(job.error).toBeNull();
      expect(job.state).toBe('printed');
      expect(fake.jobs().length).toBe(jobsBefore + 1);
      // three strips (header, down to the QR, the QR and below), each starting on a band boundary
      expect(strips.map((s) => s.last)).toEqual([false, false, true]);
      const bandRows = paperDots === 384 ? 85 : 56;
      for (const s of strips) expect(s.top % bandRows).toBe(0);
      const streamed = fake.jobs().at(-1)!.bytes;
      // the same bytes, so the same bands and the same image, dot for dot
      expect(Buffer.compare(streamed, whole)).toBe(0);
      expect(await decodeQrWithZbar(decodedImagePng(decodeEscPos(streamed)))).toEqual([model.qr]);
    }
  });

  it('the first bands reach the printer before the receipt’s last strip is captured', async () => {
    // every strip after the first is held back until the printer has its first byte — or, if nothing is sent before
    // the capture ends, until then: which of the two released them says whether the job streams
    let releasedBy: 'first byte at the printer' | 'end of the capture' | null = null;
    const raster: ReceiptRasterizer = {
      rasterize: (html, width) => rasterizer.rasterize(html, width),
      captureStrips: async (html, width, cuts, onStrip) => {
        const held: CapturedStrip[] = [];
        const release = (by: NonNullable<typeof releasedBy>) => {
          releasedBy ??= by;
          for (const s of held.splice(0)) onStrip(s);
        };
        void started.then(() => release('first byte at the printer'));
        let first = true;
        await rasterizer.captureStrips(html, width, cuts, (s) => {
          if (first || releasedBy) onStrip(s);
          else held.push(s);
          first = false;
        });
        setTimeout(() => release('end of the capture'), 2000);
      },
      close: async () => undefined,
    };
    const started = jobStarted();
    const job = await printerFor({ streaming: true, raster }).print(sampleReceipt(), { openDrawer: false });
    expect(job.state).toBe('printed');
    expect(releasedBy).toBe('first byte at the printer');
  });

  it('a worker lost after the first strip was sent: the top is cut off, the receipt fails, and its retry prints it whole', async () => {
    const model = sampleReceipt();
    const whole = await wholeJob(model, 384, true);
    let kills = 1;
    const started = jobStarted();
    const losing: DukkanWorkers = Object.create(workers) as DukkanWorkers;
    losing.run = ((task, input, options) => {
      const last = task === 'receipt.strip' && (input as { last: boolean }).last;
      if (!last || kills-- <= 0) return workers.run(task, input, options);
      // the QR strip's job is lost once the printer has the receipt's first bands
      return started.then(() => {
        const job = workers.run(task, input, options);
        workers.recycle('stopped by the test');
        return job;
      });
    }) as DukkanWorkers['run'];
    const printer = printerFor({ streaming: true, pool: losing });
    const jobsBefore = fake.jobs().length;
    const lost = await printer.print(model, { openDrawer: true });
    expect(lost.state).toBe('failed');
    expect(lost.error?.code).toBe('print.render-failed');
    expect((lost.error?.cause as DukkanError).code).toBe('worker.died');
    // the printer got the receipt's top in whole bands, then the cut: nothing is left half-sent in its buffer
    await fake.settled(); // the cut was handed to the OS; the connection's close says the printer has it all
    expect(fake.jobs().length).toBe(jobsBefore + 1);
    const partial = decodeEscPos(fake.jobs().at(-1)!.bytes);
    expect(partial.trailing).toBe(0);
    expect(partial.commands.at(-1)?.type).toBe('cut');
    expect(partial.image!.height).toBeGreaterThan(0);
    expect(partial.image!.height).toBeLessThan(decodeEscPos(whole).image!.height);
    // the cashier's retry prints the receipt whole, from ESC @
    const retried = await printer.retry(lost.id);
    expect(retried.state).toBe('printed');
    expect(Buffer.compare(fake.jobs().at(-1)!.bytes, whole)).toBe(0);
  });

  it('Chromium crashing after the first strip was sent: the top is cut off, and the next attempt prints it whole', async () => {
    const model = sampleReceipt();
    const whole = await wholeJob(model, 384, false);
    const browsers: ChromiumPipe[] = [];
    const launch = async () => (browsers.push(await ChromiumPipe.launch()), browsers.at(-1)!);
    let shots = 0;
    let crash = true;
    const started = jobStarted();
    const crashing = new CdpRasterizer(async () => {
      // a crashed renderer can take this test's browser with it: the next page is then opened in a new one
      const current = browsers.at(-1);
      const page = await (current && !current.gone.isGone ? current : await launch()).newPage().catch(async () => (await launch()).newPage());
      const crashed = new Promise((resolve) => page.onGone(resolve));
      return {
        ...page,
        send: async (method, params) => {
          // the second strip's capture: the renderer crashes once the printer has the first strip's bands
          if (method === 'Page.captureScreenshot' && ++shots === 2 && crash) {
            crash = false;
            await started;
            await injectRendererFault(page.send, 'crash', crashed);
          }
          return page.send(method, params);
        },
      };
    });
    try {
      const printer = printerFor({ streaming: true, raster: crashing, retries: [0] });
      const jobsBefore = fake.jobs().length;
      const job = await printer.print(model, { openDrawer: false });
      // the automatic retry (render-failed is retried) printed it whole on a fresh page
      expect(job.error?.code).toBe('print.render-failed'); // the first attempt's, kept in the job's history
      expect(job.state).toBe('printed');
      expect(job.attempts).toBe(2);
      await fake.settled();
      const [partial, retried] = fake.jobs().slice(jobsBefore);
      const cutShort = decodeEscPos(partial!.bytes);
      expect(cutShort.commands.at(-1)?.type).toBe('cut');
      expect(cutShort.image!.height).toBeLessThan(decodeEscPos(whole).image!.height);
      expect(Buffer.compare(retried!.bytes, whole)).toBe(0);
    } finally {
      await crashing.close();
      for (const browser of browsers) await browser.close();
    }
  });

  it('a QR that fails its self-check never reaches the paper: the top is cut off, the job fails with the QR alert, no retry', async () => {
    const model = sampleReceipt();
    // a template bug: it draws the QR of another text (same length, so the same version and size)
    const tampered = model.qr.slice(0, -8) + 'AAAAAAA=';
    const buggy = (m: ReceiptModel, o: Parameters<typeof template>[1]) => template({ ...m, qr: tampered }, { ...o, qrMatrix: planQr(tampered, 384).matrix });
    const printer = new ReceiptPrinter({
      printer: openRawPrinter({ address: fake.address }),
      kit: { template: buggy, rasterizer, workers },
      profile: { paperDots: 384 },
      retryDelaysMs: [0],
    });
    const events: PrintEvent[] = [];
    printer.on((e) => events.push(e));
    const jobsBefore = fake.jobs().length;
    const job = await printer.print(model);
    expect(job.state).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(job.error?.code).toBe('print.qr-mismatch');
    expect(events.map((e) => e.type)).toContain('qr-self-check-failed');
    await fake.settled();
    expect(fake.jobs().length).toBe(jobsBefore + 1);
    const partial = decodeEscPos(fake.jobs().at(-1)!.bytes);
    expect(partial.commands.at(-1)?.type).toBe('cut');
    // what printed is the receipt's top, with no QR in it at all
    expect(await decodeQrWithZbar(decodedImagePng(partial))).toEqual([]);
  });

  it('the printer gone after the first strip was sent: connection lost, and the automatic retry prints it whole', async () => {
    const model = sampleReceipt();
    const whole = await wholeJob(model, 384, false);
    // the connection drops inside the second strip's bands
    const rasters = decodeEscPos(whole).commands.filter((c) => c.type === 'raster');
    fake.dropAfterBytes = rasters[2]!.offset + 100;
    fake.dropCount = 1;
    try {
      const jobsBefore = fake.jobs().length;
      const job = await printerFor({ streaming: true, retries: [0] }).print(model, { openDrawer: false });
      expect(job.state).toBe('printed');
      expect(job.attempts).toBe(2);
      const [dropped, retried] = fake.jobs().slice(jobsBefore);
      expect(dropped!.dropped).toBe(true);
      // the retry first completes any band the printer was still waiting for with zero bytes, then the whole job
      const padding = retried!.bytes.length - whole.length;
      expect(padding).toBe(85 * 48 + 8);
      expect(retried!.bytes.subarray(0, padding).every((b) => b === 0)).toBe(true);
      expect(Buffer.compare(retried!.bytes.subarray(padding), whole)).toBe(0);
    } finally {
      fake.dropAfterBytes = null;
      fake.dropCount = 0;
    }
  });
});
