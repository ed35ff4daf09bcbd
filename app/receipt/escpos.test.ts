// SPDX-License-Identifier: UNLICENSED
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dleEotStatus, encodeReceiptJob, escDrawerKick, gsCut, gsRasterBand, parseStatusReply } from './escpos';
import { monoPixel, monoToRgba, toMonochrome, type MonoBitmap } from './monochrome';
import { defaultBandRows, sliceBands } from './rasterBands';

function rgba(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number],
): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return { width, height, data };
}

describe('toMonochrome', () => {
  it('packs dark pixels MSB-first, 1 = black, composites transparency over white paper', () => {
    const img = rgba(10, 2, (x, y) => (y === 0 ? (x % 3 === 0 ? [0, 0, 0, 255] : [255, 255, 255, 255]) : x < 5 ? [0, 0, 0, 0] : [20, 20, 20, 255]));
    const mono = toMonochrome(img);
    expect(mono.bytesPerRow).toBe(2);
    // row 0: x = 0, 3, 6, 9 black → 1001 0010 | 01xx xxxx
    expect([...mono.bits.subarray(0, 2)]).toEqual([0b1001_0010, 0b0100_0000]);
    // row 1: transparent (x < 5) is paper; x ≥ 5 nearly black
    expect([...mono.bits.subarray(2, 4)]).toEqual([0b0000_0111, 0b1100_0000]);
  });

  it('splits greys at the threshold (luma < threshold burns a dot)', () => {
    const img = rgba(2, 1, (x) => (x === 0 ? [159, 159, 159, 255] : [160, 160, 160, 255]));
    expect(monoPixel(toMonochrome(img, 160), 0, 0)).toBe(true);
    expect(monoPixel(toMonochrome(img, 160), 1, 0)).toBe(false);
  });

  it('rejects inconsistent input naming the rule', () => {
    expect(() => toMonochrome({ width: 2, height: 2, data: new Uint8Array(15) })).toThrow(/width×height×4 = 16 bytes, got 15/);
    expect(() => toMonochrome({ width: 0, height: 2, data: new Uint8Array(0) })).toThrow(/positive integers/);
  });

  it('round-trips through monoToRgba', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 20 }), fc.integer(), (w, h, seed) => {
        const img = rgba(w, h, (x, y) => (((x * 7 + y * 13 + seed) & 3) === 0 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
        const mono = toMonochrome(img);
        expect([...monoToRgba(mono).data]).toEqual([...img.data]);
      }),
    );
  });
});

describe('raster bands', () => {
  it('keeps each band under 4 KiB by default: 85 rows at 58 mm, 56 rows at 80 mm', () => {
    expect(defaultBandRows(48)).toBe(85);
    expect(defaultBandRows(72)).toBe(56);
  });

  it('slices any image into bands of at most bandRows that reassemble to the image', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 64 }), (bpr, height, bandRows) => {
        const bits = Uint8Array.from({ length: bpr * height }, (_, i) => (i * 31) & 255);
        const image: MonoBitmap = { width: bpr * 8, height, bytesPerRow: bpr, bits };
        const bands = sliceBands(image, bandRows);
        expect(bands.every((b) => b.rows >= 1 && b.rows <= bandRows)).toBe(true);
        expect(bands.reduce((n, b) => n + b.rows, 0)).toBe(height);
        expect(Buffer.concat(bands.map((b) => b.bits))).toEqual(Buffer.from(bits));
      }),
    );
  });

  it('rejects band heights outside GS v 0 limits', () => {
    const image: MonoBitmap = { width: 8, height: 1, bytesPerRow: 1, bits: new Uint8Array(1) };
    expect(() => sliceBands(image, 0)).toThrow(/bandRows must be an integer in 1..4095, got 0/);
    expect(() => sliceBands(image, 5000)).toThrow(/got 5000/);
  });
});

describe('ESC/POS commands', () => {
  it('writes GS v 0 with xL xH yL yH equal to the data that follows', () => {
    const bits = new Uint8Array(48 * 300).fill(0xaa);
    const cmd = gsRasterBand({ top: 0, rows: 300, bytesPerRow: 48, bits });
    expect([...cmd.subarray(0, 8)]).toEqual([0x1d, 0x76, 0x30, 0x00, 48, 0, 300 & 255, 300 >> 8]);
    expect(cmd.length).toBe(8 + 48 * 300);
    expect(() => gsRasterBand({ top: 0, rows: 2, bytesPerRow: 48, bits: new Uint8Array(95) })).toThrow(/96 bytes, got 95/);
  });

  it('encodes cut, drawer kick and status queries', () => {
    expect([...gsCut()]).toEqual([0x1d, 0x56, 0x42, 0]);
    expect([...escDrawerKick()]).toEqual([0x1b, 0x70, 0, 25, 250]);
    expect([...dleEotStatus(4)]).toEqual([0x10, 0x04, 4]);
  });

  it('frames a job as init, drawer kick, align, bands, cut', () => {
    const image: MonoBitmap = { width: 16, height: 5, bytesPerRow: 2, bits: new Uint8Array(10).fill(0xff) };
    const job = encodeReceiptJob(image, { bandRows: 2, openDrawer: true });
    const expected = [
      [0x1b, 0x40],
      [0x1b, 0x70, 0, 25, 250],
      [0x1b, 0x61, 1],
      [0x1d, 0x76, 0x30, 0, 2, 0, 2, 0, 255, 255, 255, 255],
      [0x1d, 0x76, 0x30, 0, 2, 0, 2, 0, 255, 255, 255, 255],
      [0x1d, 0x76, 0x30, 0, 2, 0, 1, 0, 255, 255],
      [0x1d, 0x56, 0x42, 0],
    ].flat();
    expect([...job]).toEqual(expected);
  });

  it('reads DLE EOT replies (fixed bits 0x12) and refuses other bytes', () => {
    expect(parseStatusReply(1, 0x12)).toEqual({ offline: false, drawerPin3High: false });
    expect(parseStatusReply(1, 0x1a).offline).toBe(true);
    expect(parseStatusReply(2, 0x32)).toMatchObject({ paperEndStop: true, coverOpen: false });
    expect(parseStatusReply(2, 0x16)).toMatchObject({ coverOpen: true });
    expect(parseStatusReply(4, 0x72)).toEqual({ paperNearEnd: false, paperEnd: true });
    expect(parseStatusReply(4, 0x1e)).toEqual({ paperNearEnd: true, paperEnd: false });
    expect(() => parseStatusReply(1, 0x00)).toThrow(/not a DLE EOT 1 reply/);
  });
});
