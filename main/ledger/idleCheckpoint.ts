// SPDX-License-Identifier: UNLICENSED
// The ledger's write-ahead log copied into the database file between sales. Left to SQLite, the commit that takes
// the log past 1,000 pages does the copy and its fsync itself: every ~56th 5-line sale paid 4–5 ms for it, which is
// where the issuance's p99 fell (BENCHMARKS.md, "Ledger"). At a counter the next sale is seconds away, so once a few
// documents are in the log and no issuance has started for a moment, the ledger's own connection checkpoints.
// SQLite's checkpoint stays as the backstop for a burst of sales with no pause between them.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

/** How long the ledger waits with nothing to issue before it checkpoints: past the sale, before the next one. */
export const IDLE_CHECKPOINT_MS = 200;

/**
 * Documents issued before an idle checkpoint is worth its fsync of the database file: 16 5-line sales are ~290 of
 * the log's pages, well under the 1,000 at which SQLite would checkpoint inside a commit.
 */
export const CHECKPOINT_AFTER_DOCUMENTS = 16;

export interface IdleCheckpointOutcome {
  /** Frames in the log, and how many of them are now in the database file. */
  readonly logFrames: number;
  readonly checkpointed: number;
  /** A reader kept part of the log from being copied (a later checkpoint copies it). */
  readonly busy: boolean;
}

export interface IdleCheckpointOptions {
  readonly idleMs?: number;
  readonly afterDocuments?: number;
  /** Told of a checkpoint that failed; SQLite's own checkpoints go on. */
  readonly onError?: (error: unknown) => void;
}

export class IdleCheckpoint {
  private timer: NodeJS.Timeout | null = null;
  private issued = 0;
  private runs = 0;
  private last: IdleCheckpointOutcome | null = null;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly options: IdleCheckpointOptions = {},
  ) {}

  /** Checkpoints run so far and the last one's outcome (tests and the benchmark read them). */
  get count(): number {
    return this.runs;
  }

  get lastOutcome(): IdleCheckpointOutcome | null {
    return this.last;
  }

  /** An issuance starts: no checkpoint until the ledger is idle again. */
  busy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The ledger has nothing in flight; `documents` were committed since it was last idle. */
  idle(documents: number): void {
    this.busy();
    this.issued += documents;
    if (this.issued < (this.options.afterDocuments ?? CHECKPOINT_AFTER_DOCUMENTS)) return;
    this.timer = setTimeout(() => this.run(), this.options.idleMs ?? IDLE_CHECKPOINT_MS);
    this.timer.unref(); // a process that is done (the command line) does not wait for it
  }

  private run(): void {
    this.timer = null;
    if (!this.db.open) return;
    try {
      // PASSIVE: copies what no reader still needs, without waiting for the reporting worker's connection
      const [row] = this.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      this.last = { logFrames: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0, busy: (row?.busy ?? 0) !== 0 };
      this.runs++;
      this.issued = 0;
    } catch (e) {
      this.options.onError?.(e);
    }
  }
}
