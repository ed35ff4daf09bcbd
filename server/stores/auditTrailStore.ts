// SPDX-License-Identifier: UNLICENSED
// SQL of the shop's audit trail (docs/store-server.md, "Manager page"): the audit events every till pushed
// (till_records of kind 'audit', main/storeSync/storeSyncStore.ts) of one business day in Riyadh, newest first.
import type { Queryable } from '../db/storage';

export interface AuditTrailRow {
  readonly branch: string;
  readonly terminal_name: string;
  readonly occurred_at: Date;
  /** The till's event as it pushed it: kind, user, approvedBy, document, before, after, reason (any may be null). */
  readonly body: Record<string, unknown>;
}

export const auditTrailStore = {
  /** The day's events (Riyadh calendar day, UTC+3, as the documents' dates), newest first; at most `limit`. */
  async ofDay(db: Queryable, query: { readonly date: string; readonly branch?: string }, limit: number): Promise<AuditTrailRow[]> {
    return db.query<AuditTrailRow>(
      `SELECT t.branch, t.name AS terminal_name, r.occurred_at, r.body
         FROM till_records r JOIN terminals t ON t.id = r.terminal_id
        WHERE r.kind = 'audit' AND r.occurred_at >= $1::timestamptz AND r.occurred_at < $1::timestamptz + interval '1 day'
          AND ($2::text IS NULL OR t.branch = $2)
        ORDER BY r.occurred_at DESC, r.event_id DESC LIMIT $3`,
      [`${query.date}T00:00:00+03:00`, query.branch ?? null, limit],
    );
  },
};
