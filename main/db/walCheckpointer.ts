// SPDX-License-Identifier: UNLICENSED
// Takes the write-ahead log's checkpoints off the till's commits. SQLite checkpoints inside whichever commit takes the
// log past 1,000 pages: on a till that is every ~55th sale (a 5-line sale writes ~18 pages), which then copies ~4 MB
// into the database file and fsyncs it before the cashier gets the receipt — the slowest issuances of the ledger
// benchmark, on the main thread that answers every call (BENCHMARKS.md, "Ledger"). With this, the connections it is
// given never checkpoint on their own, and a worker thread does it (walCheckpoint.ts) a few seconds after the log was
// written to. Should the worker fail, SQLite's own checkpoints are turned back on and the log says so.
import { statSync } from 'node:fs';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { errorFields, type Logger } from '../log/logger';
import { sqliteAddonForWorkers } from '../workers/workerSqliteAddon';
import type { CheckpointJob, CheckpointResult } from './walCheckpoint';

/** SQLite's own threshold (pages), restored should the worker fail. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

export interface WalCheckpointerOptions {
  /** The database file; its log is `<file>-wal`. */
  readonly file: string;
  /** Runs the checkpoint in a worker thread (the app's pool, task 'ledger.checkpoint'). */
  readonly run: (job: CheckpointJob) => Promise<CheckpointResult>;
  readonly logger: Logger;
  /** How often the log is looked at; a checkpoint runs when it was written to since the last one. Default 5 s. */
  readonly everyMs?: number;
}

export class WalCheckpointer {
  private readonly connections = new Set<SqliteDatabase>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<CheckpointResult | undefined> | null = null;
  /** The log's modification time when the last checkpoint started: unchanged, there is nothing new to copy. */
  private checkpointedAt = -1;
  private gaveBack = false;
  private runs = 0;

  constructor(private readonly options: WalCheckpointerOptions) {}

  /** Checkpoints run so far (tests and benchmarks read it). */
  get checkpoints(): number {
    return this.runs;
  }

  /** The connections handed over (tests read it). */
  get attached(): readonly SqliteDatabase[] {
    return [...this.connections];
  }

  /** Takes `db`'s checkpoints over: its commits no longer copy the log into the database file. */
  attach(db: SqliteDatabase): void {
    db.pragma(`wal_autocheckpoint = ${this.gaveBack ? SQLITE_AUTOCHECKPOINT_PAGES : 0}`);
    this.connections.add(db);
  }

  start(): void {
    if (this.timer || this.gaveBack) return;
    this.timer = setInterval(() => void this.checkpointIfWritten(), this.options.everyMs ?? 5000);
    this.timer.unref(); // a till with nothing written has nothing to wait for
  }

  /** A checkpoint now, if the log was written to since the last one and none is running; its result, else undefined. */
  checkpointIfWritten(): Promise<CheckpointResult | undefined> {
    if (this.running || this.gaveBack) return this.running ?? Promise.resolve(undefined);
    const modified = statSync(`${this.options.file}-wal`, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    if (modified === this.checkpointedAt) return Promise.resolve(undefined);
    this.checkpointedAt = modified;
    const running = this.options
      .run({ dbFile: this.options.file, sqliteAddon: sqliteAddonForWorkers() })
      .then((result) => {
        this.runs++;
        return result;
      })
      .catch((e: unknown) => {
        this.giveBack(e);
        return undefined;
      })
      .finally(() => {
        this.running = null;
      });
    this.running = running;
    return running;
  }

  /** Stops looking at the log and waits for a checkpoint under way (the connections are closed after it). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Hands the checkpoints back to SQLite: the log must not grow without bound because a worker cannot run. */
  private giveBack(e: unknown): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.gaveBack = true;
    for (const db of this.connections) if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    this.options.logger.warn('ledger.checkpoint-on-commit', errorFields(e));
  }
}
