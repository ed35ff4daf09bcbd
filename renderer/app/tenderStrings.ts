// SPDX-License-Identifier: UNLICENSED
// The payment panel's words for the card's network and store credit, and the return screen's voucher (docs/cash-
// control.md, "Tenders"). Part of the one catalog of renderer/app/i18n.ts (spread into it).
export const TENDER_STRINGS = {
  storeCredit: { en: 'Store credit', ar: 'رصيد المتجر' },
  cardNetwork: { en: 'Card network', ar: 'شبكة البطاقة' },
  network_mada: { en: 'mada', ar: 'مدى' },
  network_visa: { en: 'Visa', ar: 'فيزا' },
  network_mastercard: { en: 'Mastercard', ar: 'ماستركارد' },
  network_amex: { en: 'Amex', ar: 'أمكس' },
  network_other: { en: 'Other', ar: 'أخرى' },
  voucherCode: { en: 'Voucher code', ar: 'رمز القسيمة' },
  useCredit: { en: 'Use credit', ar: 'استخدام الرصيد' },
  removeCredit: { en: 'Remove credit', ar: 'إزالة الرصيد' },
  creditApplied: { en: 'Store credit {code}: {amount} (balance {balance})', ar: 'رصيد المتجر {code}: {amount} (الرصيد {balance})' },
  debitNotStoreCredit: { en: 'A debit note is paid in cash or by card, not with store credit.', ar: 'الإشعار المدين يُدفع نقدًا أو بالبطاقة، لا برصيد المتجر.' },
  voucherIssued: { en: 'Store-credit voucher {code}: {amount}', ar: 'قسيمة رصيد المتجر {code}: {amount}' },
} as const;
