// SPDX-License-Identifier: UNLICENSED
// The export as a worker thread's task (main/workers/dukkanTasks.ts): the zip of a planned export written on the
// thread's own read-only connection to the ledger, so reading 20,000 documents and building their manifest never
// holds up the event loop that answers the till (BENCHMARKS.md, "A long day"). SQLite's WAL lets it read while the
// main thread goes on writing sales; the plan's last document id keeps those sales out of it.
import type { ExportResult } from '../../app/contract/types';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import { writeExport, type ExportPlan } from './exportDocuments';

export interface ExportJob {
  /** The ledger's database file (the mode's own: <data>/dukkan.sqlite or <data>/training/dukkan.sqlite). */
  readonly dbFile: string;
  /** better-sqlite3's addon, as the main thread found it (main/workers/workerSqliteAddon.ts); undefined: its own lookup. */
  readonly sqliteAddon: string | undefined;
  readonly plan: ExportPlan;
}

export async function exportFromFile(job: ExportJob): Promise<ExportResult> {
  const db = openDeviceDatabase(job.dbFile, { readonly: true, addonFile: job.sqliteAddon });
  try {
    return await writeExport(db, job.plan);
  } finally {
    db.close();
  }
}
