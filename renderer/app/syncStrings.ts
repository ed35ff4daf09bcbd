// SPDX-License-Identifier: UNLICENSED
// The sync tab's advice in Arabic and English: what the manager does about a rejected, undeliverable or overdue
// document (reference §9.1 and §11). Part of the one catalog of renderer/app/i18n.ts (spread into it).
export const SYNC_STRINGS = {
  advice_reissue: {
    en: 'Fatoora rejected {number}: correct the sale and issue it again as a new document with the same number {number} and issue date {date} {time} (do not issue a credit note); the rejected document stays in the chain.',
    ar: 'رفضت فاتورة {number}: صحّح عملية البيع وأصدرها من جديد مستندًا جديدًا بالرقم نفسه {number} وتاريخ الإصدار {date} {time} (لا تُصدر إشعارًا دائنًا)؛ يبقى المستند المرفوض في السلسلة.',
  },
  'advice_clear-not-report': {
    en: 'Fatoora answered that {number} must be cleared, not reported (HTTP 303); it is not sent to reporting again. Have it cleared, and notify ZATCA if the 24-hour deadline passes.',
    ar: 'أجابت فاتورة بأن {number} يجب اعتماده لا الإبلاغ عنه (HTTP 303)؛ لن يُرسل للإبلاغ مرة أخرى. اعتمده، وأبلغ هيئة الزكاة والضريبة والجمارك إذا فاتت مهلة الـ24 ساعة.',
  },
  'advice_too-large': {
    en: '{number} could not be delivered to Fatoora as it is (payload too large); contact support and notify ZATCA if the 24-hour deadline passes.',
    ar: 'تعذّر تسليم {number} إلى فاتورة كما هو (حجمه أكبر من المسموح)؛ اتصل بالدعم وأبلغ هيئة الزكاة والضريبة والجمارك إذا فاتت مهلة الـ24 ساعة.',
  },
  advice_overdue: {
    en: 'Not reported within 24 hours ({hours} h late so far). Restore the internet connection; the terminal keeps trying. Notify ZATCA of the failure with the evidence export.',
    ar: 'لم يُبلَّغ عنه خلال 24 ساعة (متأخر {hours} ساعة حتى الآن). أعد الاتصال بالإنترنت؛ الجهاز يواصل المحاولة. أبلغ هيئة الزكاة والضريبة والجمارك بالتعذّر مع ملف الأدلة المُصدَّر.',
  },
  'advice_contact-support': { en: 'Contact support.', ar: 'اتصل بالدعم.' },
  'advice_other-device': {
    en: 'Fatoora already had {number}, but this till had never delivered it. It is recorded and not sent again. Check whether another device, or a copy of this till’s data, is reporting with this terminal’s certificate; if you find none, contact support.',
    ar: 'كان {number} لدى فاتورة مسبقًا مع أن هذا الصندوق لم يرسله قط. سُجّل ولن يُرسل مرة أخرى. تحقق مما إذا كان جهاز آخر، أو نسخة من بيانات هذا الصندوق، يُبلغ بشهادة هذا الجهاز؛ وإن لم تجد شيئًا فاتصل بالدعم.',
  },
  'problem_unexplained-duplicate': { en: 'Reported by someone else?', ar: 'أبلغ عنه طرف آخر؟' },
} as const satisfies Record<string, { en: string; ar: string }>;
