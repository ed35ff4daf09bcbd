// SPDX-License-Identifier: UNLICENSED
// The tasks the app's worker threads run (dukkanWorker.ts), by name, with their input and output types: what the
// main thread may ask of them (dukkanWorkers.ts). Types only, so the main thread loads none of the code.
import type { PaperDots, QrPlan } from '../../app/receipt/qrPlan';
import type { exportFromFile } from '../export/exportInWorker';
import type { rasterFromPng, stripFromPng } from '../printing/receiptRaster';

export type DukkanTasks = {
  /** Screenshot PNG → 1-bit image, QR self-check, ESC/POS job (main/printing/receiptRaster.ts). */
  readonly 'receipt.raster': typeof rasterFromPng;
  /** One strip of a receipt captured in strips → its part of the ESC/POS job (main/printing/receiptStream.ts). */
  readonly 'receipt.strip': typeof stripFromPng;
  /** The receipt QR's symbol and size on this paper (app/receipt/qrPlan.ts; qrcode takes ~18 ms a receipt). */
  readonly 'receipt.qr-plan': (input: { readonly text: string; readonly paperDots: PaperDots }) => QrPlan;
  /** A planned export's zip, on the thread's own read-only connection (main/export/documentExporter.ts). */
  readonly 'export.documents': typeof exportFromFile;
};
