// SPDX-License-Identifier: UNLICENSED
// The print queue's history is bounded: a day of receipts must not stay in memory (BENCHMARKS.md, "A long day"),
// while the latest finished jobs stay there to reprint, and job ids never repeat.
import { afterAll, describe, expect, it } from 'vitest';
import { FINISHED_JOBS_KEPT, ReceiptPrinter } from '../../main/printing/receiptPrinter';
import { openRawPrinter } from '../../native/printer/rawPrinter';
import { FakeEscPosPrinter } from './fakeEscPosPrinter';
import { chromiumKit } from './printingHarness';
import { sampleReceipt } from './receiptFixtures';

const kit = chromiumKit();
afterAll(() => kit.rasterizer.close());

describe('the print history', () => {
  it(`keeps the last ${FINISHED_JOBS_KEPT} finished jobs, with ids that keep counting, and reprints the newest`, async () => {
    const fake = await new FakeEscPosPrinter().start(0);
    try {
      const printer = new ReceiptPrinter({
        printer: openRawPrinter({ address: fake.address, timeoutMs: 5000 }),
        kit,
        profile: { paperDots: 384 },
        retryDelaysMs: [],
      });
      const total = FINISHED_JOBS_KEPT + 7;
      const jobs = [];
      for (let i = 1; i <= total; i++) {
        jobs.push(await printer.print({ ...sampleReceipt(), number: `T1-${String(i).padStart(6, '0')}` }));
        fake.connections.splice(0);
      }
      expect(jobs.map((j) => j.state)).toEqual(Array(total).fill('printed'));
      expect(jobs.map((j) => j.id)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      const history = printer.history();
      expect(history.map((j) => j.id)).toEqual(Array.from({ length: FINISHED_JOBS_KEPT }, (_, i) => total - FINISHED_JOBS_KEPT + i + 1));
      const copy = await printer.reprint(total);
      expect([copy.id, copy.state, copy.reprintOf, copy.model.copy, copy.model.number]).toEqual([
        total + 1,
        'printed',
        total,
        true,
        `T1-${String(total).padStart(6, '0')}`,
      ]);
      expect(printer.history()).toHaveLength(FINISHED_JOBS_KEPT);
      expect(() => printer.reprint(1)).toThrow(/no print job 1 in history/);
    } finally {
      await fake.close();
    }
  }, 240_000);
});
