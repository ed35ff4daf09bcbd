// SPDX-License-Identifier: UNLICENSED
// An ESC/POS decoder for tests, written from the Epson command reference and independent of app/receipt/escpos
// (it imports nothing from it), so an encoder bug cannot hide behind a decoder with the same bug. It lists the
// commands a printer would execute and rebuilds the GS v 0 raster bands into one image (no maintained npm or
// Debian ESC/POS decoder exists).
import { PNG } from 'pngjs';

export type EscPosCommand =
  | { readonly type: 'init'; readonly offset: number }
  | { readonly type: 'align'; readonly offset: number; readonly align: 'left' | 'center' | 'right' }
  | { readonly type: 'raster'; readonly offset: number; readonly mode: number; readonly bytesPerRow: number; readonly rows: number; readonly data: Uint8Array }
  | { readonly type: 'cut'; readonly offset: number; readonly function: 'A' | 'B' | 'full' | 'partial'; readonly feed: number }
  | { readonly type: 'drawer-kick'; readonly offset: number; readonly pin: 2 | 5; readonly onMs: number; readonly offMs: number }
  | { readonly type: 'status-query'; readonly offset: number; readonly n: number }
  | { readonly type: 'nul'; readonly offset: number }
  | { readonly type: 'unknown'; readonly offset: number; readonly byte: number };

export interface ParseResult {
  readonly commands: EscPosCommand[];
  /** Bytes fully parsed; anything after is an incomplete command (the rest of it has not arrived). */
  readonly consumed: number;
}

const ALIGN = ['left', 'center', 'right'] as const;

/** Parse as many complete commands as `bytes` holds. Offsets are relative to `base`. */
export function parseEscPos(bytes: Uint8Array, base = 0): ParseResult {
  const commands: EscPosCommand[] = [];
  let i = 0;
  const need = (n: number): boolean => i + n <= bytes.length;
  const at = (k: number): number => bytes[i + k]!;
  while (i < bytes.length) {
    const offset = base + i;
    const b = at(0);
    if (b === 0x00) {
      commands.push({ type: 'nul', offset });
      i += 1;
    } else if (b === 0x1b) {
      if (!need(2)) break;
      const c = at(1);
      if (c === 0x40) {
        commands.push({ type: 'init', offset });
        i += 2;
      } else if (c === 0x61) {
        if (!need(3)) break;
        const n = at(2);
        commands.push({ type: 'align', offset, align: ALIGN[n % 48] ?? 'left' });
        i += 3;
      } else if (c === 0x70) {
        if (!need(5)) break;
        commands.push({ type: 'drawer-kick', offset, pin: at(2) % 48 === 0 ? 2 : 5, onMs: at(3) * 2, offMs: at(4) * 2 });
        i += 5;
      } else {
        commands.push({ type: 'unknown', offset, byte: b });
        i += 1;
      }
    } else if (b === 0x1d) {
      if (!need(2)) break;
      const c = at(1);
      if (c === 0x76) {
        if (!need(8)) break;
        if (at(2) !== 0x30) {
          commands.push({ type: 'unknown', offset, byte: b });
          i += 1;
          continue;
        }
        const x = at(4) + at(5) * 256;
        const y = at(6) + at(7) * 256;
        if (!need(8 + x * y)) break;
        commands.push({ type: 'raster', offset, mode: at(3), bytesPerRow: x, rows: y, data: bytes.slice(i + 8, i + 8 + x * y) });
        i += 8 + x * y;
      } else if (c === 0x56) {
        if (!need(3)) break;
        const m = at(2);
        if (m === 65 || m === 66) {
          if (!need(4)) break;
          commands.push({ type: 'cut', offset, function: m === 65 ? 'A' : 'B', feed: at(3) });
          i += 4;
        } else {
          commands.push({ type: 'cut', offset, function: m === 0 || m === 48 ? 'full' : 'partial', feed: 0 });
          i += 3;
        }
      } else {
        commands.push({ type: 'unknown', offset, byte: b });
        i += 1;
      }
    } else if (b === 0x10) {
      if (!need(3)) break;
      if (at(1) === 0x04) {
        commands.push({ type: 'status-query', offset, n: at(2) });
        i += 3;
      } else {
        commands.push({ type: 'unknown', offset, byte: b });
        i += 1;
      }
    } else {
      commands.push({ type: 'unknown', offset, byte: b });
      i += 1;
    }
  }
  return { commands, consumed: i };
}

export interface DecodedJob {
  readonly commands: EscPosCommand[];
  /** Bytes at the end that do not form a complete command (a job cut short). */
  readonly trailing: number;
  readonly bands: { readonly rows: number; readonly bytesPerRow: number }[];
  /** All raster bands stacked top to bottom, black on white; null when the job has no raster. */
  readonly image: { readonly width: number; readonly height: number; readonly rgba: Uint8Array } | null;
}

export function decodeEscPos(bytes: Uint8Array): DecodedJob {
  const { commands, consumed } = parseEscPos(bytes);
  const rasters = commands.filter((c): c is Extract<EscPosCommand, { type: 'raster' }> => c.type === 'raster');
  const bands = rasters.map((r) => ({ rows: r.rows, bytesPerRow: r.bytesPerRow }));
  if (rasters.length === 0) return { commands, trailing: bytes.length - consumed, bands, image: null };
  const width = Math.max(...rasters.map((r) => r.bytesPerRow * 8));
  const height = rasters.reduce((n, r) => n + r.rows, 0);
  const rgba = new Uint8Array(width * height * 4).fill(255);
  let top = 0;
  for (const r of rasters) {
    for (let y = 0; y < r.rows; y++) {
      for (let x = 0; x < r.bytesPerRow * 8; x++) {
        if ((r.data[y * r.bytesPerRow + (x >> 3)]! >> (7 - (x & 7))) & 1) {
          const p = ((top + y) * width + x) * 4;
          rgba[p] = rgba[p + 1] = rgba[p + 2] = 0;
        }
      }
    }
    top += r.rows;
  }
  return { commands, trailing: bytes.length - consumed, bands, image: { width, height, rgba } };
}

export function decodedImagePng(job: DecodedJob): Buffer {
  if (!job.image) throw new Error('decodedImagePng: the job has no raster image');
  const png = new PNG({ width: job.image.width, height: job.image.height });
  png.data = Buffer.from(job.image.rgba);
  return PNG.sync.write(png);
}

/** The command names in order, raster bands collapsed to "raster", for readable assertions. */
export function commandNames(job: DecodedJob): string[] {
  return job.commands.map((c) => c.type);
}
