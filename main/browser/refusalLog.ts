// SPDX-License-Identifier: UNLICENSED
// Log lines for refused browser-mode requests, rate-limited. Anything on the computer can send requests without
// the token (a web page through DNS rebinding, a port scanner, a stuck old tab) — about 190 MB of log an hour
// unthrottled. Each refusal kind writes at most `perWindow` lines per window; the rest are counted and told in one
// line when the next window opens (or the server closes), so the log shows that something knocked, and how often,
// without the noise (docs/security.md "Browser mode").
import type { LogFields, Logger } from '../log/logger';

export interface RefusalLogOptions {
  /** Lines per refusal kind per window. Default 20. */
  readonly perWindow?: number;
  /** Default one minute. */
  readonly windowMs?: number;
  readonly now?: () => number;
}

interface Window {
  start: number;
  written: number;
  suppressed: number;
}

export class RefusalLog {
  private readonly windows = new Map<string, Window>();
  private readonly perWindow: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(
    private readonly log: Logger,
    options: RefusalLogOptions = {},
  ) {
    this.perWindow = options.perWindow ?? 20;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** A refusal of kind `event`: written, or counted when this window already has its lines. */
  warn(event: string, fields: LogFields): void {
    const now = this.now();
    let w = this.windows.get(event);
    if (!w || now - w.start >= this.windowMs) {
      if (w) this.summary(event, w);
      w = { start: now, written: 0, suppressed: 0 };
      this.windows.set(event, w);
    }
    if (w.written < this.perWindow) {
      w.written++;
      this.log.warn(event, fields);
    } else w.suppressed++;
  }

  /** Writes the counts not told yet (the server is closing). */
  flush(): void {
    for (const [event, w] of this.windows) this.summary(event, w);
    this.windows.clear();
  }

  private summary(event: string, w: Window): void {
    if (w.suppressed > 0) this.log.warn('browser.refusals-suppressed', { refusal: event, count: w.suppressed, windowMs: this.windowMs });
    w.suppressed = 0;
  }
}
