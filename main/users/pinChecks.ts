// SPDX-License-Identifier: UNLICENSED
// Every PIN typed at this terminal — sign-in, PIN change, manager approval — passes here, one at a time. The store
// counts each attempt before hashing (userStore.ts); this queue adds what the store cannot: at most one PIN check in
// flight per till (so per user too: one app process is one till), and a delay after each wrong PIN that doubles
// with the failures in a row and holds the queue, so parallel requests gain nothing over typing. Every wrong PIN
// and every lockout is logged with the user and the client that typed it, never the PIN; a refusal while locked is
// logged once per lock, so a flood of attempts against a locked user cannot fill the log (docs/security.md "PIN
// guessing").
import type { Logger } from '../log/logger';
import type { CountedCheck, PinCheck, UserStore } from './userStore';

export type PinPurpose = 'sign-in' | 'pin-change' | 'approval';

export interface PinCheckOptions {
  readonly logger: Logger;
  /** Delay after the first wrong PIN in a row, doubling with each further one up to MAX_DELAY_MS. Default 250 ms. */
  readonly delayBaseMs?: number;
}

const DEFAULT_DELAY_BASE_MS = 250;
const MAX_DELAY_MS = 10_000;

export class PinChecks {
  /** The end of the last queued check: each check starts when the one before it has answered. */
  private tail: Promise<unknown> = Promise.resolve();
  private readonly delayBaseMs: number;
  /** Locks already reported as refusing attempts (user or purpose, and the lock's end). */
  private readonly toldLocks = new Set<string>();

  constructor(
    private readonly users: Pick<UserStore, 'checkPinCounted' | 'changePin' | 'findManagerByPin'>,
    private readonly options: PinCheckOptions,
  ) {
    this.delayBaseMs = options.delayBaseMs ?? DEFAULT_DELAY_BASE_MS;
  }

  signIn(userId: number, pin: string, client: string): Promise<PinCheck> {
    return this.queued('sign-in', client, userId, () => this.users.checkPinCounted(userId, pin));
  }

  /** The caller has checked the new PIN's rules (pinPolicy). */
  changePin(userId: number, oldPin: string, newPin: string, client: string): Promise<PinCheck> {
    return this.queued('pin-change', client, userId, () => this.users.changePin(userId, oldPin, newPin));
  }

  /** A manager PIN typed at the till: counted against every active manager (userStore findManagerByPin). */
  approve(pin: string, client: string): Promise<PinCheck> {
    return this.queued('approval', client, undefined, () => this.users.findManagerByPin(pin));
  }

  private queued(purpose: PinPurpose, client: string, userId: number | undefined, check: () => Promise<CountedCheck>): Promise<PinCheck> {
    const answer = this.tail.then(async () => {
      const counted = await check();
      this.logOutcome(purpose, client, userId, counted);
      if (!counted.check.ok && counted.failures > 0) await sleep(Math.min(MAX_DELAY_MS, this.delayBaseMs * 2 ** (counted.failures - 1)));
      return counted.check;
    });
    this.tail = answer.catch(() => undefined);
    return answer;
  }

  private logOutcome(purpose: PinPurpose, client: string, userId: number | undefined, counted: CountedCheck): void {
    const { check } = counted;
    if (check.ok) return;
    const log = this.options.logger;
    const who = userId === undefined ? {} : { userId };
    if (counted.failures > 0) log.warn('pin.wrong', { purpose, ...who, client, failuresInRow: counted.failures });
    for (const lock of counted.locked ?? []) log.warn('pin.locked', { purpose, userId: lock.userId, client, until: lock.until.toISOString() });
    if (counted.failures === 0 && check.reason === 'locked') {
      const key = `${userId ?? purpose}@${check.until.getTime()}`;
      if (this.toldLocks.has(key)) return;
      if (this.toldLocks.size > 1000) this.toldLocks.clear();
      this.toldLocks.add(key);
      log.warn('pin.refused-while-locked', {
        purpose,
        ...who,
        client,
        until: check.until.toISOString(),
        note: 'further attempts during this lock are not logged',
      });
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
