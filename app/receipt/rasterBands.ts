// SPDX-License-Identifier: UNLICENSED
// Slicing a 1-bit receipt into raster bands a printer's receive buffer can take.
//
// One GS v 0 block for a whole receipt overflows printer buffers and prints garbage (node-thermal-printer#103;
// ESC-POS-.NET#156, where 550×4096 failed and chunks worked; escpos-php#610, "buffer size limit … up to around 4k").
// Each band is its own GS v 0 command, so its data stays under that limit.
import type { MonoBitmap } from './monochrome';

/** Bytes of raster data per band that every printer we know of accepts in one piece. */
export const BAND_BUDGET_BYTES = 4096;
/** GS v 0 allows at most 4095 rows per block on Epson TM printers (yL + yH × 256 ≤ 4095). */
export const GS_V0_MAX_ROWS = 4095;

export interface RasterBand {
  /** First row of this band in the receipt bitmap. */
  readonly top: number;
  readonly rows: number;
  readonly bytesPerRow: number;
  /** rows × bytesPerRow bytes, a view into the source bitmap. */
  readonly bits: Uint8Array;
}

export function defaultBandRows(bytesPerRow: number): number {
  if (!Number.isInteger(bytesPerRow) || bytesPerRow <= 0) throw new Error(`defaultBandRows: bytesPerRow must be a positive integer, got ${bytesPerRow}`);
  return Math.max(1, Math.min(GS_V0_MAX_ROWS, Math.floor(BAND_BUDGET_BYTES / bytesPerRow)));
}

export function sliceBands(image: MonoBitmap, bandRows: number = defaultBandRows(image.bytesPerRow)): RasterBand[] {
  if (!Number.isInteger(bandRows) || bandRows < 1 || bandRows > GS_V0_MAX_ROWS) {
    throw new Error(`sliceBands: bandRows must be an integer in 1..${GS_V0_MAX_ROWS}, got ${bandRows}`);
  }
  const bands: RasterBand[] = [];
  for (let top = 0; top < image.height; top += bandRows) {
    const rows = Math.min(bandRows, image.height - top);
    bands.push({ top, rows, bytesPerRow: image.bytesPerRow, bits: image.bits.subarray(top * image.bytesPerRow, (top + rows) * image.bytesPerRow) });
  }
  return bands;
}
