// SPDX-License-Identifier: UNLICENSED
// Receipts as files to share (email, WhatsApp, a records request): the same template and QR plan as the printer.
// PNG either as the screen rendering (grey anti-aliasing, nicer on a phone) or as the exact 1-bit printer image;
// PDF through Chromium's print-to-PDF, one page as wide and tall as the receipt, text and QR kept as vectors.
import { monoToRgba, toMonochrome } from '../../app/receipt/monochrome';
import type { PaperDots } from '../../app/receipt/qrPlan';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { encodePng } from './png';
import { receiptDocument, type ReceiptRenderKit } from './receiptJob';
import type { ReceiptTemplate } from './receiptTemplate';

export interface ReceiptPdfRenderer {
  pdf(html: string, widthPx: number): Promise<Buffer>;
}

export interface PngExportOptions {
  readonly paperDots?: PaperDots;
  /** The exact black-and-white image the printer burns (default: the anti-aliased screen rendering). */
  readonly monochrome?: boolean;
  readonly threshold?: number;
}

export async function exportReceiptPng(model: ReceiptModel, kit: ReceiptRenderKit, options: PngExportOptions = {}): Promise<Buffer> {
  const paperDots = options.paperDots ?? 576;
  const { html } = receiptDocument(model, paperDots, kit.template);
  const { bitmap } = await kit.rasterizer.rasterize(html, paperDots);
  return encodePng(options.monochrome ? monoToRgba(toMonochrome(bitmap, options.threshold)) : bitmap);
}

export async function exportReceiptPdf(
  model: ReceiptModel,
  template: ReceiptTemplate,
  renderer: ReceiptPdfRenderer,
  paperDots: PaperDots = 576,
): Promise<Buffer> {
  const { html } = receiptDocument(model, paperDots, template);
  return renderer.pdf(html, paperDots);
}
