// SPDX-License-Identifier: UNLICENSED
// QuietMoments (main/app/quietMoments.ts) on real timers: upkeep waits while a call is answered and while calls keep
// coming, runs once none has come for the quiet time, runs anyway after the longest wait, and is dropped on close.
import { describe, expect, it, vi } from 'vitest';
import { QuietMoments } from '../../main/app/quietMoments';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('QuietMoments', () => {
  it('runs upkeep once no call is in flight and none came for the quiet time, never inside whenQuiet', async () => {
    const quiet = new QuietMoments({ quietMs: 40, maxWaitMs: 60_000 });
    const ran: string[] = [];
    quiet.started();
    quiet.whenQuiet(() => ran.push('trim'));
    expect(ran).toEqual([]);
    // a call that takes far longer than the quiet time: the work waits for it
    await sleep(200);
    expect(ran).toEqual([]);
    quiet.ended();
    await vi.waitFor(() => expect(ran).toEqual(['trim']), { timeout: 5_000 });
    quiet.close();
  });

  it('waits while calls keep coming closer together than the quiet time', async () => {
    const quiet = new QuietMoments({ quietMs: 1_000, maxWaitMs: 60_000 });
    let ran = 0;
    quiet.whenQuiet(() => ran++);
    // the first call comes before the first look at the clock; then one every 20 ms or so for over a second
    for (let i = 0; i < 60; i++) {
      quiet.started();
      quiet.ended();
      await sleep(20);
    }
    expect(ran).toBe(0);
    await vi.waitFor(() => expect(ran).toBe(1), { timeout: 5_000 });
    quiet.close();
  });

  it('runs the work anyway once it has waited the longest wait, on a till that is never quiet', async () => {
    const quiet = new QuietMoments({ quietMs: 10_000, maxWaitMs: 150 });
    let ran = 0;
    quiet.started(); // never ends
    quiet.whenQuiet(() => ran++);
    await vi.waitFor(() => expect(ran).toBe(1), { timeout: 5_000 });
    quiet.close();
  });

  it('drops waiting work and refuses new work once closed', async () => {
    const quiet = new QuietMoments({ quietMs: 30, maxWaitMs: 60 });
    let ran = 0;
    quiet.started();
    quiet.whenQuiet(() => ran++);
    quiet.close();
    quiet.whenQuiet(() => ran++);
    quiet.ended();
    await sleep(300);
    expect(ran).toBe(0);
  });
});
