// SPDX-License-Identifier: UNLICENSED
// The store server's own check of pushed documents, returns at one till of another till's sale, and the reservation
// every enrolled till asks before a credit note (docs/store-server.md, "Push" and "Returns at another till"; texts
// and conventions: app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const STORE_RETURN_CODES = {
  'store.hash-mismatch': {
    en: 'Chain {chain}, ICV {icv}: the hash pushed is not the invoice hash of the XML pushed ({hash}, reference §1): the document was changed after it was signed or damaged on the way. It was not stored.',
    ar: 'السلسلة {chain}، العداد {icv}: التجزئة المرسلة ليست تجزئة ملف XML المرسل ({hash}، المرجع §1): عُدِّل المستند بعد توقيعه أو تلف أثناء الإرسال. لم يُخزَّن.',
  },
  'store.xml-mismatch': {
    en: 'Chain {chain}, ICV {icv}: the XML’s {field} ({inXml}) is not the one pushed beside it. It was not stored.',
    ar: 'السلسلة {chain}، العداد {icv}: قيمة {field} في ملف XML ({inXml}) تختلف عن القيمة المرسلة معه. لم يُخزَّن.',
  },
  'store.xml-unreadable': {
    en: 'Chain {chain}, ICV {icv}: the XML pushed is not well-formed. It was not stored.',
    ar: 'السلسلة {chain}، العداد {icv}: ملف XML المرسل غير سليم البنية. لم يُخزَّن.',
  },
  'return.foreign-unreachable': {
    en: '{number} is not a sale of this till, and the store server ({url}) cannot be reached to check what is still returnable of it at the shop’s other tills: it cannot be returned now. Selling goes on; try again once the server is back.',
    ar: 'المستند {number} ليس بيعًا من هذا الصندوق، ولا يمكن الوصول إلى خادم المتجر ({url}) للتحقق مما بقي منه قابلًا للإرجاع في صناديق المتجر الأخرى: لا يمكن إرجاعه الآن. يستمر البيع؛ أعد المحاولة بعد عودة الخادم.',
  },
  'return.foreign-not-enrolled': {
    en: '{number} is not a sale of this till, and this till is not enrolled on a store server that could find another till’s sale. Nothing was changed.',
    ar: 'المستند {number} ليس بيعًا من هذا الصندوق، وهذا الصندوق غير مسجَّل على خادم متجر يمكنه العثور على مبيعات صندوق آخر. لم يتغير شيء.',
  },
  'return.foreign-not-found': {
    en: '{number} is neither in this till’s ledger nor at the store server: check the number, or scan the receipt’s QR. Nothing was changed.',
    ar: 'المستند {number} غير موجود في سجل هذا الصندوق ولا على خادم المتجر: تحقق من الرقم أو امسح رمز QR في الإيصال. لم يتغير شيء.',
  },
  'return.foreign-ambiguous': {
    en: '{count} documents of the shop’s tills have the number {number}: scan the receipt’s QR to choose the right one. Nothing was changed.',
    ar: 'يحمل {count} من مستندات صناديق المتجر الرقم {number}: امسح رمز QR في الإيصال لاختيار المستند الصحيح. لم يتغير شيء.',
  },
  'return.foreign-not-invoice': {
    en: '{number} of {till} is a {kind}, not an invoice: only an invoice’s lines can be returned. Nothing was changed.',
    ar: 'المستند {number} من {till} ليس فاتورة ({kind}): لا يُرجَع إلا ما في فاتورة. لم يتغير شيء.',
  },
  'return.foreign-standard': {
    en: '{number} is a tax invoice (B2B) of {till}: its credit note is cleared with ZATCA against it, so it is returned at that till. Nothing was changed.',
    ar: 'المستند {number} فاتورة ضريبية (بين المنشآت) من {till}: يُعتمد إشعارها الدائن لدى الهيئة مقابلها، لذا يُرجَع من ذلك الصندوق. لم يتغير شيء.',
  },
  'return.foreign-no-lines': {
    en: 'The store server holds {number} of {till} without its lines (pushed by an older version): return it at {till}. Nothing was changed.',
    ar: 'يحفظ خادم المتجر المستند {number} من {till} بلا أسطره (أرسلته نسخة أقدم): أرجعه من {till}. لم يتغير شيء.',
  },
  'return.foreign-exceeds': {
    en: 'Line {line} “{name}” of {number} ({till}): {quantity} to return, but {sold} were sold and {returned} already returned at the shop’s tills — at most {left} (returned quantities never exceed what was sold). Nothing was changed.',
    ar: 'السطر {line} «{name}» من {number} ({till}): المطلوب إرجاعه {quantity}، لكن المُباع {sold} والمُرجَع سابقًا في صناديق المتجر {returned} — الحد الأقصى {left} (لا تتجاوز الكميات المرجعة ما بيع). لم يتغير شيء.',
  },
  'return.foreign-no-such-line': {
    en: '{number} ({till}) has no line {line}. Nothing was changed.',
    ar: 'لا يوجد سطر رقم {line} في المستند {number} ({till}). لم يتغير شيء.',
  },
  'return.reservation-refused': {
    en: 'Line {line} “{name}” of {number}: {quantity} to return, but {sold} were sold, {returned} already returned and {reserved} being returned right now at the shop’s tills — at most {left} (returned quantities never exceed what was sold). Nothing was changed.',
    ar: 'السطر {line} «{name}» من {number}: المطلوب إرجاعه {quantity}، لكن المُباع {sold} والمُرجَع سابقًا {returned} وقيد الإرجاع الآن في صناديق المتجر {reserved} — الحد الأقصى {left} (لا تتجاوز الكميات المرجعة ما بيع). لم يتغير شيء.',
  },
  'return.reservation-no-line': {
    en: '{number} has no line {line}: nothing of it can be returned. Nothing was changed.',
    ar: 'لا يوجد سطر رقم {line} في المستند {number}: لا يمكن إرجاع شيء منه. لم يتغير شيء.',
  },
  'return.reservation-unknown': {
    en: 'The store server does not hold the invoice {number} with its lines, and the till did not say what was sold of it: it cannot be returned against the shop’s figures. Nothing was changed.',
    ar: 'لا يحفظ خادم المتجر الفاتورة {number} بأسطرها، ولم يذكر الصندوق ما بيع منها: لا يمكن إرجاعها مقابل أرقام المتجر. لم يتغير شيء.',
  },
  'return.reservation-conflict': {
    en: 'Reservation {reservation} of this till is for another invoice: a new return needs a new request. Nothing was changed.',
    ar: 'الحجز {reservation} لهذا الصندوق يخص فاتورة أخرى: يحتاج الإرجاع الجديد إلى طلب جديد. لم يتغير شيء.',
  },
} as const satisfies Record<string, CatalogText>;
