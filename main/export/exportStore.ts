// SPDX-License-Identifier: UNLICENSED
// What an export reads: every document of a period by issue date, in chain order, with its reporting state.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface ExportRow {
  number: string;
  uuid: string;
  icv: number;
  kind: string;
  issue_date: string;
  issue_time: string;
  pih: string;
  hash: string;
  payable: string;
  xml: Buffer;
  committed_at: number;
  state: string | null;
}

/** Iterated, never loaded at once: a year of documents does not have to fit in memory. */
export function documentsIssuedBetween(db: SqliteDatabase, from: string, to: string): IterableIterator<ExportRow> {
  return db
    .prepare<[string, string], ExportRow>(
      `SELECT d.number, d.uuid, d.icv, d.kind, d.issue_date, d.issue_time, d.pih, d.hash, d.payable, d.xml, d.committed_at, j.state
       FROM documents d LEFT JOIN reporting_jobs j ON j.document_id = d.id
       WHERE d.issue_date >= ? AND d.issue_date <= ? ORDER BY d.chain_id, d.icv`,
    )
    .iterate(from, to);
}
