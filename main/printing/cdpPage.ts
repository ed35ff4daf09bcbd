// SPDX-License-Identifier: UNLICENSED
// The one thing a receipt rasterizer needs from a browser: a blank page it can send DevTools protocol commands to,
// and word when that page dies. Two transports implement it: Debian's Chromium over its own DevTools pipe
// (chromiumPipe.ts, chromiumRasterizer.ts: browser mode, tests, benchmarks) and Electron's webContents.debugger
// (electronRasterizer.ts: the desktop app). Everything else — fonts, layout, measuring, capturing, checking — is
// shared (cdpRasterizer.ts).

export interface CdpPage {
  /** Send one protocol command (protocol 1.3) to the page; resolves with its result. */
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  /**
   * Call `listener` once when the page can no longer answer: its renderer crashed or was killed, or its window or
   * browser went away. Called at once if that already happened.
   */
  onGone(listener: (reason: string) => void): void;
  /** Release the page. Never throws and never waits on a hung renderer. */
  close(): Promise<void>;
}

/** Opens a new blank page (about:blank) each time it is called. */
export type CdpPageOpener = () => Promise<CdpPage>;

/** The once-only "gone" signal both transports hand to CdpPage.onGone. */
export class GoneSignal {
  private reason: string | null = null;
  private readonly listeners: ((reason: string) => void)[] = [];

  get isGone(): boolean {
    return this.reason !== null;
  }

  fire(reason: string): void {
    if (this.reason !== null) return;
    this.reason = reason;
    for (const listener of this.listeners.splice(0)) listener(reason);
  }

  subscribe(listener: (reason: string) => void): void {
    if (this.reason !== null) listener(this.reason);
    else this.listeners.push(listener);
  }
}
