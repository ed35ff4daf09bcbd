// SPDX-License-Identifier: UNLICENSED
// Every word on screen in Arabic and English, and the formatting of dates and durations. The document direction
// follows the language (dir="rtl" for Arabic); the layout uses logical CSS properties only, so the whole screen
// mirrors. Numbers, amounts and document numbers stay left-to-right inside Arabic text (components/Num). No state:
// a Translator is a value for one locale, handed down from the app store (AppStore.i18n).
import type { Locale } from '../../app/contract/types';
import { B2B_STRINGS } from './b2bStrings';
import { BACKUP_STRINGS } from './backupStrings';
import { CASH_STRINGS } from './cashStrings';
import { CATALOG_STRINGS } from './catalogStrings';
import { SYNC_STRINGS } from './syncStrings';
import { STORE_SERVER_STRINGS } from './storeServerStrings';
import { FOREIGN_RETURN_STRINGS } from './foreignReturnStrings';
import { TILL_CASH_STRINGS } from './tillCashStrings';
import { TILL_STRINGS } from './tillStrings';
import { TENDER_STRINGS } from './tenderStrings';
import { TRAINING_PREP_STRINGS } from './trainingPrepStrings';

const S = {
  appName: { en: 'Dukkan', ar: 'دكّان' },
  training: { en: 'TRAINING MODE — practice only: nothing here is a tax invoice', ar: 'وضع التدريب — للتجربة فقط: لا شيء هنا فاتورة ضريبية' },
  trainingBadge: { en: 'TRAINING', ar: 'تدريب' },
  online: { en: 'Online', ar: 'متصل' },
  offline: { en: 'Offline', ar: 'غير متصل' },
  connUnknown: { en: 'Connecting…', ar: 'جارٍ الاتصال…' },
  waiting: { en: 'To report: {n}', ar: 'بانتظار الإبلاغ: {n}' },
  deadline: { en: 'Next deadline: {t}', ar: 'أقرب مهلة: {t}' },
  noDeadline: { en: 'All reported', ar: 'تم الإبلاغ عن الكل' },
  overdueChip: { en: 'Overdue: {n}', ar: 'متأخرة: {n}' },
  rejectedChip: { en: 'Rejected: {n}', ar: 'مرفوضة: {n}' },
  printerReady: { en: 'Printer ready', ar: 'الطابعة جاهزة' },
  printerError: { en: 'Printer problem', ar: 'مشكلة في الطابعة' },
  printerSetUp: { en: 'Printer set up', ar: 'الطابعة مُعدّة' },
  printerNone: { en: 'No printer', ar: 'لا توجد طابعة' },
  language: { en: 'العربية', ar: 'English' },
  signOut: { en: 'Sign out', ar: 'خروج' },
  toTill: { en: 'Back to the till (Esc)', ar: 'العودة للصندوق (Esc)' },
  signInTitle: { en: 'Sign in', ar: 'تسجيل الدخول' },
  chooseUser: { en: 'Who is at the till? (↑ ↓)', ar: 'من على الصندوق؟ (↑ ↓)' },
  pin: { en: 'PIN', ar: 'الرقم السري' },
  signIn: { en: 'Sign in', ar: 'دخول' },
  defaultPins: { en: 'Training PINs: manager {m}, cashier {c}', ar: 'أرقام التدريب: المدير {m}، الكاشير {c}' },
  pinChangeTitle: { en: 'Choose your own PIN', ar: 'اختر رقمك السري' },
  pinChangeWhy: {
    en: 'This terminal is live. The factory PIN you signed in with is known to everyone, so it can neither sell nor approve anything here. Choose a PIN only you know.',
    ar: 'هذا الجهاز في وضع التشغيل الفعلي. الرقم السري الافتراضي الذي دخلت به يعرفه الجميع، فلا يمكن به البيع أو الموافقة على شيء هنا. اختر رقمًا سريًا لا يعرفه غيرك.',
  },
  currentPin: { en: 'Current PIN', ar: 'الرقم السري الحالي' },
  newPinOwn: { en: 'New PIN (4–8 digits)', ar: 'الرقم السري الجديد (4–8 أرقام)' },
  newPinAgain: { en: 'New PIN again', ar: 'الرقم السري الجديد مرة أخرى' },
  pinRules: {
    en: 'Not 1234 or 0000, not one digit repeated (1111), not the current PIN.',
    ar: 'ليس 1234 أو 0000، وليس رقمًا واحدًا مكررًا (1111)، وليس الرقم الحالي.',
  },
  pinsDiffer: { en: 'The two new PINs are not the same: type the new PIN again.', ar: 'الرقمان الجديدان غير متطابقين: اكتب الرقم السري الجديد مرة أخرى.' },
  savePin: { en: 'Save my PIN', ar: 'حفظ رقمي السري' },
  pinChanged: { en: 'Your PIN is changed', ar: 'تم تغيير رقمك السري' },
  keysPinChange: { en: 'Tab move · Enter next / save · Alt+L language · Alt+Q sign out', ar: 'Tab تنقل · Enter التالي / حفظ · Alt+L اللغة · Alt+Q خروج' },
  manager: { en: 'Manager', ar: 'مدير' },
  cashier: { en: 'Cashier', ar: 'كاشير' },
  scanPlaceholder: { en: 'Scan a barcode or type a name or code (3* to sell 3)', ar: 'امسح الباركود أو اكتب الاسم أو الرمز (3* لبيع 3)' },
  item: { en: 'Item', ar: 'الصنف' },
  qty: { en: 'Qty', ar: 'الكمية' },
  price: { en: 'Price', ar: 'السعر' },
  discount: { en: 'Discount', ar: 'الخصم' },
  total: { en: 'Total', ar: 'الإجمالي' },
  emptyCart: { en: 'Scan the first item to start a sale.', ar: 'امسح أول صنف لبدء البيع.' },
  totalExVat: { en: 'Total excl. VAT', ar: 'الإجمالي بدون الضريبة' },
  vat: { en: 'VAT', ar: 'ضريبة القيمة المضافة' },
  totalDue: { en: 'Total', ar: 'الإجمالي' },
  cash: { en: 'Cash', ar: 'نقدًا' },
  card: { en: 'Card', ar: 'بطاقة' },
  paid: { en: 'Paid', ar: 'المدفوع' },
  due: { en: 'Still to pay', ar: 'المتبقي' },
  change: { en: 'Change', ar: 'الباقي' },
  complete: { en: 'Complete sale', ar: 'إتمام البيع' },
  notFound: { en: 'Nothing found for "{q}"', ar: 'لا يوجد شيء باسم "{q}"' },
  saleDone: { en: 'Sale {n} done', ar: 'تم البيع {n}' },
  changeToGive: { en: 'Change to give: {c}', ar: 'الباقي للعميل: {c}' },
  printed: { en: 'Receipt printed', ar: 'طُبع الإيصال' },
  printFailed: {
    en: 'Receipt not printed: {m} (the sale is saved; reprint with F3 on the receipt screen)',
    ar: 'لم يُطبع الإيصال: {m} (البيع محفوظ؛ أعد الطباعة من شاشة الإيصالات)',
  },
  noPrinter: { en: 'No printer set up: the sale is saved', ar: 'لا توجد طابعة: البيع محفوظ' },
  managerPin: { en: 'Manager PIN to approve', ar: 'الرقم السري للمدير للموافقة' },
  approved: { en: 'Approved by {m}', ar: 'بموافقة {m}' },
  newQuantity: { en: 'Quantity', ar: 'الكمية' },
  newPrice: { en: 'New price (with VAT)', ar: 'السعر الجديد (شامل الضريبة)' },
  discountAmount: { en: 'Discount amount (with VAT)', ar: 'قيمة الخصم (شاملة الضريبة)' },
  ok: { en: 'OK', ar: 'موافق' },
  cancel: { en: 'Cancel', ar: 'إلغاء' },
  back: { en: 'Back', ar: 'رجوع' },
  save: { en: 'Save', ar: 'حفظ' },
  keysCashier: {
    en: 'Enter add · ↑↓ line · F2 qty · F3 price · F4 discount · Del remove · F8 cash · F9 card · F10 split · F6 receipts · F7 manager · Alt+N new sale · Alt+L language · Alt+Q sign out',
    ar: 'Enter إضافة · ↑↓ سطر · F2 الكمية · F3 السعر · F4 خصم · Del حذف · F8 نقدًا · F9 بطاقة · F10 مقسّم · F6 الإيصالات · F7 المدير · Alt+N بيع جديد · Alt+L اللغة · Alt+Q خروج',
  },
  keysReceipts: {
    en: 'Enter find · Tab move · Space choose line · F8 credit note · F9 debit note · F3 reprint · F4 preview · Esc back',
    ar: 'Enter بحث · Tab تنقل · مسافة اختيار السطر · F8 إشعار دائن · F9 إشعار مدين · F3 إعادة طباعة · F4 معاينة · Esc رجوع',
  },
  keysManager: { en: 'Alt+1…9 or ← → tabs · Tab move · Esc back to the till', ar: 'Alt+1…9 أو ← → للتبويبات · Tab تنقل · Esc العودة للصندوق' },
  receiptsTitle: { en: 'Receipts, returns and corrections', ar: 'الإيصالات والمرتجعات والتصحيحات' },
  receiptQuery: { en: 'Receipt number (e.g. T1-000123) or scan its QR', ar: 'رقم الإيصال (مثل T1-000123) أو امسح رمز QR' },
  find: { en: 'Find', ar: 'بحث' },
  receiptNotFound: { en: 'No receipt {q} on this terminal', ar: 'لا يوجد إيصال {q} على هذا الجهاز' },
  sold: { en: 'Sold', ar: 'المباع' },
  returned: { en: 'Returned', ar: 'المرتجع' },
  returnQty: { en: 'Return', ar: 'إرجاع' },
  reason: { en: 'Reason', ar: 'السبب' },
  refundBy: { en: 'Refund by', ar: 'الاسترداد' },
  issueCredit: { en: 'Issue credit note (F8)', ar: 'إصدار إشعار دائن (F8)' },
  issueDebit: { en: 'Issue debit note (F9)', ar: 'إصدار إشعار مدين (F9)' },
  extraPerUnit: { en: 'Undercharged per unit', ar: 'الفرق لكل وحدة' },
  reprint: { en: 'Reprint copy (F3)', ar: 'طباعة نسخة (F3)' },
  preview: { en: 'Preview (F4)', ar: 'معاينة (F4)' },
  kind_invoice: { en: 'Simplified tax invoice', ar: 'فاتورة ضريبية مبسطة' },
  'kind_credit-note': { en: 'Credit note', ar: 'إشعار دائن' },
  'kind_debit-note': { en: 'Debit note', ar: 'إشعار مدين' },
  reporting_queued: { en: 'waiting to be reported', ar: 'بانتظار الإبلاغ' },
  'reporting_in-flight': { en: 'being reported', ar: 'جارٍ الإبلاغ' },
  reporting_reported: { en: 'reported to ZATCA', ar: 'تم الإبلاغ للهيئة' },
  'reporting_reported-with-warnings': { en: 'reported with warnings', ar: 'تم الإبلاغ مع ملاحظات' },
  reporting_rejected: { en: 'rejected by ZATCA', ar: 'رفضته الهيئة' },
  reporting_failed: { en: 'could not be reported', ar: 'تعذر الإبلاغ' },
  reporting_unknown: { en: 'unknown', ar: 'غير معروف' },
  notesIssued: { en: 'Notes issued', ar: 'الإشعارات الصادرة' },
  noteDone: { en: '{k} {n} issued', ar: 'صدر {k} {n}' },
  chooseLines: { en: 'Choose the lines and quantities first', ar: 'اختر الأسطر والكميات أولاً' },
  needReason: { en: 'Write the reason', ar: 'اكتب السبب' },
  managerTitle: { en: 'Manager', ar: 'المدير' },
  tab_status: { en: 'Status', ar: 'الحالة' },
  tab_onboarding: { en: 'Onboarding', ar: 'التسجيل' },
  tab_sync: { en: 'Sync log', ar: 'سجل الإبلاغ' },
  tab_problems: { en: 'Problems', ar: 'المشاكل' },
  tab_catalog: { en: 'Catalog', ar: 'الأصناف' },
  tab_printer: { en: 'Printer', ar: 'الطابعة' },
  tab_reports: { en: 'X / Z report', ar: 'تقرير X / Z' },
  tab_export: { en: 'Export', ar: 'تصدير' },
  tab_users: { en: 'Users', ar: 'المستخدمون' },
  environment: { en: 'Environment', ar: 'البيئة' },
  mode: { en: 'Mode', ar: 'الوضع' },
  modeTraining: { en: 'Training (local Fatoora simulator)', ar: 'تدريب (محاكي فاتورة محلي)' },
  modeLive: { en: 'Live', ar: 'تشغيل فعلي' },
  certificate: { en: 'Certificate (CSID)', ar: 'الشهادة' },
  expires: { en: 'expires {d} ({n} days)', ar: 'تنتهي {d} (بعد {n} يومًا)' },
  chainHead: { en: 'Chain head', ar: 'آخر مستند في السلسلة' },
  queue: { en: 'Reporting queue', ar: 'طابور الإبلاغ' },
  queueCounts: {
    en: 'queued {q} · sending {f} · reported {r} · with warnings {w} · rejected {x} · failed {e} · overdue {o}',
    ar: 'بالانتظار {q} · قيد الإرسال {f} · مُبلغ {r} · مع ملاحظات {w} · مرفوض {x} · متعذر {e} · متأخر {o}',
  },
  retryNow: { en: 'Report now', ar: 'أبلغ الآن' },
  dataFolder: { en: 'Data folder', ar: 'مجلد البيانات' },
  egs: { en: 'Device (EGS)', ar: 'الجهاز' },
  onboardTitle: { en: 'Connect this terminal to ZATCA (Fatoora)', ar: 'ربط هذا الجهاز بمنصة فاتورة' },
  onboardIntro: {
    en: 'You need the shop details and a one-time password (OTP) from the Fatoora portal (fatoora.zatca.gov.sa → Onboard new solution unit). The OTP is valid for one hour.',
    ar: 'تحتاج بيانات المتجر ورمز تحقق لمرة واحدة (OTP) من بوابة فاتورة (fatoora.zatca.gov.sa ← تسجيل وحدة حل جديدة). الرمز صالح لمدة ساعة.',
  },
  step_key: { en: 'Device key', ar: 'مفتاح الجهاز' },
  step_csr: { en: 'Certificate request', ar: 'طلب الشهادة' },
  step_csid: { en: 'Compliance certificate (OTP)', ar: 'شهادة الامتثال (OTP)' },
  'step_compliance-checks': { en: 'Compliance checks', ar: 'فحوص الامتثال' },
  'step_production-csid': { en: 'Production certificate', ar: 'شهادة الإنتاج' },
  step_ready: { en: 'Ready', ar: 'جاهز' },
  env_developer_portal: { en: 'Developer portal (testing)', ar: 'بوابة المطورين (اختبار)' },
  env_simulation: { en: 'Simulation (pre-production)', ar: 'المحاكاة (ما قبل التشغيل)' },
  env_production: { en: 'Production (real invoices)', ar: 'التشغيل الفعلي (فواتير حقيقية)' },
  'env_local-simulator': { en: 'Local Fatoora simulator (testing)', ar: 'محاكي فاتورة محلي (اختبار)' },
  vatNumber: { en: 'VAT number (15 digits)', ar: 'الرقم الضريبي (15 رقمًا)' },
  crn: { en: 'Commercial registration number', ar: 'رقم السجل التجاري' },
  nameAr: { en: 'Shop name in Arabic', ar: 'اسم المتجر بالعربية' },
  nameEn: { en: 'Shop name in English', ar: 'اسم المتجر بالإنجليزية' },
  branch: { en: 'Branch (Latin letters)', ar: 'الفرع (بحروف لاتينية)' },
  industry: { en: 'Industry (Latin letters)', ar: 'النشاط (بحروف لاتينية)' },
  street: { en: 'Street', ar: 'الشارع' },
  building: { en: 'Building number (4 digits)', ar: 'رقم المبنى (4 أرقام)' },
  district: { en: 'District', ar: 'الحي' },
  city: { en: 'City', ar: 'المدينة' },
  postalCode: { en: 'Postal code (5 digits)', ar: 'الرمز البريدي (5 أرقام)' },
  otp: { en: 'OTP from the Fatoora portal (6 digits)', ar: 'رمز التحقق من بوابة فاتورة (6 أرقام)' },
  standardToo: { en: 'This shop also issues standard (B2B) tax invoices', ar: 'يصدر هذا المتجر أيضًا فواتير ضريبية قياسية (للشركات)' },
  startOnboarding: { en: 'Connect to ZATCA', ar: 'الربط مع الهيئة' },
  onboardDone: { en: 'This terminal is connected to ZATCA ({e}). Training mode has ended.', ar: 'تم ربط الجهاز بالهيئة ({e}). انتهى وضع التدريب.' },
  onboardRunning: { en: 'Connecting… do not close the app', ar: 'جارٍ الربط… لا تغلق التطبيق' },
  time: { en: 'Time', ar: 'الوقت' },
  document: { en: 'Document', ar: 'المستند' },
  outcome: { en: 'Outcome', ar: 'النتيجة' },
  messages: { en: 'ZATCA messages', ar: 'رسائل الهيئة' },
  noEntries: { en: 'Nothing yet.', ar: 'لا شيء بعد.' },
  noProblems: { en: 'No rejected or overdue documents.', ar: 'لا توجد مستندات مرفوضة أو متأخرة.' },
  whatToDo: { en: 'What to do', ar: 'ما العمل' },
  problem_rejected: { en: 'Rejected', ar: 'مرفوض' },
  problem_overdue: { en: 'Overdue (past 24 hours)', ar: 'متأخر (أكثر من 24 ساعة)' },
  problem_failed: { en: 'Could not be sent', ar: 'تعذر الإرسال' },
  attempts: { en: 'Attempts', ar: 'المحاولات' },
  barcodes: { en: 'Barcodes (space separated)', ar: 'الباركودات (مفصولة بمسافة)' },
  priceInclVat: { en: 'Price includes VAT', ar: 'السعر شامل الضريبة' },
  vatCategory: { en: 'VAT category', ar: 'فئة الضريبة' },
  vatRate: { en: 'VAT rate %', ar: 'نسبة الضريبة %' },
  exemptionCode: { en: 'Exemption code (Z, E, O)', ar: 'رمز الإعفاء (Z, E, O)' },
  active: { en: 'Active', ar: 'فعال' },
  newProduct: { en: 'New product', ar: 'صنف جديد' },
  edit: { en: 'Edit', ar: 'تعديل' },
  importCsv: { en: 'Import CSV', ar: 'استيراد CSV' },
  csvHelp: {
    en: 'Columns: name, name_ar, barcode, price, price_includes_vat, vat_category, vat_rate, exemption_code',
    ar: 'الأعمدة: name, name_ar, barcode, price, price_includes_vat, vat_category, vat_rate, exemption_code',
  },
  csvResult: { en: 'Imported: {c} new, {u} updated', ar: 'تم الاستيراد: {c} جديد، {u} محدث' },
  csvErrors: { en: 'Nothing was imported. Fix these lines:', ar: 'لم يُستورد شيء. صحّح هذه الأسطر:' },
  printerAddress: {
    en: 'Printer address (tcp://192.168.1.50:9100, printer:Name or /dev/usb/lp0; empty = none)',
    ar: 'عنوان الطابعة (tcp://192.168.1.50:9100 أو printer:Name أو /dev/usb/lp0؛ فارغ = بدون)',
  },
  paperWidth: { en: 'Paper width', ar: 'عرض الورق' },
  testPrint: { en: 'Test print', ar: 'طباعة تجريبية' },
  saved: { en: 'Saved', ar: 'تم الحفظ' },
  xReport: { en: 'X report (so far today)', ar: 'تقرير X (حتى الآن)' },
  zReport: { en: 'Z report (close the day)', ar: 'تقرير Z (إغلاق اليوم)' },
  confirmZ: { en: 'Close the day with a Z report? This cannot be undone.', ar: 'إغلاق اليوم بتقرير Z؟ لا يمكن التراجع.' },
  period: { en: 'Period', ar: 'الفترة' },
  invoices: { en: 'Invoices', ar: 'الفواتير' },
  creditNotes: { en: 'Credit notes', ar: 'الإشعارات الدائنة' },
  debitNotes: { en: 'Debit notes', ar: 'الإشعارات المدينة' },
  byVatRate: { en: 'By VAT rate', ar: 'حسب نسبة الضريبة' },
  taxable: { en: 'Taxable', ar: 'الخاضع للضريبة' },
  byPayment: { en: 'By payment method', ar: 'حسب طريقة الدفع' },
  method_unrecorded: { en: 'Payment not recorded', ar: 'دفع غير مسجل' },
  sales: { en: 'Sales', ar: 'المبيعات' },
  returns: { en: 'Returns', ar: 'المرتجعات' },
  debits: { en: 'Debit notes', ar: 'الإشعارات المدينة' },
  net: { en: 'Net', ar: 'الصافي' },
  from: { en: 'From', ar: 'من' },
  to: { en: 'To', ar: 'إلى' },
  exportZip: { en: 'Export XML documents (zip)', ar: 'تصدير مستندات XML (zip)' },
  exported: { en: '{n} documents saved to {p}', ar: 'تم حفظ {n} مستندًا في {p}' },
  name: { en: 'Name', ar: 'الاسم' },
  role: { en: 'Role', ar: 'الدور' },
  newUser: { en: 'New user', ar: 'مستخدم جديد' },
  newPin: { en: 'New PIN (4–8 digits; empty = unchanged)', ar: 'رقم سري جديد (4–8 أرقام؛ فارغ = بدون تغيير)' },
  error: { en: 'Error', ar: 'خطأ' },
  yes: { en: 'Yes', ar: 'نعم' },
  no: { en: 'No', ar: 'لا' },
  newSaleConfirm: { en: 'Clear this sale?', ar: 'إلغاء هذا البيع؟' },
  lastSale: { en: 'Last sale', ar: 'آخر عملية' },
  managersOnly: { en: 'Manager screens need a manager sign-in.', ar: 'شاشات المدير تتطلب دخول المدير.' },
  ...TILL_STRINGS,
  ...B2B_STRINGS,
  ...CATALOG_STRINGS,
  ...CASH_STRINGS,
  ...BACKUP_STRINGS,
  ...SYNC_STRINGS,
  ...STORE_SERVER_STRINGS,
  ...FOREIGN_RETURN_STRINGS,
  ...TILL_CASH_STRINGS,
  ...TENDER_STRINGS,
  ...TRAINING_PREP_STRINGS,
} as const satisfies Record<string, { en: string; ar: string }>;

export type StringKey = keyof typeof S;

export type Vars = Readonly<Record<string, string | number>>;

/** Every word and format of one language. */
export interface Translator {
  readonly locale: Locale;
  readonly dir: 'rtl' | 'ltr';
  /** The words of a key, written literally where it is used (lint: dukkan/literal-keys; values main sends: labels.ts). */
  t(key: StringKey, vars?: Vars): string;
  /** An ISO instant as Riyadh date and time, in Latin digits and the language's order. */
  dateTime(iso: string): string;
  /** Time left until an instant, e.g. "23 h 05 m" (negative: "late 1 h 10 m"). */
  timeLeft(iso: string, now?: number): string;
}

export function translate(locale: Locale, key: StringKey, vars: Vars = {}): string {
  return S[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** Every time on screen is Riyadh's whatever the computer's own zone: the ledger's one clock (app/time/riyadhTime.ts). */
const RIYADH = 'Asia/Riyadh';

export function dateTime(locale: Locale, iso: string): string {
  const d = new Date(iso);
  return d.toLocaleString(locale === 'ar' ? 'ar-SA-u-nu-latn-ca-gregory' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: RIYADH });
}

const RIYADH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: RIYADH, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Riyadh calendar day of an instant, YYYY-MM-DD: the day reports, exports and the trail are cut by. */
export function riyadhDay(instant: Date): string {
  return RIYADH_DAY.format(instant);
}

export function timeLeft(locale: Locale, iso: string, now = Date.now()): string {
  const ms = Date.parse(iso) - now;
  const abs = Math.abs(ms);
  const hours = Math.floor(abs / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const text = locale === 'ar' ? `${hours} س ${String(minutes).padStart(2, '0')} د` : `${hours} h ${String(minutes).padStart(2, '0')} m`;
  return ms >= 0 ? text : locale === 'ar' ? `متأخر ${text}` : `late ${text}`;
}

function makeTranslator(locale: Locale): Translator {
  return {
    locale,
    dir: locale === 'ar' ? 'rtl' : 'ltr',
    t: (key, vars) => translate(locale, key, vars),
    dateTime: (iso) => dateTime(locale, iso),
    timeLeft: (iso, now) => timeLeft(locale, iso, now),
  };
}

const TRANSLATORS: Readonly<Record<Locale, Translator>> = { en: makeTranslator('en'), ar: makeTranslator('ar') };

export function translator(locale: Locale): Translator {
  return TRANSLATORS[locale];
}
