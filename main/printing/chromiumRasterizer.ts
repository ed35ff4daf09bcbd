// SPDX-License-Identifier: UNLICENSED
// Headless Chromium (playwright-core over the system /usr/bin/chromium) as the receipt rasterizer for browser mode,
// tests and benchmarks. Kept warm: one browser and one page, launched on first use and reused, because a cold
// launch costs over a second and reloading fonts per receipt is what makes other raster POS slow (field notes §2.10).
// Calls are serialised: one page renders one receipt at a time.
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { decodePng } from './png';
import { MEASURE_PAGE_SCRIPT, type PageMeasure, type RasterizedReceipt, type ReceiptRasterizer } from './rasterizer';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ChromiumRasterizerOptions {
  readonly executablePath?: string;
}

export class ChromiumRasterizer implements ReceiptRasterizer {
  private browser: Browser | null = null;
  private page: Promise<{ page: Page; cdp: CDPSession }> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ChromiumRasterizerOptions = {}) {}

  /** Launch now instead of on the first receipt (call at startup so the first sale does not pay for it). */
  async warmUp(): Promise<void> {
    await this.getPage();
  }

  rasterize(html: string, widthPx: number): Promise<RasterizedReceipt> {
    return this.serialised(async () => {
      const { page, cdp } = await this.getPage();
      const measure = await this.load(page, html, widthPx);
      // CDP directly rather than page.screenshot(): optimizeForSpeed uses fast PNG compression (~35 ms instead of
      // ~80 ms for a 384×1500 receipt; lossless either way). Sizing the viewport to the receipt is cheaper than
      // captureBeyondViewport, which relayouts the page on every capture.
      const viewport = page.viewportSize();
      if (viewport?.width !== widthPx || viewport.height !== measure.height) await page.setViewportSize({ width: widthPx, height: measure.height });
      const shot = await cdp.send('Page.captureScreenshot', { format: 'png', optimizeForSpeed: true });
      const bitmap = decodePng(Buffer.from(shot.data, 'base64'));
      if (bitmap.width !== widthPx) throw new Error(`ChromiumRasterizer: screenshot is ${bitmap.width} px wide, expected ${widthPx} (device scale factor must be 1)`);
      return { bitmap, qrBox: measure.qrBox };
    });
  }

  /** The same document as a one-page PDF exactly as wide and tall as the receipt (vector text and QR). */
  pdf(html: string, widthPx: number): Promise<Buffer> {
    return this.serialised(async () => {
      const { page } = await this.getPage();
      const measure = await this.load(page, html, widthPx);
      return page.pdf({ width: `${widthPx}px`, height: `${measure.height}px`, printBackground: true, margin: { top: '0', right: '0', bottom: '0', left: '0' } });
    });
  }

  async close(): Promise<void> {
    const pending = this.page;
    this.page = null;
    await pending?.catch(() => undefined); // a launch in progress finishes first, so its browser is closed too
    const browser = this.browser;
    this.browser = null;
    if (browser) await browser.close();
  }

  private async load(page: Page, html: string, widthPx: number): Promise<PageMeasure> {
    if (page.viewportSize()?.width !== widthPx) await page.setViewportSize({ width: widthPx, height: 600 });
    await page.setContent(html, { waitUntil: 'load' });
    const measure = (await page.evaluate(`document.fonts.ready.then(() => ${MEASURE_PAGE_SCRIPT})`)) as PageMeasure;
    if (!(measure.height > 0)) throw new Error('ChromiumRasterizer: the receipt rendered with zero height');
    return measure;
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private getPage(): Promise<{ page: Page; cdp: CDPSession }> {
    if (!this.page) {
      this.page = (async () => {
        const browser = await chromium.launch({ executablePath: this.options.executablePath ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
        this.browser = browser;
        // A crashed or killed browser must not poison every later receipt: forget it, the next call relaunches.
        browser.on('disconnected', () => {
          if (this.browser === browser) {
            this.browser = null;
            this.page = null;
          }
        });
        const context = await this.browser.newContext({ deviceScaleFactor: 1, javaScriptEnabled: true, offline: true });
        const page = await context.newPage();
        return { page, cdp: await context.newCDPSession(page) };
      })();
      this.page.catch(() => {
        this.page = null;
      });
    }
    return this.page;
  }
}
