// SPDX-License-Identifier: UNLICENSED
// The audit trail of a period as CSV, for the export zip (main/export/exportDocuments): one row per event, by
// Riyadh calendar day as the documents are (the day the shop lives in), oldest first.
import { RIYADH_OFFSET_MS } from '../../app/time/riyadhTime';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { auditStatements } from './auditStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Lines of the audit trail's CSV per piece: tens of kilobytes, as a page of the export's manifest. */
const LINES_PER_PIECE = 256;

/**
 * The CSV a piece at a time (the header first, then up to LINES_PER_PIECE lines each, CRLF after every line), for
 * an entry compressed as it comes (main/export/deflatingEntry.ts). `from` and `to` are YYYY-MM-DD, both included;
 * `field` quotes one CSV field.
 */
export function* auditTrailCsv(db: SqliteDatabase, from: string, to: string, field: (v: string | number) => string): Generator<string> {
  const start = Date.parse(`${from}T00:00:00Z`) - RIYADH_OFFSET_MS;
  const end = Date.parse(`${to}T00:00:00Z`) - RIYADH_OFFSET_MS + DAY_MS;
  const rows = auditStatements(db).list.all({ from: start, to: end, user: null, kind: null, limit: 1_000_000 });
  yield 'at,kind,till,user,approved_by,shift,document,before,after,reason\r\n';
  for (let i = 0; i < rows.length; i += LINES_PER_PIECE) {
    const lines = rows
      .slice(i, i + LINES_PER_PIECE)
      .map((r) =>
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
    yield `${lines.join('\r\n')}\r\n`;
  }
}
