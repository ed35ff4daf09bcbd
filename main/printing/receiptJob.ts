// SPDX-License-Identifier: UNLICENSED
// From a committed document's ReceiptModel to the exact bytes for the printer:
// plan the QR → render the one HTML template → rasterize → 1-bit → self-check the QR → ESC/POS bands + cut.
// With the app's worker threads (main/workers) the QR plan and everything after Chromium's capture — PNG decode,
// 1-bit, self-check, bands — run there, so the main thread only renders the template and drives Chromium
// (BENCHMARKS.md, "A long day"); the bytes are the same either way (test/printer/workerPrinting.test.ts).
import type { MonoBitmap } from '../../app/receipt/monochrome';
import { planQr, QrCannotFitError, type PaperDots, type QrPlan } from '../../app/receipt/qrPlan';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { DukkanError } from '../../app/errors/index';
import type { DukkanWorkers } from '../workers/dukkanWorkers';
import { PrintError } from './printError';
import type { QrSelfCheckResult } from './qrSelfCheck';
import type { PixelBox, ReceiptRasterizer } from './rasterizer';
import type { RasterOutcome } from './receiptRaster';
import { offThread, RASTER_TIMEOUT_MS, rasterToJob } from './rasterToJob';
import type { ReceiptTemplate } from './receiptTemplate';

export interface PaperProfile {
  readonly paperDots: PaperDots;
  /** Rows per GS v 0 band (default: what keeps a band under 4 KiB, app/receipt/rasterBands). */
  readonly bandRows?: number;
  /** 1-bit threshold (default app/receipt/monochrome DEFAULT_THRESHOLD). */
  readonly threshold?: number;
  /** Extra feed before the cut, motion units. */
  readonly cutFeed?: number;
}

export interface ReceiptDocument {
  readonly html: string;
  readonly plan: QrPlan;
}

/** The receipt HTML for this paper, with the QR planned; refuses (qr-unprintable) a QR that cannot scan. */
export function receiptDocument(model: ReceiptModel, paperDots: PaperDots, template: ReceiptTemplate): ReceiptDocument {
  let plan: QrPlan;
  try {
    plan = planQr(model.qr, paperDots);
  } catch (e) {
    throw qrUnprintable(e, model, paperDots);
  }
  return documentWithPlan(model, paperDots, template, plan);
}

function documentWithPlan(model: ReceiptModel, paperDots: PaperDots, template: ReceiptTemplate, plan: QrPlan): ReceiptDocument {
  const html = template(model, { paperDots, qrModulePx: plan.modulePx, qrErrorCorrection: plan.errorCorrection, qrMatrix: plan.matrix });
  return { html, plan };
}

/** A QR that cannot fit (app/receipt/qrPlan), raised here or in a worker (which carries back its receipt.qr-* code). */
function qrUnprintable(e: unknown, model: ReceiptModel, paperDots: PaperDots): unknown {
  if (e instanceof QrCannotFitError || (e instanceof DukkanError && e.code.startsWith('receipt.qr-')))
    return new PrintError('print.qr-unprintable', { receipt: model.number, chars: model.qr.length, mm: paperDots === 384 ? 58 : 80 }, { cause: e });
  return e;
}

export interface PreparedReceiptJob extends ReceiptDocument {
  readonly image: MonoBitmap;
  readonly qrBox: PixelBox | null;
  /** ESC @ … GS v 0 bands … GS V: the whole job. */
  readonly bytes: Uint8Array;
}

export interface PrepareOptions {
  readonly openDrawer?: boolean;
}

export interface ReceiptRenderKit {
  readonly template: ReceiptTemplate;
  readonly rasterizer: ReceiptRasterizer;
  /** Worker threads for the CPU work; without them (or a rasterizer without capture) it runs on this thread. */
  readonly workers?: DukkanWorkers;
}

export async function prepareReceiptJob(
  model: ReceiptModel,
  kit: ReceiptRenderKit,
  profile: PaperProfile,
  options: PrepareOptions = {},
): Promise<PreparedReceiptJob> {
  const workers = offThread(kit);
  const doc = workers ? await documentOffThread(model, profile.paperDots, kit.template, workers) : receiptDocument(model, profile.paperDots, kit.template);
  let outcome: RasterOutcome & { readonly qrBox: PixelBox | null };
  try {
    outcome = await rasterToJob(kit, doc.html, profile.paperDots, {
      qrText: model.qr,
      ...(profile.threshold !== undefined ? { threshold: profile.threshold } : {}),
      escpos: {
        ...(profile.bandRows !== undefined ? { bandRows: profile.bandRows } : {}),
        ...(profile.cutFeed !== undefined ? { cutFeed: profile.cutFeed } : {}),
        openDrawer: options.openDrawer ?? false,
      },
    });
  } catch (e) {
    throw new PrintError('print.render-failed', { receipt: model.number }, { cause: e });
  }
  const check = outcome.qr!;
  if (!check.ok || !outcome.bytes) throw qrRefusal(model, check);
  return { ...doc, image: outcome.image, qrBox: outcome.qrBox, bytes: outcome.bytes };
}

/** The refusal for a QR self-check that failed (main/printing/qrSelfCheck.ts). */
export function qrRefusal(model: ReceiptModel, check: QrSelfCheckResult): PrintError {
  return check.decoded === null
    ? new PrintError('print.qr-unreadable', { receipt: model.number })
    : new PrintError('print.qr-mismatch', { receipt: model.number, printedChars: check.decoded.length, storedChars: model.qr.length });
}

export async function documentOffThread(
  model: ReceiptModel,
  paperDots: PaperDots,
  template: ReceiptTemplate,
  workers: DukkanWorkers,
): Promise<ReceiptDocument> {
  let plan: QrPlan;
  try {
    plan = await workers.run('receipt.qr-plan', { text: model.qr, paperDots }, { timeoutMs: RASTER_TIMEOUT_MS });
  } catch (e) {
    const refusal = qrUnprintable(e, model, paperDots);
    throw refusal instanceof PrintError ? refusal : new PrintError('print.render-failed', { receipt: model.number }, { cause: e });
  }
  return documentWithPlan(model, paperDots, template, plan);
}
