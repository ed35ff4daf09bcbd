// SPDX-License-Identifier: UNLICENSED
// The app's pool of worker threads (runtime/workers/workerPool.ts) over its worker (dukkanWorker.ts), opened by
// main/app/openApp.ts and closed with it. Bundled, the worker is dukkan-worker.mjs in the bundle's own folder
// (runtime/workers/workerEntry.ts).
import { entryBeside } from '../../runtime/workers/workerEntry';
import { WorkerPool } from '../../runtime/workers/workerPool';
import type { Logger } from '../log/logger';
import type { DukkanTasks } from './dukkanTasks';

export type DukkanWorkers = WorkerPool<DukkanTasks>;

/** The file name of the worker's bundle, beside the main process's (scripts/buildBrowser.mjs, scripts/buildElectron.mjs). */
export const WORKER_BUNDLE_NAME = 'dukkan-worker';

export function openDukkanWorkers(options: { readonly size?: number; readonly logger?: Logger; readonly name?: string } = {}): DukkanWorkers {
  return new WorkerPool<DukkanTasks>({
    entry: entryBeside(import.meta.url, 'dukkanWorker', WORKER_BUNDLE_NAME),
    name: options.name ?? WORKER_BUNDLE_NAME,
    // receipts' rasters and the export of the day can wait a few milliseconds; the cashier's next scan cannot
    background: true,
    ...(options.size !== undefined ? { size: options.size } : {}),
    ...(options.logger ? { logger: options.logger.child({ component: 'workers' }) } : {}),
  });
}
