// SPDX-License-Identifier: UNLICENSED
// SQLite's own checks of a database file, for `dukkan audit`: the chain audit (main/ledger/auditLedger.ts) reads the
// documents table in chain order and would pass a file whose indexes are damaged — the ones issuance reads (the
// clock guard's MAX(committed_at), the number index), so the next issue fails on a file audit called good.
// - integrity_check: every page, every b-tree, every index entry against its row (sqlite.org/pragma.html);
// - foreign_key_check: every reference (a line, a reporting job, a note's original) points at a row that exists.
// Both read only; both answer "ok" / nothing on a healthy file.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface DatabaseChecks {
  /** integrity_check's findings, empty when it said "ok" (at most `max`). */
  readonly integrity: readonly string[];
  /** One line per row whose reference points nowhere (at most `max`). */
  readonly foreignKeys: readonly string[];
}

interface ForeignKeyRow {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

/**
 * A check pragma's findings. On some damage (an index's root page overwritten) integrity_check itself stops with
 * SQLITE_CORRUPT; quick_check, which skips the index-to-row comparison, still names the page — and when even it
 * stops, the error is the finding.
 */
function integrityFindings(db: SqliteDatabase, max: number): string[] {
  for (const check of ['integrity_check', 'quick_check']) {
    try {
      return (db.pragma(`${check}(${max})`) as Record<string, string>[]).map((r) => String(Object.values(r)[0])).filter((t) => t !== 'ok');
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'SQLITE_CORRUPT' || check === 'quick_check') return [`${check} stopped: ${(e as Error).message}`];
    }
  }
  return [];
}

export function checkDatabase(db: SqliteDatabase, max = 100): DatabaseChecks {
  const integrity = integrityFindings(db, max);
  const foreignKeys = (db.pragma('foreign_key_check') as ForeignKeyRow[])
    .slice(0, max)
    .map((r) => `${r.table} row ${r.rowid ?? '?'} refers to a ${r.parent} row that does not exist`);
  return { integrity, foreignKeys };
}

/** True when both checks passed. */
export const databaseOk = (c: DatabaseChecks): boolean => c.integrity.length === 0 && c.foreignKeys.length === 0;
