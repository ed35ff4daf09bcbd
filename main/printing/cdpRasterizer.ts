// SPDX-License-Identifier: UNLICENSED
// The receipt rasterizer, once, over the DevTools protocol (cdpPage.ts); the Chromium and Electron rasterizers only
// supply the page. Per receipt: swap the receipt into the long-lived page (receiptHostPage.ts), measure it, size the
// emulated viewport to it at device scale factor 1, capture exactly width × height with an explicit clip at scale 1,
// check the PNG is that size, and decode it (here, or in a worker thread on the print path: receiptRaster.ts).
//
// Why the protocol and not webContents.capturePage(): capturePage on an offscreen Electron window returns a bitmap
// scaled by the display's scale factor (2× wide at 200 %), and only what fits the window. Device metrics override
// with deviceScaleFactor 1 plus Page.captureScreenshot with a clip at scale 1 and captureBeyondViewport gives 1 px
// per printer dot whatever the display, and the whole receipt however tall.
//
// A print job must never hang the queue: every step has a time limit, and a renderer that crashes or a window that
// is destroyed fails the step at once. Either way the page is thrown away and the next receipt opens a fresh one.
// Calls are serialised: one page renders one receipt at a time.
import type { CdpPage, CdpPageOpener } from './cdpPage';
import { decodePng, pngSize } from './png';
import { RasterizeError } from './rasterizeError';
import type { CapturedReceipt, CapturedStrip, RasterizedReceipt, ReceiptRasterizer, StripCuts } from './rasterizer';
import { fontFaceCss, shippedReceiptFonts, type LoadedFontFace } from './receiptFonts';
import { facesNotLoaded, hostPageHtml, showReceiptScript, writeHostPageScript, type FaceStatus, type ReceiptMeasure } from './receiptHostPage';

export interface CdpRasterizerOptions {
  /** Longest one step may take (load the receipt, resize, capture). Default 10 s. */
  readonly stepTimeoutMs?: number;
  /** Longest opening a page may take, starting the browser and loading the fonts included. Default 30 s. */
  readonly openTimeoutMs?: number;
  /** The faces the page declares (default: the app's fonts). Tests give fewer to prove receipts use only these. */
  readonly fonts?: readonly LoadedFontFace[];
}

const DEFAULT_STEP_TIMEOUT_MS = 10_000;
const DEFAULT_OPEN_TIMEOUT_MS = 30_000;

interface LivePage {
  readonly page: CdpPage;
  goneReason: string | null;
  readonly goneListeners: Set<(reason: string) => void>;
  /** The emulated viewport, to skip resizing when the next receipt has the same size. */
  width: number;
  height: number;
}

interface EvaluateResult {
  readonly result?: { readonly value?: unknown };
  readonly exceptionDetails?: { readonly text?: string; readonly exception?: { readonly description?: string } };
}

export class CdpRasterizer implements ReceiptRasterizer {
  private live: LivePage | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private fontCss: string | null = null;
  private readonly stepTimeoutMs: number;
  private readonly openTimeoutMs: number;

  constructor(
    private readonly openPage: CdpPageOpener,
    private readonly options: CdpRasterizerOptions = {},
  ) {
    this.stepTimeoutMs = options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
    this.openTimeoutMs = options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
  }

  /** Open the page and load the fonts now instead of on the first receipt (call at startup). */
  warmUp(): Promise<void> {
    return this.serialised(async () => {
      await this.page();
    });
  }

  /** Render a self-contained receipt document exactly `widthPx` wide and as tall as its content. */
  async rasterize(html: string, widthPx: number): Promise<RasterizedReceipt> {
    const shot = await this.capture(html, widthPx);
    const bitmap = decodePng(shot.png);
    if (bitmap.width !== shot.width || bitmap.height !== shot.height) throw wrongSize(bitmap, shot);
    return { bitmap, qrBox: shot.qrBox };
  }

  /** The same, left as the captured PNG: the print path decodes it in a worker thread (receiptJob.ts). */
  capture(html: string, widthPx: number): Promise<CapturedReceipt> {
    return this.withPage(async (live) => {
      const measure = await this.show(live, html, widthPx);
      // A viewport exactly the receipt's size captures fastest: a taller one, kept to skip resizes, measured ~15 ms
      // slower per capture than the ~10 ms resize it saves. captureBeyondViewport (~4 ms) takes the whole clip even
      // where the window is smaller than the receipt (Electron's offscreen window is 600 px tall).
      await this.resize(live, widthPx, measure.height);
      const png = await this.shoot(live, widthPx, 0, measure.height);
      return { png, width: widthPx, height: measure.height, qrBox: measure.qrBox };
    });
  }

  /**
   * The same render in horizontal strips, top to bottom, each handed to `onStrip` as soon as it is captured: the
   * print path sends a strip's bands while the next is captured (receiptStream.ts). One layout, one viewport the
   * receipt's size; only the clip moves, so every strip's pixels are those rows of the whole capture.
   */
  captureStrips(html: string, widthPx: number, cuts: StripCuts, onStrip: (strip: CapturedStrip) => void): Promise<void> {
    return this.withPage(async (live) => {
      const measure = await this.show(live, html, widthPx);
      await this.resize(live, widthPx, measure.height);
      const inside = [...new Set(cuts(measure))].filter((row) => Number.isInteger(row) && row > 0 && row < measure.height).sort((a, b) => a - b);
      let top = 0;
      for (const bottom of [...inside, measure.height]) {
        const png = await this.shoot(live, widthPx, top, bottom - top);
        onStrip({ png, width: widthPx, top, height: bottom - top, last: bottom === measure.height, qrBox: measure.qrBox });
        top = bottom;
      }
    });
  }

  /** The same receipt as a one-page PDF exactly as wide and tall as the receipt (vector text and QR, fonts embedded). */
  pdf(html: string, widthPx: number): Promise<Buffer> {
    return this.withPage(async (live) => {
      const measure = await this.show(live, html, widthPx);
      const pdf = (await this.step(
        live,
        'printing the receipt to PDF',
        live.page.send('Page.printToPDF', {
          // inches at 96 CSS px per inch, as Chromium's print layout counts them
          paperWidth: widthPx / 96,
          paperHeight: measure.height / 96,
          marginTop: 0,
          marginBottom: 0,
          marginLeft: 0,
          marginRight: 0,
          printBackground: true,
        }),
      )) as { data: string };
      return Buffer.from(pdf.data, 'base64');
    });
  }

  async close(): Promise<void> {
    const live = this.live;
    this.live = null;
    await live?.page.close();
  }

  /** Runs `work` on the live page (opening one if needed), serialised; throws away the page unless the receipt itself was at fault. */
  private withPage<T>(work: (live: LivePage) => Promise<T>): Promise<T> {
    return this.serialised(async () => {
      const live = await this.page();
      try {
        return await work(live);
      } catch (e) {
        const error = this.typed(e, live, 'rendering the receipt');
        if (error.kind !== 'empty-receipt') this.discard(live);
        throw error;
      }
    });
  }

  /** Rows top … top + height of the laid-out page as a PNG, checked to be exactly that size. */
  private async shoot(live: LivePage, width: number, top: number, height: number): Promise<Uint8Array> {
    const shot = (await this.step(
      live,
      'capturing the receipt',
      live.page.send('Page.captureScreenshot', {
        format: 'png',
        clip: { x: 0, y: top, width, height, scale: 1 },
        captureBeyondViewport: true,
        // the fastest zlib level: lossless all the same, ~6 ms less for a 384×1404 receipt
        optimizeForSpeed: true,
      }),
    )) as { data: string };
    const png = new Uint8Array(Buffer.from(shot.data, 'base64'));
    // the header says the size: a wrong one is caught here, before any decode, and the page is thrown away
    const size = pngSize(png);
    if (size.width !== width || size.height !== height) throw wrongSize(size, { width, height });
    return png;
  }

  private async show(live: LivePage, html: string, widthPx: number): Promise<ReceiptMeasure> {
    // The width first: the page is right to left, so in a wider viewport the receipt would sit off the clip.
    await this.resize(live, widthPx, live.height || 600);
    const measure = (await this.evaluate(live, 'laying out the receipt', showReceiptScript(html))) as ReceiptMeasure;
    if (!(measure.height > 0)) throw new RasterizeError('rasterize.empty-receipt');
    return measure;
  }

  private async resize(live: LivePage, width: number, height: number): Promise<void> {
    if (live.width === width && live.height === height) return;
    await this.step(live, 'sizing the viewport', live.page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }));
    live.width = width;
    live.height = height;
  }

  private async page(): Promise<LivePage> {
    if (this.live && this.live.goneReason === null) return this.live;
    if (this.live) this.discard(this.live);
    const opening = this.openPage();
    let page: CdpPage;
    try {
      page = await deadline(opening, this.openTimeoutMs, 'opening the receipt page');
    } catch (e) {
      opening.then(
        (late) => late.close(),
        () => undefined,
      ); // one that opens after its deadline is closed, not leaked
      throw e instanceof RasterizeError ? e : new RasterizeError('rasterize.open-failed', { detail: (e as Error).message }, { cause: e });
    }
    const live: LivePage = { page, goneReason: null, goneListeners: new Set(), width: 0, height: 0 };
    page.onGone((reason) => {
      live.goneReason = reason;
      for (const listener of [...live.goneListeners]) listener(reason);
    });
    this.live = live;
    try {
      const fonts = this.options.fonts ?? shippedReceiptFonts();
      this.fontCss ??= fontFaceCss(fonts);
      const faces = (await this.evaluate(
        live,
        'loading the receipt fonts',
        writeHostPageScript(hostPageHtml(this.fontCss)),
        this.openTimeoutMs,
      )) as FaceStatus[];
      const missing = facesNotLoaded(faces, fonts);
      if (missing.length > 0) throw new RasterizeError('rasterize.fonts-not-loaded', { fonts: missing.join(', ') });
    } catch (e) {
      this.discard(live);
      throw this.typed(e, live, 'loading the receipt fonts');
    }
    return live;
  }

  private async evaluate(live: LivePage, what: string, expression: string, timeoutMs = this.stepTimeoutMs): Promise<unknown> {
    const reply = (await this.step(
      live,
      what,
      live.page.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }),
      timeoutMs,
    )) as EvaluateResult;
    if (reply.exceptionDetails) {
      throw new RasterizeError('rasterize.page-error', {
        step: what,
        detail: reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text ?? 'script failed',
      });
    }
    return reply.result?.value;
  }

  /** `work`, failing with a typed error when it outlasts the step limit or the page dies meanwhile. */
  private step<T>(live: LivePage, what: string, work: Promise<T>, timeoutMs = this.stepTimeoutMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = (error: RasterizeError): void => {
        settle();
        reject(error);
      };
      const onGone = (reason: string): void => fail(new RasterizeError('rasterize.renderer-gone', { step: what, reason }));
      const timer = setTimeout(() => fail(new RasterizeError('rasterize.timeout', { step: what, ms: timeoutMs })), timeoutMs);
      const settle = (): void => {
        clearTimeout(timer);
        live.goneListeners.delete(onGone);
      };
      if (live.goneReason !== null) return onGone(live.goneReason);
      live.goneListeners.add(onGone);
      work.then(
        (value) => {
          settle();
          resolve(value);
        },
        (e: unknown) => fail(this.typed(e, live, what)),
      );
    });
  }

  private typed(e: unknown, live: LivePage, what: string): RasterizeError {
    if (e instanceof RasterizeError) return e;
    const message = e instanceof Error ? e.message : String(e);
    // a command refused because its target just died is the renderer going away, not a page error
    if (live.goneReason !== null) return new RasterizeError('rasterize.renderer-gone', { step: what, reason: live.goneReason }, { cause: e });
    return new RasterizeError('rasterize.page-error', { step: what, detail: message }, { cause: e });
  }

  private discard(live: LivePage): void {
    if (this.live === live) this.live = null;
    void live.page.close();
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function wrongSize(got: { width: number; height: number }, expected: { width: number; height: number }): RasterizeError {
  return new RasterizeError('rasterize.wrong-size', {
    width: got.width,
    height: got.height,
    expectedWidth: expected.width,
    expectedHeight: expected.height,
  });
}

/** `work`, or a 'timeout' RasterizeError once `ms` have passed. */
function deadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RasterizeError('rasterize.timeout', { step: what, ms })), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
