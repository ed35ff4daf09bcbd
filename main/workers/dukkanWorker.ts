// SPDX-License-Identifier: UNLICENSED
// The app's worker thread (started by dukkanWorkers.ts): each task's module is loaded at its first job. Bundled on
// its own as dukkan-worker.mjs beside the main process's bundle (scripts/buildBrowser.mjs, scripts/buildElectron.mjs);
// from the sources started through runtime/workers/workerBoot.mjs.
import { serveTasks } from '../../runtime/workers/serveTasks';
import type { DukkanTasks } from './dukkanTasks';

serveTasks<DukkanTasks>({
  'receipt.raster': () => import('../printing/receiptRaster').then((m) => m.rasterFromPng),
  'receipt.strip': () => import('../printing/receiptRaster').then((m) => m.stripFromPng),
  'receipt.qr-plan': () => import('../../app/receipt/qrPlan').then((m) => (input) => m.planQr(input.text, input.paperDots)),
  'export.documents': () => import('../export/exportInWorker').then((m) => m.exportFromFile),
});
