// SPDX-License-Identifier: UNLICENSED
// Refusals of B2B sales at the till: the buyer's details, saved customers, and the clearance of standard tax
// invoices before they are handed over (main/customers, main/clearance; texts and conventions: app/errors/catalog.ts).
// The buyer's field problems themselves use the engine's document.* codes, so a field is explained in the same words
// whether it came from the till or from a document JSON.
import type { CatalogText } from '../catalogText';

export const B2B_CODES = {
  'b2b.buyer-invalid': {
    en: "The customer's details have {count} problem(s); each is shown at its field. Nothing was signed or saved.",
    ar: 'في بيانات العميل {count} مشكلة؛ كل مشكلة معروضة عند حقلها. لم يُوقَّع أو يُحفظ شيء.',
  },
  'b2b.standard-not-onboarded': {
    en: 'This terminal was onboarded for simplified invoices only: a standard tax invoice needs onboarding for "simplified + standard" (manager screen → onboarding). Nothing was signed.',
    ar: 'هذا الجهاز مُسجَّل للفواتير المبسطة فقط: الفاتورة الضريبية تحتاج إلى تسجيل "مبسطة + ضريبية" (شاشة المدير ← التسجيل). لم يُوقَّع شيء.',
  },
  'b2b.customer-not-found': {
    en: 'Customer {id} is not in the saved customers. Nothing was signed.',
    ar: 'العميل {id} غير موجود في العملاء المحفوظين. لم يُوقَّع شيء.',
  },
  'b2b.not-standard': {
    en: '{number} is not a standard tax invoice or note: there is nothing to clear.',
    ar: '{number} ليست فاتورة ضريبية أو إشعارًا ضريبيًا: لا يوجد ما يحتاج إلى اعتماد.',
  },
  'b2b.clearance-settled': {
    en: '{number} is already {state}: nothing was sent again.',
    ar: '{number} حالتها الآن: {state}. لم يُرسل شيء مرة أخرى.',
  },
  'b2b.clearance-busy': {
    en: '{number} is being sent to ZATCA right now: wait for the answer.',
    ar: '{number} قيد الإرسال إلى هيئة الزكاة الآن: انتظر الرد.',
  },
  'b2b.withdraw-may-be-cleared': {
    en: 'ZATCA may have received {number} already (an earlier attempt got no clear answer), so a simplified invoice now could charge the sale twice. Retry the clearance: ZATCA then answers whether it was cleared.',
    ar: 'ربما استلمت هيئة الزكاة {number} من قبل (محاولة سابقة لم تتلقَّ ردًا واضحًا)، فإصدار فاتورة مبسطة الآن قد يسجل البيع مرتين. أعد محاولة الاعتماد: سترد الهيئة بما إذا كانت قد اعتُمدت.',
  },
  'b2b.not-cleared': {
    en: '{number} is not cleared by ZATCA ({state}): it is not a valid tax invoice and cannot be printed or handed over.',
    ar: '{number} غير معتمدة من هيئة الزكاة ({state}): ليست فاتورة ضريبية صالحة ولا يمكن طباعتها أو تسليمها.',
  },
  'b2b.cleared-unreadable': {
    en: "ZATCA's answer for {number} said cleared but its cleared invoice could not be read ({why}); the invoice stays awaiting clearance. Retry.",
    ar: 'رد هيئة الزكاة على {number} يقول إنها اعتُمدت لكن الفاتورة المعتمدة فيه غير مقروءة ({why})؛ تبقى الفاتورة بانتظار الاعتماد. أعد المحاولة.',
  },
  'b2b.pdf-unavailable': {
    en: 'The A4 invoice cannot be drawn on this terminal (no page renderer). The cleared XML is still available.',
    ar: 'لا يمكن رسم فاتورة A4 على هذا الجهاز (لا يوجد عارض صفحات). ملف XML المعتمد ما زال متاحًا.',
  },
} as const satisfies Record<string, CatalogText>;
