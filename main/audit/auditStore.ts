// SPDX-License-Identifier: UNLICENSED
// The audit_events table of migration 0050: append-only (triggers refuse UPDATE and DELETE), read by filter.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface AuditRow {
  id: number;
  at: number;
  kind: string;
  till: string;
  user_id: number | null;
  user_name: string | null;
  approved_by: string | null;
  shift_id: number | null;
  document_number: string | null;
  before_value: string | null;
  after_value: string | null;
  reason: string | null;
}

export type AuditInsert = Omit<AuditRow, 'id'>;

export interface AuditFilterParams {
  from: number | null;
  to: number | null;
  user: string | null;
  kind: string | null;
  limit: number;
}

export function auditStatements(db: SqliteDatabase) {
  return {
    insert: db.prepare<[AuditInsert]>(
      `INSERT INTO audit_events (at, kind, till, user_id, user_name, approved_by, shift_id, document_number, before_value, after_value, reason)
       VALUES (@at, @kind, @till, @user_id, @user_name, @approved_by, @shift_id, @document_number, @before_value, @after_value, @reason)`,
    ),
    /** Each filter is optional: a null parameter matches everything. */
    list: db.prepare<[AuditFilterParams], AuditRow>(
      `SELECT * FROM audit_events
       WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
         AND (@user IS NULL OR user_name = @user) AND (@kind IS NULL OR kind = @kind)
       ORDER BY id LIMIT @limit`,
    ),
    externalRefundsBetween: db.prepare<[number, number], { n: number }>(
      "SELECT COUNT(*) AS n FROM audit_events WHERE kind = 'refund' AND before_value LIKE 'external %' AND at >= ? AND at < ?",
    ),
    countsBetween: db.prepare<[number, number], { kind: string; n: number }>(
      'SELECT kind, COUNT(*) AS n FROM audit_events WHERE at >= ? AND at < ? GROUP BY kind',
    ),
  };
}
