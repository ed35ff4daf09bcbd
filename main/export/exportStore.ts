// SPDX-License-Identifier: UNLICENSED
// What an export reads: every document of a period by issue date, in chain order, with its reporting state, a page
// at a time.
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

export interface ExportPosition {
  readonly chainId: number;
  readonly icv: number;
}

/**
 * The period's documents (issue date between `from` and `to`, in chain order) committed up to `lastId`, one page at a
 * time after `after`: an export reads a page, writes it while the till goes on selling on the same connection, and
 * asks for the next; a year of documents never has to fit in memory, and the sales made during the export are not in
 * it (it is of the documents there were when it was asked for).
 */
export function exportPage(
  db: SqliteDatabase,
  period: { readonly from: string; readonly to: string; readonly lastId: number },
  after: ExportPosition,
  limit: number,
): (ExportRow & { chain_id: number })[] {
  return db
    .prepare<[string, string, number, number, number, number], ExportRow & { chain_id: number }>(
      `SELECT d.chain_id, d.number, d.uuid, d.icv, d.kind, d.issue_date, d.issue_time, d.pih, d.hash, d.payable, d.xml, d.committed_at, j.state
       FROM documents d LEFT JOIN reporting_jobs j ON j.document_id = d.id
       WHERE d.issue_date >= ? AND d.issue_date <= ? AND d.id <= ? AND (d.chain_id, d.icv) > (?, ?)
       ORDER BY d.chain_id, d.icv LIMIT ?`,
    )
    .all(period.from, period.to, period.lastId, after.chainId, after.icv, limit);
}

/** The newest document's id: an export is of the documents there are when it is asked for. */
export function lastDocumentId(db: SqliteDatabase): number {
  return db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM documents').get()?.id ?? 0;
}
