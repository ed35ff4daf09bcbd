// SPDX-License-Identifier: UNLICENSED
// Bilingual receipt wording. Arabic first (the legal language of the invoice, XML-1.2 §4), English second.

export interface Bilingual {
  readonly ar: string;
  readonly en: string;
}

export const TITLES: Readonly<Record<'invoice' | 'credit-note' | 'debit-note', Bilingual>> = {
  invoice: { ar: 'فاتورة ضريبية مبسطة', en: 'Simplified Tax Invoice' },
  'credit-note': { ar: 'إشعار دائن', en: 'Credit Note' },
  'debit-note': { ar: 'إشعار مدين', en: 'Debit Note' },
};

export const LABELS = {
  copy: { ar: 'نسخة', en: 'COPY' },
  training: { ar: 'وضع التدريب — ليست فاتورة ضريبية', en: 'TRAINING MODE — NOT A TAX INVOICE' },
  vatNumber: { ar: 'الرقم الضريبي', en: 'VAT No.' },
  branch: { ar: 'الفرع', en: 'Branch' },
  number: { ar: 'رقم المستند', en: 'No.' },
  dateTime: { ar: 'التاريخ والوقت', en: 'Date & time' },
  originalInvoice: { ar: 'الفاتورة الأصلية', en: 'Original invoice' },
  reason: { ar: 'السبب', en: 'Reason' },
  item: { ar: 'الصنف', en: 'Item' },
  lineDiscount: { ar: 'خصم', en: 'Discount' },
  documentDiscount: { ar: 'خصم على الفاتورة', en: 'Invoice discount' },
  taxExclusive: { ar: 'الإجمالي غير شامل الضريبة', en: 'Total excl. VAT' },
  vat: { ar: 'ضريبة القيمة المضافة', en: 'VAT' },
  taxInclusive: { ar: 'الإجمالي شامل الضريبة', en: 'Total incl. VAT' },
  payable: { ar: 'المبلغ المستحق', en: 'Amount due' },
  change: { ar: 'الباقي', en: 'Change' },
  tendered: { ar: 'النقد المستلم', en: 'Cash tendered' },
  cashier: { ar: 'الكاشير', en: 'Cashier' },
  itemCount: { ar: 'عدد القطع', en: 'Items' },
  on: { ar: 'على', en: 'on' },
} as const satisfies Record<string, Bilingual>;

export const PAYMENT_LABELS: Readonly<Record<'cash' | 'card' | 'store-credit' | 'other', Bilingual>> = {
  cash: { ar: 'نقدًا', en: 'Cash' },
  card: { ar: 'بطاقة', en: 'Card' },
  'store-credit': { ar: 'رصيد المتجر', en: 'Store credit' },
  other: { ar: 'أخرى', en: 'Other' },
};

/** Card networks as Saudi terminals and receipts name them ("Card · mada" / "بطاقة · مدى"). */
export const CARD_NETWORK_LABELS: Readonly<Record<'mada' | 'visa' | 'mastercard' | 'amex' | 'other', Bilingual>> = {
  mada: { ar: 'مدى', en: 'mada' },
  visa: { ar: 'فيزا', en: 'Visa' },
  mastercard: { ar: 'ماستركارد', en: 'Mastercard' },
  amex: { ar: 'أمريكان إكسبريس', en: 'Amex' },
  other: { ar: 'أخرى', en: 'other' },
};

export const VOUCHER_BALANCE: Bilingual = { ar: 'رصيد القسيمة', en: 'Voucher balance' };

/** A payment's label: the method, then the card's network or the voucher's code after a middle dot. */
export function paymentLabel(p: {
  readonly method: keyof typeof PAYMENT_LABELS;
  readonly network?: keyof typeof CARD_NETWORK_LABELS;
  readonly voucher?: { readonly code: string };
}): Bilingual {
  const base = PAYMENT_LABELS[p.method];
  const detail = p.network ? CARD_NETWORK_LABELS[p.network] : p.voucher ? { ar: p.voucher.code, en: p.voucher.code } : undefined;
  return detail ? { ar: `${base.ar} · ${detail.ar}`, en: `${base.en} · ${detail.en}` } : base;
}

/** VAT category names (UNTDID 5305 as used by ZATCA, reference §7.7). */
export const VAT_CATEGORY_LABELS: Readonly<Record<'S' | 'Z' | 'E' | 'O', Bilingual>> = {
  S: { ar: 'ضريبة القيمة المضافة', en: 'VAT' },
  Z: { ar: 'نسبة صفرية', en: 'Zero-rated' },
  E: { ar: 'معفاة', en: 'Exempt' },
  O: { ar: 'خارج نطاق الضريبة', en: 'Out of scope' },
};

export const CURRENCY = { en: 'SAR' } as const;
