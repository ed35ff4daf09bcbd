// SPDX-License-Identifier: UNLICENSED
// The receipt template as text: what it must say, and that it cannot reach the network.
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { planQr } from '../../app/receipt/qrPlan';
import { exportReceiptPdf, exportReceiptPng } from '../../main/printing/receiptExport';
import { receiptDocument } from '../../main/printing/receiptJob';
import { PrintError } from '../../main/printing/printError';
import { renderReceiptHtml } from '../../app/receipt/template/renderReceiptHtml';
import { chromiumKit, decodeQrWithJsqr, decodeQrWithZbar, template } from './printingHarness';
import { sampleReceipt } from './receiptFixtures';

const model = sampleReceipt();
const plan = planQr(model.qr, 384);
const html = (m = model): string => renderReceiptHtml(m, { paperDots: 384, qrModulePx: plan.modulePx });

describe('renderReceiptHtml', () => {
  it('titles each document kind in Arabic and English', () => {
    expect(html()).toContain('فاتورة ضريبية مبسطة');
    expect(html()).toContain('Simplified Tax Invoice');
    expect(html({ ...model, kind: 'credit-note' })).toMatch(/إشعار دائن[\s\S]*Credit Note/);
    expect(html({ ...model, kind: 'debit-note' })).toMatch(/إشعار مدين[\s\S]*Debit Note/);
  });

  it('marks reprints نسخة / COPY and training receipts with a banner, and only those', () => {
    expect(html()).not.toContain('COPY');
    expect(html({ ...model, copy: true })).toMatch(/نسخة[\s\S]{0,40}COPY/);
    expect(html()).not.toContain('TRAINING');
    expect(html({ ...model, training: true }).match(/TRAINING MODE/g)).toHaveLength(2); // top and bottom
  });

  it('prints the date and time exactly as in the document (Riyadh local time, not converted)', () => {
    expect(html()).toContain('2022-08-17 17:41:08');
  });

  it('shows the original invoice and reason on notes', () => {
    const note = html({ ...model, kind: 'credit-note', originalInvoice: 'SME00009', reason: 'إرجاع' });
    expect(note).toContain('SME00009');
    expect(note).toContain('إرجاع');
    expect(note).toContain('Original invoice');
  });

  it('escapes text from the document', () => {
    const out = html({ ...model, shop: { ...model.shop, nameEn: '<img src=x onerror=alert(1)> & Co' } });
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co');
    expect(out).not.toContain('<img');
  });

  it('is self-contained: a CSP that forbids fetches (fonts only as data: URLs), no URL to load', () => {
    const out = html();
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/
      .exec(out)![1]!
      .split(';')
      .map((d) => d.trim());
    expect(csp).toEqual([`default-src 'none'`, `style-src 'unsafe-inline'`, 'img-src data:', 'font-src data:']);
    expect(out).not.toMatch(/https?:\/\//);
    expect(out).not.toMatch(/@import|url\(/);
  });

  it('draws the QR at a whole number of px per module with its quiet zone', () => {
    const out = html();
    const size = (plan.modules + 8) * plan.modulePx;
    expect(out).toContain(`width="${size}" height="${size}" viewBox="-4 -4 ${plan.modules + 8} ${plan.modules + 8}"`);
    expect(out).toContain('shape-rendering="crispEdges"');
  });

  it('refuses a module size that would overflow the paper', () => {
    expect(() => renderReceiptHtml(model, { paperDots: 384, qrModulePx: 4 })).toThrow(/wider than 384 dots; plan it with planQr/);
    expect(() => renderReceiptHtml(model, { paperDots: 384, qrModulePx: 2.5 })).toThrow(/qrModulePx must be a positive integer/);
  });

  it('receiptDocument refuses an unprintable QR as a typed print failure', () => {
    expect(() => receiptDocument({ ...model, qr: model.qr.repeat(3) }, 384, template)).toThrow(PrintError);
  });
});

describe('export', () => {
  const kit = chromiumKit();
  afterAll(() => kit.rasterizer.close());

  it('saves a PNG (screen rendering and exact printer image) whose QR scans', async () => {
    const png = await exportReceiptPng(model, kit);
    const img = PNG.sync.read(png);
    expect(img.width).toBe(576);
    expect(await decodeQrWithZbar(png)).toEqual([model.qr]);
    const mono = await exportReceiptPng(model, kit, { paperDots: 384, monochrome: true });
    const monoImg = PNG.sync.read(mono);
    expect(monoImg.width).toBe(384);
    expect(new Set([...monoImg.data].filter((_, i) => i % 4 === 0))).toEqual(new Set([0, 255]));
    expect(decodeQrWithJsqr(mono)).toBe(model.qr);
  });

  it('saves a one-page PDF as wide as the receipt, with the Arabic text in it', async () => {
    const pdf = await exportReceiptPdf(model, template, kit.rasterizer);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    // MediaBox width = 576 CSS px = 432 pt
    expect(text).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+432(\.0+)?\s/);
    // the app's fonts are embedded (subsets), not referenced
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/NotoNaskhArabic-Bold/);
  });
});
