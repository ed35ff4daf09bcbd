// SPDX-License-Identifier: UNLICENSED
// What happens to the till's window when its page goes wrong. Everything is logged (the packaged app has no console,
// so the log file is the only witness). A renderer that crashed is reloaded — the cashier's sale is in main (the
// ledger commits a document before the screen hears of it), so a reload loses at most the basket being rung up —
// but only a few times in a row: a page that crashes on load would otherwise spin, burning CPU and filling the log,
// with a blank screen the cashier cannot leave in kiosk mode. Past the limit the shell is told to give up (it tells
// the user and quits, which frees the single-instance lock so the till can be started again).
import { errorFields, type Logger } from '../log/logger';

/** At most `max` reloads within any `windowMs`. */
export class ReloadLimiter {
  readonly #times: number[] = [];

  constructor(
    readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a reload if one is allowed now. */
  tryReload(): boolean {
    const t = this.now();
    while (this.#times.length > 0 && t - this.#times[0]! >= this.windowMs) this.#times.shift();
    if (this.#times.length >= this.max) return false;
    this.#times.push(t);
    return true;
  }
}

export const RENDERER_RELOADS = { max: 3, windowMs: 60_000 } as const;

/** The renderer's exit as Electron reports it (RenderProcessGoneDetails). */
export interface GoneDetails {
  readonly reason: string;
  readonly exitCode: number;
}

/** The parts of BrowserWindow and its WebContents used here. */
export interface WatchedWindow {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  readonly webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: GoneDetails) => void): unknown;
    on(
      event: 'did-fail-load',
      listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
    ): unknown;
    on(event: 'preload-error', listener: (event: unknown, preloadPath: string, error: unknown) => void): unknown;
  };
}

export interface WindowHealthOptions {
  readonly log: Logger;
  readonly limiter: ReloadLimiter;
  /** False while the app quits: a renderer ending then is not a crash to recover from. */
  readonly mayReload: () => boolean;
  readonly reload: () => void;
  /** The renderer keeps crashing: the shell tells the user and ends. */
  readonly giveUp: (details: GoneDetails) => void;
}

export function watchWindowHealth(win: WatchedWindow, options: WindowHealthOptions): void {
  const { log } = options;
  win.webContents.on('render-process-gone', (_event, details) => {
    const fields = { reason: details.reason, exitCode: details.exitCode };
    if (details.reason === 'clean-exit' || !options.mayReload()) {
      log.info('window.renderer-gone', fields);
      return;
    }
    if (options.limiter.tryReload()) {
      log.error('window.renderer-gone', { ...fields, action: 'reload' });
      options.reload();
    } else {
      log.error('window.renderer-crash-loop', { ...fields, maxReloads: options.limiter.max });
      options.giveUp(details);
    }
  });
  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    log.warn('window.load-failed', { errorCode, errorDescription, url: validatedURL.slice(0, 200), isMainFrame });
  });
  win.webContents.on('preload-error', (_event, preloadPath, error) => {
    // without its preload the page has no window.dukkan: the till cannot work, and this line is why
    log.error('window.preload-failed', { preloadPath, ...errorFields(error) });
  });
  win.on('unresponsive', () => log.warn('window.unresponsive', {}));
  win.on('responsive', () => log.info('window.responsive', {}));
}
