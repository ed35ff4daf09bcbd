// SPDX-License-Identifier: UNLICENSED
// A checkpoint of the device database's write-ahead log as a worker thread's task (main/workers/dukkanTasks.ts):
// the pages committed to <file>-wal are copied into the database file and that file is fsynced, on a connection of
// the thread's own. Left to SQLite, a commit that takes the log past 1,000 pages does this itself, inside the sale's
// commit on the main thread (BENCHMARKS.md, "Ledger"); walCheckpointer.ts hands it here instead.
import { openSqlite } from '../../native/sqlite/sqliteDriver';

export interface CheckpointJob {
  /** The database file (its log is `<file>-wal`). */
  readonly dbFile: string;
  /** better-sqlite3's addon, as the main thread found it (main/workers/workerSqliteAddon.ts). */
  readonly sqliteAddon: string | undefined;
}

export interface CheckpointResult {
  /** Frames in the log when the checkpoint ran, and how many of them are now in the database file. */
  readonly logFrames: number;
  readonly checkpointed: number;
  /** Whether another connection's lock kept the checkpoint from running at all (it is tried again later). */
  readonly busy: boolean;
}

/**
 * PASSIVE: copies what it can without waiting for the till's readers or writers, which go on meanwhile (WAL lets a
 * checkpoint run beside them); what a reader still needs is copied by a later checkpoint.
 */
export function checkpointWal(job: CheckpointJob): CheckpointResult {
  const db = openSqlite(job.dbFile, { mustExist: true, busyTimeoutMs: 10_000, ...(job.sqliteAddon !== undefined ? { addonFile: job.sqliteAddon } : {}) });
  try {
    // the database file's copy is made durable before the log can be reused (openDeviceDatabase.ts: FULL)
    db.pragma('synchronous = FULL');
    // this connection writes nothing; should it ever, its commit must not checkpoint either
    db.pragma('wal_autocheckpoint = 0');
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    return { logFrames: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0, busy: (row?.busy ?? 0) !== 0 };
  } finally {
    db.close();
  }
}
