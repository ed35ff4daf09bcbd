// SPDX-License-Identifier: UNLICENSED
// Upkeep that should not run beside a call from a till or the office: it waits until no call is being answered and
// none has come for a little while. Giving an export's freed memory back to the system is such work: glibc's trim,
// run in libuv's pool while the main thread answered the next sale, made that sale cost up to 47 ms of the main
// thread's CPU instead of ~11, more the bigger the export, and nothing extra once the trim had finished before the
// sale came (BENCHMARKS.md, "A long day"). Between a cashier's scans, or while a receipt prints, the till is quiet
// for far longer than the trim takes; on a till that is never quiet the work still runs, once it has waited
// `maxWaitMs`.
import type { CallActivity } from '../ipc/dispatcher';

/** No call for this long counts as quiet: shorter than the gap between two scans, longer than a call's own pauses. */
export const QUIET_MS = 100;

/** The longest upkeep waits for a quiet moment before it runs anyway. */
export const MAX_QUIET_WAIT_MS = 60_000;

export interface QuietMomentsOptions {
  readonly quietMs?: number;
  readonly maxWaitMs?: number;
}

export class QuietMoments implements CallActivity {
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private inFlight = 0;
  private lastCall = 0;
  private readonly waiting: { readonly work: () => void; readonly since: number }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: QuietMomentsOptions = {}) {
    this.quietMs = options.quietMs ?? QUIET_MS;
    this.maxWaitMs = options.maxWaitMs ?? MAX_QUIET_WAIT_MS;
  }

  started(): void {
    this.inFlight++;
    this.lastCall = performance.now();
  }

  ended(): void {
    this.inFlight--;
    this.lastCall = performance.now();
  }

  /** Runs `work` at the next quiet moment (never inside this call). Dropped if the app closes first. */
  whenQuiet(work: () => void): void {
    if (this.closed) return;
    this.waiting.push({ work, since: performance.now() });
    this.schedule(0);
  }

  /** Drops the waiting work: what it would do no longer matters to a process that is closing. */
  close(): void {
    this.closed = true;
    this.waiting.length = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    // unref: waiting upkeep does not keep a process alive that has nothing else to do
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.check();
    }, delayMs).unref();
  }

  private check(): void {
    const now = performance.now();
    const quietFor = this.inFlight > 0 ? 0 : now - this.lastCall;
    const isDue = (w: { readonly since: number }) => quietFor >= this.quietMs || now - w.since >= this.maxWaitMs;
    const due = this.waiting.filter(isDue);
    this.waiting.splice(0, this.waiting.length, ...this.waiting.filter((w) => !isDue(w)));
    if (this.waiting.length > 0) {
      const oldest = Math.min(...this.waiting.map((w) => w.since));
      const untilQuiet = this.inFlight > 0 ? this.quietMs : this.quietMs - quietFor;
      this.schedule(Math.max(1, Math.min(untilQuiet, oldest + this.maxWaitMs - now)));
    }
    for (const w of due) w.work();
  }
}
