// SPDX-License-Identifier: UNLICENSED
// The touch till's words in Arabic and English: on-screen controls, the payment panel, held sales, quick keys, the
// printer banner and the customer display. Part of the one catalog of renderer/app/i18n.ts (spread into it), kept
// in its own file so the till's words can grow without every screen's edits meeting in one place.
export const TILL_STRINGS = {
  printing: { en: 'Printing the receipt…', ar: 'جارٍ طباعة الإيصال…' },
  printBanner: { en: 'Receipt {n} was not printed: {m}', ar: 'لم يُطبع الإيصال {n}: {m}' },
  printBannerHint: { en: 'The sale is saved. Fix the printer, then reprint.', ar: 'البيع محفوظ. أصلح الطابعة ثم أعد الطباعة.' },
  reprintNow: { en: 'Reprint', ar: 'إعادة الطباعة' },
  dismiss: { en: 'Dismiss', ar: 'إخفاء' },
  printUnknown: { en: 'the printer did not answer', ar: 'لم تستجب الطابعة' },
  lineActions: { en: 'Selected line', ar: 'السطر المحدد' },
  tillActions: { en: 'Sale', ar: 'البيع' },
  oneLess: { en: 'One less', ar: 'واحد أقل' },
  oneMore: { en: 'One more', ar: 'واحد أكثر' },
  remove: { en: 'Remove', ar: 'حذف' },
  newSale: { en: 'New sale', ar: 'بيع جديد' },
  hold: { en: 'Hold', ar: 'تعليق' },
  recall: { en: 'Recall', ar: 'استرجاع' },
  receiptsShort: { en: 'Receipts', ar: 'الإيصالات' },
  pay: { en: 'Pay', ar: 'الدفع' },
  cashHanded: { en: 'Cash handed over', ar: 'النقد المستلم' },
  exact: { en: 'Exact', ar: 'المبلغ بالضبط' },
  restOnCard: { en: 'Rest on card', ar: 'الباقي بالبطاقة' },
  backToItems: { en: 'Back to items', ar: 'العودة للأصناف' },
  changeLabel: { en: 'Change to give', ar: 'الباقي للعميل' },
} as const satisfies Record<string, { en: string; ar: string }>;
