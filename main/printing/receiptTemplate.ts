// SPDX-License-Identifier: UNLICENSED
// The shape of the receipt template (app/receipt/template/renderReceiptHtml), injected into main/printing so tests and
// the shells can choose the template without printing depending on one.
import type { QrErrorCorrection, QrMatrix } from '../../app/receipt/qrPlan';
import type { ReceiptModel } from '../../app/receipt/receiptModel';

export interface ReceiptTemplateOptions {
  readonly paperDots: 384 | 576;
  readonly qrModulePx: number;
  readonly qrErrorCorrection?: QrErrorCorrection;
  readonly qrMatrix?: QrMatrix;
}

/** Pure: a ReceiptModel in, a self-contained HTML document out. */
export type ReceiptTemplate = (model: ReceiptModel, options: ReceiptTemplateOptions) => string;
