// SPDX-License-Identifier: UNLICENSED
// The idle lock with a fake main and manual timers: it locks after the terminal's idle time and not before, every
// key or touch starts the count again, nothing counts while locked, a wrong PIN keeps it locked (main's refusal is
// shown), the right one lifts it; 0 seconds never locks.
import { describe, expect, it } from 'vitest';
import { fakeApi, MANAGER, manualTimers, refused, session } from '../testing/fakes';
import { AppStore } from './appStore';
import { IdleLock } from './idleLock';

function lockWith(seconds: number) {
  const fake = fakeApi({
    'status.get': () => new Promise(() => undefined),
    'lock.settings': () => ({ seconds }),
    'lock.unlock': ({ pin }: { pin: string }) => {
      if (pin !== '1234') throw refused('wrong-pin', 'user.wrong-pin');
      return { unlocked: true };
    },
  });
  const timers = manualTimers();
  const app = new AppStore(fake.api, session({ user: MANAGER }), timers);
  return { fake, app, timers, lock: new IdleLock(app, timers) };
}

describe('the idle lock', () => {
  it('locks after the idle time, counting again at each key or touch', async () => {
    const { lock, timers } = lockWith(30);
    await lock.start();
    timers.advance(29_000);
    lock.activity();
    timers.advance(29_000);
    expect(lock.locked.value).toBe(false);
    timers.advance(1_000);
    expect(lock.locked.value).toBe(true);
    lock.activity(); // a key under the lock does not count
    expect(lock.locked.value).toBe(true);
  });

  it('stays locked on a wrong PIN and opens on the right one', async () => {
    const { lock, timers, fake, app } = lockWith(10);
    await lock.start();
    timers.advance(10_000);
    lock.pin.value = '0000';
    await lock.unlock();
    expect(lock.locked.value).toBe(true);
    expect(app.toastState.value).toMatchObject({ kind: 'error', visible: true });
    lock.pin.value = '1234';
    await lock.unlock();
    expect(lock.locked.value).toBe(false);
    expect(lock.pin.value).toBe('');
    expect(fake.callsOf('lock.unlock')).toEqual([{ pin: '0000' }, { pin: '1234' }]);
    timers.advance(10_000);
    expect(lock.locked.value).toBe(true);
  });

  it('never locks when the idle time is 0', async () => {
    const { lock, timers } = lockWith(0);
    await lock.start();
    timers.advance(24 * 3600_000);
    expect(lock.locked.value).toBe(false);
  });
});
