// SPDX-License-Identifier: UNLICENSED
// How the desktop app ends. Quitting first closes the services (reporting requests in flight finish or are aborted,
// the databases close), then lets Electron quit — but never waits longer than a deadline: a hung close must not leave
// a process holding the single-instance lock, or the till cannot be opened again until someone finds it and kills it.
//
//   starting ──opened()──▶ running ──quit──▶ closing ──closed──▶ done (Electron's quit goes through)
//      │ quit: wait for start-up to end, then close what it opened        │ deadline: log, exit(1)
//      └ failed(): done (the caller exits)
//
// A quit during start-up is held until openApp() returns rather than let through: letting the process end while the
// training terminal is being onboarded or a database opened would be safe for the ledger (SQLite transactions) but
// could leave a half-made keychain entry behind; the deadline still bounds the wait.
// Quitting twice is one quit. Windows' session end (log-off, shutdown) cannot be held at all: closeNow() starts the
// same close and whatever finishes before Windows ends the process is done — committed documents are already durable
// (WAL, synchronous=FULL), so what is lost is at most an unfinished request that the reporting queue sends again.
import { errorFields, type Logger } from '../log/logger';

export type QuitState = 'starting' | 'running' | 'closing' | 'done';

export interface QuitTimer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface QuitSequenceOptions {
  /** Longest wait from the first quit request to the process's end. */
  readonly deadlineMs: number;
  readonly log: Logger;
  /** app.quit(): runs `before-quit` again, which is then let through. */
  readonly quit: () => void;
  /** app.exit(code): ends the process now, no events. */
  readonly exit: (code: number) => void;
  readonly timer?: QuitTimer;
}

export const DEFAULT_QUIT_DEADLINE_MS = 8000;

const realTimer: QuitTimer = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class QuitSequence {
  #state: QuitState = 'starting';
  #quitRequested = false;
  #close: (() => Promise<void>) | null = null;
  #deadline: unknown = null;
  readonly #timer: QuitTimer;

  constructor(private readonly options: QuitSequenceOptions) {
    this.#timer = options.timer ?? realTimer;
  }

  get state(): QuitState {
    return this.#state;
  }

  /** True from the first quit request on: windows should not be reloaded or opened any more. */
  get quitting(): boolean {
    return this.#quitRequested || this.#state === 'closing' || this.#state === 'done';
  }

  /**
   * Start-up finished; `close` is what a quit must close. Returns false when a quit came in meanwhile: the close has
   * begun and the caller must not open windows.
   */
  opened(close: () => Promise<void>): boolean {
    if (this.#state !== 'starting') return false;
    this.#close = close;
    if (this.#quitRequested) {
      this.#beginClose();
      return false;
    }
    this.#state = 'running';
    return true;
  }

  /** Start-up failed: nothing to close; the caller exits. */
  failed(): void {
    this.#finish();
  }

  /** The app's `before-quit`: held (preventDefault) until the services are closed, then let through. */
  beforeQuit(event: { preventDefault(): void }): void {
    if (this.#state === 'done') return;
    event.preventDefault();
    this.#request('app.quit-requested');
  }

  /** Close now, without waiting for a quit that will not come (Windows ending the session). */
  closeNow(): void {
    if (this.#state !== 'done') this.#request('app.close-now');
  }

  #request(event: string): void {
    if (this.#quitRequested) return; // quitting twice is quitting once
    this.#quitRequested = true;
    this.options.log.info(event, { state: this.#state });
    this.#deadline = this.#timer.set(() => this.#expired(), this.options.deadlineMs);
    if (this.#state === 'running') this.#beginClose();
    // 'starting': opened() or failed() takes it from here
  }

  #beginClose(): void {
    this.#state = 'closing';
    const close = this.#close ?? (async () => undefined);
    let closing: Promise<void>;
    try {
      closing = close();
    } catch (e) {
      closing = Promise.reject(e);
    }
    closing
      .then(
        () => this.options.log.info('app.closed', {}),
        (e: unknown) => this.options.log.error('app.close-failed', errorFields(e)),
      )
      .finally(() => {
        if (this.#state !== 'closing') return; // the deadline already ended the process
        this.#finish();
        this.options.quit();
      });
  }

  #expired(): void {
    if (this.#state === 'done') return;
    this.options.log.error('app.quit-deadline', { deadlineMs: this.options.deadlineMs, state: this.#state });
    this.#finish();
    this.options.exit(1);
  }

  #finish(): void {
    this.#state = 'done';
    if (this.#deadline !== null) this.#timer.clear(this.#deadline);
    this.#deadline = null;
  }
}
