// SPDX-License-Identifier: UNLICENSED
// The QR self-check decodes the 1-bit bitmap the printer gets with ZXing's reader (zxing-wasm), loaded from this
// machine's files, never fetched: the codes it passes are the ones jsQR and zbarimg (test/printer/printingHarness.ts)
// read too, and what it refuses — a damaged code, another document's code, no code — never reaches the paper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { monoToRgba, toMonochrome, type MonoBitmap, type RgbaBitmap } from '../../app/receipt/monochrome';
import { planQr } from '../../app/receipt/qrPlan';
import { decodeQrWithJsqr, decodeQrWithZbar } from '../../test/printer/printingHarness';
import { qrImage } from '../../test/workers/qrImage';
import { encodePng } from './png';
import { checkPrintedQr, qrReaderWasmPath, QR_READER_WASM_NAME } from './qrSelfCheck';

// a receipt's QR payload is ~500–1000 base64 characters (reference §6): version 20 at M, as printed
const QR_TEXT = Buffer.from(Array.from({ length: 470 }, (_, i) => (i * 37 + 11) & 0xff)).toString('base64');

/** A 58 mm receipt: text bands above, the QR at 3 dots per module below them, as the template lays it out. */
function receipt(text: string): { image: MonoBitmap; box: { x: number; y: number; width: number; height: number } } {
  const plan = planQr(text, 384);
  const code = qrImage(plan, plan.modulePx);
  const width = 384;
  const top = 600;
  const height = top + code.height + 100;
  const data = new Uint8Array(width * height * 4).fill(255);
  for (let y = 40; y < top - 40; y += 24) data.fill(0, (y * width + 20) * 4, (y * width + 300) * 4); // lines of "text"
  const left = Math.floor((width - code.width) / 2);
  for (let y = 0; y < code.height; y++) data.set(code.data.subarray(y * code.width * 4, (y + 1) * code.width * 4), ((top + y) * width + left) * 4);
  return { image: toMonochrome({ width, height, data }), box: { x: left, y: top, width: code.width, height: code.height } };
}

/** A copy with a white square painted over `size` × `size` dots at (x, y). */
function whitened(image: MonoBitmap, x: number, y: number, size: number): MonoBitmap {
  const rgba: RgbaBitmap = monoToRgba(image);
  for (let row = y; row < y + size; row++) rgba.data.fill(255, (row * image.width + x) * 4, (row * image.width + x + size) * 4);
  return toMonochrome(rgba);
}

describe('the QR self-check before printing', () => {
  const realFetch = globalThis.fetch;
  beforeAll(() => {
    // zxing-wasm's own default downloads its WebAssembly from a CDN; a till prints offline
    globalThis.fetch = () => Promise.reject(new Error('the QR self-check must not fetch anything'));
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });

  it('reads the printed code back where it was laid out, as jsQR and zbarimg read it', async () => {
    const { image, box } = receipt(QR_TEXT);
    expect(await checkPrintedQr(image, QR_TEXT, box)).toEqual({ ok: true, decoded: QR_TEXT });
    const png = encodePng(monoToRgba(image));
    expect(decodeQrWithJsqr(png)).toBe(QR_TEXT);
    expect(await decodeQrWithZbar(png)).toEqual([QR_TEXT]);
  });

  it('finds the code on the whole receipt when there is no box, or the box is wrong', async () => {
    const { image, box } = receipt(QR_TEXT);
    expect(await checkPrintedQr(image, QR_TEXT, null)).toEqual({ ok: true, decoded: QR_TEXT });
    expect(await checkPrintedQr(image, QR_TEXT, { ...box, y: 20 })).toEqual({ ok: true, decoded: QR_TEXT });
  });

  it('refuses another document’s code, naming what it read', async () => {
    const other = QR_TEXT.slice(0, -8) + 'AAAAAAA=';
    const { image, box } = receipt(other);
    expect(await checkPrintedQr(image, QR_TEXT, box)).toEqual({ ok: false, decoded: other });
  });

  it('refuses a code damaged past its error correction, and a receipt with no code', async () => {
    const { image, box } = receipt(QR_TEXT);
    // a finder pattern gone (7 × 7 modules at the top left, inside the 4-module quiet zone)
    const damaged = whitened(image, box.x + 4 * 3, box.y + 4 * 3, 7 * 3);
    expect(await checkPrintedQr(damaged, QR_TEXT, box)).toEqual({ ok: false, decoded: null });
    // a third of the symbol wiped: far more than level M's ~15 % of codewords
    const wiped = whitened(image, box.x + 30, box.y + 60, 170);
    expect(await checkPrintedQr(wiped, QR_TEXT, box)).toEqual({ ok: false, decoded: null });
    const blank = whitened(image, box.x, box.y, box.width);
    expect(await checkPrintedQr(blank, QR_TEXT, null)).toEqual({ ok: false, decoded: null });
  });

  it('reads its WebAssembly beside its bundle when it is there (the desktop app), else from the package', () => {
    const fromPackage = qrReaderWasmPath();
    expect(fromPackage).toMatch(new RegExp(`node_modules/zxing-wasm/dist/reader/${QR_READER_WASM_NAME}$`));
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-qr-wasm-'));
    try {
      const bundle = pathToFileURL(path.join(dir, 'app.mjs')).href;
      // a bundle with no copy beside it and no node_modules above it has no decoder: a clear error, not a download
      expect(() => qrReaderWasmPath(bundle)).toThrow(/zxing-wasm/);
      copyFileSync(fromPackage, path.join(dir, QR_READER_WASM_NAME));
      expect(qrReaderWasmPath(bundle)).toBe(path.join(dir, QR_READER_WASM_NAME));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
