// SPDX-License-Identifier: UNLICENSED
// Receipt HTML → RGBA bitmap at 1 CSS px per printer dot. Two implementations share this contract: Chromium via
// playwright-core (browser mode, tests, benchmarks) and Electron offscreen rendering (the desktop app).
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

export interface ReceiptRasterizer {
  /** Render a self-contained receipt document at exactly `widthPx` wide and as tall as its content. */
  rasterize(html: string, widthPx: number): Promise<RasterizedReceipt>;
  close(): Promise<void>;
}

/** Run inside the page: content height and the QR element's box. Plain function, serialised into the page. */
export const MEASURE_PAGE_SCRIPT = `(() => {
  const qr = document.getElementById('receipt-qr');
  const r = qr ? qr.getBoundingClientRect() : null;
  return {
    // The body, not the document: the document is never shorter than the viewport, which keeps the last receipt's height.
    height: Math.ceil(document.body.getBoundingClientRect().bottom + window.scrollY),
    qrBox: r ? { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height } : null,
  };
})()`;

export interface PageMeasure {
  readonly height: number;
  readonly qrBox: PixelBox | null;
}
