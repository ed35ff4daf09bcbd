// SPDX-License-Identifier: UNLICENSED
// Receipt or report HTML → the printer's job: Chromium renders it here; the decode, 1-bit conversion, QR
// self-check and ESC/POS bands (receiptRaster.ts) run in a worker thread when the app has them (main/workers) and
// the rasterizer can hand over its PNG, otherwise on this thread. Same bytes either way.
import type { DukkanWorkers } from '../workers/dukkanWorkers';
import type { PixelBox, ReceiptRasterizer } from './rasterizer';
import { finishRaster, type RasterFinish, type RasterOutcome } from './receiptRaster';

export interface RasterKit {
  readonly rasterizer: ReceiptRasterizer;
  readonly workers?: DukkanWorkers;
}

/** Raster work normally takes ~0.1 s; a worker still on it after this long is stopped and replaced. */
export const RASTER_TIMEOUT_MS = 20_000;

export function offThread(kit: RasterKit): DukkanWorkers | null {
  return kit.workers && kit.rasterizer.capture ? kit.workers : null;
}

export async function rasterToJob(
  kit: RasterKit,
  html: string,
  widthPx: number,
  finish: Omit<RasterFinish, 'qr'> & { readonly qrText: string | null },
): Promise<RasterOutcome & { readonly qrBox: PixelBox | null }> {
  const { qrText, ...rest } = finish;
  const workers = offThread(kit);
  if (workers) {
    const shot = await kit.rasterizer.capture!(html, widthPx);
    const qr = qrText === null ? null : { expected: qrText, box: shot.qrBox };
    const outcome = await workers.run(
      'receipt.raster',
      { ...rest, qr, png: shot.png },
      { transfer: [shot.png.buffer as ArrayBuffer], timeoutMs: RASTER_TIMEOUT_MS },
    );
    return { ...outcome, qrBox: shot.qrBox };
  }
  const raster = await kit.rasterizer.rasterize(html, widthPx);
  const qr = qrText === null ? null : { expected: qrText, box: raster.qrBox };
  return { ...(await finishRaster(raster.bitmap, { ...rest, qr })), qrBox: raster.qrBox };
}
