// SPDX-License-Identifier: UNLICENSED
// Receipts already issued: find one by number or scanned QR, reprint it, preview it (main/sale Receipts).
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { Receipts } from '../../sale/index';

export const RECEIPT_METHODS = ['receipts.find', 'receipts.reprint', 'receipts.preview'] as const;

export interface ReceiptServices {
  /** The receipts of the mode in use. */
  receipts(): Pick<Receipts, 'find' | 'reprint' | 'preview'>;
}

export function receiptHandlers(app: ReceiptServices): Pick<ApiHandlers, (typeof RECEIPT_METHODS)[number]> {
  return {
    'receipts.find': ({ query }) => app.receipts().find(query),
    'receipts.reprint': ({ number }) => app.receipts().reprint(number),
    'receipts.preview': ({ number }) => app.receipts().preview(number),
  };
}
