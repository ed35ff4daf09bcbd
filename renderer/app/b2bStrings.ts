// SPDX-License-Identifier: UNLICENSED
// The words of the till's B2B tax invoice in Arabic and English: the choice at payment, the buyer form with its
// saved-customer search, and ZATCA's clearance answer (cleared, not cleared, Fatoora unreachable). Part of the one
// catalog of renderer/app/i18n.ts (spread into it), in its own file so the B2B screens change in one place.
// The field problems themselves are the engine's document.* texts (app/errors), naming the rule.
export const B2B_STRINGS = {
  b2bChoice: { en: 'Tax invoice (B2B)', ar: 'فاتورة ضريبية (منشأة)' },
  b2bTitle: { en: 'Tax invoice for a business buyer', ar: 'فاتورة ضريبية لمنشأة' },
  b2bSearch: { en: 'Saved customer: name or VAT number', ar: 'عميل محفوظ: الاسم أو الرقم الضريبي' },
  b2bNoneFound: { en: 'No saved customer matches.', ar: 'لا يوجد عميل محفوظ مطابق.' },
  b2bBuyerName: { en: 'Buyer name', ar: 'اسم المشتري' },
  b2bVatNumber: { en: 'VAT number (15 digits, 3…3)', ar: 'الرقم الضريبي (15 رقمًا، 3…3)' },
  b2bIdScheme: { en: 'Other id type', ar: 'نوع المعرّف الآخر' },
  b2bIdValue: { en: 'Other id (CRN, national id, …)', ar: 'المعرّف الآخر (السجل التجاري، الهوية، …)' },
  b2bIdNone: { en: 'none', ar: 'لا يوجد' },
  b2bStreet: { en: 'Street', ar: 'الشارع' },
  b2bAdditionalStreet: { en: 'Additional street', ar: 'شارع إضافي' },
  b2bBuilding: { en: 'Building number (4 digits)', ar: 'رقم المبنى (4 أرقام)' },
  b2bDistrict: { en: 'District', ar: 'الحي' },
  b2bCity: { en: 'City', ar: 'المدينة' },
  b2bPostalCode: { en: 'Postal code (5 digits)', ar: 'الرمز البريدي (5 أرقام)' },
  b2bCountry: { en: 'Country (SA, AE, …)', ar: 'الدولة (SA، AE، …)' },
  b2bIssue: { en: 'Issue tax invoice', ar: 'إصدار الفاتورة الضريبية' },
  b2bCancel: { en: 'Back to payment', ar: 'العودة إلى الدفع' },
  b2bClearing: { en: 'Sending the tax invoice to ZATCA for clearance…', ar: 'جارٍ إرسال الفاتورة الضريبية إلى هيئة الزكاة للاعتماد…' },
  b2bClearingWait: {
    en: 'The invoice is handed over only once ZATCA has cleared it.',
    ar: 'لا تُسلَّم الفاتورة إلا بعد اعتمادها من هيئة الزكاة.',
  },
  b2bCleared: { en: '{n} is cleared by ZATCA.', ar: 'اعتمدت هيئة الزكاة {n}.' },
  b2bClearedHint: {
    en: "Give the buyer ZATCA's cleared invoice: the A4 PDF and the XML.",
    ar: 'سلّم المشتري الفاتورة المعتمدة من الهيئة: ملف PDF بحجم A4 وملف XML.',
  },
  b2bPdf: { en: 'Download A4 PDF', ar: 'تنزيل PDF بحجم A4' },
  b2bXml: { en: 'Download XML', ar: 'تنزيل XML' },
  b2bDone: { en: 'Done', ar: 'تم' },
  b2bRejected: { en: '{n} is NOT CLEARED by ZATCA.', ar: 'لم تعتمد هيئة الزكاة {n}.' },
  b2bRejectedHint: {
    en: 'It is not a valid tax invoice: give nothing to the buyer. ZATCA said:',
    ar: 'ليست فاتورة ضريبية صالحة: لا تسلّم المشتري شيئًا. قالت الهيئة:',
  },
  b2bUnreachable: { en: 'Fatoora could not clear {n} now.', ar: 'تعذّر على فاتورة اعتماد {n} الآن.' },
  b2bUnreachableHint: {
    en: 'The tax invoice is not handed over until ZATCA clears it. Wait and retry, or issue a simplified invoice for this sale instead.',
    ar: 'لا تُسلَّم الفاتورة الضريبية حتى تعتمدها الهيئة. انتظر وأعد المحاولة، أو أصدر فاتورة مبسطة لهذا البيع بدلًا منها.',
  },
  b2bRetry: { en: 'Wait and retry', ar: 'انتظار وإعادة المحاولة' },
  b2bSimplified: { en: 'Issue a simplified invoice instead', ar: 'إصدار فاتورة مبسطة بدلًا منها' },
  b2bLater: { en: 'Close: it stays awaiting clearance', ar: 'إغلاق: تبقى بانتظار الاعتماد' },
  b2bAttempts: { en: 'Attempts: {n}', ar: 'المحاولات: {n}' },
  b2bReplaced: { en: 'Issued as simplified invoice {s} instead of {n}.', ar: 'صدرت فاتورة مبسطة {s} بدلًا من {n}.' },
  b2bAwaitingOne: { en: '{n} is awaiting clearance by ZATCA: nothing to hand over yet.', ar: '{n} بانتظار اعتماد هيئة الزكاة: لا شيء للتسليم بعد.' },
  b2bAwaitingChip: { en: 'Awaiting clearance: {n}', ar: 'بانتظار الاعتماد: {n}' },
  b2bRejectedChip: { en: 'Not cleared: {n}', ar: 'غير معتمدة: {n}' },
  b2bNotClearedRow: { en: 'Tax invoices not cleared (not in sales)', ar: 'فواتير ضريبية غير معتمدة (خارج المبيعات)' },
  b2bClearanceRow: { en: 'Tax invoices (B2B)', ar: 'الفواتير الضريبية (منشآت)' },
  b2bClearanceCounts: {
    en: '{a} awaiting clearance · {x} not cleared · {c} cleared',
    ar: '{a} بانتظار الاعتماد · {x} غير معتمدة · {c} معتمدة',
  },
} as const satisfies Record<string, { en: string; ar: string }>;
