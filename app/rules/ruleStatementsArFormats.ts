// SPDX-License-Identifier: UNLICENSED
// What the format rules require, in Arabic: decimals (BR-DEC-*, BR-KSA-DEC-03/04), the BR-KSA-F-06-Cnn text
// lengths wherever they are checked (fieldLengths.ts, parties.ts, header.ts, lines.ts, allowanceCharges.ts,
// taxCategories.ts), signs, currencies and country codes (formats.ts). Limits are SCH-3.4.6's (reference §7).

/** At most 2 decimals (BR-DEC-*): "the decimals in X must not exceed two". */
const decimals = (what: string) => `يجب ألا تزيد المنازل العشرية في ${what} على منزلتين.`;
/** A text length limit, in characters; phrased as "the number of characters of X" so any count reads correctly. */
const atMost = (what: string, max: number) => `يجب ألا يزيد عدد أحرف ${what} على ${max}.`;
const between = (what: string, min: number, max: number) => `يجب أن يكون عدد أحرف ${what} من ${min} إلى ${max}.`;

export const FORMAT_RULES_AR: Readonly<Record<string, string>> = {
  // ── decimals ──
  'BR-DEC-01': decimals('مبلغ الخصم على مستوى المستند (BT-92)'),
  'BR-DEC-02': decimals('المبلغ الأساسي للخصم على مستوى المستند (BT-93)'),
  'BR-DEC-05': decimals('مبلغ الرسم على مستوى المستند (BT-99)'),
  'BR-DEC-06': decimals('المبلغ الأساسي للرسم على مستوى المستند (BT-100)'),
  'BR-DEC-09': decimals('مجموع صافي مبالغ الأسطر (BT-106)'),
  'BR-DEC-10': decimals('مجموع الخصومات (BT-107)'),
  'BR-DEC-11': decimals('مجموع الرسوم (BT-108)'),
  'BR-DEC-12': decimals('الإجمالي غير شامل ضريبة القيمة المضافة (BT-109)'),
  'BR-DEC-13': decimals('إجمالي ضريبة القيمة المضافة (BT-110)'),
  'BR-DEC-14': decimals('الإجمالي شاملًا ضريبة القيمة المضافة (BT-112)'),
  'BR-DEC-15': decimals('إجمالي ضريبة القيمة المضافة بعملة حساب الضريبة (BT-111)'),
  'BR-DEC-16': decimals('المبلغ المدفوع مسبقًا (BT-113)'),
  'BR-DEC-17': decimals('مبلغ التقريب (BT-114)'),
  'BR-DEC-18': decimals('المبلغ المستحق الدفع (BT-115)'),
  'BR-DEC-19': decimals('المبلغ الخاضع للضريبة في تفصيل الفئة (BT-116)'),
  'BR-DEC-20': decimals('مبلغ الضريبة في تفصيل الفئة (BT-117)'),
  'BR-DEC-23': decimals('صافي مبلغ السطر (BT-131)'),
  'BR-DEC-24': decimals('مبلغ الخصم على مستوى السطر (BT-136)'),
  'BR-DEC-25': decimals('المبلغ الأساسي للخصم على مستوى السطر (BT-137)'),
  'BR-DEC-27': decimals('مبلغ الرسم على مستوى السطر (BT-141)'),
  'BR-DEC-28': decimals('المبلغ الأساسي للرسم على مستوى السطر (BT-142)'),
  'BR-KSA-DEC-03': decimals('مبلغ ضريبة القيمة المضافة للسطر (KSA-11)'),
  'BR-KSA-DEC-04': decimals('مبلغ السطر شاملًا ضريبة القيمة المضافة (KSA-12)'),

  // ── text lengths (BR-KSA-F-06-Cnn) ──
  'BR-KSA-F-06-C1': atMost('رقم الفاتورة (BT-1)', 127),
  'BR-KSA-F-06-C2': atMost('ملاحظة الفاتورة (BT-22)', 1000),
  'BR-KSA-F-06-C3': atMost('رقم أمر الشراء (BT-13)', 127),
  'BR-KSA-F-06-C4': between('شارع البائع (BT-35)', 1, 1000),
  'BR-KSA-F-06-C5': atMost('رقم العقد (BT-12)', 127),
  'BR-KSA-F-06-C6': atMost('الشارع الإضافي للبائع (BT-36)', 127),
  'BR-KSA-F-06-C7': between('مدينة البائع (BT-37)', 1, 127),
  'BR-KSA-F-06-C8': atMost('منطقة البائع (BT-39)', 127),
  'BR-KSA-F-06-C9': between('حي البائع (KSA-3)', 1, 127),
  'BR-KSA-F-06-C10': between('اسم البائع (BT-27)', 1, 1000),
  'BR-KSA-F-06-C11': atMost('الشارع الإضافي للمشتري (BT-51)', 127),
  'BR-KSA-F-06-C12': between('اسم المشتري (BT-44)', 1, 1000),
  'BR-KSA-F-06-C13': between('سبب إصدار الإشعار الدائن أو المدين (KSA-10)', 1, 1000),
  'BR-KSA-F-06-C14': between('شروط الدفع (KSA-22)', 1, 1000),
  'BR-KSA-F-06-C15': atMost('رقم حساب الدفع (BT-84)', 127),
  'BR-KSA-F-06-C16': between('نص سبب الإعفاء (BT-120)', 1, 1000),
  'BR-KSA-F-06-C17': between('معرّف السطر (BT-126)', 1, 6),
  'BR-KSA-F-06-C18': atMost('رمز وحدة قياس الكمية (BT-130)', 127),
  'BR-KSA-F-06-C19': between('اسم السلعة (BT-153)', 3, 1000),
  'BR-KSA-F-06-C20': atMost('المعرّف القياسي للسلعة (BT-157)', 127),
  'BR-KSA-F-06-C21': atMost('رمز وحدة الكمية الأساسية للسعر (BT-150)', 127),
  'BR-KSA-F-06-C22': between('رقم الفاتورة الأصلية في مرجع الإشعار (BT-25)', 1, 5000),
  'BR-KSA-F-06-C23': between('شارع المشتري (BT-50) في الفاتورة الضريبية', 1, 1000),
  'BR-KSA-F-06-C24': atMost('شارع المشتري (BT-50)', 1000),
  'BR-KSA-F-06-C25': 'يجب أن تتضمن الفاتورة الضريبية مدينة المشتري (BT-52) غير فارغة.',
  'BR-KSA-F-06-C26': atMost('مدينة المشتري (BT-52)', 127),
  'BR-KSA-F-06-C27': atMost('منطقة المشتري (BT-54)', 127),
  'BR-KSA-F-06-C28': 'يجب أن تتضمن الفاتورة الضريبية حي المشتري (KSA-4) غير فارغ إذا كان عنوانه في المملكة العربية السعودية.',
  'BR-KSA-F-06-C29': atMost('حي المشتري (KSA-4)', 127),
  'BR-KSA-F-06-C30': atMost('معرّف السلعة لدى المشتري (BT-156)', 127),
  'BR-KSA-F-06-C31': atMost('معرّف السلعة لدى البائع (BT-155)', 127),
  'BR-KSA-F-06-C32': atMost('اسم المشتري (BT-44)', 1000),
  'BR-KSA-F-06-C33': between('نص سبب الرسم على مستوى المستند (BT-104)', 1, 1000),
  'BR-KSA-F-06-C34': between('نص سبب الرسم على مستوى السطر (BT-144)', 1, 1000),
  'BR-KSA-F-06-C35': between('نص سبب الخصم على مستوى المستند (BT-97)', 1, 1000),
  'BR-KSA-F-06-C36': between('نص سبب الخصم على مستوى السطر (BT-139)', 1, 1000),
  'BR-KSA-F-06-C37': atMost('اسم جهة الاتصال لدى المشتري (BT-56)', 1000),
  'BR-KSA-F-06-C38': atMost('ملاحظة جهة الاتصال لدى المشتري (KSA-35)', 1000),
  'BR-KSA-F-06-C40': between('رمز نوع المعاملة (KSA-2)', 7, 9),
  'BR-54': 'يجب أن تحمل كل خاصية إضافية للسلعة اسمًا (BT-160) وقيمة (BT-161).',

  // ── signs, currencies, countries (formats.ts) ──
  'BR-KSA-F-04': 'يجب أن تكون المبالغ والكميات صفرًا أو موجبة، وتحمل الإشعارات الدائنة والمدينة مبالغ موجبة أيضًا.',
  'BR-KSA-CL-02': 'يجب أن تكون عملة كل مبلغ (currencyID) هي عملة الفاتورة، ما عدا إجمالي الضريبة بالريال السعودي (BT-111).',
  'BR-CL-03': 'يجب أن يكون رمز العملة في كل مبلغ (currencyID) من قائمة العملات ISO 4217.',
  'BR-CL-14': 'يجب أن يكون رمز الدولة رمزًا من حرفين في قائمة ISO 3166-1.',
};
