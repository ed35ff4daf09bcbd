// SPDX-License-Identifier: UNLICENSED
// The desktop app's rasterizer: an offscreen Electron BrowserWindow (webPreferences.offscreen) kept alive and reused,
// loading each receipt as a data: URL and capturing it with webContents.capturePage().
//
// UNTESTED: electron has no binary on the development machine, so this file is only type-checked against electron's
// typings. The Chromium rasterizer (chromiumRasterizer.ts) is the tested implementation of the same contract; the
// two must agree because both are Chromium laying out the same self-contained HTML with device scale factor 1.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { decodePng } from './png';
import { MEASURE_PAGE_SCRIPT, type PageMeasure, type RasterizedReceipt, type ReceiptRasterizer } from './rasterizer';

/** The part of the `electron` module used here. */
export interface ElectronWindowFactory {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
}

export class ElectronRasterizer implements ReceiptRasterizer {
  private window: BrowserWindow | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** Pass the `electron` module from the main process (imported there), so this file loads anywhere. */
  constructor(private readonly electron: ElectronWindowFactory) {}

  rasterize(html: string, widthPx: number): Promise<RasterizedReceipt> {
    const work = async (): Promise<RasterizedReceipt> => {
      const win = this.getWindow(widthPx);
      win.setContentSize(widthPx, 600);
      await win.webContents.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      const measure = (await win.webContents.executeJavaScript(`document.fonts.ready.then(() => ${MEASURE_PAGE_SCRIPT})`)) as PageMeasure;
      win.setContentSize(widthPx, measure.height);
      // Let the resized page paint before capturing it.
      await win.webContents.executeJavaScript('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))');
      // capturePage's raw bitmap layout is platform-dependent (toBitmap docs); PNG is not, so decode that.
      const image = await win.webContents.capturePage({ x: 0, y: 0, width: widthPx, height: measure.height });
      const bitmap = decodePng(image.toPNG());
      if (bitmap.width !== widthPx) throw new Error(`ElectronRasterizer: captured ${bitmap.width} px, expected ${widthPx} (zoom or scale factor is not 1)`);
      return { bitmap, qrBox: measure.qrBox };
    };
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.window?.destroy();
    this.window = null;
  }

  private getWindow(widthPx: number): BrowserWindow {
    if (!this.window || this.window.isDestroyed()) {
      this.window = new this.electron.BrowserWindow({
        show: false,
        width: widthPx,
        height: 600,
        useContentSize: true,
        webPreferences: {
          offscreen: { deviceScaleFactor: 1 },
          javascript: true,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          zoomFactor: 1,
          // hidden windows are otherwise throttled and may not paint before capturePage
          backgroundThrottling: false,
        },
      });
      // A receipt document has a CSP forbidding fetches; refuse navigation and new windows anyway.
      this.window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      this.window.webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    }
    return this.window;
  }
}
