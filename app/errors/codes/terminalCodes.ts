// SPDX-License-Identifier: UNLICENSED
// Failures of the terminal services: ledger, Fatoora, reporting, catalog, users, sessions, mode, API (texts and conventions: app/errors/catalog.ts).
// Parameters are language-neutral values (numbers, document numbers, dates, field paths, environment ids); a value
// that reads differently per language gets its own code instead (onboarding.busy-onboard / -renew / -rotate).
import type { CatalogText } from '../catalogText';

export const TERMINAL_CODES = {
  // ── the ledger (main/ledger): every refusal leaves the ledger exactly as it was ──
  'ledger.clock-behind': {
    en: 'The device clock ({now}) is earlier than the last document ({last}): set the correct time. Nothing was issued.',
    ar: 'ساعة الجهاز ({now}) متأخرة عن وقت آخر مستند ({last}): اضبط الوقت الصحيح. لم يصدر أي مستند.',
  },
  'ledger.clock-ahead': {
    en: 'The device clock ({now}) is implausibly far ahead of the last document ({last}): check the date and time. Nothing was issued.',
    ar: 'ساعة الجهاز ({now}) متقدمة كثيرًا على وقت آخر مستند ({last}): تحقق من التاريخ والوقت. لم يصدر أي مستند.',
  },
  'ledger.certificate-expired': {
    en: 'The signing certificate (CSID) expired on {notAfter}: renew it before issuing. Nothing was signed.',
    ar: 'انتهت صلاحية شهادة التوقيع في {notAfter}: جدّدها قبل إصدار الفواتير. لم يُوقَّع أي مستند.',
  },
  'ledger.certificate-not-yet-valid': {
    en: 'The signing certificate (CSID) is valid only from {notBefore}: check the device clock. Nothing was signed.',
    ar: 'شهادة التوقيع صالحة ابتداءً من {notBefore} فقط: تحقق من ساعة الجهاز. لم يُوقَّع أي مستند.',
  },
  'ledger.original-not-found': {
    en: 'Document {id} does not exist in this ledger.',
    ar: 'المستند {id} غير موجود في سجل هذا الجهاز.',
  },
  'ledger.not-rejected': {
    en: 'Document {number} was not rejected by Fatoora; only rejected documents are re-issued.',
    ar: 'لم ترفض منصة فاتورة المستند {number}؛ لا يُعاد إصدار إلا المستندات المرفوضة.',
  },
  'ledger.already-reissued': {
    en: 'Document {number} was already re-issued.',
    ar: 'سبق إعادة إصدار المستند {number}.',
  },
  'ledger.unknown-original': {
    en: 'No invoice {number} was issued by this device; for an invoice from another system, set billingReference.external and its issueDate.',
    ar: 'لم يصدر هذا الجهاز فاتورة برقم {number}؛ للفاتورة الصادرة من نظام آخر حدّد billingReference.external وتاريخ إصدارها.',
  },
  'ledger.original-line-missing': {
    en: 'Invoice {number} has no line {line}.',
    ar: 'لا يوجد في الفاتورة {number} سطر رقم {line}.',
  },
  'ledger.no-matching-line': {
    en: 'No line of the original invoice matches "{name}" at {price}.',
    ar: 'لا يطابق أي سطر في الفاتورة الأصلية الصنف "{name}" بسعر {price}.',
  },
  'ledger.ambiguous-line': {
    en: '"{name}" matches several lines of the original invoice: give originalLine.',
    ar: 'الصنف "{name}" يطابق أكثر من سطر في الفاتورة الأصلية: حدّد رقم السطر الأصلي (originalLine).',
  },
  'ledger.return-exceeds-sale': {
    en: 'Returning {quantity} of "{name}", but invoice {number} sold {sold} and {returned} were already returned ({left} left).',
    ar: 'الكمية المرتجعة {quantity} من "{name}" أكبر من المتبقي: الكمية المباعة في الفاتورة {number} هي {sold}، وأُرجع منها {returned} (المتبقي {left}).',
  },
  'ledger.stamp-self-check': {
    en: 'The stamped document did not verify, so it was not stored: {details}',
    ar: 'لم يجتز المستند الموقَّع التحقق، فلم يُحفظ: {detailsAr}',
  },
  'ledger.business-rules': {
    en: 'The document breaks {count} rule(s) Fatoora rejects for ({rules}), so it was not issued and no number was used.',
    ar: 'يخالف المستند {count} من القواعد التي ترفض منصة فاتورة بسببها ({rules})، فلم يصدر ولم يُستخدم أي رقم.',
  },
  'ledger.seller-not-in-certificate': {
    en: 'The seller VAT number is not the one in the signing certificate, so Fatoora would refuse the document. Nothing was issued.',
    ar: 'الرقم الضريبي للبائع لا يطابق الرقم الوارد في شهادة التوقيع، فسترفض منصة فاتورة المستند. لم يصدر أي مستند.',
  },
  'ledger.storage-full': {
    en: 'The disk (or database) is full: the document was not issued and nothing was printed. Free some space and try again.',
    ar: 'القرص (أو قاعدة البيانات) ممتلئ: لم يصدر المستند ولم يُطبع شيء. أفرغ بعض المساحة وحاول مجددًا.',
  },
  'ledger.storage-read-only': {
    en: 'The ledger database is read-only: the document was not issued and nothing was printed.',
    ar: 'قاعدة بيانات السجل للقراءة فقط: لم يصدر المستند ولم يُطبع شيء.',
  },
  'ledger.storage-busy': {
    en: 'Another Dukkan process holds the ledger: the document was not issued. Try again.',
    ar: 'عملية أخرى من دكّان تستخدم السجل: لم يصدر المستند. حاول مجددًا.',
  },
  'ledger.head-moving': {
    en: 'The chain kept moving while issuing (another process is issuing continuously): the document was not issued. Try again.',
    ar: 'استمرت سلسلة المستندات في التغير أثناء الإصدار (عملية أخرى تصدر باستمرار): لم يصدر المستند. حاول مجددًا.',
  },
  'ledger.storage-failed': {
    en: 'The ledger could not be written ({sqlite}): the document was not issued.',
    ar: 'تعذرت الكتابة في السجل ({sqlite}): لم يصدر المستند.',
  },

  // ── the catalog and its CSV import (main/catalog) ──
  'catalog.standard-rate': {
    en: 'Standard-rated (S) products are taxed at 15 or 5 percent.',
    ar: 'الأصناف الخاضعة للنسبة الأساسية (S) تُفرض عليها ضريبة 15 أو 5 بالمئة.',
  },
  'catalog.standard-no-exemption': {
    en: 'Standard-rated (S) products take no exemption code.',
    ar: 'الأصناف الخاضعة للنسبة الأساسية (S) لا تأخذ رمز إعفاء.',
  },
  'catalog.zero-rate': {
    en: 'Category {category} products have a VAT rate of 0.',
    ar: 'نسبة الضريبة لأصناف الفئة {category} هي 0.',
  },
  'catalog.exemption-required': {
    en: 'Category {category} products need a ZATCA exemption reason code (e.g. VATEX-SA-29).',
    ar: 'تحتاج أصناف الفئة {category} إلى رمز سبب الإعفاء من الهيئة (مثل VATEX-SA-29).',
  },
  'catalog.barcode-taken': {
    en: 'Barcode {barcode} already belongs to product {product}.',
    ar: 'الباركود {barcode} مسجل للصنف {product}.',
  },
  'catalog.no-such-product': {
    en: 'There is no product {id}.',
    ar: 'لا يوجد صنف رقم {id}.',
  },
  'csv.no-header': {
    en: 'The file has no header line.',
    ar: 'لا يحتوي الملف على سطر العناوين.',
  },
  'csv.missing-columns': {
    en: 'Missing column {missing} (columns: {columns}).',
    ar: 'العمود {missing} غير موجود (الأعمدة: {columns}).',
  },
  'csv.quote-then-separator': {
    en: 'A closing quote must be followed by a separator or the end of the line.',
    ar: 'يجب أن تلي علامةَ الاقتباس الختامية فاصلةٌ أو نهايةُ السطر.',
  },
  'csv.quote-inside-field': {
    en: 'A quote may only open a field.',
    ar: 'لا يجوز وضع علامة الاقتباس إلا في بداية الحقل.',
  },
  'csv.quote-not-closed': {
    en: 'A quoted field is not closed.',
    ar: 'يوجد حقل بين علامتي اقتباس لم يُغلق.',
  },
  'csv.name-empty': {
    en: 'The name is empty.',
    ar: 'الاسم فارغ.',
  },
  'csv.name-too-long': {
    en: 'The name is longer than {max} characters.',
    ar: 'الاسم أطول من {max} حرفًا.',
  },
  'csv.price': {
    en: '"{value}" is not a price such as 12.50.',
    ar: '"{value}" ليس سعرًا صحيحًا مثل 12.50.',
  },
  'csv.yes-no': {
    en: '"{value}" must be yes or no.',
    ar: 'يجب أن تكون القيمة "{value}" نعم أو لا (yes / no).',
  },
  'csv.vat-category': {
    en: '"{value}" must be S, Z, E or O.',
    ar: 'يجب أن تكون القيمة "{value}" إحدى الفئات S أو Z أو E أو O.',
  },
  'csv.barcode': {
    en: '"{value}" is not a barcode.',
    ar: '"{value}" ليس باركودًا صحيحًا.',
  },
  'csv.barcode-repeated': {
    en: 'Barcode {barcode} is also on line {line}.',
    ar: 'الباركود {barcode} موجود أيضًا في السطر {line}.',
  },

  // ── users, PINs, sessions and approvals (main/users, main/app/handlers) ──
  'user.name-taken': {
    en: 'There is already a user called "{name}".',
    ar: 'يوجد مستخدم آخر باسم "{name}".',
  },
  'user.pin-required': {
    en: 'A new user needs a PIN.',
    ar: 'يحتاج المستخدم الجديد إلى رقم سري.',
  },
  'user.no-such-user': {
    en: 'There is no user {id}.',
    ar: 'لا يوجد مستخدم رقم {id}.',
  },
  'user.last-manager': {
    en: 'The terminal needs at least one active manager.',
    ar: 'يحتاج الجهاز إلى مدير فعال واحد على الأقل.',
  },
  'user.wrong-pin': {
    en: 'Wrong PIN.',
    ar: 'الرقم السري غير صحيح.',
  },
  'user.current-pin-wrong': {
    en: 'The current PIN is wrong.',
    ar: 'الرقم السري الحالي غير صحيح.',
  },
  'user.locked': {
    en: 'Too many wrong PINs: try again after {until} UTC.',
    ar: 'محاولات خاطئة كثيرة: حاول بعد الساعة {until} بتوقيت UTC.',
  },
  'user.pin-format': {
    en: 'The new PIN must be 4 to 8 digits.',
    ar: 'يجب أن يتكون الرقم السري الجديد من 4 إلى 8 أرقام.',
  },
  'user.pin-factory': {
    en: 'The new PIN cannot be a factory PIN ({manager} or {cashier}): everyone knows those.',
    ar: 'لا يمكن أن يكون الرقم السري الجديد رقمًا افتراضيًا ({manager} أو {cashier})، فهذه الأرقام يعرفها الجميع.',
  },
  'user.pin-repeated': {
    en: 'The new PIN cannot be one digit repeated (such as 1111): mix different digits.',
    ar: 'لا يمكن أن يكون الرقم السري الجديد رقمًا واحدًا مكررًا (مثل 1111): استخدم أرقامًا مختلفة.',
  },
  'user.pin-unchanged': {
    en: 'The new PIN must be different from the current one.',
    ar: 'يجب أن يختلف الرقم السري الجديد عن الرقم الحالي.',
  },
  'session.not-signed-in': {
    en: 'Sign in first.',
    ar: 'سجّل الدخول أولاً.',
  },
  'session.manager-only': {
    en: 'Only a manager can do this.',
    ar: 'هذه العملية للمدير فقط.',
  },
  'session.pin-change-required': {
    en: 'Choose your own PIN first: a factory PIN cannot be used on a live terminal.',
    ar: 'اختر رقمك السري أولاً: لا يمكن استخدام الرقم السري الافتراضي على جهاز في وضع التشغيل الفعلي.',
  },
  'approval.wrong-pin': {
    en: 'That is not a manager PIN.',
    ar: 'هذا ليس الرقم السري للمدير.',
  },
  'approval.locked': {
    en: 'Too many wrong manager PINs: the manager PIN is locked until {until} UTC, at every till (a signed-in manager can set it again in the Users tab of the manager screen).',
    ar: 'محاولات خاطئة كثيرة لرقم المدير: رقم المدير مقفل حتى الساعة {until} بتوقيت UTC على كل الصناديق (يمكن لمدير مسجّل الدخول تعيينه من جديد في تبويب المستخدمون في شاشة المدير).',
  },
  'approval.factory-pin': {
    en: 'This manager still has the factory PIN, which approves nothing on a live terminal: the manager signs in and chooses a new PIN first.',
    ar: 'ما زال المدير يستخدم الرقم السري الافتراضي، ولا يوافق به على شيء في وضع التشغيل الفعلي: على المدير تسجيل الدخول واختيار رقم سري جديد أولاً.',
  },
  'approval.missing': {
    en: 'A manager must approve this (the approval is missing or expired).',
    ar: 'يجب أن يوافق المدير على هذا (الموافقة غير موجودة أو انتهت صلاحيتها).',
  },

  // ── the sale, returns and receipts (main/sale) ──
  'sale.unknown-product': {
    en: 'Line {line}: product {product} is not in the catalog (or no longer sold).',
    ar: 'السطر {line}: الصنف {product} غير موجود في قائمة الأصناف (أو لم يعد يُباع).',
  },
  'sale.discount-exceeds-line': {
    en: 'Line {line}: the discount {discount} is more than the line ({total}).',
    ar: 'السطر {line}: الخصم {discount} أكبر من قيمة السطر ({total}).',
  },
  'sale.incomplete': {
    en: 'The sale cannot be completed yet ({count} problem(s)).',
    ar: 'لا يمكن إتمام البيع بعد ({count} مشكلة).',
  },
  'sale.amount-due': {
    en: '{due} still to pay.',
    ar: 'المتبقي للدفع {due}.',
  },
  'sale.card-exceeds-total': {
    en: 'The card amount {card} is more than the total {total}.',
    ar: 'مبلغ البطاقة {card} أكبر من الإجمالي {total}.',
  },
  'sale.approval-needed': {
    en: 'A price change or discount needs a manager approval.',
    ar: 'تغيير السعر أو الخصم يحتاج إلى موافقة المدير.',
  },
  'sale.no-shop-profile': {
    en: 'This terminal has no shop profile: onboard it first.',
    ar: 'لا توجد بيانات متجر على هذا الجهاز: سجّله أولاً.',
  },
  'sale.cannot-sign': {
    en: 'This terminal cannot sign yet (it is not onboarded): no sale can be issued.',
    ar: 'لا يستطيع هذا الجهاز التوقيع بعد (غير مسجل): لا يمكن إصدار أي بيع.',
  },
  'sale.note-needs-invoice': {
    en: '{number} is not an invoice; notes are issued against the invoice.',
    ar: '{number} ليس فاتورة؛ تصدر الإشعارات على الفاتورة.',
  },
  'sale.no-such-line': {
    en: 'Invoice {number} has no line {line}.',
    ar: 'لا يوجد في الفاتورة {number} سطر رقم {line}.',
  },
  'receipt.not-found': {
    en: 'No document {number} was issued by this terminal.',
    ar: 'لم يصدر هذا الجهاز المستند {number}.',
  },
  'printer.system-queue-unsupported': {
    en: 'System print queues (printer:Name) need a printer driver module this terminal does not have; use tcp://host:9100 or a device path such as /dev/usb/lp0.',
    ar: 'طوابير الطباعة في النظام (printer:Name) تحتاج وحدة تشغيل غير متوفرة على هذا الجهاز؛ استخدم tcp://host:9100 أو مسار جهاز مثل /dev/usb/lp0.',
  },

  // ── the app's mode and the reporting worker (main/app, main/reporting) ──
  'mode.transition-refused': {
    en: 'The app cannot {trigger} while {state}.',
    ar: 'لا يمكن للتطبيق تنفيذ {trigger} وهو في حالة {state}.',
  },
  'mode.environment-switch-needs-restart': {
    en: 'The {environment} ledger is running; restart the app to switch environment.',
    ar: 'سجل بيئة {environment} قيد التشغيل؛ أعد تشغيل التطبيق لتغيير البيئة.',
  },
  'reporting.transition-refused': {
    en: 'Reporting job: the event {event} is refused in state {state}.',
    ar: 'مهمة الإبلاغ: الحدث {event} مرفوض في الحالة {state}.',
  },
  'reporting.worker-running': {
    en: 'Another reporting worker (process {pid} on {host}) is running on this database; stop it first.',
    ar: 'توجد عملية إبلاغ أخرى (العملية {pid} على الجهاز {host}) تعمل على قاعدة البيانات هذه؛ أوقفها أولاً.',
  },

  // ── the API between the screens and main (main/ipc, renderer/app/api) ──
  'api.unknown-method': {
    en: 'No such operation.',
    ar: 'لا توجد عملية بهذا الاسم.',
  },
  'api.foreign-window': {
    en: 'This window may not use the terminal.',
    ar: 'لا يُسمح لهذه النافذة باستخدام الجهاز.',
  },
  'api.one-argument': {
    en: 'An operation takes exactly one argument.',
    ar: 'تأخذ العملية وسيطًا واحدًا فقط.',
  },
  'api.body-not-json': {
    en: 'The request body is not JSON.',
    ar: 'محتوى الطلب ليس بصيغة JSON.',
  },
  'api.invalid-input': {
    en: 'Some of the values are not valid ({count} problem(s), each named with its field); nothing was changed.',
    ar: 'بعض القيم غير صحيحة ({count} مشكلة، كل منها مع اسم الحقل)؛ لم يتغير شيء.',
  },
  'api.internal': {
    en: 'Something went wrong; the operation was not completed. Details are in the log.',
    ar: 'حدث خطأ ولم تكتمل العملية. التفاصيل في السجل.',
  },
  'api.no-answer': {
    en: 'The terminal service is not answering. Is it still running?',
    ar: 'خدمة الجهاز لا تستجيب. هل ما زالت تعمل؟',
  },
  'api.not-authorised': {
    en: 'This page is no longer authorised: open the link printed at start-up again.',
    ar: 'لم تعد هذه الصفحة مصرحًا لها: افتح الرابط المطبوع عند التشغيل مرة أخرى.',
  },

  // ── one field of an API call's argument (app/contract schemas): the path names the field ──
  'input.invalid': { en: 'Not a valid value.', ar: 'قيمة غير صحيحة.' },
  'input.unknown-field': { en: 'Unknown field(s): {keys}.', ar: 'حقول غير معروفة: {keys}.' },
  'input.wrong-type': { en: 'Must be a value of type {expected}.', ar: 'يجب أن تكون القيمة من النوع {expected}.' },
  'input.text': { en: 'Must be text.', ar: 'يجب أن تكون القيمة نصًا.' },
  'input.empty': { en: 'Must not be empty.', ar: 'يجب ألا يكون الحقل فارغًا.' },
  'input.too-long': { en: 'Must be at most {max} characters.', ar: 'يجب ألا يزيد على {max} حرفًا.' },
  'input.too-many': { en: 'At most {max} allowed.', ar: 'الحد الأقصى المسموح {max}.' },
  'input.too-large': { en: 'Must be at most {max}.', ar: 'يجب ألا تزيد القيمة على {max}.' },
  'input.control-characters': { en: 'Must not contain control characters.', ar: 'يجب ألا يحتوي على محارف تحكم.' },
  'input.money': {
    en: 'Must be an amount such as 12.50 (at most 2 decimals).',
    ar: 'يجب أن يكون مبلغًا مثل 12.50 (منزلتان عشريتان على الأكثر).',
  },
  'input.price': {
    en: 'Must be a price such as 12.50 (at most 4 decimals).',
    ar: 'يجب أن يكون سعرًا مثل 12.50 (أربع منازل عشرية على الأكثر).',
  },
  'input.quantity': {
    en: 'Must be a quantity such as 1 or 0.750 (at most 3 decimals).',
    ar: 'يجب أن تكون كمية مثل 1 أو 0.750 (ثلاث منازل عشرية على الأكثر).',
  },
  'input.quantity-zero': { en: 'Must be greater than 0.', ar: 'يجب أن تكون أكبر من 0.' },
  'input.number': { en: 'Must be a number.', ar: 'يجب أن تكون القيمة رقمًا.' },
  'input.whole-number': { en: 'Must be a whole number.', ar: 'يجب أن تكون القيمة عددًا صحيحًا.' },
  'input.at-least': { en: 'Must be {min} or more.', ar: 'يجب أن تكون القيمة {min} أو أكثر.' },
  'input.boolean': { en: 'Must be true or false.', ar: 'يجب أن تكون القيمة نعم أو لا.' },
  'input.digits': { en: 'Must be digits.', ar: 'يجب أن تكون أرقامًا.' },
  'input.pin': { en: 'Must be 4 to 8 digits.', ar: 'يجب أن يتكون من 4 إلى 8 أرقام.' },
  'input.barcode': {
    en: 'Must be a barcode of 1–64 printable characters without spaces.',
    ar: 'يجب أن يكون باركودًا من 1 إلى 64 حرفًا مطبوعًا بلا مسافات.',
  },
  'input.document-number': {
    en: 'Must be a document number such as T1-000123.',
    ar: 'يجب أن يكون رقم مستند مثل T1-000123.',
  },
  'input.date': { en: 'Must be a date YYYY-MM-DD.', ar: 'يجب أن يكون تاريخًا بالصيغة YYYY-MM-DD.' },
  'input.uuid': { en: 'Must be a UUID.', ar: 'يجب أن يكون معرّفًا فريدًا (UUID).' },
  'input.vat-category': {
    en: 'The VAT category must be S (standard), Z (zero), E (exempt) or O (out of scope).',
    ar: 'يجب أن تكون فئة الضريبة S (أساسية) أو Z (صفرية) أو E (معفاة) أو O (خارج النطاق).',
  },
  'input.vat-rate': { en: 'The VAT rate must be 15, 5 or 0.', ar: 'يجب أن تكون نسبة الضريبة 15 أو 5 أو 0.' },
  'input.exemption-code': {
    en: 'Must be a ZATCA exemption code such as VATEX-SA-29.',
    ar: 'يجب أن يكون رمز إعفاء من الهيئة مثل VATEX-SA-29.',
  },
  'input.payment-method': { en: 'The payment method must be cash or card.', ar: 'يجب أن تكون طريقة الدفع نقدًا أو بطاقة.' },
  'input.role': { en: 'The role must be cashier or manager.', ar: 'يجب أن يكون الدور كاشير أو مدير.' },
  'input.locale': { en: 'The language must be ar or en.', ar: 'يجب أن تكون اللغة ar أو en.' },
  'input.paper-width': { en: 'The paper width must be 58 or 80 (mm).', ar: 'يجب أن يكون عرض الورق 58 أو 80 (مم).' },
  'input.printer-address': {
    en: 'The printer address must be tcp://host:9100, printer:Name or a device such as /dev/usb/lp0.',
    ar: 'يجب أن يكون عنوان الطابعة tcp://host:9100 أو printer:Name أو جهازًا مثل /dev/usb/lp0.',
  },
  'input.period': { en: 'The period must start before it ends.', ar: 'يجب أن تبدأ الفترة قبل نهايتها.' },
  'input.environment': {
    en: 'Choose developer portal, simulation or production.',
    ar: 'اختر بوابة المطورين أو المحاكاة أو التشغيل الفعلي.',
  },
  'input.otp': {
    en: 'The OTP is the 6 digits shown on the Fatoora portal.',
    ar: 'رمز التحقق (OTP) هو الأرقام الستة الظاهرة في بوابة فاتورة.',
  },
  'input.receipt-query': {
    en: 'Type a receipt number or scan its QR.',
    ar: 'اكتب رقم الإيصال أو امسح رمز QR.',
  },
  'input.file-empty': { en: 'The file is empty.', ar: 'الملف فارغ.' },
  'input.file-too-large': { en: 'The file is larger than 2 MB.', ar: 'حجم الملف أكبر من 2 ميغابايت.' },
  'input.no-items': { en: 'The sale has no items.', ar: 'لا توجد أصناف في البيع.' },
  'input.no-lines': { en: 'Choose at least one line.', ar: 'اختر سطرًا واحدًا على الأقل.' },
} as const satisfies Record<string, CatalogText>;
