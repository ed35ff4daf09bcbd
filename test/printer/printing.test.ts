// SPDX-License-Identifier: UNLICENSED
// Printing end to end on real parts: the real template rendered by real Chromium, our ESC/POS bytes over a real TCP
// socket to a fake printer, decoded back by an independent decoder, the QR read by jsqr and by zbarimg.
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planQr, QrCannotFitError } from '../../app/receipt/qrPlan';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { PrintError } from '../../main/printing/printError';
import { ReceiptPrinter, type PrintEvent } from '../../main/printing/receiptPrinter';
import type { PaperProfile } from '../../main/printing/receiptJob';
import { openRawPrinter } from '../../native/printer/rawPrinter';
import { commandNames, decodedImagePng, decodeEscPos, type DecodedJob } from './escposDecoder';
import { FakeEscPosPrinter } from './fakeEscPosPrinter';
import { chromiumKit, decodeQrWithJsqr, decodeQrWithZbar } from './printingHarness';
import { longReceipt, sampleReceipt } from './receiptFixtures';

const kit = chromiumKit();
let fake: FakeEscPosPrinter;

beforeAll(async () => {
  await kit.rasterizer.warmUp();
});
afterAll(async () => {
  await kit.rasterizer.close();
});
beforeEach(async () => {
  fake = await new FakeEscPosPrinter().start(9100);
  return () => fake.close();
});

function printerFor(profile: PaperProfile, events: PrintEvent[] = []): ReceiptPrinter {
  const printer = new ReceiptPrinter({
    printer: openRawPrinter({ address: fake.address, timeoutMs: 2000 }),
    kit,
    profile,
    retryDelaysMs: [0, 0],
    sleep: async () => {},
  });
  printer.on((e) => events.push(e));
  return printer;
}

function lastJob(): DecodedJob {
  const jobs = fake.jobs();
  expect(jobs.length).toBeGreaterThan(0);
  return decodeEscPos(jobs.at(-1)!.bytes);
}

/** The printed job's commands up to the cut, and what follows it (the delivery confirmation query). */
function splitAtCut(job: DecodedJob): { printing: string[]; after: DecodedJob['commands'] } {
  const names = commandNames(job);
  const cut = names.lastIndexOf('cut');
  return { printing: names.slice(0, cut + 1), after: job.commands.slice(cut + 1) };
}

describe('a receipt printed to a network printer', () => {
  it('reaches the fake printer on TCP, decodes back to a PNG whose QR equals the invoice QR (jsqr and zbarimg), and ends with a cut', async () => {
    const model = sampleReceipt();
    const job = await printerFor({ paperDots: 384 }).print(model, { openDrawer: true });
    expect(job.error).toBeNull();
    expect(job.state).toBe('printed');

    const decoded = lastJob();
    expect(decoded.trailing).toBe(0);
    const { printing, after } = splitAtCut(decoded);
    // init, drawer kick (cash sale), align, bands…, cut — nothing unknown, the cut is the last thing printed
    expect(printing[0]).toBe('init');
    expect(printing.slice(1, 3)).toEqual(['drawer-kick', 'align']);
    expect(printing.at(-1)).toBe('cut');
    expect(new Set(printing.slice(3, -1))).toEqual(new Set(['raster']));
    // after the cut only the delivery confirmation (DLE EOT 1), which the printer answered
    expect(after).toEqual([expect.objectContaining({ type: 'status-query', n: 1 })]);

    expect(decoded.image!.width).toBe(384);
    const png = decodedImagePng(decoded);
    expect(decodeQrWithJsqr(png)).toBe(model.qr);
    expect(await decodeQrWithZbar(png)).toEqual([model.qr]);
  });

  it('prints every QR module as an exact square of whole dots (no grey-edge rounding)', async () => {
    const model = sampleReceipt();
    await printerFor({ paperDots: 384 }).print(model);
    const image = lastJob().image!;
    const plan = planQr(model.qr, 384);
    const dark = (x: number, y: number): boolean => image.rgba[(y * image.width + x) * 4] === 0;
    // find the QR's top-left finder pattern: a 7×7-module ring, white ring, 3×3 core, sampled at module centres
    const m = plan.modulePx;
    const finderAt = (x: number, y: number): boolean =>
      [...Array(49).keys()].every((k) => {
        const [i, j] = [Math.floor(k / 7), k % 7];
        const ring = i === 0 || i === 6 || j === 0 || j === 6;
        const core = i >= 2 && i <= 4 && j >= 2 && j <= 4;
        return dark(x + j * m + (m >> 1), y + i * m + (m >> 1)) === (ring || core);
      });
    let origin: { x: number; y: number } | null = null;
    for (let y = 0; y < image.height - 7 * m && !origin; y++) {
      for (let x = 1; x + 7 * m < image.width; x++) {
        if (dark(x, y) && !dark(x - 1, y) && !dark(x, y - 1) && finderAt(x, y)) {
          origin = { x, y };
          break;
        }
      }
    }
    expect(origin).not.toBeNull();
    let mismatches = 0;
    for (let r = 0; r < plan.modules; r++) {
      for (let c = 0; c < plan.modules; c++) {
        const want = plan.matrix.dark[r * plan.modules + c] === 1;
        for (let dy = 0; dy < plan.modulePx; dy++) {
          for (let dx = 0; dx < plan.modulePx; dx++) {
            if (dark(origin!.x + c * plan.modulePx + dx, origin!.y + r * plan.modulePx + dy) !== want) mismatches++;
          }
        }
      }
    }
    expect(mismatches).toBe(0);
  });

  it('prints on 80 mm paper too (576 dots, 4 dots per module)', async () => {
    const model = sampleReceipt({ kind: 'credit-note', originalInvoice: 'SME00009', reason: 'إرجاع صنف / item returned' });
    await printerFor({ paperDots: 576 }).print(model);
    const decoded = lastJob();
    expect(decoded.image!.width).toBe(576);
    expect(decoded.bands.every((b) => b.bytesPerRow === 72 && b.rows <= 56)).toBe(true);
    expect(await decodeQrWithZbar(decodedImagePng(decoded))).toEqual([model.qr]);
  });

  it('sends a 100-line receipt in bands that never exceed the configured band height', async () => {
    const model = longReceipt(100);
    const job = await printerFor({ paperDots: 384, bandRows: 64 }).print(model);
    expect(job.state).toBe('printed');
    const decoded = lastJob();
    const heights = decoded.bands.map((b) => b.rows);
    expect(decoded.image!.height).toBeGreaterThan(64 * 50); // a genuinely tall receipt, many bands
    expect(Math.max(...heights)).toBeLessThanOrEqual(64);
    expect(heights.slice(0, -1).every((h) => h === 64)).toBe(true);
    expect(heights.reduce((a, b) => a + b, 0)).toBe(decoded.image!.height);
    expect(await decodeQrWithZbar(decodedImagePng(decoded))).toEqual([model.qr]);
  });

  it('keeps default bands under 4 KiB of raster data each', async () => {
    await printerFor({ paperDots: 384 }).print(longReceipt(30));
    const bands = lastJob().bands;
    expect(bands.length).toBeGreaterThan(10);
    expect(bands.every((b) => b.rows * b.bytesPerRow <= 4096)).toBe(true);
  });
});

describe('when printing fails', () => {
  it('printer unplugged mid-job: the caller gets a typed failure, the document is intact, retry and reprint (as a copy) work', async () => {
    const model = sampleReceipt();
    const before = structuredClone(model);
    const events: PrintEvent[] = [];
    const printer = printerFor({ paperDots: 384 }, events);
    fake.dropAfterBytes = 20_000; // every attempt is cut off in the middle of the raster
    fake.dropCount = 3;

    const failed = await printer.print(model);
    expect(failed.state).toBe('failed');
    expect(failed.error).toBeInstanceOf(PrintError);
    expect(failed.error!.kind).toBe('connection-lost');
    expect(failed.error!.code).toBe('print.connection-lost');
    // the transport's own refusal, naming the printer and the system's error, is the cause
    expect(failed.error!.cause).toMatchObject({ name: 'PrinterIoError', kind: 'connection-lost', params: { printer: expect.any(String) } });
    expect(failed.attempts).toBe(3); // first try + the two configured automatic retries
    expect(events.filter((e) => e.type === 'job-retry-scheduled')).toHaveLength(2);
    const alert = events.find((e) => e.type === 'job-failed');
    expect(alert).toMatchObject({ type: 'job-failed', job: { id: failed.id, state: 'failed' } });
    expect(fake.connections.filter((c) => c.dropped)).toHaveLength(3);
    expect(model).toEqual(before);

    // the cable is back
    const retried = await printer.retry(failed.id);
    expect(retried.state).toBe('printed');
    const retriedJob = fake.jobs().at(-1)!;
    // the retry starts with zero padding that completes any band the printer was still waiting for: as many bytes
    // as the largest band (85 rows × 48 bytes on 58 mm) plus its 8-byte header, then the job proper
    const lead = retriedJob.bytes.indexOf(Buffer.from([0x1b, 0x40]));
    expect(lead).toBe(85 * 48 + 8);
    expect(retriedJob.bytes.subarray(0, lead).every((b) => b === 0)).toBe(true);
    const original = lastJob();
    expect(decodeQrWithJsqr(decodedImagePng(original))).toBe(model.qr);

    const copy = await printer.reprint(failed.id);
    expect(copy).toMatchObject({ state: 'printed', reprintOf: failed.id, model: { copy: true, number: model.number, qr: model.qr } });
    const copyImage = lastJob();
    expect(commandNames(copyImage)).not.toContain('drawer-kick');
    // the copy banner (نسخة / COPY) adds rows above an otherwise identical receipt
    expect(copyImage.image!.height).toBeGreaterThan(original.image!.height);
    expect(decodeQrWithJsqr(decodedImagePng(copyImage))).toBe(model.qr);
    expect(printer.history().map((j) => [j.id, j.state, j.model.copy ?? false])).toEqual([
      [1, 'printed', false],
      [2, 'printed', true],
    ]);
    expect(model).toEqual(before);
  });

  it('a drop on the first attempt is retried automatically and the receipt prints', async () => {
    fake.dropAfterBytes = 5000;
    fake.dropCount = 1;
    const model = sampleReceipt();
    const job = await printerFor({ paperDots: 384 }).print(model);
    expect(job).toMatchObject({ state: 'printed', attempts: 2 });
    expect(decodeQrWithJsqr(decodedImagePng(lastJob()))).toBe(model.qr);
  });

  it('paper out: nothing is sent, the cashier gets a paper-out failure and a status event', async () => {
    fake.condition = 'paper-out';
    const events: PrintEvent[] = [];
    const job = await printerFor({ paperDots: 384 }, events).print(sampleReceipt());
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ kind: 'paper-out', delivered: false });
    expect(job.error!.message).toMatch(/out of paper; load a new roll/);
    expect([job.error!.code, job.error!.params]).toEqual(['print.paper-out', { printer: fake.address }]);
    expect(job.error!.text('ar')).toBe(`${fake.address}: نفد الورق؛ ركّب لفافة جديدة`);
    expect(fake.jobs()).toHaveLength(0);
    expect(events.find((e) => e.type === 'printer-status')).toMatchObject({ status: { state: 'paper-out' } });
  });

  it('printer switched off: unreachable, typed, nothing lost', async () => {
    const port = fake.port;
    await fake.close();
    const printer = new ReceiptPrinter({
      printer: openRawPrinter({ address: `tcp://127.0.0.1:${port}`, timeoutMs: 1000 }),
      kit,
      profile: { paperDots: 384 },
      retryDelaysMs: [0],
      sleep: async () => {},
    });
    const job = await printer.print(sampleReceipt());
    expect(job.state).toBe('failed');
    expect(job.error!.kind).toBe('printer-unreachable');
    expect(job.attempts).toBe(2);
  });

  it('a QR that cannot fit is refused with a clear message and nothing is printed', async () => {
    const tooLong: ReceiptModel = sampleReceipt({ qr: sampleReceipt().qr.repeat(3) }); // 1896 chars
    const job = await printerFor({ paperDots: 384 }).print(tooLong);
    expect(job.state).toBe('failed');
    expect(job.error!.kind).toBe('qr-unprintable');
    expect(job.error!.retryable).toBe(false);
    expect(job.attempts).toBe(1);
    expect(job.error!.code).toBe('print.qr-unprintable');
    expect(job.error!.params).toMatchObject({ chars: 1896, mm: 58 });
    expect(job.error!.text('ar')).toContain('1896');
    // the planner's own refusal, with the version and the dots, is the cause (for the log)
    expect(job.error!.cause).toBeInstanceOf(QrCannotFitError);
    expect((job.error!.cause as Error).message).toMatch(
      /QR cannot be printed scannably: 1896 characters need version \d+ .* wider than the 384 dots of 58 mm paper/,
    );
    expect(fake.jobs()).toHaveLength(0); // no print job reached the printer (a status query may have)
  });

  it('self-check: a printed QR that differs from the stored QR blocks printing and raises an alert', async () => {
    const model = sampleReceipt();
    // a template bug: it draws the QR of another text (same length, so the same version and size)
    const tampered = model.qr.slice(0, -8) + 'AAAAAAA=';
    const buggyKit = {
      ...kit,
      template: (m: ReceiptModel, o: Parameters<typeof kit.template>[1]) =>
        kit.template({ ...m, qr: tampered }, { ...o, qrMatrix: planQr(tampered, 384).matrix }),
    };
    const events: PrintEvent[] = [];
    const printer = new ReceiptPrinter({
      printer: openRawPrinter({ address: fake.address }),
      kit: buggyKit,
      profile: { paperDots: 384 },
      retryDelaysMs: [0],
      sleep: async () => {},
    });
    printer.on((e) => events.push(e));
    const job = await printer.print(model);
    expect(job.state).toBe('failed');
    expect(job.error!.kind).toBe('qr-mismatch');
    expect(job.error!.message).toMatch(/printing stopped before the QR: the QR in the printed image .* differs from the stored QR/);
    expect(events.map((e) => e.type)).toContain('qr-self-check-failed');
    expect(fake.jobs()).toHaveLength(0); // no print job reached the printer (a status query may have)
  });
});

describe('printer status', () => {
  it.each([
    ['online', 'ready'],
    ['paper-near-end', 'paper-near-end'],
    ['paper-out', 'paper-out'],
    ['cover-open', 'cover-open'],
  ] as const)('reads %s from DLE EOT replies as %s', async (condition, state) => {
    fake.condition = condition;
    const events: PrintEvent[] = [];
    const status = await printerFor({ paperDots: 384 }, events).status();
    expect(status.state).toBe(state);
    expect(events).toEqual([{ type: 'printer-status', status }]);
    expect(fake.connections.at(-1)!.replies).toHaveLength(4);
  });

  it('a printer that answers no status is reported as unknown, and receipts still print (unconfirmed)', async () => {
    fake.silent = true;
    const printer = new ReceiptPrinter({
      printer: openRawPrinter({ address: fake.address, timeoutMs: 300 }),
      kit,
      profile: { paperDots: 384 },
      retryDelaysMs: [],
      sleep: async () => {},
    });
    expect((await printer.status()).state).toBe('unknown');
    const model = sampleReceipt();
    expect((await printer.print(model)).state).toBe('printed');
    await fake.settled(); // unconfirmed: the sender cannot know when the printer has it all
    const decoded = lastJob();
    expect(commandNames(decoded).at(-1)).toBe('cut');
    expect(decodeQrWithJsqr(decodedImagePng(decoded))).toBe(model.qr);
  });

  it('a write-only device path cannot report status but receives the job bytes', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-lp-'));
    try {
      const device = path.join(dir, 'lp0');
      const printer = new ReceiptPrinter({
        printer: openRawPrinter({ address: device }),
        kit,
        profile: { paperDots: 384 },
        retryDelaysMs: [],
        sleep: async () => {},
      });
      const model = sampleReceipt();
      expect((await printer.print(model)).state).toBe('printed');
      const decoded = decodeEscPos(readFileSync(device));
      expect(commandNames(decoded).at(-1)).toBe('cut');
      expect(decodeQrWithJsqr(decodedImagePng(decoded))).toBe(model.qr);
      expect((await printer.status()).state).toBe('unknown');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PNG of the decoded job', () => {
  it('is exactly the 1-bit image (only pure black and white pixels)', async () => {
    await printerFor({ paperDots: 384 }).print(sampleReceipt());
    const png = PNG.sync.read(decodedImagePng(lastJob()));
    const values = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) values.add(png.data[i]!);
    expect([...values].sort((a, b) => a - b)).toEqual([0, 255]);
  });
});
