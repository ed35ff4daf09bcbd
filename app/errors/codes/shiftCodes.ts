// SPDX-License-Identifier: UNLICENSED
// Refusals of cash control and the audit trail: shifts, the drawer, paid-in/paid-out, X/Z reports against shifts
// (main/shifts, main/audit, main/reports; texts and conventions: app/errors/catalog.ts). Every refusal writes nothing.
import type { CatalogText } from '../catalogText';

export const SHIFT_CODES = {
  'shift.already-open': {
    en: 'A shift is already open at this till (opened by {cashier}): close it before opening another. Nothing was written.',
    ar: 'توجد وردية مفتوحة على هذا الصندوق (فتحها {cashier}): أغلقها قبل فتح وردية أخرى. لم يُسجَّل شيء.',
  },
  'shift.none-open': {
    en: 'No shift is open at this till: open one with its opening float first. Nothing was written.',
    ar: 'لا توجد وردية مفتوحة على هذا الصندوق: افتح وردية بمبلغ الافتتاح أولًا. لم يُسجَّل شيء.',
  },
  'shift.sale-in-progress': {
    en: 'A sale is still being completed at this till: finish or cancel it before closing the shift. Nothing was written.',
    ar: 'ما زالت عملية بيع قيد الإتمام على هذا الصندوق: أكملها أو ألغها قبل إغلاق الوردية. لم يُسجَّل شيء.',
  },
  'shift.cart-open': {
    en: 'A sale is still open at this till ({items} item(s) in the cart of {cashier}): complete it or clear the cart before closing the shift. Nothing was written.',
    ar: 'ما زال هناك بيع مفتوح على هذا الصندوق ({items} صنف في سلة {cashier}): أكمله أو أفرغ السلة قبل إغلاق الوردية. لم يُسجَّل شيء.',
  },
  'shift.count-missing': {
    en: 'Counted cash: enter the total counted or the count per denomination. Nothing was written.',
    ar: 'النقد المعدود: أدخل المبلغ المعدود كاملًا أو العدد لكل فئة. لم يُسجَّل شيء.',
  },
  'shift.count-disagrees': {
    en: 'Counted cash: the denominations add up to {sum}, not the total {total} entered. Count again. Nothing was written.',
    ar: 'النقد المعدود: مجموع الفئات {sum} وليس المبلغ المدخل {total}. أعد العد. لم يُسجَّل شيء.',
  },
  'shift.denomination-twice': {
    en: 'Counted cash: the denomination {value} is listed twice; give each denomination once. Nothing was written.',
    ar: 'النقد المعدود: الفئة {value} مذكورة مرتين؛ اذكر كل فئة مرة واحدة. لم يُسجَّل شيء.',
  },
  'shift.not-found': {
    en: 'There is no shift {id} at this till.',
    ar: 'لا توجد وردية رقم {id} على هذا الصندوق.',
  },
  'shift.still-open': {
    en: 'Shift {id} is still open: a note is added to a closed shift. Nothing was written.',
    ar: 'الوردية {id} ما زالت مفتوحة: تُضاف الملاحظة إلى وردية مغلقة. لم يُسجَّل شيء.',
  },
  'shift.amount-zero': {
    en: 'The amount must be more than 0.00. Nothing was written.',
    ar: 'يجب أن يكون المبلغ أكبر من 0.00. لم يُسجَّل شيء.',
  },
  'report.shift-open': {
    en: 'The shift of {cashier} is still open: close it with its cash count before the Z report. Nothing was closed.',
    ar: 'وردية {cashier} ما زالت مفتوحة: أغلقها بعدّ النقد قبل تقرير Z. لم يُغلق شيء.',
  },
  'report.nothing-new': {
    en: 'Nothing happened since Z report {number} (no document, no shift, no cash movement): there is nothing to close. Reprint Z {number} from the list instead.',
    ar: 'لم يحدث شيء منذ تقرير Z رقم {number} (لا مستند ولا وردية ولا حركة نقد): لا يوجد ما يُغلق. أعد طباعة تقرير Z رقم {number} من القائمة بدلًا من ذلك.',
  },
  'report.z-not-found': {
    en: 'There is no Z report {number}.',
    ar: 'لا يوجد تقرير Z رقم {number}.',
  },
  'report.no-printer': {
    en: 'No receipt printer is set up: set one on the printer tab, then print the report again. The report is shown on screen.',
    ar: 'لم تُضبط طابعة إيصالات: اضبطها في تبويب الطابعة ثم اطبع التقرير مرة أخرى. التقرير معروض على الشاشة.',
  },
  'input.idle-lock': {
    en: 'Must be 0 (never lock) or from 10 to 7200 seconds.',
    ar: 'يجب أن تكون 0 (بلا قفل) أو من 10 إلى 7200 ثانية.',
  },
  'return.reference-missing': {
    en: 'A return without this till’s receipt needs the receipt’s number and date, or its QR scanned. Nothing was issued.',
    ar: 'المرتجع دون إيصال هذا الصندوق يحتاج رقم الإيصال وتاريخه، أو مسح رمز QR الخاص به. لم يصدر أي مستند.',
  },
  'return.qr-unreadable': {
    en: 'The scanned QR is not a ZATCA receipt QR (seller, date and hash could not be read). Nothing was issued.',
    ar: 'رمز QR الممسوح ليس رمز إيصال من هيئة الزكاة (تعذرت قراءة البائع والتاريخ والبصمة). لم يصدر أي مستند.',
  },
  'return.qr-other-seller': {
    en: 'The receipt was issued by another seller (VAT number {vatNumber}): only this shop’s sales are returned here. Nothing was issued.',
    ar: 'صدر الإيصال من بائع آخر (الرقم الضريبي {vatNumber}): لا يُقبل هنا إلا مرتجع مبيعات هذا المتجر. لم يصدر أي مستند.',
  },
  'return.own-sale': {
    en: 'Receipt {number} is a sale of this till: return it from the receipts screen, which checks what was sold. Nothing was issued.',
    ar: 'الإيصال {number} بيع من هذا الصندوق: أرجعه من شاشة الإيصالات التي تتحقق مما بيع. لم يصدر أي مستند.',
  },
  'return.daily-limit': {
    en: 'Today’s limit of {limit} returns without this till’s receipt is reached; a manager can change it. Nothing was issued.',
    ar: 'بلغ الحد اليومي {limit} لمرتجعات دون إيصال هذا الصندوق؛ يمكن للمدير تغييره. لم يصدر أي مستند.',
  },
  'drawer.no-printer': {
    en: 'No receipt printer is set up, so there is no cash drawer to open. Nothing was logged.',
    ar: 'لم تُضبط طابعة إيصالات، فلا يوجد درج نقد لفتحه. لم يُسجَّل شيء.',
  },
} as const satisfies Record<string, CatalogText>;
