// SPDX-License-Identifier: UNLICENSED
// Receipt HTML → RGBA bitmap at 1 CSS px per printer dot. One implementation over the DevTools protocol
// (cdpRasterizer.ts) with two transports: Chromium over its own DevTools pipe (browser mode, tests, benchmarks:
// chromiumPipe.ts) and an offscreen Electron window's debugger (the desktop app).
import type { RgbaBitmap } from '../../app/receipt/monochrome';

export interface PixelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface RasterizedReceipt {
  readonly bitmap: RgbaBitmap;
  /** Where the QR element was laid out (px = dots), so the self-check can decode it from its own region. */
  readonly qrBox: PixelBox | null;
}

/** The screenshot as Chromium encoded it, for a worker thread to decode (main/printing/receiptRaster.ts). */
export interface CapturedReceipt {
  /** A PNG exactly `width` × `height` (checked from its header). */
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly qrBox: PixelBox | null;
}

/** One horizontal strip of the laid-out receipt, as Chromium encoded it (receiptStream.ts sends it as it comes). */
export interface CapturedStrip {
  /** A PNG exactly `width` × `height` (checked from its header). */
  readonly png: Uint8Array;
  readonly width: number;
  /** First row of this strip in the receipt. */
  readonly top: number;
  readonly height: number;
  /** The bottom strip: the receipt ends with it. */
  readonly last: boolean;
  /** Where the QR element was laid out in the whole receipt. */
  readonly qrBox: PixelBox | null;
}

/** The laid-out receipt's size and QR, from which the caller chooses where strips end. */
export interface ReceiptLayout {
  readonly height: number;
  readonly qrBox: PixelBox | null;
}

/** The rows where a new strip starts (ascending; those outside 1 … height − 1 are ignored). */
export type StripCuts = (layout: ReceiptLayout) => readonly number[];

export interface ReceiptRasterizer {
  /** Render a self-contained receipt document at exactly `widthPx` wide and as tall as its content. */
  rasterize(html: string, widthPx: number): Promise<RasterizedReceipt>;
  /** The same render, left as the PNG the browser captured (no decode on this thread). */
  capture?(html: string, widthPx: number): Promise<CapturedReceipt>;
  /**
   * The same render, captured in horizontal strips top to bottom; `onStrip` gets each as soon as it is captured,
   * before the next is. The pixels are the same as the whole capture's (test/printer/streamedPrinting.test.ts).
   */
  captureStrips?(html: string, widthPx: number, cuts: StripCuts, onStrip: (strip: CapturedStrip) => void): Promise<void>;
  close(): Promise<void>;
}
