// SPDX-License-Identifier: UNLICENSED
// Debian's Chromium, headless, driven over the DevTools protocol on the pipe it opens with --remote-debugging-pipe:
// file descriptor 3 carries commands in, 4 carries replies and events out, each message one JSON text ended by a NUL
// byte. Browser mode's receipt rasterizer needs four commands on one page (cdpPage.ts), so it speaks the protocol
// itself instead of through a test driver: Playwright follows the page's frames, contexts and console (its Page and
// Runtime domains on) and keeps an AsyncLocalStorage for every call, which cost the till's main thread ~4 ms a sale
// and its receipt (BENCHMARKS.md, "A long day").
//
// One page per browser context, each context disposed with its page, so a receipt page shares nothing with the
// next. The browser runs as a process group of its own in a throwaway profile folder; closing it, or this process
// exiting, kills the group and removes the folder. A till killed outright leaves the folder (the browser exits by
// itself when its pipe closes): the next launch removes those whose process is gone.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { GoneSignal, type CdpPage } from './cdpPage';

/**
 * Switches for a browser that only renders receipts: nothing in the background (no updates, sync, field trials,
 * first-run screens), no keyring (a password store of its own), no timers throttled in pages it thinks are hidden,
 * no scrollbars in a capture. The same set Playwright gives Chromium, where it matters to a page that renders.
 */
export const RECEIPT_BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-search-engine-choice-screen',
  '--disable-features=PaintHolding,OptimizationHints,MediaRouter,NetworkTimeServiceQuerying,DestroyProfileOnBrowserClose',
  // screenshots from a surface of their own: what Playwright's captures (and this project's pixel tests) rest on
  '--enable-features=CDPScreenshotNewSurface',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-service-autorun',
  '--password-store=basic',
  '--use-mock-keychain',
];

export interface ChromiumLaunchOptions {
  readonly executablePath?: string;
  /** Extra switches after RECEIPT_BROWSER_ARGS. */
  readonly args?: readonly string[];
  /** The browser's environment (default: this process's). */
  readonly env?: Readonly<Record<string, string>>;
}

interface Pending {
  readonly method: string;
  readonly sessionId: string | undefined;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly sessionId?: string;
  readonly params?: Record<string, unknown>;
  readonly result?: unknown;
  readonly error?: { readonly message?: string };
}

/** Last bytes of the browser's stderr kept for an error message when it fails to start. */
const STDERR_TAIL = 4096;
/** Profile folders are named by the process that launched the browser: `dukkan-chromium-<pid>-<random>`. */
const PROFILE_PREFIX = 'dukkan-chromium-';
const PROFILE_NAME = /^dukkan-chromium-(\d+)-/;
const CLOSE_GRACE_MS = 3000;
const PAGE_CLOSE_WAIT_MS = 2000;

export class ChromiumPipe {
  /** Fires once, when the browser process exits or its pipe closes. */
  readonly gone = new GoneSignal();
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Per page session: called with each event the page sends, and with null when the session ends. */
  private readonly sessions = new Map<string, (method: string | null, params: Record<string, unknown>) => void>();
  private readonly exited: Promise<void>;
  private readonly killOnExit = (): void => this.kill();
  private stderrTail = '';
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly child: ChildProcess,
    private readonly input: Writable,
    output: Readable,
    private readonly profileDir: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code, signal) => this.lost(`browser exited (${signal ?? `code ${code}`})`));
    child.once('error', (e) => this.lost(`browser failed: ${e.message}`));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL)));
    input.on('error', () => this.lost('browser pipe closed'));
    output.on('error', () => this.lost('browser pipe closed'));
    output.on('close', () => this.lost('browser pipe closed'));
    let partial: Buffer[] = [];
    output.on('data', (chunk: Buffer) => {
      let start = 0;
      for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
        partial.push(chunk.subarray(start, end));
        const text = partial.length === 1 ? partial[0]!.toString('utf8') : Buffer.concat(partial).toString('utf8');
        partial = [];
        start = end + 1;
        let message: Message;
        try {
          message = JSON.parse(text) as Message;
        } catch {
          // a browser that garbles the protocol cannot be trusted with the next receipt either: it is replaced
          this.lost('browser sent an unreadable message');
          this.kill();
          return;
        }
        this.dispatch(message);
      }
      if (start < chunk.length) partial.push(chunk.subarray(start));
    });
    process.once('exit', this.killOnExit);
  }

  /** Starts the browser and waits until it answers on the pipe. */
  static async launch(options: ChromiumLaunchOptions = {}): Promise<ChromiumPipe> {
    removeOrphanedProfiles();
    const profileDir = mkdtempSync(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
    const child = spawn(
      options.executablePath ?? '/usr/bin/chromium',
      [...RECEIPT_BROWSER_ARGS, ...(options.args ?? []), `--user-data-dir=${profileDir}`, '--remote-debugging-pipe', '--no-startup-window'],
      // its own process group, so closing kills the renderers and the zygote with it
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], env: options.env ?? process.env, detached: true },
    );
    const browser = new ChromiumPipe(child, child.stdio[3] as Writable, child.stdio[4] as Readable, profileDir);
    try {
      // the first answer says the pipe works; crashes and closed pages come on each page's session unasked
      await browser.send('Browser.getVersion');
    } catch (e) {
      await browser.close();
      throw new Error(`Chromium did not start: ${(e as Error).message}${browser.stderrTail ? `\n${browser.stderrTail.trim()}` : ''}`, { cause: e });
    }
    return browser;
  }

  /** The browser's process id (tests kill it). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends one command to the browser, or to a page when `sessionId` is given. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<unknown> {
    if (this.gone.isGone) return Promise.reject(new Error(`${method}: browser gone`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, sessionId, resolve, reject });
      this.input.write(`${JSON.stringify(sessionId === undefined ? { id, method, params } : { id, method, params, sessionId })}\0`);
    });
  }

  /**
   * A blank page in a browser context of its own, offline, starting at `deviceScaleFactor` (a HiDPI display's;
   * the rasterizer renders at 1 whatever this is).
   */
  async newPage(options: { readonly deviceScaleFactor?: number } = {}): Promise<CdpPage> {
    const { browserContextId } = (await this.send('Target.createBrowserContext', { disposeOnDetach: true })) as { browserContextId: string };
    const dispose = (): Promise<unknown> => this.send('Target.disposeBrowserContext', { browserContextId }).catch(() => undefined);
    try {
      const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank', browserContextId })) as { targetId: string };
      const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      const gone = new GoneSignal();
      // Chromium reports a page's crash on its session (Inspector.targetCrashed) without being asked to
      this.sessions.set(sessionId, (method, params) => {
        if (method === null) gone.fire(String(params.reason));
        else if (method === 'Inspector.targetCrashed') gone.fire('renderer crashed');
      });
      this.gone.subscribe((reason) => gone.fire(reason));
      const send = (method: string, params?: Record<string, unknown>): Promise<unknown> => this.send(method, params, sessionId);
      // a receipt carries everything it shows: the page may not reach any address (emulation needs the domain on)
      await send('Network.enable');
      await send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      const scale = options.deviceScaleFactor ?? 1;
      if (scale !== 1) await send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: scale, mobile: false });
      return {
        send,
        onGone: (listener) => gone.subscribe(listener),
        close: async () => {
          // a hung renderer may never let its context go: waited for a little, never more
          await Promise.race([dispose(), new Promise((resolve) => setTimeout(resolve, PAGE_CLOSE_WAIT_MS).unref())]);
          this.endSession(sessionId, 'page closed');
        },
      };
    } catch (e) {
      await dispose();
      throw e;
    }
  }

  /** Closes the browser (killing it if it does not go within a few seconds) and removes its profile folder. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (!this.gone.isGone) {
        void this.send('Browser.close').catch(() => undefined);
        const late = setTimeout(() => this.kill(), CLOSE_GRACE_MS);
        await this.exited;
        clearTimeout(late);
      }
      this.kill(); // the group's stragglers
      process.off('exit', this.killOnExit);
      await rm(this.profileDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    })();
    return this.closing;
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined) {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message ?? 'failed'}`));
      else pending.resolve(message.result);
      return;
    }
    if (message.sessionId !== undefined && message.method) {
      this.sessions.get(message.sessionId)?.(message.method, message.params ?? {});
      return;
    }
    if (message.method === 'Target.detachedFromTarget') this.endSession(String(message.params?.sessionId), 'page closed');
  }

  /** A page's session ended: its commands still waiting fail, and the page is gone. */
  private endSession(sessionId: string, reason: string): void {
    const listener = this.sessions.get(sessionId);
    if (!listener) return;
    this.sessions.delete(sessionId);
    for (const [id, pending] of this.pending) {
      if (pending.sessionId !== sessionId) continue;
      this.pending.delete(id);
      pending.reject(new Error(`${pending.method}: ${reason}`));
    }
    listener(null, { reason });
  }

  private lost(reason: string): void {
    if (this.gone.isGone) return;
    this.gone.fire(reason);
    for (const pending of this.pending.values()) pending.reject(new Error(`${pending.method}: ${reason}`));
    this.pending.clear();
    this.sessions.clear();
  }

  private kill(): void {
    const pid = this.child.pid;
    if (pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        this.child.kill('SIGKILL');
      }
    }
    if (this.closing === null) rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/** Profile folders left by a process that no longer runs (one killed before it could remove its own). */
function removeOrphanedProfiles(): void {
  let names: string[];
  try {
    names = readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = PROFILE_NAME.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    try {
      rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    } catch {
      // another user's, or going away already: not this launch's business
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}
