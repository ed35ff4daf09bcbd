// SPDX-License-Identifier: UNLICENSED
// The export of signed documents for a period, as a zip under <data>/exports (training: <data>/training/exports),
// by issue date as written in the documents (Riyadh local time; main/export).
import path from 'node:path';
import type { AppMode } from '../../../app/contract/types';
import type { SqliteDatabase } from '../../../native/sqlite/sqliteDriver';
import { exportDocuments } from '../../export/exportDocuments';
import type { ApiHandlers } from '../../ipc/dispatcher';

export const EXPORT_METHODS = ['export.documents'] as const;

export interface ExportServices {
  readonly dataDir: string;
  readonly clock: () => Date;
  mode(): AppMode;
  /** The database of the mode in use. */
  db(): SqliteDatabase;
}

export function exportHandlers(app: ExportServices): Pick<ApiHandlers, (typeof EXPORT_METHODS)[number]> {
  return {
    'export.documents': ({ from, to }) => {
      const training = app.mode() === 'training';
      return exportDocuments(app.db(), {
        from,
        to,
        dir: path.join(app.dataDir, ...(training ? ['training'] : []), 'exports'),
        now: app.clock(),
        training,
      });
    },
  };
}
