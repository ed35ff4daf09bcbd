// SPDX-License-Identifier: UNLICENSED
// The idle lock (docs/cash-control.md): after the terminal's idle time without a key or a touch, the till is covered
// by a lock that only the signed-in user's PIN lifts (checked and counted in main, as at sign-in). The screen under
// it — the cart being rung up included — is left exactly as it was.
import { signal } from '@preact/signals';
import type { AppServices } from './services';

export interface LockTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class IdleLock {
  readonly locked = signal(false);
  readonly pin = signal('');
  private seconds = 0;
  private handle: unknown = null;

  constructor(
    private readonly app: Pick<AppServices, 'api' | 'attempt'>,
    private readonly timers: LockTimers,
  ) {}

  /** Reads the terminal's idle time and starts counting. */
  async start(): Promise<void> {
    const r = await this.app.attempt(() => this.app.api['lock.settings']({}));
    this.seconds = r?.seconds ?? 0;
    this.activity();
  }

  /** A key or a touch: the count starts again (nothing while locked: only the PIN lifts the lock). */
  activity(): void {
    if (this.locked.peek()) return;
    this.stop();
    if (this.seconds > 0) this.handle = this.timers.setTimeout(() => (this.locked.value = true), this.seconds * 1000);
  }

  async unlock(): Promise<void> {
    const pin = this.pin.peek();
    this.pin.value = '';
    const r = await this.app.attempt(() => this.app.api['lock.unlock']({ pin }));
    if (!r) return;
    this.locked.value = false;
    this.activity();
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }
}
