// SPDX-License-Identifier: UNLICENSED
// The outbox as the reporting worker uses it: the reads that decide what to send, and one write per transition of
// the job state table (jobStateTable.ts). Each write is one short immediate transaction over reportingStore's
// statements, guarded in SQL by the states the table accepts the event in; none is ever held open across a network
// call, so a sale commits whatever the worker is doing. The worker itself runs no SQL and opens no transaction.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { JobTransition } from './jobTransition';
import { reportingStatements, type ChainInfoRow, type DueJobRow, type PayloadRow, type ReportingStatements } from './reportingStore';

/** A job taken by the sender: its attempt number and the attempt row opened for it. */
export interface Claim {
  readonly attemptId: number;
  readonly attempt: number;
}

export class JobStore {
  readonly q: ReportingStatements;

  constructor(private readonly db: SqliteDatabase) {
    this.q = reportingStatements(db);
  }

  // ── reads ──────────────────────────────────────────────────────────────────────────────────────────────────

  /** Due jobs in ICV order per chain, the oldest chain first. */
  dueJobs(now: number, limit: number): DueJobRow[] {
    return this.q.dueJobs.all(now, limit);
  }

  /** When the next queued job is due (undefined: none queued). */
  nextDueAt(): number | undefined {
    return this.q.nextDueAt.get()?.at ?? undefined;
  }

  payload(documentId: number): PayloadRow | undefined {
    return this.q.payload.get(documentId);
  }

  chain(chainId: number): ChainInfoRow | undefined {
    return this.q.chain.get(chainId);
  }

  // ── the state table's writes ───────────────────────────────────────────────────────────────────────────────

  /** queued ─claim→ in-flight: the attempt count grows and the attempt row is opened before a byte is sent. */
  claim(documentId: number, now: number): Claim | undefined {
    return this.db
      .transaction((): Claim | undefined => {
        if (this.q.claimJob.run(now, now, documentId).changes !== 1) return undefined;
        const attempt = this.q.jobAttempts.get(documentId)!.attempts;
        const attemptId = Number(this.q.insertAttempt.run(documentId, attempt, now).lastInsertRowid);
        return { attemptId, attempt };
      })
      .immediate();
  }

  /**
   * in-flight ─answer→ `t.state`: closes the attempt with the answer and settles the job. Returns when the job is
   * due again, or null when it is settled.
   */
  settle(documentId: number, claim: Claim, t: JobTransition, now: number): number | null {
    const retryAt = t.state === 'queued' ? now + (t.retryInMs ?? 0) : null;
    const messages = t.messages.length > 0 ? JSON.stringify(t.messages) : null;
    this.db
      .transaction(() => {
        this.q.finishAttempt.run({
          id: claim.attemptId,
          finished_at: now,
          outcome: t.outcome,
          http_status: t.httpStatus ?? null,
          reason: t.reason ?? null,
          detail: t.detail ?? null,
          messages,
          retry_at: retryAt,
        });
        this.q.settleJob.run({
          document_id: documentId,
          state: t.state,
          next_attempt_at: retryAt ?? now,
          last_status: t.httpStatus ?? null,
          last_messages: messages,
          updated_at: now,
        });
      })
      .immediate();
    return retryAt;
  }

  /**
   * in-flight ─worker-restarted→ queued, for every job a stopped or crashed worker left in flight: the outcome is
   * unknown, so the identical payload is resent at once. Returns how many jobs were recovered.
   */
  recoverInFlight(now: number): number {
    return this.db
      .transaction(() => {
        for (const a of this.q.openAttempts.all()) {
          this.closeInterrupted(a.id, now, 'worker-stopped', 'the worker stopped before the answer arrived; the identical payload is resent');
        }
        const jobs = this.q.inFlightJobs.all();
        for (const j of jobs) this.q.requeueInFlight.run(now, now, j.document_id);
        return jobs.length;
      })
      .immediate();
  }

  /** in-flight ─storage-error→ queued, for the stranded jobs that are not on the wire again (`busy`). */
  requeueStranded(stranded: ReadonlySet<number>, busy: (documentId: number) => boolean, now: number): void {
    this.db
      .transaction(() => {
        for (const a of this.q.openAttempts.all()) {
          if (!stranded.has(a.document_id) || busy(a.document_id)) continue;
          this.closeInterrupted(a.id, now, 'storage-error', 'the answer could not be stored; the identical payload is resent');
        }
        for (const id of stranded) if (!busy(id)) this.q.requeueInFlight.run(now, now, id);
      })
      .immediate();
  }

  /** queued ─back-online→ queued: everything that waited is due now, except a wait the server asked for. */
  makeDueNow(now: number): number {
    return this.q.dueNow.run(now, now, now).changes;
  }

  private closeInterrupted(attemptId: number, now: number, reason: string, detail: string): void {
    this.q.finishAttempt.run({ id: attemptId, finished_at: now, outcome: 'interrupted', http_status: null, reason, detail, messages: null, retry_at: now });
  }
}
