// SPDX-License-Identifier: UNLICENSED
// The receipt printer's settings and its test page. The test page goes through the real pipeline (template, QR
// self-check, ESC/POS bands) and is marked as not a tax invoice.
import type { ApiHandlers } from '../../ipc/dispatcher';
import { encodeQr } from '../../../app/qr/tlv';
import { riyadhDateTime } from '../../../app/time/riyadhTime';
import type { ReceiptModel } from '../../../app/receipt/receiptModel';
import type { ShopProfile } from '../../onboarding/index';
import type { PrintingService } from '../printingService';

export const PRINTER_METHODS = ['printer.get', 'printer.save', 'printer.testPrint'] as const;

export interface PrinterServices {
  readonly printing: Pick<PrintingService, 'settings' | 'save' | 'print'>;
  /** The shop of the mode in use, printed at the top of the test page. */
  shop(): ShopProfile | null;
  readonly clock: () => Date;
}

export function printerHandlers(app: PrinterServices): Pick<ApiHandlers, (typeof PRINTER_METHODS)[number]> {
  return {
    'printer.get': () => app.printing.settings(),
    'printer.save': (input) => app.printing.save(input),
    'printer.testPrint': () => app.printing.print(testPage(app.shop(), app.clock()), {}),
  };
}

/** A test page: the shop's header, one line of Arabic and Latin text, a QR of the right shape with no real stamp. */
export function testPage(shop: ShopProfile | null, at: Date): ReceiptModel {
  // the test page's date and time are Riyadh's, as every receipt's are (app/time/riyadhTime.ts)
  const { issueDate, issueTime } = riyadhDateTime(at);
  const now = `${issueDate}T${issueTime}`;
  const qr = encodeQr({
    sellerName: shop ? `${shop.sellerName.ar} | ${shop.sellerName.en}` : 'Dukkan',
    vatNumber: shop?.vatNumber ?? '300000000000003',
    timestamp: now.slice(0, 19),
    totalWithVat: '0.00',
    vatTotal: '0.00',
    invoiceHash: 'TEST',
    signature: 'TEST',
    publicKey: new Uint8Array([0]),
  });
  return {
    kind: 'invoice',
    shop: { nameAr: shop?.sellerName.ar ?? 'دكّان', nameEn: shop?.sellerName.en ?? 'Dukkan', vatNumber: shop?.vatNumber ?? '—', branch: shop?.branch ?? '' },
    number: 'TEST',
    issueDate: now.slice(0, 10),
    issueTime: now.slice(11, 19),
    lines: [{ name: 'طباعة تجريبية | Test print — أبجد هوز ١٢٣ 123', quantity: '1', unitPrice: '0.00', lineTotal: '0.00', vatRate: '15', vatCategory: 'S' }],
    vatBreakdown: [],
    totals: { taxExclusive: '0.00', vat: '0.00', taxInclusive: '0.00', payable: '0.00' },
    payments: [],
    qr,
    training: true,
  };
}
