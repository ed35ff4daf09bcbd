// SPDX-License-Identifier: UNLICENSED
// The z_reports table of migration 0040: one row per closed period, numbered, with the report as issued.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface ZRow {
  number: number;
  to_document_id: number;
  closed_at: number;
}

export function zReportStatements(db: SqliteDatabase) {
  return {
    lastZ: db.prepare<[], ZRow>('SELECT number, to_document_id, closed_at FROM z_reports ORDER BY number DESC LIMIT 1'),
    insertZ: db.prepare<[number, number, number, number | null, string]>(
      'INSERT INTO z_reports (number, to_document_id, closed_at, closed_by, report_json) VALUES (?, ?, ?, ?, ?)',
    ),
    list: db.prepare<[], ZRow & { report_json: string }>('SELECT number, to_document_id, closed_at, report_json FROM z_reports ORDER BY number DESC'),
    byNumber: db.prepare<[number], { report_json: string }>('SELECT report_json FROM z_reports WHERE number = ?'),
  };
}
