// SPDX-License-Identifier: UNLICENSED
// Opening a ledger only to read it (`dukkan audit`), wherever it is: a ledger in WAL mode needs its -shm file, which
// SQLite creates next to the database — impossible for a copy on read-only media, in a read-only folder or owned by
// another account (SQLITE_READONLY_DIRECTORY, SQLITE_CANTOPEN). Such a ledger is copied, with its -wal (the
// documents not yet checkpointed), into a private temporary folder and read there; the original is never written.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { openDeviceDatabase } from './openDeviceDatabase';

export interface ReadOnlyLedger {
  readonly db: SqliteDatabase;
  /** The temporary copy read instead of the file, when the file's folder could not be used. */
  readonly copy?: string;
  close(): void;
}

const cannotOpenInPlace = (e: unknown): boolean => /^SQLITE_(READONLY|CANTOPEN)/.test(String((e as { code?: unknown }).code ?? ''));

export function openReadOnlyLedger(file: string): ReadOnlyLedger {
  try {
    const db = openDeviceDatabase(file, { readonly: true });
    return { db, close: () => db.close() };
  } catch (e) {
    if (!cannotOpenInPlace(e)) throw e;
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-read-'));
    try {
      const copy = path.join(dir, path.basename(file));
      copyFileSync(file, copy);
      // the -shm is shared memory of the live connections: never copied, SQLite rebuilds it from the -wal
      if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
      const db = openDeviceDatabase(copy, { readonly: true });
      return {
        db,
        copy,
        close: () => {
          db.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (copyError) {
      rmSync(dir, { recursive: true, force: true });
      throw copyError;
    }
  }
}
