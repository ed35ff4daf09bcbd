// SPDX-License-Identifier: UNLICENSED
// The CPU half of printing a receipt, bytes in and bytes out: the 1-bit conversion, the QR self-check and the
// ESC/POS bands (and, from the screenshot's PNG, its decode). The same functions run on the main thread
// (rasterizers without a PNG capture) and in a worker thread (main/workers/dukkanWorker.ts), where the print path
// does this work so the till's event loop never stalls on it (BENCHMARKS.md, "A long day").
import { encodeReceiptJob, escAlign, escDrawerKick, escInit, gsCut, gsRasterBand, type ReceiptJobOptions } from '../../app/receipt/escpos';
import { concatBytes } from '../../app/bytes';
import { defaultBandRows, sliceBands } from '../../app/receipt/rasterBands';
import { toMonochrome, type MonoBitmap, type RgbaBitmap } from '../../app/receipt/monochrome';
import { decodePngToMonochrome } from './png';
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

export function finishRaster(bitmap: RgbaBitmap, finish: RasterFinish): Promise<RasterOutcome> {
  return finishMonochrome(toMonochrome(bitmap, finish.threshold), finish);
}

async function finishMonochrome(image: MonoBitmap, finish: RasterFinish): Promise<RasterOutcome> {
  const qr = finish.qr ? await checkPrintedQr(image, finish.qr.expected, finish.qr.box) : null;
  return { image, qr, bytes: qr && !qr.ok ? null : encodeReceiptJob(image, finish.escpos) };
}

/** The worker's task: Chromium's screenshot as it came (a PNG), to the printer's bytes. */
export function rasterFromPng(input: RasterFinish & { readonly png: Uint8Array }): Promise<RasterOutcome> {
  return finishMonochrome(decodePngToMonochrome(input.png, input.threshold), input);
}

/** One strip of a receipt captured in strips (rasterizer.ts CapturedStrip), for the worker to turn into its part of the job. */
export interface StripFinish extends RasterFinish {
  readonly png: Uint8Array;
  /** The job's first part: it starts with what encodeReceiptJob puts before the bands (ESC @, drawer, alignment). */
  readonly first: boolean;
  /** The job's last part: it ends with the cut. */
  readonly last: boolean;
}

/**
 * The worker's task for a strip: its bands, framed as its place in the job requires. A strip that starts on a band
 * boundary (receiptStream.ts cuts only there) gives exactly the bands the whole image gives for those rows, so the
 * parts laid end to end are encodeReceiptJob's bytes. `qr`, when given, is checked in this strip (its box relative
 * to the strip) and no bytes come back unless it matches.
 */
export async function stripFromPng(input: StripFinish): Promise<RasterOutcome> {
  const image = decodePngToMonochrome(input.png, input.threshold);
  const qr = input.qr ? await checkPrintedQr(image, input.qr.expected, input.qr.box) : null;
  return { image, qr, bytes: qr && !qr.ok ? null : encodeJobPart(image, input.escpos, input.first, input.last) };
}

/** encodeReceiptJob's bytes for one strip of the image; the parts of a band-aligned split concatenate to the whole job. */
export function encodeJobPart(image: MonoBitmap, options: ReceiptJobOptions, first: boolean, last: boolean): Uint8Array {
  const bands = sliceBands(image, options.bandRows ?? defaultBandRows(image.bytesPerRow));
  return concatBytes(
    ...(first ? [escInit(), ...(options.openDrawer ? [escDrawerKick()] : []), escAlign(options.alignment ?? 'center')] : []),
    ...bands.map(gsRasterBand),
    ...(last ? [gsCut(options.cutFeed ?? 0)] : []),
  );
}
