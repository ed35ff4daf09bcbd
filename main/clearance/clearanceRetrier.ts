// SPDX-License-Identifier: UNLICENSED
// Clearance in the background: a standard document left awaiting clearance (Fatoora unreachable at the counter, the
// cashier closed the dialog, the app restarted mid-attempt) is sent again with the reporting worker's backoff
// (main/reporting/backoff.ts: equal jitter, growing per attempt up to a ceiling), the identical bytes each time
// (reference §11), until ZATCA answers. It goes through the counter's own ClearanceDesk, so an attempt the cashier
// starts meanwhile joins this one instead of sending twice, and the store's guards (awaiting → in-flight in SQL)
// keep any other path from sending the same document at the same moment. A withdrawn document (a simplified invoice
// was issued instead) is no longer awaiting and is never sent.
import type { Logger } from '../log/logger';
import { backoffDelay, checkBackoffPolicy, type BackoffPolicy } from '../reporting/backoff';
import type { DocumentRow } from '../ledger/ledgerStore';
import type { ClearanceDesk } from './clearanceDesk';
import type { ClearanceStore } from './clearanceStore';

/**
 * The first background attempt waits a minute: the cashier is usually still at the dialog choosing between a retry
 * and a simplified invoice, and a background attempt that may reach ZATCA takes the simplified choice away.
 */
export const CLEARANCE_BACKOFF: BackoffPolicy = { initialMs: 60_000, maxMs: 600_000 };

export interface ClearanceRetrierOptions {
  readonly store: Pick<ClearanceStore, 'awaiting'>;
  readonly documents: { get(id: number): DocumentRow | undefined };
  readonly desk: Pick<ClearanceDesk, 'clear'>;
  readonly clock: () => Date;
  readonly log: Logger;
  readonly policy?: BackoffPolicy;
  /** How often the awaiting documents are looked at (ms). */
  readonly pollMs?: number;
  readonly random?: () => number;
}

export class ClearanceRetrier {
  private readonly policy: BackoffPolicy;
  private readonly random: () => number;
  /** When each awaiting document is due next, for the attempt count it had when the delay was drawn. */
  private readonly due = new Map<number, { attempts: number; at: number }>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly o: ClearanceRetrierOptions) {
    this.policy = checkBackoffPolicy(o.policy ?? CLEARANCE_BACKOFF, 'clearance.policy');
    this.random = o.random ?? Math.random;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.o.pollMs ?? 5000);
    this.timer.unref();
  }

  /** Stops looking; an attempt under way finishes (its answer is stored as usual). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Sends every awaiting document that is due, one after another; answers how many were sent. */
  tick(): Promise<number> {
    this.running ??= this.sendDue().finally(() => (this.running = null));
    return this.running;
  }

  private async sendDue(): Promise<number> {
    const rows = this.o.store.awaiting();
    const awaiting = new Set(rows.map((r) => r.document_id));
    for (const id of this.due.keys()) if (!awaiting.has(id)) this.due.delete(id);
    let sent = 0;
    for (const row of rows) {
      const now = this.o.clock().getTime();
      let due = this.due.get(row.document_id);
      if (!due || due.attempts !== row.attempts) {
        // a document never attempted (a crash between commit and the counter's attempt) is due at once
        const wait = row.attempts === 0 ? 0 : backoffDelay(row.attempts, this.policy, this.random);
        due = { attempts: row.attempts, at: row.updated_at + wait };
        this.due.set(row.document_id, due);
      }
      if (due.at > now) continue;
      const document = this.o.documents.get(row.document_id);
      if (!document) continue;
      try {
        const settled = await this.o.desk.clear(document);
        sent++;
        this.o.log.info('clearance.background', { number: document.number, attempt: settled.attempts, state: settled.state });
      } catch (e) {
        this.o.log.warn('clearance.background-failed', { number: document.number, errorMessage: e instanceof Error ? e.message : String(e) });
      }
    }
    return sent;
  }
}
