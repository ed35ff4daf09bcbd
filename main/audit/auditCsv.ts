// SPDX-License-Identifier: UNLICENSED
// The audit trail of a period as CSV, for the export zip (main/export/exportDocuments): one row per event, by
// Riyadh calendar day as the documents are (the day the shop lives in), oldest first.
import { RIYADH_OFFSET_MS } from '../../app/time/riyadhTime';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { auditStatements } from './auditStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `from` and `to` are YYYY-MM-DD, both included; `field` quotes one CSV field. */
export function auditTrailCsv(db: SqliteDatabase, from: string, to: string, field: (v: string | number) => string): string {
  const start = Date.parse(`${from}T00:00:00Z`) - RIYADH_OFFSET_MS;
  const end = Date.parse(`${to}T00:00:00Z`) - RIYADH_OFFSET_MS + DAY_MS;
  const rows = auditStatements(db).list.all({ from: start, to: end, user: null, kind: null, limit: 1_000_000 });
  const lines = ['at,kind,till,user,approved_by,shift,document,before,after,reason'];
  for (const r of rows)
    lines.push(
      [
        new Date(r.at).toISOString(),
        r.kind,
        r.till,
        r.user_name ?? '',
        r.approved_by ?? '',
        r.shift_id ?? '',
        r.document_number ?? '',
        r.before_value ?? '',
        r.after_value ?? '',
        r.reason ?? '',
      ]
        .map(field)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}
