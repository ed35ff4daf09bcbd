// SPDX-License-Identifier: UNLICENSED
// Golden images: the exact 1-bit images the printer gets, compared with reviewed references committed under
// test/printer/golden/ (look at them: Arabic joined and right to left, bilingual titles, COPY and training banners).
// Regenerate after an intended layout change with UPDATE_GOLDEN=1 and review the new images before committing.
//
// Tolerance: font hinting or a Chromium update may move a few anti-aliased edge pixels across the threshold, so a
// small share of differing dots is accepted, but never in a concentrated area: every 32-row strip must match too.
// The negative controls below prove the comparison catches the failures it exists for (unjoined or
// left-to-right Arabic).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { prepareReceiptJob } from '../../main/printing/receiptJob';
import { decodedImagePng, decodeEscPos } from './escposDecoder';
import { chromiumKit } from './printingHarness';
import { sampleReceipt } from './receiptFixtures';

const GOLDEN_DIR = path.join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** Share of all dots that may differ. */
const MAX_DIFF_RATIO = 0.001;
/** Share of the dots of any 32-row strip that may differ. */
const MAX_STRIP_DIFF_RATIO = 0.004;
const STRIP_ROWS = 32;

const kit = chromiumKit();
afterAll(() => kit.rasterizer.close());

interface Diff {
  readonly sameSize: boolean;
  readonly ratio: number;
  readonly worstStripRatio: number;
}

function diff(a: PNG, b: PNG): Diff {
  if (a.width !== b.width || a.height !== b.height) return { sameSize: false, ratio: 1, worstStripRatio: 1 };
  let total = 0;
  let worst = 0;
  for (let top = 0; top < a.height; top += STRIP_ROWS) {
    const rows = Math.min(STRIP_ROWS, a.height - top);
    let strip = 0;
    for (let i = top * a.width * 4; i < (top + rows) * a.width * 4; i += 4) if (a.data[i] !== b.data[i]) strip++;
    total += strip;
    worst = Math.max(worst, strip / (rows * a.width));
  }
  return { sameSize: true, ratio: total / (a.width * a.height), worstStripRatio: worst };
}

/** The printer's image for a model: rendered, 1-bit, encoded to ESC/POS and decoded back by the independent decoder. */
async function printedPng(model: ReceiptModel, paperDots: 384 | 576): Promise<PNG> {
  const job = await prepareReceiptJob(model, kit, { paperDots });
  return PNG.sync.read(decodedImagePng(decodeEscPos(job.bytes)));
}

function golden(name: string, actual: PNG): PNG {
  const file = path.join(GOLDEN_DIR, name);
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, PNG.sync.write(actual));
  }
  if (!existsSync(file)) throw new Error(`missing golden image ${file}; run with UPDATE_GOLDEN=1, review it, commit it`);
  return PNG.sync.read(readFileSync(file));
}

function expectClose(d: Diff): void {
  expect(d.sameSize).toBe(true);
  expect(d.ratio).toBeLessThanOrEqual(MAX_DIFF_RATIO);
  expect(d.worstStripRatio).toBeLessThanOrEqual(MAX_STRIP_DIFF_RATIO);
}

function expectFar(d: Diff): void {
  expect(!d.sameSize || d.ratio > MAX_DIFF_RATIO || d.worstStripRatio > MAX_STRIP_DIFF_RATIO).toBe(true);
}

/** Arabic with every letter forced into its isolated form (ZWNJ between letters): what code-page printing gives. */
function unjoined(text: string): string {
  return [...text].join('\u200c');
}

/** Arabic forced into left-to-right order (LRO … PDF): the other half of the code-page failure. */
function leftToRight(text: string): string {
  return `\u202d${text}\u202c`;
}

function withArabic(model: ReceiptModel, f: (s: string) => string): ReceiptModel {
  return {
    ...model,
    shop: { ...model.shop, nameAr: f(model.shop.nameAr) },
    lines: model.lines.map((l) => ({ ...l, name: /[\u0600-\u06ff]/.test(l.name) ? f(l.name) : l.name })),
  };
}

const CASES: readonly { name: string; paper: 384 | 576; model: () => ReceiptModel }[] = [
  { name: 'invoice-58mm.png', paper: 384, model: () => sampleReceipt() },
  {
    name: 'credit-note-80mm-training-copy.png',
    paper: 576,
    model: () =>
      sampleReceipt({
        kind: 'credit-note',
        originalInvoice: 'SME00009',
        reason: 'إرجاع صنف تالف',
        training: true,
        copy: true,
        payments: [],
        change: undefined,
      }),
  },
  {
    name: 'debit-note-58mm.png',
    paper: 384,
    model: () =>
      sampleReceipt({
        kind: 'debit-note',
        originalInvoice: 'SME00009',
        reason: 'فرق سعر',
        lines: sampleReceipt().lines.slice(0, 2),
        vatBreakdown: [{ category: 'S', rate: '15', taxable: '174.78', vat: '26.22' }],
        totals: { taxExclusive: '174.78', vat: '26.22', taxInclusive: '201.00', payable: '201.00' },
        payments: [{ method: 'card', amount: '201.00' }],
        change: undefined,
      }),
  },
];

describe('golden receipt images', () => {
  it.each(CASES)('$name matches the reviewed reference', async ({ name, paper, model }) => {
    const actual = await printedPng(model(), paper);
    expectClose(diff(actual, golden(name, actual)));
  });

  it('the comparison fails for unjoined Arabic letters (isolated forms, as code-page printing gives)', async () => {
    const reference = golden('invoice-58mm.png', await printedPng(sampleReceipt(), 384));
    expectFar(diff(await printedPng(withArabic(sampleReceipt(), unjoined), 384), reference));
  });

  it('the comparison fails for Arabic laid out left to right', async () => {
    const reference = golden('invoice-58mm.png', await printedPng(sampleReceipt(), 384));
    expectFar(diff(await printedPng(withArabic(sampleReceipt(), leftToRight), 384), reference));
  });

  it('the comparison tolerates nothing more than a few stray dots', async () => {
    const reference = golden('invoice-58mm.png', await printedPng(sampleReceipt(), 384));
    // a one-character change in an item name is already too much
    const changed = sampleReceipt({ lines: sampleReceipt().lines.map((l, i) => (i === 1 ? { ...l, name: 'قلب' } : l)) });
    expectFar(diff(await printedPng(changed, 384), reference));
  });
});
