// SPDX-License-Identifier: UNLICENSED
// Printing with the app's worker threads (main/workers, main/printing/rasterToJob.ts): the QR plan, PNG decode,
// 1-bit conversion, QR self-check and ESC/POS bands run in a real worker thread and the printer gets exactly the
// bytes the main-thread path sends — receipts on both paper widths, a copy, and an X report — read back from a fake
// ESC/POS printer on TCP. A worker lost mid-job fails that job (the cashier can retry) and the next receipt prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DukkanError } from '../../app/errors/index';
import type { ReportPrintModel } from '../../app/receipt/template/renderReportHtml';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { ChromiumRasterizer } from '../../main/printing/chromiumRasterizer';
import type { ReceiptRasterizer } from '../../main/printing/rasterizer';
import { ReceiptPrinter } from '../../main/printing/receiptPrinter';
import { ReportPrinter } from '../../main/printing/reportPrinter';
import { openDukkanWorkers, type DukkanWorkers } from '../../main/workers/dukkanWorkers';
import { openRawPrinter } from '../../native/printer/rawPrinter';
import { decodeEscPos, decodedImagePng } from './escposDecoder';
import { FakeEscPosPrinter } from './fakeEscPosPrinter';
import { decodeQrWithZbar, template } from './printingHarness';
import { longReceipt, sampleReceipt } from './receiptFixtures';

/** The shared rasterizer, counting which of its two ways each path used. */
function counted(rasterizer: ChromiumRasterizer) {
  const calls = { rasterize: 0, capture: 0, captureStrips: 0 };
  const wrapped: Required<ReceiptRasterizer> = {
    rasterize: (html, width) => (calls.rasterize++, rasterizer.rasterize(html, width)),
    capture: (html, width) => (calls.capture++, rasterizer.capture(html, width)),
    captureStrips: (html, width, cuts, onStrip) => (calls.captureStrips++, rasterizer.captureStrips(html, width, cuts, onStrip)),
    close: async () => undefined,
  };
  return { calls, wrapped };
}

const report: ReportPrintModel = {
  kind: 'X',
  number: 3,
  from: '2026-12-03T21:00:00.000Z',
  to: '2026-12-04T18:30:05.000Z',
  documents: { invoices: 12, creditNotes: 1, debitNotes: 0 },
  vat: [{ category: 'S', rate: '15', taxable: '1000.00', vat: '150.00' }],
  payments: [{ method: 'cash', amount: '1150.00' }],
  totals: { sales: '1160.00', returns: '10.00', debits: '0.00', net: '1150.00', vat: '150.00' },
  training: false,
  cashControl: {
    cashiers: [{ cashier: 'سارة Sara', documents: 13, net: '1150.00' }],
    shifts: [{ id: 2, cashier: 'سارة Sara', expected: '1150.00', counted: null, difference: null }],
    overShort: '0.00',
    voids: 0,
    priceOverrides: 0,
    discounts: 0,
    refunds: 1,
    paidIn: '0.00',
    paidOut: '0.00',
  },
};

describe('printing with worker threads', { timeout: 120_000 }, () => {
  const chromium = new ChromiumRasterizer();
  const { calls, wrapped } = counted(chromium);
  let workers: DukkanWorkers;
  let fake: FakeEscPosPrinter;

  beforeAll(async () => {
    workers = openDukkanWorkers({ size: 1 });
    fake = await new FakeEscPosPrinter().start(0);
    await chromium.warmUp();
  });

  afterAll(async () => {
    await workers.close();
    await fake.close();
    await chromium.close();
  });

  const printerFor = (offThread: boolean, paperDots: 384 | 576) =>
    new ReceiptPrinter({
      printer: openRawPrinter({ address: fake.address }),
      kit: { template, rasterizer: wrapped, ...(offThread ? { workers } : {}) },
      profile: { paperDots },
      retryDelaysMs: [],
      // the whole capture; streamed printing, strip by strip, has its own test (streamedPrinting.test.ts)
      streaming: false,
    });

  /** The bytes the printer received for one receipt, and which rasterizer call made it. */
  async function printed(offThread: boolean, paperDots: 384 | 576, model: ReceiptModel, openDrawer: boolean, copy = false): Promise<Buffer> {
    const before = { ...calls };
    const printer = printerFor(offThread, paperDots);
    const job = copy ? await printer.reprintDocument(model) : await printer.print(model, { openDrawer });
    expect(job.error).toBeNull();
    expect(job.state).toBe('printed');
    expect(calls.capture - before.capture).toBe(offThread ? 1 : 0);
    expect(calls.rasterize - before.rasterize).toBe(offThread ? 0 : 1);
    return fake.jobs().at(-1)!.bytes;
  }

  it('a receipt reaches the printer byte for byte as the main-thread path prints it, on 58 and 80 mm, original and copy', async () => {
    const cases: [384 | 576, ReceiptModel, boolean, boolean][] = [
      [384, sampleReceipt(), true, false],
      [576, longReceipt(40), false, false],
      [384, sampleReceipt(), false, true],
    ];
    for (const [paperDots, model, drawer, copy] of cases) {
      const here = await printed(false, paperDots, model, drawer, copy);
      const there = await printed(true, paperDots, model, drawer, copy);
      expect(there.length).toBeGreaterThan(1000);
      expect(Buffer.compare(there, here)).toBe(0);
      // and what it printed carries the invoice's QR, read back by an independent decoder
      expect(await decodeQrWithZbar(decodedImagePng(decodeEscPos(there)))).toEqual([model.qr]);
    }
    expect(workers.workersStarted).toBe(1);
  });

  it('an X report prints the same bytes from the worker as on the main thread', async () => {
    const settings = () => ({ address: fake.address, paperWidth: 58 as const });
    const here = await new ReportPrinter({ rasterizer: wrapped, settings }).bytesOf(report, 58);
    const before = calls.capture;
    const there = await new ReportPrinter({ rasterizer: wrapped, workers, settings }).bytesOf(report, 58);
    expect(calls.capture).toBe(before + 1);
    expect(decodeEscPos(there).image!.height).toBeGreaterThan(300);
    expect(Buffer.compare(Buffer.from(there), Buffer.from(here))).toBe(0);
  });

  it('a worker lost mid-job fails that receipt clearly, and the next one prints on a new worker', async () => {
    const started = workers.workersStarted;
    const jobsBefore = fake.jobs().length;
    // the worker is stopped the moment the first screenshot is handed to it
    let kills = 1;
    const losing: DukkanWorkers = Object.create(workers) as DukkanWorkers;
    losing.run = ((task, input, options) => {
      const job = workers.run(task, input, options);
      if (task === 'receipt.raster' && kills-- > 0) workers.recycle('stopped by the test');
      return job;
    }) as DukkanWorkers['run'];
    const printer = new ReceiptPrinter({
      printer: openRawPrinter({ address: fake.address }),
      kit: { template, rasterizer: wrapped, workers: losing },
      profile: { paperDots: 384 },
      retryDelaysMs: [],
      streaming: false,
    });
    const lost = await printer.print(sampleReceipt(), { openDrawer: true });
    expect(lost.state).toBe('failed');
    expect(lost.error?.code).toBe('print.render-failed');
    const cause = lost.error?.cause;
    expect(cause).toBeInstanceOf(DukkanError);
    expect((cause as DukkanError).code).toBe('worker.died');
    expect((cause as DukkanError).params).toEqual({ task: 'receipt.raster', detail: 'stopped by the test' });
    expect(fake.jobs().length).toBe(jobsBefore); // nothing reached the printer
    // the cashier's retry, and the next sale's receipt, print on a new worker
    const retried = await printer.retry(lost.id);
    expect(retried.state).toBe('printed');
    expect(workers.workersStarted).toBe(started + 1);
    const next = await printerFor(true, 384).print(sampleReceipt(), { openDrawer: true });
    expect(next.state).toBe('printed');
    expect(Buffer.compare(fake.jobs().at(-1)!.bytes, fake.jobs().at(-2)!.bytes)).toBe(0);
  });
});
