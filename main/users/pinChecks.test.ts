// SPDX-License-Identifier: UNLICENSED
// The till's PIN queue (pinChecks.ts) over a stand-in store: one check in flight at a time whatever arrives
// together, and a delay after a wrong PIN that doubles with the failures in a row before the next check starts.
import { describe, expect, it } from 'vitest';
import { createLogger, memoryLogSink } from '../log/logger';
import { PinChecks } from './pinChecks';
import type { CountedCheck, User } from './userStore';

const CASHIER: User = { id: 2, name: 'Cashier', role: 'cashier', active: true, defaultPin: false };

function standIn() {
  let inFlight = 0;
  let maxInFlight = 0;
  let failures = 0;
  const started: number[] = [];
  const check = async (pin: string): Promise<CountedCheck> => {
    started.push(performance.now());
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    if (pin === '2468') {
      failures = 0;
      return { check: { ok: true, user: CASHIER }, failures: 0 };
    }
    return { check: { ok: false, reason: 'wrong-pin' }, failures: ++failures };
  };
  return {
    started,
    maxInFlight: () => maxInFlight,
    store: { checkPinCounted: (_: number, pin: string) => check(pin), changePin: (_: number, old: string) => check(old), findManagerByPin: check },
  };
}

describe('PinChecks', () => {
  it('runs one check at a time, and waits longer after each wrong PIN in a row', async () => {
    const s = standIn();
    const log = memoryLogSink();
    const pins = new PinChecks(s.store, { logger: createLogger({ sink: log.sink }), delayBaseMs: 40 });
    const answers = await Promise.all([
      pins.signIn(2, '1111', 'a'),
      pins.changePin(2, '1112', '8642', 'b'),
      pins.approve('1113', 'c'),
      pins.signIn(2, '2468', 'd'),
      pins.signIn(2, '1114', 'e'),
    ]);
    expect(answers.map((a) => (a.ok ? 'ok' : a.reason))).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'ok', 'wrong-pin']);
    expect(s.maxInFlight()).toBe(1);
    const gaps = s.started.slice(1).map((t, i) => t - s.started[i]!);
    // 40, 80 and 160 ms after the 1st, 2nd and 3rd wrong PIN in a row (each check itself takes 5 ms); none after a right one
    expect(gaps[0]).toBeGreaterThanOrEqual(40);
    expect(gaps[1]).toBeGreaterThanOrEqual(80);
    expect(gaps[2]).toBeGreaterThanOrEqual(160);
    expect(gaps[3]).toBeLessThan(160);
    expect(log.records.filter((r) => r.event === 'pin.wrong').map((r) => [r.fields['purpose'], r.fields['client']])).toEqual([
      ['sign-in', 'a'],
      ['pin-change', 'b'],
      ['approval', 'c'],
      ['sign-in', 'e'],
    ]);
  });
});
