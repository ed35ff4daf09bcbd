// The scheduler alone, on a fake clock, a fake outbox and a fake sender: what it hands out and when — one canary
// while connectivity is unknown, up to the concurrency once online, nothing while offline or rate-limited but a
// probe on schedule, documents in the order the outbox gives them and never twice at once, and the back-online
// event when an outage ends.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/index';
import { ReportingScheduler, type Dispatcher, type SchedulerStore } from './reportingScheduler';
import type { JobTransition } from './jobTransition';
import type { DueJobRow } from './reportingStore';
import type { ReportingTime } from './reportingTime';

class FakeTime implements ReportingTime {
  private t = 1_000_000;
  private nextId = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): number {
    this.timers.set(++this.nextId, { at: this.t + Math.max(0, ms), fn });
    return this.nextId;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  advance(ms: number): void {
    this.t += ms;
    for (const [id, timer] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.t || !this.timers.has(id)) continue;
      this.timers.delete(id);
      timer.fn();
    }
  }
}

const job = (icv: number): DueJobRow => ({ document_id: 100 + icv, chain_id: 1, icv, number: `T1-${icv}`, attempts: 0 });
const transient = { outcome: 'retryable', state: 'queued', effect: 'transient', messages: [] } as unknown as JobTransition;

function setup(options: { concurrency?: number; jobs?: number; running?: boolean } = {}) {
  const time = new FakeTime();
  const queue = Array.from({ length: options.jobs ?? 10 }, (_, i) => job(i + 1));
  const done = new Set<number>();
  let madeDue = 0;
  const store: SchedulerStore = {
    dueJobs: (_now, limit) => queue.filter((j) => !done.has(j.document_id)).slice(0, limit),
    nextDueAt: () => undefined,
    makeDueNow: () => ++madeDue,
  };
  const inFlight = new Set<number>();
  const sent: number[] = [];
  const sender: Dispatcher = {
    get inFlightCount() {
      return inFlight.size;
    },
    isInFlight: (id) => inFlight.has(id),
    dispatch: (j) => {
      expect(inFlight.has(j.document_id)).toBe(false);
      inFlight.add(j.document_id);
      sent.push(j.icv);
    },
    requeueStranded: () => undefined,
  };
  let probeResult: (reachable: boolean) => void = () => undefined;
  let probes = 0;
  const running = { value: options.running ?? true };
  const scheduler = new ReportingScheduler(
    {
      store,
      time,
      random: () => 0.5,
      log: silentLogger,
      concurrency: options.concurrency ?? 3,
      pollIntervalMs: 5000,
      retry: { initialMs: 1000, maxMs: 60_000 },
      failuresToOffline: 2,
      probe: { initialMs: 2000, maxMs: 20_000 },
      probeConnectivity: () => {
        probes++;
        return new Promise<boolean>((resolve) => (probeResult = resolve));
      },
      isRunning: () => running.value,
      statusChanged: () => undefined,
    },
    sender,
  );
  /** The request of document `icv` ended (settled as reported, or left queued). */
  const finish = (icv: number, reported = true): void => {
    inFlight.delete(100 + icv);
    if (reported) done.add(100 + icv);
    scheduler.pump();
  };
  return { time, scheduler, sent, inFlight, finish, running, madeDue: () => madeDue, probes: () => probes, probeResult: (r: boolean) => probeResult(r) };
}

describe('reporting scheduler', () => {
  it('one canary while connectivity is unknown, then up to the concurrency, in the order of the outbox', () => {
    const s = setup({ concurrency: 3 });
    s.scheduler.pump();
    expect(s.sent).toEqual([1]);
    s.scheduler.answered(s.time.now());
    s.finish(1);
    expect(s.sent).toEqual([1, 2, 3, 4]);
    expect(s.inFlight.size).toBe(3);
    s.finish(3);
    expect(s.sent).toEqual([1, 2, 3, 4, 5]);
  });

  it('a job still in flight is not handed out again when the outbox is read anew', () => {
    const s = setup({ concurrency: 3 });
    s.scheduler.pump();
    s.scheduler.answered(s.time.now());
    s.finish(1);
    s.scheduler.rescan();
    s.finish(2, false); // back in the queue, due again, while 3 and 4 are on the wire
    expect(s.sent).toEqual([1, 2, 3, 4, 2]);
  });

  it('offline: nothing is sent; a probe runs on its schedule and, when it connects, one canary goes', async () => {
    const s = setup();
    s.scheduler.pump();
    expect(s.scheduler.failed('unreachable', transient, s.time.now())).toBe(true);
    s.finish(1, false);
    expect(s.sent).toEqual([1]);
    expect(s.probes()).toBe(0);
    s.time.advance(2000); // the first probe is due after 1–2 s (backoff with jitter)
    expect(s.probes()).toBe(1);
    s.probeResult(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(s.scheduler.connectivity.state).toBe('unknown');
    expect(s.sent).toEqual([1, 1]);
  });

  it('the answer that ends an outage makes everything that waited due at once (back-online), once', () => {
    const s = setup();
    s.scheduler.pump();
    s.scheduler.failed('unreachable', transient, s.time.now());
    expect(s.scheduler.answered(s.time.now())).toBe(true);
    expect(s.madeDue()).toBe(1);
    expect(s.scheduler.answered(s.time.now())).toBe(false);
    expect(s.madeDue()).toBe(1);
  });

  it('429: nothing leaves before Retry-After; then sending resumes by itself', () => {
    const s = setup();
    s.scheduler.pump();
    s.scheduler.answered(s.time.now());
    s.scheduler.rateLimit(s.time.now() + 7000);
    s.finish(1);
    expect(s.sent).toEqual([1]);
    s.time.advance(6999);
    expect(s.sent).toEqual([1]);
    s.time.advance(1);
    expect(s.sent).toEqual([1, 2, 3, 4]);
  });

  it('sends nothing unless the worker runs', () => {
    const s = setup({ running: false });
    s.scheduler.pump();
    s.time.advance(60_000);
    expect(s.sent).toEqual([]);
  });

  it("a failed document waits its backoff; a Retry-After is capped at the retry policy's maximum", () => {
    const s = setup();
    expect(s.scheduler.retryDelay(1)).toEqual({ backoffMs: 750, maxWaitMs: 60_000 });
    expect(s.scheduler.retryDelay(3)).toEqual({ backoffMs: 3000, maxWaitMs: 60_000 });
    expect(s.scheduler.retryDelay(30).backoffMs).toBe(45_000);
  });
});
