// SPDX-License-Identifier: UNLICENSED
// What only the Electron transport has: its window and session, the capturePage bug it replaces, and a window that
// goes away between receipts. Electron's calls are answered by test/printer/electronStandIn.ts over real Chromium;
// the shared contract (width, tall receipts, crashes, hangs) is in rasterizerContract.test.ts.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../e2e/till';
import { ElectronRasterizer, RECEIPT_PARTITION } from '../../main/printing/electronRasterizer';
import { decodePng } from '../../main/printing/png';
import { receiptDocument } from '../../main/printing/receiptJob';
import { ElectronStandIn } from './electronStandIn';
import { template } from './printingHarness';
import { sampleReceipt } from './receiptFixtures';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(() => browser?.close());

const html = receiptDocument(sampleReceipt(), 384, template).html;

describe('ElectronRasterizer', () => {
  it('renders in a hidden offscreen window of its own in-memory session: sandboxed, no Node, permissions denied, network off', async () => {
    const electron = new ElectronStandIn(browser);
    const rasterizer = new ElectronRasterizer(electron);
    try {
      await rasterizer.rasterize(html, 384);
      expect(electron.windows).toHaveLength(1);
      const { options, webContents } = electron.windows[0]!;
      expect(options.show).toBe(false);
      expect(options.webPreferences).toMatchObject({
        offscreen: { deviceScaleFactor: 1 },
        partition: 'dukkan-receipt',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        zoomFactor: 1,
      });
      expect(options.webPreferences!.preload).toBeUndefined();
      expect(RECEIPT_PARTITION).not.toMatch(/^persist:/);
      expect(webContents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

      const session = electron.session(RECEIPT_PARTITION);
      expect(webContents.session).toBe(session);
      const granted: boolean[] = [];
      session.permissionRequest!(webContents, 'media', (g) => granted.push(g));
      session.permissionRequest!(webContents, 'clipboard-read', (g) => granted.push(g));
      expect(granted).toEqual([false, false]);
      expect(session.permissionCheck!(webContents, 'notifications')).toBe(false);
      expect(session.offline).toBe(true);
      const cancelled = (url: string) => new Promise<boolean>((resolve) => session.beforeRequest!.listener({ url }, (r) => resolve(r.cancel)));
      for (const url of ['http://127.0.0.1:9100/', 'https://fonts.example/a.ttf', 'file:///etc/passwd', 'wss://x.example/']) {
        expect(session.beforeRequest!.filter.urls.some((p) => url.startsWith(p.slice(0, p.indexOf('*'))))).toBe(true);
        expect(await cancelled(url)).toBe(true);
      }
    } finally {
      await rasterizer.close();
    }
    expect(electron.windows[0]!.isDestroyed()).toBe(true); // close() destroys the window
  });

  it('control: capturePage, which the rasterizer used before, returns a 2× wide bitmap on a 200 % display', async () => {
    const electron = new ElectronStandIn(browser, 2);
    const rasterizer = new ElectronRasterizer(electron);
    try {
      const { bitmap } = await rasterizer.rasterize(html, 384);
      expect(bitmap.width).toBe(384);
      const image = await electron.windows[0]!.webContents.capturePage({ x: 0, y: 0, width: 384, height: 600 });
      expect(decodePng(image.toPNG()).width).toBe(768);
    } finally {
      await rasterizer.close();
    }
  });

  it('a window destroyed between receipts (closed from outside, renderer gone) is replaced by a fresh one', async () => {
    const electron = new ElectronStandIn(browser);
    const rasterizer = new ElectronRasterizer(electron);
    try {
      const first = await rasterizer.rasterize(html, 384);
      electron.windows[0]!.destroy();
      const second = await rasterizer.rasterize(html, 384);
      expect(electron.windows).toHaveLength(2);
      expect(electron.windows[1]!.isDestroyed()).toBe(false);
      expect(Buffer.from(second.bitmap.data).equals(Buffer.from(first.bitmap.data))).toBe(true);
    } finally {
      await rasterizer.close();
    }
  });

  it('a window that cannot be created or loaded fails as open-failed and leaves no window behind', async () => {
    const electron = new ElectronStandIn(browser);
    const broken = {
      BrowserWindow: class extends electron.BrowserWindow {
        constructor(options: ConstructorParameters<typeof electron.BrowserWindow>[0]) {
          super(options);
          this.webContents.loadURL = () => Promise.reject(new Error('load refused'));
        }
      },
    };
    const rasterizer = new ElectronRasterizer(broken);
    await expect(rasterizer.rasterize(html, 384)).rejects.toMatchObject({
      name: 'RasterizeError',
      kind: 'open-failed',
      message: expect.stringMatching(/load refused/),
    });
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]!.isDestroyed()).toBe(true);
    await rasterizer.close();
  });
});
