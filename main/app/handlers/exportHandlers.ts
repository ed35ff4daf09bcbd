// SPDX-License-Identifier: UNLICENSED
// The export of signed documents for a period, as a zip under <data>/exports (training: <data>/training/exports),
// by issue date as written in the documents (Riyadh local time; main/export).
import path from 'node:path';
import type { AppMode } from '../../../app/contract/types';
import type { SqliteDatabase } from '../../../native/sqlite/sqliteDriver';
import type { DocumentExporter } from '../../export/documentExporter';
import type { ApiHandlers } from '../../ipc/dispatcher';

export const EXPORT_METHODS = ['export.documents'] as const;

export interface ExportServices {
  readonly dataDir: string;
  readonly clock: () => Date;
  mode(): AppMode;
  /** The database of the mode in use, and its file. */
  db(): SqliteDatabase;
  dbFile(): string;
  /** Writes the zip in a worker thread of its own (main/export/documentExporter.ts). */
  readonly exporter: DocumentExporter;
}

export function exportHandlers(app: ExportServices): Pick<ApiHandlers, (typeof EXPORT_METHODS)[number]> {
  return {
    'export.documents': ({ from, to }) => {
      const training = app.mode() === 'training';
      return app.exporter.export(app.db(), app.dbFile(), {
        from,
        to,
        dir: path.join(app.dataDir, ...(training ? ['training'] : []), 'exports'),
        now: app.clock(),
        training,
      });
    },
  };
}
