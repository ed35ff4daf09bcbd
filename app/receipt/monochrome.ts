// SPDX-License-Identifier: UNLICENSED
// RGBA bitmap → 1-bit bitmap as a thermal head prints it (1 = burn a dot), packed MSB-first like GS v 0 raster data.
//
// A plain threshold, no dithering: dithering scatters dots along every grey edge and softens text and QR module
// edges (odoo/odoo#234455 review notes). The QR is drawn at whole dots per module, so its pixels
// are already pure black or white and any threshold keeps every module exact; the threshold only decides how
// anti-aliased glyph edges fall. 160 (rather than 128) keeps thin Arabic strokes and dots (nuqat) connected.

export interface RgbaBitmap {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes, row-major RGBA. */
  readonly data: Uint8Array | Uint8ClampedArray;
}

export interface MonoBitmap {
  readonly width: number;
  readonly height: number;
  /** ceil(width / 8). */
  readonly bytesPerRow: number;
  /** height × bytesPerRow, bit 7 of byte 0 is the leftmost dot, 1 = black. */
  readonly bits: Uint8Array;
}

export const DEFAULT_THRESHOLD = 160;

export function toMonochrome(image: RgbaBitmap, threshold: number = DEFAULT_THRESHOLD): MonoBitmap {
  const { width, height, data } = image;
  const packer = new MonochromePacker(width, height, threshold);
  if (data.length !== width * height * 4) throw new Error(`toMonochrome: data must hold width×height×4 = ${width * height * 4} bytes, got ${data.length}`);
  for (let y = 0; y < height; y++) packer.row(y, data, y * width * 4);
  return packer.bitmap;
}

/**
 * Packs RGBA rows into a 1-bit bitmap one at a time, exactly as toMonochrome does for a whole image: for decoders
 * that produce rows (main/printing/png.ts) and need never hold the whole RGBA image.
 */
export class MonochromePacker {
  readonly bitmap: MonoBitmap;
  private readonly limit: number;

  constructor(width: number, height: number, threshold: number = DEFAULT_THRESHOLD) {
    if (!Number.isInteger(width) || width <= 0 || !Number.isInteger(height) || height <= 0) {
      throw new Error(`toMonochrome: width and height must be positive integers, got ${width}×${height}`);
    }
    if (!(threshold > 0 && threshold < 256)) throw new Error(`toMonochrome: threshold must be in 1..255, got ${threshold}`);
    const bytesPerRow = (width + 7) >> 3;
    this.bitmap = { width, height, bytesPerRow, bits: new Uint8Array(bytesPerRow * height) };
    // Luma ×1000 (BT.601 weights), composited over white paper: transparent pixels are paper.
    this.limit = threshold * 1000;
  }

  /** Row `y` of the image, read as `width` RGBA pixels from `data` at byte `from`. */
  row(y: number, data: Uint8Array | Uint8ClampedArray, from: number): void {
    const { width, bytesPerRow, bits } = this.bitmap;
    const limit = this.limit;
    const rowStart = y * bytesPerRow;
    for (let x = 0, p = from; x < width; x++, p += 4) {
      const a = data[p + 3]!;
      const luma = 299 * data[p]! + 587 * data[p + 1]! + 114 * data[p + 2]!;
      const onWhite = (luma * a + 255_000 * (255 - a)) / 255;
      if (onWhite < limit) bits[rowStart + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
}

export function monoPixel(image: MonoBitmap, x: number, y: number): boolean {
  return ((image.bits[y * image.bytesPerRow + (x >> 3)]! >> (7 - (x & 7))) & 1) === 1;
}

/** Back to RGBA (black on white), for QR decoders and PNG export of exactly what the printer gets. */
export function monoToRgba(image: MonoBitmap, crop?: { x: number; y: number; width: number; height: number }): RgbaBitmap {
  const x0 = Math.max(0, Math.floor(crop?.x ?? 0));
  const y0 = Math.max(0, Math.floor(crop?.y ?? 0));
  const x1 = Math.min(image.width, Math.ceil(crop ? crop.x + crop.width : image.width));
  const y1 = Math.min(image.height, Math.ceil(crop ? crop.y + crop.height : image.height));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (monoPixel(image, x0 + x, y0 + y)) {
        const p = (y * width + x) * 4;
        data[p] = 0;
        data[p + 1] = 0;
        data[p + 2] = 0;
      }
    }
  }
  return { width, height, data };
}
