// SPDX-License-Identifier: UNLICENSED
// The app's exports (export.documents): planned on the connection that sells, then written in a worker thread of
// their own with a read-only connection (exportInWorker.ts). Reading and listing a long day's documents was the
// last block of the till's event loop in the 20,000-sale soak (BENCHMARKS.md, "A long day"); in its own thread it
// also leaves the printing worker to the receipts. The thread starts with the first export and is kept while
// exports follow one another, then stopped once none came for IDLE_STOP_MS: a thread started and stopped for every
// export left ~0.8 MiB of native memory behind each time (BENCHMARKS.md, "A long day"), and an idle day holds none.
import { rmSync } from 'node:fs';
import type { ExportResult } from '../../app/contract/types';
import { DukkanError } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { errorFields, type Logger } from '../log/logger';
import { openDukkanWorkers, type DukkanWorkers } from '../workers/dukkanWorkers';
import { sqliteAddonForWorkers } from '../workers/workerSqliteAddon';
import { planExport, writeExport, type ExportOptions } from './exportDocuments';
import { ZipWriter } from './zipWriter';

/** A year of a busy till is minutes of work; past this the thread is stopped and the export fails. */
const EXPORT_TIMEOUT_MS = 30 * 60_000;

/** A manager's exports come in runs (the day, the month, again after a fix): one thread serves a run of them. */
export const IDLE_STOP_MS = 15 * 60_000;

export interface DocumentExporterOptions {
  /** false: exports run on the main thread (openApp's `workerThreads: 0`). */
  readonly threads: boolean;
  readonly logger: Logger;
  /** How long the thread is kept after an export (default IDLE_STOP_MS; tests shorten it). */
  readonly idleStopMs?: number;
}

export class DocumentExporter {
  private pool: DukkanWorkers | null = null;
  private running = 0;
  private idleStop: NodeJS.Timeout | null = null;
  private closed = false;
  private inThreads = 0;

  constructor(private readonly options: DocumentExporterOptions) {}

  /** Exports written by a worker thread so far (tests read it: the fallback below must not pass unseen). */
  get writtenInThreads(): number {
    return this.inThreads;
  }

  /** Threads started for exports so far (tests read it: a run of exports shares one, an idle exporter has none). */
  get threadsStarted(): number {
    return this.pool?.workersStarted ?? 0;
  }

  /** Exports the period of the ledger `db`, whose file is `dbFile`. */
  async export(db: SqliteDatabase, dbFile: string, options: ExportOptions): Promise<ExportResult> {
    const plan = planExport(db, options);
    if (!this.options.threads) return writeExport(db, plan);
    if (this.closed) throw new DukkanError('worker.closed', { task: 'export.documents' });
    const pool = (this.pool ??= openDukkanWorkers({ size: 1, name: 'dukkan-export', logger: this.options.logger }));
    this.running++;
    if (this.idleStop) clearTimeout(this.idleStop);
    try {
      const result = await pool.run('export.documents', { dbFile, sqliteAddon: sqliteAddonForWorkers(), plan }, { timeoutMs: EXPORT_TIMEOUT_MS });
      this.inThreads++;
      return result;
    } catch (e) {
      // a thread stopped mid-write could not remove its unfinished zip
      rmSync(ZipWriter.temporaryFileOf(plan.file), { force: true });
      if (!(e instanceof DukkanError && e.code === 'worker.died') || this.closed) throw e;
      // a thread that could not run (its native module refused, memory): the export is still owed to the shop
      this.options.logger.warn('export.on-main-thread', errorFields(e));
      return writeExport(db, plan);
    } finally {
      if (--this.running === 0 && !this.closed) {
        // no export in flight: recycle() stops the thread, and the next export starts another
        this.idleStop = setTimeout(() => pool.recycle('idle after exports'), this.options.idleStopMs ?? IDLE_STOP_MS);
        this.idleStop.unref();
      }
    }
  }

  /** Stops the exports under way (each fails with worker.closed and leaves no file) and the thread. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idleStop) clearTimeout(this.idleStop);
    await this.pool?.close();
  }
}
