// SPDX-License-Identifier: UNLICENSED
// A consistent copy of the live ledger, for a backup. Never a file copy: the live database is in WAL mode and a copy
// of dukkan.sqlite without its -wal misses the newest documents, and one taken while a checkpoint runs is torn. This
// is SQLite's online backup API (better-sqlite3's db.backup()), which copies pages under a read lock and starts over
// when another connection writes meanwhile, so the copy is always one committed state.
//
// It runs on the connection that issues documents, in steps of STEP_PAGES with the event loop free between them, so
// the till keeps selling: a document issued on this connection mid-copy is carried into the copy by SQLite itself.
// A write by another connection (the reporting worker's) restarts the copy; after MAX_RESTARTS the rest is copied in
// one step, holding the read lock for the fraction of a second that takes (BENCHMARKS.md, "Backups").
import { rmSync } from 'node:fs';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

/** 16 MiB at SQLite's 4 KiB pages. */
const STEP_PAGES = 4096;
const MAX_RESTARTS = 3;
const ALL_PAGES = 0x7fffffff;

export interface SnapshotResult {
  readonly pages: number;
  readonly restarts: number;
}

/** Copies `db` into the new file `to` (which must not exist); removes it again when the copy fails. */
export async function snapshotDatabase(db: SqliteDatabase, to: string): Promise<SnapshotResult> {
  let restarts = 0;
  let lastRemaining = Number.POSITIVE_INFINITY;
  try {
    const result = await db.backup(to, {
      progress: ({ remainingPages }) => {
        if (remainingPages > lastRemaining) restarts++;
        lastRemaining = remainingPages;
        return restarts >= MAX_RESTARTS ? ALL_PAGES : STEP_PAGES;
      },
    });
    return { pages: result.totalPages, restarts };
  } catch (e) {
    rmSync(to, { force: true });
    throw e;
  }
}
