// SPDX-License-Identifier: UNLICENSED
// The shape of the receipt template (renderer/receipt/renderReceiptHtml), injected into main/printing: the layering
// rule lets main import app, contract and native but not renderer, so the composition root passes the template in.
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
