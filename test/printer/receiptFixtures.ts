// SPDX-License-Identifier: UNLICENSED
// Receipt models for printing tests, built around a real Phase 2 QR: the one in the SDK-3.4.6 simplified invoice
// sample (632 base64 characters, seller name in Arabic and English; reference §6).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReceiptLine, ReceiptModel } from '../../app/receipt/receiptModel';
import { SDK346 } from '../vectors';

export const SDK_SIMPLIFIED_INVOICE = path.join(SDK346, 'Samples', 'Simplified', 'Invoice', 'Simplified_Invoice.xml');

/** The `cac:AdditionalDocumentReference[cbc:ID='QR']` text of the SDK simplified invoice sample. */
export function sdkSampleQr(): string {
  const xml = readFileSync(SDK_SIMPLIFIED_INVOICE, 'utf8');
  const m = /<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]+)</.exec(xml);
  if (!m?.[1]) throw new Error(`no QR reference in ${SDK_SIMPLIFIED_INVOICE}`);
  return m[1].trim();
}

const ITEMS: readonly ReceiptLine[] = [
  { name: 'كتاب', quantity: '33', unitPrice: '3.00', lineTotal: '99.00', vatRate: '15', vatCategory: 'S' },
  { name: 'قلم', quantity: '3', unitPrice: '34.00', lineTotal: '102.00', vatRate: '15', vatCategory: 'S' },
  { name: 'حليب طازج كامل الدسم ١ لتر', quantity: '2', unitPrice: '6.50', lineTotal: '13.00', vatRate: '15', vatCategory: 'S' },
  { name: 'قهوة عربية — Arabic coffee 250g', quantity: '1', unitPrice: '45.00', lineTotal: '40.00', discount: '5.00', vatRate: '15', vatCategory: 'S' },
  { name: 'تمر سكري', quantity: '0.750', unitPrice: '40.00', lineTotal: '30.00', vatRate: '15', vatCategory: 'S' },
];

/** A 5-line cash sale (the benchmark receipt). Amounts are strings, as a committed document gives them. */
export function sampleReceipt(overrides: Partial<ReceiptModel> = {}): ReceiptModel {
  return {
    kind: 'invoice',
    shop: {
      nameAr: 'شركة توريد التكنولوجيا بأقصى سرعة المحدودة',
      nameEn: 'Maximum Speed Tech Supply LTD',
      vatNumber: '399999999900003',
      branch: 'المربع، الرياض',
      address: 'طريق الأمير سلطان 2322، الرياض 23333',
    },
    number: 'SME00010',
    issueDate: '2022-08-17',
    issueTime: '17:41:08',
    lines: ITEMS,
    // VAT-inclusive shelf prices: 284.00 incl. = 246.96 + 37.04 VAT
    vatBreakdown: [{ category: 'S', rate: '15', taxable: '246.96', vat: '37.04' }],
    totals: { taxExclusive: '246.96', vat: '37.04', taxInclusive: '284.00', payable: '284.00' },
    payments: [{ method: 'cash', amount: '300.00' }],
    change: '16.00',
    qr: sdkSampleQr(),
    footer: 'شكرًا لزيارتكم — Thank you for shopping with us',
    ...overrides,
  };
}

/** A receipt with `count` lines, for the band-height test. */
export function longReceipt(count: number): ReceiptModel {
  const lines = Array.from({ length: count }, (_, i): ReceiptLine => {
    const base = ITEMS[i % ITEMS.length]!;
    return { ...base, name: `${i + 1}. ${base.name}` };
  });
  return sampleReceipt({ lines });
}
