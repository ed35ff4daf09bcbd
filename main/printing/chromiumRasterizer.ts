// SPDX-License-Identifier: UNLICENSED
// Headless Chromium (playwright-core over the system /usr/bin/chromium) as the receipt rasterizer for browser mode,
// tests and benchmarks: the shared CDP rasterizer (cdpRasterizer.ts) over a Playwright CDPSession. Kept warm: one
// browser and one page, launched on first use and reused, because a cold launch costs over a second and reloading
// fonts per receipt is what makes other raster POS slow. A browser that dies is relaunched on
// the next receipt.
import { chromium, type Browser } from 'playwright-core';
import { GoneSignal, type CdpPage } from './cdpPage';
import { CdpRasterizer, type CdpRasterizerOptions } from './cdpRasterizer';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ChromiumRasterizerOptions extends CdpRasterizerOptions {
  readonly executablePath?: string;
  /** The browser's environment (default: this process's). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * The scale factor pages start with, as a HiDPI display would give them (default 1). The rasterizer renders at 1
   * whatever this is; tests set 2 to prove it.
   */
  readonly deviceScaleFactor?: number;
}

export class ChromiumRasterizer extends CdpRasterizer {
  private readonly chromium: ChromiumProcess;

  constructor(options: ChromiumRasterizerOptions = {}) {
    const launcher = new ChromiumProcess(options);
    super(() => launcher.openPage(), options);
    this.chromium = launcher;
  }

  override async close(): Promise<void> {
    await super.close();
    await this.chromium.close();
  }
}

/** One Chromium, launched when a page is first needed and again after it died. */
class ChromiumProcess {
  private browser: Promise<Browser> | null = null;

  constructor(private readonly options: ChromiumRasterizerOptions) {}

  async openPage(): Promise<CdpPage> {
    const options = { deviceScaleFactor: this.options.deviceScaleFactor ?? 1 };
    const launched = this.launch();
    const browser = await launched;
    try {
      return await openPlaywrightCdpPage(browser, options);
    } catch {
      // A browser killed a moment ago can still look connected; one that cannot open a page is replaced.
      if (this.browser === launched) this.browser = null;
      void browser.close().catch(() => undefined);
      return openPlaywrightCdpPage(await this.launch(), options);
    }
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    const browser = await pending?.catch(() => null); // a launch in progress finishes first, so its browser is closed too
    await browser?.close();
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const launching = chromium.launch({
        executablePath: this.options.executablePath ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
        ...(this.options.env ? { env: this.options.env } : {}),
      });
      this.browser = launching;
      launching.then(
        // a crashed or killed browser must not poison every later receipt: forget it, the next page relaunches
        (browser) => browser.on('disconnected', () => this.browser === launching && (this.browser = null)),
        () => this.browser === launching && (this.browser = null),
      );
    }
    return this.browser;
  }
}

/**
 * A CdpPage in its own browser context of `browser` (no network, its own renderer process, so a hung or crashed
 * receipt page cannot take the next one with it).
 */
export async function openPlaywrightCdpPage(browser: Browser, options: { readonly deviceScaleFactor: number }): Promise<CdpPage> {
  const context = await browser.newContext({ deviceScaleFactor: options.deviceScaleFactor, offline: true, javaScriptEnabled: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // CDPSession types each method's parameters; the shared rasterizer speaks the protocol by name
    const send = cdp.send.bind(cdp) as (method: string, params?: Record<string, unknown>) => Promise<unknown>;
    const gone = new GoneSignal();
    const browserGone = (): void => gone.fire('browser gone');
    page.on('crash', () => gone.fire('renderer crashed'));
    page.on('close', () => gone.fire('page closed'));
    browser.on('disconnected', browserGone);
    return {
      send,
      onGone: (listener) => gone.subscribe(listener),
      close: async () => {
        browser.off('disconnected', browserGone);
        await context.close().catch(() => undefined);
      },
    };
  } catch (e) {
    await context.close().catch(() => undefined);
    throw e;
  }
}
