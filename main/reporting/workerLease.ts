// SPDX-License-Identifier: UNLICENSED
// One reporting worker per device database. Two workers (the app and a CLI run, or two windows) would each find the
// same queued jobs; the claim is atomic, but start-up recovery ("in flight at start → interrupted → resend") is only
// right when the previous holder is really gone. The lease row says who holds the outbox; it is taken over only
// when its holder's process no longer exists on this host (a crash or kill) or its heartbeat is stale.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DukkanError } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { errorFields, type Logger } from '../log/index';
import type { LeaseRow, ReportingStatements } from './reportingStore';
import type { ReportingTime, TimerHandle } from './reportingTime';

/** Another live worker holds the outbox: an expected refusal (a second window or a CLI run), not a bug. */
export class ReportingLeaseError extends DukkanError {
  override readonly name = 'ReportingLeaseError';
  constructor(readonly holder: LeaseRow) {
    super('reporting.worker-running', { pid: holder.pid, host: holder.host });
  }
}

export interface LeaseOptions {
  /** A holder silent for longer than this is presumed dead. Default 60 s; heartbeats every third of it. */
  readonly ttlMs?: number;
  readonly isProcessAlive?: (pid: number) => boolean;
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lease or throws ReportingLeaseError. Returns the previous holder when one was taken over. */
export function acquireLease(db: SqliteDatabase, q: ReportingStatements, owner: string, now: number, options: LeaseOptions = {}): LeaseRow | undefined {
  const ttl = options.ttlMs ?? 60_000;
  const alive = options.isProcessAlive ?? processIsAlive;
  const host = hostname();
  return db
    .transaction((): LeaseRow | undefined => {
      const holder = q.lease.get();
      if (holder && holder.owner !== owner) {
        const gone = holder.host === host && !alive(holder.pid);
        const stale = now - holder.heartbeat_at > ttl;
        if (!gone && !stale) throw new ReportingLeaseError(holder);
      }
      q.takeLease.run({ owner, pid: process.pid, host, heartbeat_at: now });
      return holder && holder.owner !== owner ? holder : undefined;
    })
    .immediate();
}

/** The lease as one worker holds it: taken at start, kept fresh by a heartbeat every third of its TTL, released at stop. */
export class WorkerLease {
  private readonly owner = randomUUID();
  private heartbeatTimer: TimerHandle | undefined;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly q: ReportingStatements,
    private readonly time: ReportingTime,
    private readonly log: Logger,
    private readonly options: LeaseOptions = {},
  ) {}

  /** Takes the lease, or throws ReportingLeaseError while another live worker holds it. */
  acquire(now: number): void {
    const previous = acquireLease(this.db, this.q, this.owner, now, this.options);
    if (previous) this.log.warn('reporting.lease-taken-over', { previousPid: previous.pid, previousHeartbeat: new Date(previous.heartbeat_at).toISOString() });
  }

  startHeartbeat(): void {
    const interval = (this.options.ttlMs ?? 60_000) / 3;
    const beat = (): void => {
      try {
        this.q.heartbeat.run(this.time.now(), this.owner);
      } catch (err) {
        this.log.warn('reporting.heartbeat-failed', errorFields(err));
      }
      this.heartbeatTimer = this.time.setTimeout(beat, interval);
    };
    this.heartbeatTimer = this.time.setTimeout(beat, interval);
  }

  stopHeartbeat(): void {
    if (this.heartbeatTimer !== undefined) this.time.clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  /** Gives the outbox up; throws when the database refuses. */
  release(): void {
    this.stopHeartbeat();
    this.q.releaseLease.run(this.owner);
  }
}
