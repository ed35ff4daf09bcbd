// SPDX-License-Identifier: UNLICENSED
// The simulator's clock. Everything time-dependent in the simulator (OTP expiry, certificate validity, the 24-hour
// duplicate window, BR-KSA-98, outage windows) reads this clock, so tests can move it instead of waiting.
// By default it runs with real time from a start point; it can be frozen.

export interface SimulatorClock {
  now(): Date;
  /** Jump to `at`; a running clock keeps ticking from there. */
  set(at: Date): void;
  advance(ms: number): void;
  freeze(): void;
  resume(): void;
  readonly frozen: boolean;
}

export interface ClockOptions {
  readonly start?: Date;
  readonly frozen?: boolean;
}

export function createClock(options: ClockOptions = {}, onChange: () => void = () => undefined): SimulatorClock {
  const realNow = (): number => Date.now();
  let offset = options.start ? options.start.getTime() - realNow() : 0;
  let frozenAt: number | undefined = options.frozen ? realNow() + offset : undefined;
  const current = (): number => frozenAt ?? realNow() + offset;
  return {
    now: () => new Date(current()),
    set(at) {
      if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new Error('clock.set: at must be a valid Date');
      if (frozenAt !== undefined) frozenAt = at.getTime();
      else offset = at.getTime() - realNow();
      onChange();
    },
    advance(ms) {
      if (!Number.isFinite(ms)) throw new Error('clock.advance: ms must be a finite number');
      if (frozenAt !== undefined) frozenAt += ms;
      else offset += ms;
      onChange();
    },
    freeze() {
      frozenAt ??= current();
    },
    resume() {
      if (frozenAt === undefined) return;
      offset = frozenAt - realNow();
      frozenAt = undefined;
    },
    get frozen() {
      return frozenAt !== undefined;
    },
  };
}
