// SPDX-License-Identifier: UNLICENSED
// One rasterizer contract, run against both transports on real Chromium: the browser's own DevTools pipe (browser
// mode, main/printing/chromiumPipe.ts) and the Electron rasterizer through test/printer/electronStandIn.ts
// (webContents.debugger calls answered by a real page). Both start every page on a 200 % display, where capturePage
// gave 2× wide bitmaps; crashes and hangs are real (Page.crash, an endless loop on the renderer's main thread), fired
// just before a chosen command so they land in the middle of a job.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { monoToRgba, toMonochrome, type RgbaBitmap } from '../../app/receipt/monochrome';
import { RECEIPT_CSP } from '../../app/receipt/template/receiptFonts';
import type { CdpPage } from '../../main/printing/cdpPage';
import { CdpRasterizer, type CdpRasterizerOptions } from '../../main/printing/cdpRasterizer';
import { ChromiumPipe } from '../../main/printing/chromiumPipe';
import { ElectronRasterizer } from '../../main/printing/electronRasterizer';
import { encodePng } from '../../main/printing/png';
import { PrintError } from '../../main/printing/printError';
import { RasterizeError } from '../../main/printing/rasterizeError';
import { receiptDocument } from '../../main/printing/receiptJob';
import { ReceiptPrinter } from '../../main/printing/receiptPrinter';
import { openRawPrinter } from '../../native/printer/rawPrinter';
import { CHROMIUM_ARGS } from '../e2e/till';
import { decodedImagePng, decodeEscPos } from './escposDecoder';
import { ElectronStandIn, injectRendererFault, type RendererFault } from './electronStandIn';
import { FakeEscPosPrinter } from './fakeEscPosPrinter';
import { decodeQrWithZbar, template } from './printingHarness';
import { longReceipt, sampleReceipt } from './receiptFixtures';

const DISPLAY_SCALE = 2;

interface Rig {
  readonly rasterizer: CdpRasterizer;
  /** Cause `fault` in the page's renderer just before the rasterizer next sends `method`. */
  failNext(method: string, fault: RendererFault): void;
  /** How many pages (windows) the rasterizer has opened so far. */
  pagesOpened(): number;
  /** Evaluate in the newest page, outside the rasterizer. */
  evaluate(expression: string): Promise<unknown>;
}

interface Transport {
  readonly name: string;
  /** A rasterizer whose pages start at `displayScale` (default 2, a 200 % display). */
  rig(browsers: Browsers, options?: CdpRasterizerOptions, displayScale?: number): Rig;
}

/** One Chromium per transport: browser mode's over its pipe, and one Playwright drives for the Electron stand-in. */
interface Browsers {
  readonly pipe: ChromiumPipe;
  readonly playwright: Browser;
}

const pipeTransport: Transport = {
  name: 'Chromium over its DevTools pipe',
  rig({ pipe }, options, displayScale = DISPLAY_SCALE) {
    let armed: { method: string; fault: RendererFault } | null = null;
    const pages: CdpPage[] = [];
    const open = async (): Promise<CdpPage> => {
      const page = await pipe.newPage({ deviceScaleFactor: displayScale });
      pages.push(page);
      const crashed = new Promise((resolve) => page.onGone(resolve));
      return {
        ...page,
        async send(method, params) {
          if (armed?.method === method) {
            const { fault } = armed;
            armed = null;
            await injectRendererFault(page.send, fault, crashed);
          }
          return page.send(method, params);
        },
      };
    };
    return {
      rasterizer: new CdpRasterizer(open, options),
      failNext: (method, fault) => (armed = { method, fault }),
      pagesOpened: () => pages.length,
      evaluate: async (expression) =>
        ((await pages.at(-1)!.send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: unknown } }).result.value,
    };
  },
};

const electronTransport: Transport = {
  name: 'Electron webContents.debugger (stand-in over Chromium)',
  rig({ playwright }, options, displayScale = DISPLAY_SCALE) {
    const electron = new ElectronStandIn(playwright, displayScale);
    return {
      rasterizer: new ElectronRasterizer(electron, options),
      failNext: (method, fault) => electron.failNext(method, fault),
      pagesOpened: () => electron.windows.length,
      evaluate: (expression) => electron.windows.at(-1)!.webContents.evaluate(expression),
    };
  },
};

let browser: Browsers;
beforeAll(async () => {
  const [pipe, playwright] = await Promise.all([ChromiumPipe.launch(), chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })]);
  browser = { pipe, playwright };
});
afterAll(() => Promise.all([browser?.pipe.close(), browser?.playwright.close()]));

async function qrCodesIn(bitmap: RgbaBitmap): Promise<string[]> {
  return decodeQrWithZbar(encodePng(monoToRgba(toMonochrome(bitmap))));
}

function isWhiteRow(bitmap: RgbaBitmap, y: number): boolean {
  for (let x = 0; x < bitmap.width; x++) if (bitmap.data[(y * bitmap.width + x) * 4]! < 128) return false;
  return true;
}

describe.each([pipeTransport, electronTransport])('receipt rasterizer contract: $name', (transport) => {
  let rig: Rig;
  beforeEach(() => {
    rig = transport.rig(browser);
    return () => rig.rasterizer.close();
  });

  it.each([384, 576] as const)('renders %i px wide on a 200 % display, pixel for pixel as on a 100 % one; the QR scans', async (paper) => {
    const model = sampleReceipt();
    const { html } = receiptDocument(model, paper, template);
    const { bitmap } = await rig.rasterizer.rasterize(html, paper);
    expect(bitmap.width).toBe(paper);
    expect(await rig.evaluate('window.devicePixelRatio')).toBe(1);
    // at any other scale Chromium renders at device pixels and resamples to the clip: same size, other pixels
    const plain = transport.rig(browser, {}, 1);
    try {
      const reference = await plain.rasterizer.rasterize(html, paper);
      expect(bitmap.height).toBe(reference.bitmap.height);
      expect(Buffer.from(bitmap.data).equals(Buffer.from(reference.bitmap.data))).toBe(true);
    } finally {
      await plain.rasterizer.close();
    }
    expect(await qrCodesIn(bitmap)).toEqual([model.qr]);
  });

  it('captures a 120-line receipt whole: as tall as its laid-out content, down to the last line and the QR', async () => {
    const model = longReceipt(120);
    const { bitmap, qrBox } = await rig.rasterizer.rasterize(receiptDocument(model, 384, template).html, 384);
    const laidOut = (await rig.evaluate('document.body.getBoundingClientRect().height')) as number;
    expect(bitmap.height).toBe(Math.ceil(laidOut));
    expect(bitmap.height).toBeGreaterThan(4320); // taller than any screen
    // the footer's last text row sits just above the 8 px spacer that ends every receipt: nothing was cut off
    let lastInk = bitmap.height - 1;
    while (lastInk > 0 && isWhiteRow(bitmap, lastInk)) lastInk--;
    expect(lastInk).toBeLessThan(bitmap.height - 8);
    expect(lastInk).toBeGreaterThan(bitmap.height - 40);
    expect(qrBox!.y).toBeGreaterThan(bitmap.height - 700);
    expect(await qrCodesIn(bitmap)).toEqual([model.qr]);
  });

  it('refuses a receipt of zero height, and the next receipt renders in the same page', async () => {
    const empty = rig.rasterizer.rasterize('<!doctype html><html><head><style>body { margin: 0 }</style></head><body></body></html>', 384);
    await expect(empty).rejects.toThrow(RasterizeError);
    await expect(empty).rejects.toMatchObject({ kind: 'empty-receipt', message: expect.stringMatching(/zero height/) });
    const model = sampleReceipt();
    const { bitmap } = await rig.rasterizer.rasterize(receiptDocument(model, 384, template).html, 384);
    expect(await qrCodesIn(bitmap)).toEqual([model.qr]);
    expect(rig.pagesOpened()).toBe(1);
  });

  it('a renderer crash in the middle of a job fails that job with a typed error; the next job gets a fresh page', async () => {
    const model = sampleReceipt();
    const { html } = receiptDocument(model, 384, template);
    const first = await rig.rasterizer.rasterize(html, 384);
    rig.failNext('Page.captureScreenshot', 'crash');
    await expect(rig.rasterizer.rasterize(html, 384)).rejects.toMatchObject({ name: 'RasterizeError', kind: 'renderer-gone' });
    const again = await rig.rasterizer.rasterize(html, 384);
    expect(rig.pagesOpened()).toBe(2);
    expect(Buffer.from(again.bitmap.data).equals(Buffer.from(first.bitmap.data))).toBe(true);
  });

  it('a hung renderer fails the job as a typed timeout and the print queue goes on with a fresh page', async () => {
    const hangRig = transport.rig(browser, { stepTimeoutMs: 3000 });
    const printerDevice = await new FakeEscPosPrinter().start(0);
    try {
      const printer = new ReceiptPrinter({
        printer: openRawPrinter({ address: printerDevice.address }),
        kit: { template, rasterizer: hangRig.rasterizer },
        profile: { paperDots: 384 },
        retryDelaysMs: [],
      });
      await hangRig.rasterizer.warmUp();
      hangRig.failNext('Runtime.evaluate', 'hang'); // the receipt's layout step
      const model = sampleReceipt();
      const hung = await printer.print(model);
      expect(hung.state).toBe('failed');
      expect(hung.error).toBeInstanceOf(PrintError);
      expect(hung.error).toMatchObject({ kind: 'render-failed', retryable: true });
      expect(hung.error!.cause).toMatchObject({
        name: 'RasterizeError',
        kind: 'timeout',
        message: expect.stringMatching(/laying out the receipt did not finish within 3000 ms/),
      });
      const next = await printer.print(model);
      expect(next.state).toBe('printed');
      expect(hangRig.pagesOpened()).toBe(2);
      expect(await decodeQrWithZbar(decodedImagePng(decodeEscPos(printerDevice.jobs().at(-1)!.bytes)))).toEqual([model.qr]);
    } finally {
      await hangRig.rasterizer.close();
      await printerDevice.close();
    }
  });

  it('fetches nothing: a receipt that names URLs (image, stylesheet, font) makes no request', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const hostile =
        `<!doctype html><html><head><style>@import url(${base}/style.css); @font-face { font-family: X; src: url(${base}/font.ttf); } ` +
        `body { margin: 0; font-family: X; background: url(${base}/bg.png); }</style></head>` +
        `<body><p>نص text</p><img src="${base}/pixel.png" width="10" height="10"><link rel="stylesheet" href="${base}/link.css"></body></html>`;
      const { bitmap } = await rig.rasterizer.rasterize(hostile, 384);
      expect(bitmap.height).toBeGreaterThan(0);
      expect(await rig.evaluate(`document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`)).toBe(RECEIPT_CSP);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(requests).toEqual([]);
  });

  it('exports a one-page PDF as wide as the receipt with the app’s fonts embedded', async () => {
    const pdf = await rig.rasterizer.pdf(receiptDocument(sampleReceipt(), 576, template).html, 576);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    expect(text).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+432(\.0+)?\s/); // 576 CSS px = 432 pt
    expect(text).toMatch(/\/FontFile2/); // embedded TrueType programs, not references to installed fonts
    expect(text).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoNaskhArabic-Bold/);
    expect(text).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSans-Regular/);
  });
});
