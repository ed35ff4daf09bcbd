// SPDX-License-Identifier: UNLICENSED
// The ESC/POS commands Dukkan sends, as bytes. Receipts are printed as raster only: ESC/POS printers cannot shape
// Arabic or lay it out right to left, and a rasterised QR has exactly the module size we chose.
// Command forms follow the Epson ESC/POS reference; every printer we target (Epson, Xprinter, Rongta, Sunmi)
// implements this subset.
import { concatBytes } from '../bytes';
import type { MonoBitmap } from './monochrome';
import { defaultBandRows, sliceBands, type RasterBand } from './rasterBands';

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;

export type Alignment = 'left' | 'center' | 'right';
const ALIGN_CODE: Record<Alignment, number> = { left: 0, center: 1, right: 2 };

/** ESC @: clear the buffer and reset modes, so a half-received previous job cannot leak into this one. */
export function escInit(): Uint8Array {
  return Uint8Array.of(ESC, 0x40);
}

/** ESC a n: justification; also applies to raster images narrower than the print area. */
export function escAlign(alignment: Alignment): Uint8Array {
  return Uint8Array.of(ESC, 0x61, ALIGN_CODE[alignment]);
}

/**
 * GS v 0 m xL xH yL yH d1…dk, normal density (m = 0). x counts bytes per row, y rows; k = x × y exactly, or the
 * printer reads the following bytes as image or commands as image data (hennedo/escpos#9).
 */
export function gsRasterBand(band: RasterBand): Uint8Array {
  const { bytesPerRow: x, rows: y, bits } = band;
  if (x < 1 || x > 0xffff || y < 1 || y > 0xffff) throw new Error(`gsRasterBand: band ${x} bytes × ${y} rows is outside GS v 0 limits`);
  if (bits.length !== x * y) throw new Error(`gsRasterBand: band data must be bytesPerRow×rows = ${x * y} bytes, got ${bits.length}`);
  const out = new Uint8Array(8 + bits.length);
  out.set([GS, 0x76, 0x30, 0x00, x & 0xff, x >> 8, y & 0xff, y >> 8]);
  out.set(bits, 8);
  return out;
}

/** GS V 66 n: feed to the cutter plus n motion units, then partial cut (the last printed line clears the blade). */
export function gsCut(feed = 0): Uint8Array {
  if (!Number.isInteger(feed) || feed < 0 || feed > 255) throw new Error(`gsCut: feed must be in 0..255, got ${feed}`);
  return Uint8Array.of(GS, 0x56, 0x42, feed);
}

/** ESC p m t1 t2: pulse to the cash drawer connector (pin 2 by default), on t1 × 2 ms, off t2 × 2 ms. */
export function escDrawerKick(pin: 2 | 5 = 2, onMs = 50, offMs = 500): Uint8Array {
  const t1 = Math.round(onMs / 2);
  const t2 = Math.round(offMs / 2);
  if (t1 < 1 || t1 > 255 || t2 < 1 || t2 > 255) throw new Error(`escDrawerKick: pulse times must be 2..510 ms, got ${onMs}/${offMs}`);
  return Uint8Array.of(ESC, 0x70, pin === 2 ? 0 : 1, t1, t2);
}

/** DLE EOT n: real-time status (1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor); one byte back. */
export type StatusKind = 1 | 2 | 3 | 4;
export function dleEotStatus(kind: StatusKind): Uint8Array {
  return Uint8Array.of(DLE, EOT, kind);
}

export interface ReceiptJobOptions {
  /** Maximum rows per GS v 0 band; default keeps each band under 4 KiB. */
  readonly bandRows?: number;
  /** Kick the cash drawer (cash sales). Sent first so the drawer opens while the receipt prints. */
  readonly openDrawer?: boolean;
  /** Extra feed before the cut, in motion units. */
  readonly cutFeed?: number;
  readonly alignment?: Alignment;
}

/** A whole print job for one receipt bitmap: init, optional drawer kick, alignment, bands, cut (always last). */
export function encodeReceiptJob(image: MonoBitmap, options: ReceiptJobOptions = {}): Uint8Array {
  const bands = sliceBands(image, options.bandRows ?? defaultBandRows(image.bytesPerRow));
  return concatBytes(
    escInit(),
    ...(options.openDrawer ? [escDrawerKick()] : []),
    escAlign(options.alignment ?? 'center'),
    ...bands.map(gsRasterBand),
    gsCut(options.cutFeed ?? 0),
  );
}

/** What a DLE EOT reply byte means. Every reply has the fixed pattern 0xx1 0x10 (bits 1 and 4 set, 0 and 7 clear). */
export interface PrinterStatusBits {
  readonly offline?: boolean;
  /** Level of the drawer connector pin 3 (open/closed meaning depends on the drawer model). */
  readonly drawerPin3High?: boolean;
  readonly coverOpen?: boolean;
  readonly feedButton?: boolean;
  readonly paperEndStop?: boolean;
  readonly errorOccurred?: boolean;
  readonly cutterError?: boolean;
  readonly unrecoverableError?: boolean;
  readonly autoRecoverableError?: boolean;
  readonly paperNearEnd?: boolean;
  readonly paperEnd?: boolean;
}

export function isStatusReply(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export function parseStatusReply(kind: StatusKind, byte: number): PrinterStatusBits {
  if (!isStatusReply(byte)) throw new Error(`parseStatusReply: 0x${byte.toString(16)} is not a DLE EOT ${kind} reply (fixed bits 0xx1 0x10)`);
  const bit = (n: number): boolean => ((byte >> n) & 1) === 1;
  switch (kind) {
    case 1:
      return { offline: bit(3), drawerPin3High: bit(2) };
    case 2:
      return { coverOpen: bit(2), feedButton: bit(3), paperEndStop: bit(5), errorOccurred: bit(6) };
    case 3:
      return { cutterError: bit(3), unrecoverableError: bit(5), autoRecoverableError: bit(6) };
    case 4:
      return { paperNearEnd: bit(2) || bit(3), paperEnd: bit(5) || bit(6) };
  }
}
