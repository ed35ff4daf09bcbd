// SPDX-License-Identifier: UNLICENSED
// From a committed document's ReceiptModel to the exact bytes for the printer:
// plan the QR → render the one HTML template → rasterize → 1-bit → self-check the QR → ESC/POS bands + cut.
import { encodeReceiptJob } from '../../app/receipt/escpos';
import { toMonochrome, type MonoBitmap } from '../../app/receipt/monochrome';
import { planQr, QrCannotFitError, type PaperDots, type QrPlan } from '../../app/receipt/qrPlan';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { PrintError } from './printError';
import { checkPrintedQr } from './qrSelfCheck';
import type { PixelBox, ReceiptRasterizer } from './rasterizer';
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
    if (e instanceof QrCannotFitError)
      throw new PrintError('print.qr-unprintable', { receipt: model.number, chars: model.qr.length, mm: paperDots === 384 ? 58 : 80 }, { cause: e });
    throw e;
  }
  const html = template(model, { paperDots, qrModulePx: plan.modulePx, qrErrorCorrection: plan.errorCorrection, qrMatrix: plan.matrix });
  return { html, plan };
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
}

export async function prepareReceiptJob(
  model: ReceiptModel,
  kit: ReceiptRenderKit,
  profile: PaperProfile,
  options: PrepareOptions = {},
): Promise<PreparedReceiptJob> {
  const doc = receiptDocument(model, profile.paperDots, kit.template);
  let raster;
  try {
    raster = await kit.rasterizer.rasterize(doc.html, profile.paperDots);
  } catch (e) {
    throw new PrintError('print.render-failed', { receipt: model.number }, { cause: e });
  }
  const image = toMonochrome(raster.bitmap, profile.threshold);
  const check = await checkPrintedQr(image, model.qr, raster.qrBox);
  if (!check.ok) {
    throw check.decoded === null
      ? new PrintError('print.qr-unreadable', { receipt: model.number })
      : new PrintError('print.qr-mismatch', { receipt: model.number, printedChars: check.decoded.length, storedChars: model.qr.length });
  }
  const bytes = encodeReceiptJob(image, {
    ...(profile.bandRows !== undefined ? { bandRows: profile.bandRows } : {}),
    ...(profile.cutFeed !== undefined ? { cutFeed: profile.cutFeed } : {}),
    openDrawer: options.openDrawer ?? false,
  });
  return { ...doc, image, qrBox: raster.qrBox, bytes };
}
