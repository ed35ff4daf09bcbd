// SPDX-License-Identifier: UNLICENSED
// Every word of the manager page, in English and Arabic (docs/store-server.md, "Manager page").
export type PageLocale = 'en' | 'ar';

const STRINGS = {
  title: { en: 'Dukkan store', ar: 'متجر دكان' },
  switchLanguage: { en: 'العربية', ar: 'English' },
  day: { en: 'Day report (X while the day is open, Z after)', ar: 'تقرير اليوم (X خلال اليوم، وZ بعد انتهائه)' },
  date: { en: 'Date', ar: 'التاريخ' },
  branch: { en: 'Branch', ar: 'الفرع' },
  allBranches: { en: 'all branches', ar: 'كل الفروع' },
  show: { en: 'Show', ar: 'عرض' },
  byBranch: { en: 'By branch', ar: 'حسب الفرع' },
  byTill: { en: 'By till', ar: 'حسب الصندوق' },
  byCashier: { en: 'By cashier', ar: 'حسب الكاشير' },
  byPayment: { en: 'By payment type', ar: 'حسب طريقة الدفع' },
  byVat: { en: 'By VAT category', ar: 'حسب فئة ضريبة القيمة المضافة' },
  documents: { en: 'Documents', ar: 'المستندات' },
  net: { en: 'Net', ar: 'الصافي' },
  vat: { en: 'VAT', ar: 'الضريبة' },
  total: { en: 'Total', ar: 'الإجمالي' },
  nothing: { en: 'Nothing yet.', ar: 'لا شيء بعد.' },
  fleet: { en: 'Tills', ar: 'الصناديق' },
  backups: {
    en: 'Backups of the tills (encrypted; restore with dukkan restore FILE and the till’s recovery sheet)',
    ar: 'النسخ الاحتياطية للصناديق (مشفرة؛ تُستعاد بالأمر dukkan restore FILE وورقة الاسترداد الخاصة بالصندوق)',
  },
  till: { en: 'Till', ar: 'الصندوق' },
  overReturns: {
    en: 'Over-returned invoices: a credit note a till issued while cut off from this server took a line beyond what was sold (returned at two tills)',
    ar: 'فواتير أُرجع منها أكثر مما بيع: إشعار دائن أصدره صندوق وهو منقطع عن هذا الخادم تجاوز في سطرٍ ما بيع (أُرجع في صندوقين)',
  },
  invoice: { en: 'Invoice', ar: 'الفاتورة' },
  line: { en: 'Line', ar: 'السطر' },
  sold: { en: 'Sold', ar: 'المُباع' },
  returnedAll: { en: 'Returned at all tills', ar: 'المُرجَع في كل الصناديق' },
  creditNote: { en: 'Credit note that went over', ar: 'الإشعار الدائن الذي تجاوز' },
  detected: { en: 'Recorded', ar: 'وقت التسجيل' },
  certificate: { en: 'Certificate expires', ar: 'انتهاء الشهادة' },
  queue: { en: 'Reporting queue', ar: 'قائمة الإبلاغ' },
  oldest: { en: 'Oldest unreported', ar: 'أقدم مستند غير مُبلَّغ' },
  overdue: { en: 'over 24 h', ar: 'تجاوز ٢٤ ساعة' },
  lastSeen: { en: 'Last seen', ar: 'آخر اتصال' },
  removed: { en: 'removed', ar: 'أُزيل' },
  never: { en: 'never', ar: 'أبدًا' },
  enrol: { en: 'Enrol a till', ar: 'تسجيل صندوق' },
  tillName: { en: 'Till name', ar: 'اسم الصندوق' },
  createCode: { en: 'Create code', ar: 'إنشاء رمز' },
  codeFor: { en: 'One-time code (enter it on the till with a manager PIN; valid 24 h):', ar: 'رمز لمرة واحدة (أدخله في الصندوق مع رمز المدير؛ صالح ٢٤ ساعة):' },
  fingerprint: {
    en: 'This server’s TLS certificate, SHA-256 (the till checks it against the code and pins it; compare it with the till’s store-server tab):',
    ar: 'شهادة TLS لهذا الخادم، SHA-256 (يتحقق الصندوق منها مقابل الرمز ويثبّتها؛ قارنها بتبويب خادم المتجر في الصندوق):',
  },
  plainHttp: {
    en: 'This server serves plain HTTP on this machine only (--plain-http): tills elsewhere cannot enrol.',
    ar: 'يعمل هذا الخادم عبر HTTP دون تشفير وعلى هذا الجهاز فقط (‎--plain-http): لا تستطيع صناديق أخرى التسجيل.',
  },
  search: { en: 'Find a document', ar: 'البحث عن مستند' },
  numberOrQr: { en: 'Number or QR text', ar: 'الرقم أو نص رمز الاستجابة' },
  find: { en: 'Find', ar: 'بحث' },
  notFound: { en: 'No document found.', ar: 'لم يُعثر على مستند.' },
  number: { en: 'Number', ar: 'الرقم' },
  kind: { en: 'Kind', ar: 'النوع' },
  cashier: { en: 'Cashier', ar: 'الكاشير' },
} as const satisfies Record<string, Record<PageLocale, string>>;

export type PageKey = keyof typeof STRINGS;

export const pageText = (locale: PageLocale) => (key: PageKey) => STRINGS[key][locale];
