// SPDX-License-Identifier: UNLICENSED
// Headless Chromium (Debian's /usr/bin/chromium) as the receipt rasterizer for browser mode, tests and benchmarks:
// the shared CDP rasterizer (cdpRasterizer.ts) over the browser's own DevTools pipe (chromiumPipe.ts). Kept warm: one
// browser and one page, launched on first use and reused, because a cold launch costs over a second and reloading
// fonts per receipt is what makes other raster POS slow. A browser that dies is relaunched on the next receipt.
import type { CdpPage } from './cdpPage';
import { CdpRasterizer, type CdpRasterizerOptions } from './cdpRasterizer';
import { ChromiumPipe, type ChromiumLaunchOptions } from './chromiumPipe';

export interface ChromiumRasterizerOptions extends CdpRasterizerOptions, ChromiumLaunchOptions {
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
  private browser: Promise<ChromiumPipe> | null = null;

  constructor(private readonly options: ChromiumRasterizerOptions) {}

  async openPage(): Promise<CdpPage> {
    const page = { deviceScaleFactor: this.options.deviceScaleFactor ?? 1 };
    const launched = this.launch();
    const browser = await launched;
    try {
      return await browser.newPage(page);
    } catch {
      // a browser killed a moment ago may not have said so yet; one that cannot open a page is replaced
      if (this.browser === launched) this.browser = null;
      void browser.close();
      return (await this.launch()).newPage(page);
    }
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    const browser = await pending?.catch(() => null); // a launch in progress finishes first, so its browser is closed too
    await browser?.close();
  }

  private launch(): Promise<ChromiumPipe> {
    if (!this.browser) {
      const launching = ChromiumPipe.launch(this.options);
      this.browser = launching;
      launching.then(
        // a crashed or killed browser must not poison every later receipt: forget it, the next page relaunches
        (browser) =>
          browser.gone.subscribe(() => {
            if (this.browser === launching) this.browser = null;
            void browser.close(); // its profile folder
          }),
        () => this.browser === launching && (this.browser = null),
      );
    }
    return this.browser;
  }
}
