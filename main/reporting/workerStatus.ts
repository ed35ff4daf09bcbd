// SPDX-License-Identifier: UNLICENSED
// The reporting status the UI reads (reportingTypes.ts ReportingStatus): the worker's mode, connectivity and rate
// limit, the queue counts with the nearest deadline, and the counts of settled documents — those kept in memory,
// since counting them in SQL reads every job ever issued.
import type { ConnectivityTracker } from './connectivity';
import { deadlineEntry, type DeadlinePolicy } from './deadlineWatchdog';
import type { JobState, ReportingStatements } from './reportingStore';
import type { HaltReason, ReportingStatus, WorkerMode } from './reportingTypes';

type SettledState = 'reported' | 'reported-with-warnings' | 'rejected' | 'failed';

/** Settled jobs per state and the time of the last report: read once, then kept up to date by the worker. */
export class SettledCounts {
  private counts: Record<SettledState, number> | undefined;
  private lastReported: number | undefined;

  constructor(private readonly q: ReportingStatements) {}

  /** Reads the counts from the database (at start, or on first use). */
  load(): Record<SettledState, number> {
    const counts = { reported: 0, 'reported-with-warnings': 0, rejected: 0, failed: 0 };
    for (const r of this.q.countsSettled.all()) if (r.state in counts) counts[r.state as SettledState] = r.n;
    this.counts = counts;
    this.lastReported = this.q.lastReportedAt.get()?.at ?? undefined;
    return counts;
  }

  get(): Readonly<Record<SettledState, number>> {
    return this.counts ?? this.load();
  }

  /** A job reached `state`; only the settled states are counted. */
  add(state: JobState): void {
    const counts = this.counts ?? this.load();
    if (state in counts) counts[state as SettledState]++;
  }

  get lastReportedAt(): number | undefined {
    return this.lastReported;
  }

  reportedAt(now: number): void {
    this.lastReported = now;
  }
}

export interface WorkerState {
  readonly now: number;
  readonly mode: WorkerMode;
  readonly halt: { readonly reason: HaltReason; readonly since: number; readonly message: string } | undefined;
  readonly connectivity: ConnectivityTracker;
  readonly rateLimitedUntil: number;
  readonly policy: DeadlinePolicy;
}

export function buildStatus(q: ReportingStatements, settled: SettledCounts, w: WorkerState): ReportingStatus {
  const { now, policy, connectivity: c } = w;
  const u = q.unsettledSummary.get(now - policy.deadlineMs)!;
  const oldest = u.oldest_issued_at === null ? undefined : q.unsettledIssuedAt.get(u.oldest_issued_at);
  const terminal = settled.get();
  const lastReportedAt = settled.lastReportedAt;
  return {
    at: new Date(now),
    mode: w.mode,
    connectivity: c.state,
    ...(w.halt ? { halt: { reason: w.halt.reason, since: new Date(w.halt.since), message: w.halt.message } } : {}),
    ...(c.offlineSince !== undefined ? { offlineSince: new Date(c.offlineSince) } : {}),
    ...(c.state === 'offline' && c.nextProbeAt !== undefined ? { nextProbeAt: new Date(c.nextProbeAt) } : {}),
    probes: c.probes,
    ...(w.rateLimitedUntil > now ? { rateLimitedUntil: new Date(w.rateLimitedUntil) } : {}),
    counts: {
      queued: u.queued,
      inFlight: u.in_flight,
      reported: terminal.reported,
      reportedWithWarnings: terminal['reported-with-warnings'],
      rejected: terminal.rejected,
      failed: terminal.failed,
      overdue: u.overdue,
    },
    awaitingCorrection: u.awaiting_correction,
    ...(oldest ? { nearestDeadline: deadlineEntry(oldest, policy, now) } : {}),
    ...(lastReportedAt !== undefined ? { lastReportedAt: new Date(lastReportedAt) } : {}),
  };
}
