// SPDX-License-Identifier: UNLICENSED
// How the desktop app ends (main/window/quitSequence.ts), with a timer the test fires by hand: a quit closes the
// services once and then lets Electron quit; a hung close ends the process at the deadline; a quit during start-up
// waits for it; quitting twice is quitting once; Windows' session end starts the same close without a quit.
import { describe, expect, it } from 'vitest';
import { createLogger, memoryLogSink } from '../../main/log/logger';
import { QuitSequence, type QuitTimer } from '../../main/window/quitSequence';

function harness() {
  const memory = memoryLogSink();
  const calls: string[] = [];
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const timer: QuitTimer = {
    set: (run, ms) => {
      const t = { run, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clear: (handle) => ((handle as (typeof timers)[number]).cleared = true),
  };
  const seq = new QuitSequence({
    deadlineMs: 8000,
    log: createLogger({ sink: memory.sink }),
    quit: () => {
      calls.push('quit');
      // Electron runs before-quit again for app.quit(); the sequence must let it through now
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      seq.beforeQuit(event);
      calls.push(event.prevented ? 'quit held' : 'quit through');
    },
    exit: (code) => calls.push(`exit ${code}`),
    timer,
  });
  const beforeQuit = () => {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    seq.beforeQuit(event);
    return event.prevented;
  };
  const events = () => memory.records.map((r) => r.event);
  const closer = () => {
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    let count = 0;
    return {
      close: () => {
        count++;
        return new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      },
      resolve: () => resolve(),
      reject: (e: unknown) => reject(e),
      get count() {
        return count;
      },
    };
  };
  return { seq, calls, timers, beforeQuit, events, closer, memory };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('quit sequence', () => {
  it('holds the quit until the services closed, then lets it through and clears the deadline', async () => {
    const h = harness();
    const c = h.closer();
    expect(h.seq.opened(c.close)).toBe(true);
    expect(h.beforeQuit()).toBe(true);
    expect(h.seq.state).toBe('closing');
    expect(c.count).toBe(1);
    expect(h.timers.map((t) => t.ms)).toEqual([8000]);
    c.resolve();
    await settle();
    expect(h.calls).toEqual(['quit', 'quit through']);
    expect(h.timers[0]!.cleared).toBe(true);
    expect(h.events()).toEqual(['app.quit-requested', 'app.closed']);
    // once done, every later quit goes straight through
    expect(h.beforeQuit()).toBe(false);
  });

  it('a close that hangs: the deadline logs and exits; a late close changes nothing', async () => {
    const h = harness();
    const c = h.closer();
    h.seq.opened(c.close);
    h.beforeQuit();
    h.timers[0]!.run();
    expect(h.calls).toEqual(['exit 1']);
    expect(h.memory.records.at(-1)).toMatchObject({ level: 'error', event: 'app.quit-deadline', fields: { deadlineMs: 8000, state: 'closing' } });
    c.resolve();
    await settle();
    expect(h.calls).toEqual(['exit 1']);
  });

  it('a close that fails is logged and the app still quits', async () => {
    const h = harness();
    const c = h.closer();
    h.seq.opened(c.close);
    h.beforeQuit();
    c.reject(new Error('database is locked'));
    await settle();
    expect(h.calls).toEqual(['quit', 'quit through']);
    expect(h.memory.records.find((r) => r.event === 'app.close-failed')).toMatchObject({ level: 'error', fields: { errorMessage: 'database is locked' } });
  });

  it('quitting twice (or three times) closes once, with one deadline', async () => {
    const h = harness();
    const c = h.closer();
    h.seq.opened(c.close);
    expect([h.beforeQuit(), h.beforeQuit(), h.beforeQuit()]).toEqual([true, true, true]);
    h.seq.closeNow();
    expect(c.count).toBe(1);
    expect(h.timers).toHaveLength(1);
    c.resolve();
    await settle();
    expect(h.calls).toEqual(['quit', 'quit through']);
  });

  it('a quit during start-up waits for it; then closes what it opened and tells the caller not to open windows', async () => {
    const h = harness();
    expect(h.beforeQuit()).toBe(true);
    expect(h.seq.state).toBe('starting');
    expect(h.seq.quitting).toBe(true);
    expect(h.calls).toEqual([]);
    const c = h.closer();
    expect(h.seq.opened(c.close)).toBe(false);
    expect(c.count).toBe(1);
    c.resolve();
    await settle();
    expect(h.calls).toEqual(['quit', 'quit through']);
    expect(h.memory.records[0]).toMatchObject({ event: 'app.quit-requested', fields: { state: 'starting' } });
  });

  it('a quit during a start-up that never ends: the deadline exits', () => {
    const h = harness();
    h.beforeQuit();
    h.timers[0]!.run();
    expect(h.calls).toEqual(['exit 1']);
    expect(h.memory.records.at(-1)).toMatchObject({ event: 'app.quit-deadline', fields: { state: 'starting' } });
    // start-up ending after that opens nothing
    expect(h.seq.opened(async () => undefined)).toBe(false);
  });

  it('a start-up that failed: quits pass straight through, no deadline', () => {
    const h = harness();
    h.beforeQuit();
    h.seq.failed();
    expect(h.timers[0]!.cleared).toBe(true);
    expect(h.beforeQuit()).toBe(false);
  });

  it('closeNow (Windows session end) starts the close at once, without any quit request', async () => {
    const h = harness();
    const c = h.closer();
    h.seq.opened(c.close);
    h.seq.closeNow();
    expect(c.count).toBe(1);
    expect(h.seq.quitting).toBe(true);
    c.resolve();
    await settle();
    expect(h.calls).toEqual(['quit', 'quit through']);
    expect(h.events()).toEqual(['app.close-now', 'app.closed']);
  });

  it('a close function that throws synchronously is a failed close, not a crash', async () => {
    const h = harness();
    h.seq.opened(() => {
      throw new Error('boom');
    });
    h.beforeQuit();
    await settle();
    expect(h.calls).toEqual(['quit', 'quit through']);
    expect(h.events()).toContain('app.close-failed');
  });
});
