// SPDX-License-Identifier: UNLICENSED
// The app's exports (export.documents): planned on the connection that sells, then written in a worker thread of
// their own with a read-only connection (exportInWorker.ts). Reading and listing a long day's documents was the
// last block of the till's event loop in the 20,000-sale soak (BENCHMARKS.md, "A long day"); in its own thread it
// also leaves the printing worker to the receipts. One thread per export, started with it and stopped after it: an
// export is rare, and an idle thread would hold its memory all day.
import { rmSync } from 'node:fs';
import type { ExportResult } from '../../app/contract/types';
import { DukkanError } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { errorFields, type Logger } from '../log/logger';
import { openDukkanWorkers, type DukkanWorkers } from '../workers/dukkanWorkers';
import { sqliteAddonForWorkers } from '../workers/workerSqliteAddon';
import { releaseFreeMemory } from '../../native/memory/releaseFreeMemory';
import { planExport, writeExport, type ExportOptions, type ExportPlan } from './exportDocuments';
import { ZipWriter } from './zipWriter';

/** A year of a busy till is minutes of work; past this the thread is stopped and the export fails. */
const EXPORT_TIMEOUT_MS = 30 * 60_000;

export interface DocumentExporterOptions {
  /** false: exports run on the main thread (openApp's `workerThreads: 0`). */
  readonly threads: boolean;
  readonly logger: Logger;
  /**
   * Where the memory release after an export waits for a quiet moment (main/app/quietMoments.ts: a sale answered
   * while glibc trims costs the main thread more CPU); without it the release starts as the export ends.
   */
  readonly whenQuiet?: (work: () => void) => void;
}

export class DocumentExporter {
  private readonly running = new Set<DukkanWorkers>();
  private closed = false;
  private inThreads = 0;
  private released = 0;
  private releasing = 0;

  constructor(private readonly options: DocumentExporterOptions) {}

  /** Exports written by a worker thread so far (tests read it: the fallback below must not pass unseen). */
  get writtenInThreads(): number {
    return this.inThreads;
  }

  /** Exports after which the allocator gave memory back to the system (tests read it). */
  get memoryReleases(): number {
    return this.released;
  }

  /** Releases asked for that have not finished: waiting for a quiet moment or running (the soak bench reads it). */
  get pendingReleases(): number {
    return this.releasing;
  }

  /** Exports the period of the ledger `db`, whose file is `dbFile`. */
  async export(db: SqliteDatabase, dbFile: string, options: ExportOptions): Promise<ExportResult> {
    try {
      return await this.write(db, dbFile, planExport(db, options));
    } finally {
      // what the export freed (its thread's memory among it) goes back to the system instead of staying in glibc's
      // arenas, where the till's memory kept the high-water mark of the day's biggest export (releaseFreeMemory.ts)
      this.releasing++;
      const release = () =>
        void releaseFreeMemory().then((outcome) => {
          this.releasing--;
          if (outcome === 'released') this.released++;
          this.options.logger.info('export.memory-released', { outcome });
        });
      if (this.options.whenQuiet) this.options.whenQuiet(release);
      else release();
    }
  }

  private async write(db: SqliteDatabase, dbFile: string, plan: ExportPlan): Promise<ExportResult> {
    if (!this.options.threads) return writeExport(db, plan);
    if (this.closed) throw new DukkanError('worker.closed', { task: 'export.documents' });
    const pool = openDukkanWorkers({ size: 1, name: 'dukkan-export', logger: this.options.logger });
    this.running.add(pool);
    try {
      const result = await pool.run('export.documents', { dbFile, sqliteAddon: sqliteAddonForWorkers(), plan }, { timeoutMs: EXPORT_TIMEOUT_MS });
      this.inThreads++;
      return result;
    } catch (e) {
      // a thread stopped mid-write could not remove its unfinished zip; once it has ended, nothing writes it again
      await pool.close();
      rmSync(ZipWriter.temporaryFileOf(plan.file), { force: true });
      if (!(e instanceof DukkanError && e.code === 'worker.died') || this.closed) throw e;
      // a thread that could not run (its native module refused, memory): the export is still owed to the shop
      this.options.logger.warn('export.on-main-thread', errorFields(e));
      return writeExport(db, plan);
    } finally {
      this.running.delete(pool);
      await pool.close();
    }
  }

  /** Stops the exports under way: each fails with worker.closed and leaves no file. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.running].map((pool) => pool.close()));
  }
}
