// SPDX-License-Identifier: UNLICENSED
// The CPU half of printing a receipt, bytes in and bytes out: the 1-bit conversion, the QR self-check and the
// ESC/POS bands (and, from the screenshot's PNG, its decode). The same functions run on the main thread
// (rasterizers without a PNG capture) and in a worker thread (main/workers/dukkanWorker.ts), where the print path
// does this work so the till's event loop never stalls on it (BENCHMARKS.md, "A long day").
import { encodeReceiptJob, type ReceiptJobOptions } from '../../app/receipt/escpos';
import { toMonochrome, type MonoBitmap, type RgbaBitmap } from '../../app/receipt/monochrome';
import { decodePng } from './png';
import { checkPrintedQr, type QrSelfCheckResult } from './qrSelfCheck';
import type { PixelBox } from './rasterizer';

export interface RasterFinish {
  /** 1-bit threshold (default app/receipt/monochrome DEFAULT_THRESHOLD). */
  readonly threshold?: number;
  /** The QR text the printed code must decode to, and where it was laid out; null for paper without a QR (reports). */
  readonly qr: { readonly expected: string; readonly box: PixelBox | null } | null;
  readonly escpos: ReceiptJobOptions;
}

export interface RasterOutcome {
  readonly image: MonoBitmap;
  /** The QR decoded from `image`; null when there was none to check. */
  readonly qr: QrSelfCheckResult | null;
  /** The whole job (ESC @ … bands … GS V); null when the QR self-check failed: such a receipt is never printed. */
  readonly bytes: Uint8Array | null;
}

export async function finishRaster(bitmap: RgbaBitmap, finish: RasterFinish): Promise<RasterOutcome> {
  const image = toMonochrome(bitmap, finish.threshold);
  const qr = finish.qr ? await checkPrintedQr(image, finish.qr.expected, finish.qr.box) : null;
  return { image, qr, bytes: qr && !qr.ok ? null : encodeReceiptJob(image, finish.escpos) };
}

/** The worker's task: Chromium's screenshot as it came (a PNG), to the printer's bytes. */
export function rasterFromPng(input: RasterFinish & { readonly png: Uint8Array }): Promise<RasterOutcome> {
  return finishRaster(decodePng(input.png), input);
}
