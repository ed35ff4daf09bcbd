// SPDX-License-Identifier: UNLICENSED
// Typed access to the clearances table (migration 0060-b2b): the clearance state of each standard document issued
// at the counter. Every write carries its guard in SQL (`WHERE state …`), so a move the state diagram of 0060-b2b does
// not allow changes nothing and reports false. Constant statements with bound parameters only.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export type ClearanceState = 'awaiting' | 'in-flight' | 'cleared' | 'rejected' | 'withdrawn';

export interface ClearanceRow {
  document_id: number;
  state: ClearanceState;
  attempts: number;
  may_have_arrived: 0 | 1;
  last_outcome: string | null;
  last_status: number | null;
  last_detail: string | null;
  last_messages: string | null;
  cleared_xml: Buffer | null;
  cleared_qr: string | null;
  cleared_at: number | null;
  replaced_by: number | null;
  customer_id: number | null;
  updated_at: number;
}

/** What one attempt ended with, written by `settle`. */
export interface ClearanceSettlement {
  readonly state: 'awaiting' | 'cleared' | 'rejected';
  readonly mayHaveArrived: boolean;
  readonly outcome: string;
  readonly httpStatus: number | null;
  readonly detail: string | null;
  readonly messages: string | null;
  readonly clearedXml?: Buffer;
  readonly clearedQr?: string;
}

export interface AwaitingClearance {
  readonly document_id: number;
  readonly attempts: number;
  /** ms since the epoch: the commit, or the end of the last attempt. */
  readonly updated_at: number;
}

/** The counts the status strip and the manager screens show (standard documents only). */
export interface ClearanceCounts {
  awaiting: number;
  rejected: number;
  cleared: number;
}

export class ClearanceStore {
  private readonly q;

  constructor(db: SqliteDatabase) {
    this.q = {
      insert: db.prepare<[number, number | null, number]>("INSERT INTO clearances (document_id, state, customer_id, updated_at) VALUES (?, 'awaiting', ?, ?)"),
      get: db.prepare<[number], ClearanceRow>('SELECT * FROM clearances WHERE document_id = ?'),
      claim: db.prepare<[number, number]>(
        "UPDATE clearances SET state = 'in-flight', attempts = attempts + 1, updated_at = ? WHERE document_id = ? AND state = 'awaiting'",
      ),
      settle: db.prepare<
        [
          {
            state: string;
            arrived: number;
            outcome: string;
            status: number | null;
            detail: string | null;
            messages: string | null;
            xml: Buffer | null;
            qr: string | null;
            at: number;
            id: number;
          },
        ]
      >(
        `UPDATE clearances SET state = @state, may_have_arrived = MAX(may_have_arrived, @arrived), last_outcome = @outcome,
           last_status = @status, last_detail = @detail, last_messages = @messages, cleared_xml = @xml, cleared_qr = @qr,
           cleared_at = CASE WHEN @state = 'cleared' THEN @at END, updated_at = @at
         WHERE document_id = @id AND state = 'in-flight'`,
      ),
      /** Start-up: an attempt left in flight by a crash may have arrived. */
      requeueInFlight: db.prepare<[number]>(
        "UPDATE clearances SET state = 'awaiting', may_have_arrived = 1, last_outcome = 'interrupted', updated_at = ? WHERE state = 'in-flight'",
      ),
      withdraw: db.prepare<[number, number, number]>(
        `UPDATE clearances SET state = 'withdrawn', replaced_by = ?, updated_at = ?
         WHERE document_id = ? AND (state = 'rejected' OR (state = 'awaiting' AND may_have_arrived = 0))`,
      ),
      awaiting: db.prepare<[], AwaitingClearance>("SELECT document_id, attempts, updated_at FROM clearances WHERE state = 'awaiting' ORDER BY document_id"),
      // a standard document without a row (issued outside the counter, e.g. by `dukkan issue`) awaits clearance too
      counts: db.prepare<[], ClearanceCounts>(
        `SELECT COALESCE(SUM(c.state IS NULL OR c.state IN ('awaiting', 'in-flight')), 0) AS awaiting,
                COALESCE(SUM(c.state = 'rejected'), 0) AS rejected, COALESCE(SUM(c.state = 'cleared'), 0) AS cleared
         FROM documents d LEFT JOIN clearances c ON c.document_id = d.id WHERE d.profile = 'standard'`,
      ),
      // the status strip's count, asked on every status event: the clearances table alone (small, and its open
      // states indexed), never a scan of the ledger's documents
      strip: db.prepare<[], { awaiting: number; rejected: number }>(
        `SELECT COALESCE(SUM(state IN ('awaiting', 'in-flight')), 0) AS awaiting, COALESCE(SUM(state = 'rejected'), 0) AS rejected
         FROM clearances`,
      ),
    };
  }

  /** Inside the ledger's issuance transaction (Ledger.issue hooks): the new standard document awaits clearance. */
  insertAwaiting(documentId: number, customerId: number | null, at: Date): void {
    this.q.insert.run(documentId, customerId, at.getTime());
  }

  get(documentId: number): ClearanceRow | undefined {
    return this.q.get.get(documentId);
  }

  /** awaiting → in-flight before a byte is sent; false when the document is not awaiting. */
  claim(documentId: number, at: Date): boolean {
    return this.q.claim.run(at.getTime(), documentId).changes === 1;
  }

  settle(documentId: number, s: ClearanceSettlement, at: Date): boolean {
    return (
      this.q.settle.run({
        id: documentId,
        state: s.state,
        arrived: s.mayHaveArrived ? 1 : 0,
        outcome: s.outcome,
        status: s.httpStatus,
        detail: s.detail,
        messages: s.messages,
        xml: s.clearedXml ?? null,
        qr: s.clearedQr ?? null,
        at: at.getTime(),
      }).changes === 1
    );
  }

  requeueInFlight(at: Date): number {
    return this.q.requeueInFlight.run(at.getTime()).changes;
  }

  /** Rejected, or awaiting with no attempt that could have arrived → withdrawn for `replacement`; false otherwise. */
  withdraw(documentId: number, replacement: number, at: Date): boolean {
    return this.q.withdraw.run(replacement, at.getTime(), documentId).changes === 1;
  }

  /** Every document awaiting clearance, oldest first, with its attempts so far and when the last one settled. */
  awaiting(): AwaitingClearance[] {
    return this.q.awaiting.all();
  }

  counts(): ClearanceCounts {
    return this.q.counts.get()!;
  }

  /** The status strip's counts: documents issued at the counter awaiting clearance, and those not cleared. */
  stripCounts(): { awaiting: number; rejected: number } {
    return this.q.strip.get()!;
  }
}
