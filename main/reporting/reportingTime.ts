// SPDX-License-Identifier: UNLICENSED
// The worker's clock and timers, injected so tests (and the app's training mode) can move time: deadlines, backoff
// and Retry-After are all computed from `now()`, and every wait goes through `setTimeout`.

/** An opaque timer handle from `ReportingTime.setTimeout`. */
export type TimerHandle = unknown;

export interface ReportingTime {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` once after `ms`. Timers must not keep the process alive on their own. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Wall-clock time and Node timers (unref'd: an idle worker never holds the process open). */
export const systemTime: ReportingTime = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, Math.max(0, ms));
    t.unref();
    return t;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/** Resolves after `ms` on the given time source. */
export function sleep(time: ReportingTime, ms: number): Promise<void> {
  return new Promise((resolve) => {
    time.setTimeout(resolve, ms);
  });
}
