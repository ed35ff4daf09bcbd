// SPDX-License-Identifier: UNLICENSED
// What a backup's manifest says about the ledger it holds (main/backup/backupManifest.ts), read from the snapshot
// itself so the manifest describes exactly the bytes that were encrypted: each chain's ICV range, head hash and
// dates, the device id (migration 0020) and the EGS serial of the active environment. Read-only statements over the
// tables of migrations 0010 and 0020; bound parameters only.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface ChainRangeRow {
  readonly issuer: string;
  readonly serial: string;
  readonly first_icv: number;
  readonly last_icv: number;
  readonly documents: number;
  readonly head_hash: string;
  readonly first_issued_at: number;
  readonly last_issued_at: number;
}

/** Every chain that holds at least one document, with its range; in chain order. */
export function chainRanges(db: SqliteDatabase): ChainRangeRow[] {
  return db
    .prepare<[], ChainRangeRow>(
      `SELECT c.certificate_issuer AS issuer, c.certificate_serial AS serial, MIN(d.icv) AS first_icv, MAX(d.icv) AS last_icv,
         COUNT(*) AS documents, (SELECT hash FROM documents WHERE chain_id = c.id ORDER BY icv DESC LIMIT 1) AS head_hash,
         MIN(d.issued_at) AS first_issued_at, MAX(d.issued_at) AS last_issued_at
       FROM chains c JOIN documents d ON d.chain_id = c.id GROUP BY c.id ORDER BY c.id`,
    )
    .all();
}

/** The device's identity and the EGS serial and common name of its active environment, when onboarded. */
export function terminalIdentity(db: SqliteDatabase): { device_id: string; egs_serial: string | null; common_name: string | null } | undefined {
  return db
    .prepare<[], { device_id: string; egs_serial: string | null; common_name: string | null }>(
      `SELECT i.device_id, o.egs_serial, o.common_name
       FROM device_identity i LEFT JOIN onboarding o ON o.environment = i.active_environment WHERE i.id = 1`,
    )
    .get();
}

/**
 * Takes and releases SQLite's exclusive lock in exclusive locking mode, which a WAL database grants only to a
 * connection that is alone: SQLITE_BUSY means another connection (a running app) has the ledger open.
 */
export function takeExclusiveLock(db: SqliteDatabase): void {
  db.pragma('locking_mode = EXCLUSIVE');
  db.exec('BEGIN EXCLUSIVE');
  db.exec('COMMIT');
}
