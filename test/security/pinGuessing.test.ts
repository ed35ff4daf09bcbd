// SPDX-License-Identifier: UNLICENSED
// PIN guessing in parallel (docs/security.md "PIN guessing"): a real app on a real SQLite file, driven through its
// dispatcher from many clients at once, as browser-mode tabs or a script holding the token would. Before the fix the
// failure count was read before the slow scrypt check, so a batch of parallel wrong PINs counted once, and approval
// guesses were counted per client id, which the caller chooses. Here each batch fires 100 attempts together, one of
// them the right PIN: the lock must engage after exactly LOCK_AFTER wrong ones, the right PIN must not get through
// once locked, the lock must survive a restart, and every wrong PIN and lockout must be logged without the PIN.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { ApiError } from '../../app/contract/errors';
import type { DukkanApp } from '../../main/app/openApp';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { createLogger, memoryLogSink, type LogRecord } from '../../main/log/logger';
import { LOCK_AFTER } from '../../main/users/userStore';
import { clientOf, openTestApp, signIn, type Client } from '../app/support';

const BATCH = 100;
const RIGHT_AT = 50;

interface PinRow {
  pin_hash: Buffer;
  failed_attempts: number;
  locked_until: number | null;
}

function pinRow(dataDir: string, userId: number): PinRow {
  const db = openDeviceDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return db.prepare<[number], PinRow>('SELECT pin_hash, failed_attempts, locked_until FROM users WHERE id = ?').get(userId)!;
  } finally {
    db.close();
  }
}

/** BATCH distinct wrong PINs (none a factory PIN), with `right` at RIGHT_AT. */
function guesses(right: string): string[] {
  return Array.from({ length: BATCH }, (_, i) => (i === RIGHT_AT ? right : String(5000 + i * 7)));
}

function count(list: readonly string[], value: string): number {
  return list.filter((x) => x === value).length;
}

describe('PIN guessing in parallel (through the dispatcher, real SQLite)', { timeout: 120_000 }, () => {
  const opened: DukkanApp[] = [];
  afterEach(async () => {
    for (const app of opened.splice(0)) await app.close();
  });

  async function open(dataDir?: string) {
    const log = memoryLogSink();
    const { app, dataDir: dir } = await openTestApp({ ...(dataDir ? { dataDir } : {}), logger: createLogger({ sink: log.sink }), pinDelayBaseMs: 2 });
    opened.push(app);
    const userId = (role: 'cashier' | 'manager') => app.core.users.list().find((u) => u.role === role)!.id;
    return { app, dataDir: dir, records: log.records, userId };
  }

  /** The refusal's catalog code, or 'ok' when the call went through. */
  const outcome = (client: Client, method: 'session.login' | 'session.changePin' | 'approval.request', input: unknown) =>
    client.refusal(method, input).then(
      (e: ApiError) => e.reason,
      () => 'ok',
    );

  function expectLogged(records: readonly LogRecord[], purpose: string, userId: number, tried: readonly string[]) {
    const wrong = records.filter((r) => r.event === 'pin.wrong' && r.fields['purpose'] === purpose);
    expect(wrong).toHaveLength(LOCK_AFTER);
    expect(wrong.map((r) => r.fields['failuresInRow'])).toEqual(Array.from({ length: LOCK_AFTER }, (_, i) => i + 1));
    for (const r of wrong) expect(r.fields['client']).toMatch(/^guess-/);
    const locked = records.filter((r) => r.event === 'pin.locked');
    expect(locked).toHaveLength(1);
    expect(locked[0]!.fields).toMatchObject({ purpose, userId, client: expect.stringMatching(/^guess-/) });
    // the refusals during the lock are told once, not once per attempt
    expect(records.filter((r) => r.event === 'pin.refused-while-locked')).toHaveLength(1);
    // no PIN in any field of any line
    for (const r of records) for (const v of Object.values(r.fields)) expect(tried).not.toContain(String(v));
  }

  it(`sign-in: ${BATCH} parallel attempts lock the cashier after ${LOCK_AFTER} wrong PINs, the right PIN among them gets nothing, and a restart keeps the lock`, async () => {
    const { app, dataDir, records, userId } = await open();
    const cashier = userId('cashier');
    const tried = guesses('0000');
    const clients = tried.map((_, i) => clientOf(app, `guess-${i}`));
    const answers = await Promise.all(clients.map((c, i) => outcome(c, 'session.login', { userId: cashier, pin: tried[i] })));

    expect(count(answers, 'user.wrong-pin')).toBe(LOCK_AFTER - 1);
    expect(count(answers, 'user.locked')).toBe(BATCH - (LOCK_AFTER - 1));
    expect(count(answers, 'ok')).toBe(0);
    expect(clients[RIGHT_AT]!.session.user).toBeNull();
    const row = pinRow(dataDir, cashier);
    expect(row.failed_attempts).toBe(LOCK_AFTER);
    expect(row.locked_until).toBeGreaterThan(Date.now());
    expectLogged(records, 'sign-in', cashier, tried);

    // the lock is in the database: a restarted app still refuses the right PIN
    await opened.pop()!.close();
    const again = await open(dataDir);
    expect(await outcome(clientOf(again.app, 'after-restart'), 'session.login', { userId: cashier, pin: '0000' })).toBe('user.locked');
    // the manager, never guessed at, still signs in
    await signIn(clientOf(again.app, 'office'), again.app, 'manager');
  });

  it(`PIN change: ${BATCH} parallel wrong current PINs lock the user after ${LOCK_AFTER}, and the right one among them changes nothing`, async () => {
    const { app, dataDir, records, userId } = await open();
    const cashier = userId('cashier');
    const clients = Array.from({ length: BATCH }, (_, i) => clientOf(app, `guess-${i}`));
    for (const c of clients) c.session.user = app.core.users.get(cashier)!;
    const before = pinRow(dataDir, cashier);
    const tried = guesses('0000');
    const answers = await Promise.all(clients.map((c, i) => outcome(c, 'session.changePin', { oldPin: tried[i], newPin: '5829' })));

    expect(count(answers, 'user.current-pin-wrong')).toBe(LOCK_AFTER - 1);
    expect(count(answers, 'user.locked')).toBe(BATCH - (LOCK_AFTER - 1));
    expect(count(answers, 'ok')).toBe(0);
    const after = pinRow(dataDir, cashier);
    expect(after.pin_hash.equals(before.pin_hash)).toBe(true);
    expect(after.failed_attempts).toBe(LOCK_AFTER);
    expectLogged(records, 'pin-change', cashier, tried);
  });

  it(`approvals: ${BATCH} parallel manager PINs from ${BATCH} clients lock the manager account after ${LOCK_AFTER} wrong ones`, async () => {
    const { app, dataDir, records, userId } = await open();
    const manager = userId('manager');
    // each guess from a client of its own, as fresh tab ids would be: the count must not follow the client
    const clients = Array.from({ length: BATCH }, (_, i) => clientOf(app, `guess-${i}`));
    for (const c of clients) c.session.user = app.core.users.get(userId('cashier'))!;
    const tried = guesses('1234');
    const answers = await Promise.all(clients.map((c, i) => outcome(c, 'approval.request', { pin: tried[i], purpose: 'discount' })));

    expect(count(answers, 'approval.wrong-pin')).toBe(LOCK_AFTER - 1);
    expect(count(answers, 'approval.locked')).toBe(BATCH - (LOCK_AFTER - 1));
    expect(count(answers, 'ok')).toBe(0);
    const row = pinRow(dataDir, manager);
    expect(row.failed_attempts).toBe(LOCK_AFTER);
    expect(row.locked_until).toBeGreaterThan(Date.now());
    expectLogged(records, 'approval', manager, tried);
    // the lock is the manager's: their sign-in is refused too, at any client
    expect(await outcome(clientOf(app, 'office'), 'session.login', { userId: manager, pin: '1234' })).toBe('user.locked');
  });

  it('a right PIN clears the count, and an approval by one manager gives the other managers their count back', async () => {
    const { app, dataDir, userId } = await open();
    const office = clientOf(app, 'office');
    await signIn(office, app, 'manager');
    const second = await office.call('users.save', { name: 'Second manager', role: 'manager', pin: '9753', active: true });
    const first = userId('manager');
    const till = clientOf(app, 'till');
    await signIn(till, app, 'cashier');
    expect(await outcome(till, 'approval.request', { pin: '1470', purpose: 'discount' })).toBe('approval.wrong-pin');
    expect([pinRow(dataDir, first).failed_attempts, pinRow(dataDir, second.id).failed_attempts]).toEqual([1, 1]);
    expect(await outcome(till, 'approval.request', { pin: '9753', purpose: 'discount' })).toBe('ok');
    expect([pinRow(dataDir, first).failed_attempts, pinRow(dataDir, second.id).failed_attempts]).toEqual([1, 0]);
    expect(await outcome(till, 'session.login', { userId: first, pin: '1234' })).toBe('ok');
    expect(pinRow(dataDir, first).failed_attempts).toBe(0);
  });
});
