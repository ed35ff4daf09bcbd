// SPDX-License-Identifier: UNLICENSED
// The device database: one SQLite file per terminal (the ledger, onboarding state, reporting outbox). WAL so readers
// (status screen, audit) never block the counter; synchronous=FULL so a committed document survives a power cut.
import path from 'node:path';
import { createPrivateFile, makePrivateDir } from '../fs/privateFiles';
import { openSqlite, type SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { assertSchemaNotNewer, migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';

export const DATABASE_FILE_NAME = 'dukkan.sqlite';

export interface DeviceDatabaseOptions {
  readonly busyTimeoutMs?: number;
  readonly readonly?: boolean;
  /** better-sqlite3's addon file, for a worker thread's bundle that carries the package without it (native/sqlite/sqliteAddon.ts). */
  readonly addonFile?: string | undefined;
}

export function openDeviceDatabase(file: string, options: DeviceDatabaseOptions = {}): SqliteDatabase {
  if (!options.readonly) {
    // owner-only from the first byte: SQLite gives the -wal and -shm files the database file's mode (privateFiles.ts)
    makePrivateDir(path.dirname(path.resolve(file)));
    createPrivateFile(file);
  }
  const db = openSqlite(file, {
    busyTimeoutMs: options.busyTimeoutMs ?? 10_000,
    readonly: options.readonly ?? false,
    mustExist: options.readonly ?? false,
    addonFile: options.addonFile,
  });
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    // read-only openers still refuse a newer schema: an old app cannot interpret it
    if (options.readonly) assertSchemaNotNewer(db, MIGRATIONS);
    else migrate(db, MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
