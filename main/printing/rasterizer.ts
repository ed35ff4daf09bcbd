// SPDX-License-Identifier: UNLICENSED
// Receipt HTML → RGBA bitmap at 1 CSS px per printer dot. One implementation over the DevTools protocol
// (cdpRasterizer.ts) with two transports: Chromium via playwright-core (browser mode, tests, benchmarks) and an
// offscreen Electron window's debugger (the desktop app).
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

export interface ReceiptRasterizer {
  /** Render a self-contained receipt document at exactly `widthPx` wide and as tall as its content. */
  rasterize(html: string, widthPx: number): Promise<RasterizedReceipt>;
  /** The same render, left as the PNG the browser captured (no decode on this thread). */
  capture?(html: string, widthPx: number): Promise<CapturedReceipt>;
  close(): Promise<void>;
}
