// SPDX-License-Identifier: UNLICENSED
// Failures of the device: keychain, printer, rasterizer, database schema, command line (texts and conventions: app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const DEVICE_CODES = {
  // ── the OS keychain (native/keychain): {detail} is the keychain library's own English, never a secret ──
  'keychain.read-refused': {
    en: "The OS keychain is locked or unavailable: reading '{entry}' was refused ({detail}). Unlock it (sign in to the desktop) and try again.",
    ar: "سلسلة مفاتيح النظام مقفلة أو غير متاحة: رُفضت قراءة '{entry}' ({detail}). افتحها (سجّل الدخول إلى سطح المكتب) وحاول مجددًا.",
  },
  'keychain.write-refused': {
    en: "The OS keychain is locked or unavailable: storing '{entry}' was refused ({detail}). Unlock it (sign in to the desktop) and try again.",
    ar: "سلسلة مفاتيح النظام مقفلة أو غير متاحة: رُفض حفظ '{entry}' ({detail}). افتحها (سجّل الدخول إلى سطح المكتب) وحاول مجددًا.",
  },
  'keychain.delete-refused': {
    en: "The OS keychain is locked or unavailable: removing '{entry}' was refused ({detail}). Unlock it (sign in to the desktop) and try again.",
    ar: "سلسلة مفاتيح النظام مقفلة أو غير متاحة: رُفض حذف '{entry}' ({detail}). افتحها (سجّل الدخول إلى سطح المكتب) وحاول مجددًا.",
  },

  // ── talking to a printer (native/printer); {printer} is its address, {detail} the system's error code or text ──
  'printer.replies-unsupported': {
    en: '{printer}: a {connection} printer cannot send replies back; only tcp:// printers can',
    ar: '{printer}: الطابعة الموصولة بطريقة {connection} لا تستطيع إرسال الردود؛ تستطيع ذلك طابعات tcp:// وحدها',
  },
  'printer.unreachable': { en: '{printer}: cannot reach the printer ({detail})', ar: '{printer}: تعذر الوصول إلى الطابعة ({detail})' },
  'printer.write-failed': { en: '{printer}: writing to the printer failed ({detail})', ar: '{printer}: فشلت الكتابة إلى الطابعة ({detail})' },
  'printer.no-connection': {
    en: '{printer}: no connection within {ms} ms',
    ar: '{printer}: لم يتم الاتصال بالطابعة خلال {ms} ملّي ثانية',
  },
  'printer.cannot-connect': { en: '{printer}: cannot connect ({detail})', ar: '{printer}: تعذر الاتصال بالطابعة ({detail})' },
  'printer.no-reply': { en: '{printer}: no reply within {ms} ms', ar: '{printer}: لم يصل رد من الطابعة خلال {ms} ملّي ثانية' },
  'printer.no-progress': {
    en: '{printer}: no progress within {ms} ms',
    ar: '{printer}: توقفت الطابعة عن استلام البيانات خلال {ms} ملّي ثانية',
  },
  'printer.lost-awaiting-reply': {
    en: '{printer}: connection lost while waiting for the reply ({detail})',
    ar: '{printer}: انقطع الاتصال أثناء انتظار رد الطابعة ({detail})',
  },
  'printer.lost-while-sending': {
    en: '{printer}: connection lost while sending ({detail})',
    ar: '{printer}: انقطع الاتصال أثناء إرسال البيانات إلى الطابعة ({detail})',
  },
  'printer.closed-before-reply': {
    en: '{printer}: the printer closed the connection before replying',
    ar: '{printer}: أغلقت الطابعة الاتصال قبل أن ترد',
  },
  'printer.closed-while-sending': {
    en: '{printer}: the printer closed the connection while the job was being sent',
    ar: '{printer}: أغلقت الطابعة الاتصال أثناء إرسال الإيصال',
  },

  // ── printing a receipt (main/printing/printError.ts): what the cashier sees; the sale itself is never at stake ──
  'print.qr-unprintable': {
    en: 'Receipt {receipt}: its QR ({chars} characters) cannot be printed at a scannable size on {mm} mm paper, so nothing was printed',
    ar: 'الإيصال {receipt}: لا يمكن طباعة رمز الاستجابة السريعة ({chars} حرفًا) بحجم قابل للمسح على ورق بعرض {mm} مم، لذلك لم يُطبع شيء',
  },
  'print.qr-unreadable': {
    en: 'Receipt {receipt}: printing stopped before the QR: no QR could be decoded from the printed image. Discard any part already printed',
    ar: 'الإيصال {receipt}: أُوقفت الطباعة قبل رمز الاستجابة السريعة: تعذرت قراءته من الصورة المعدّة للطباعة. تخلّص من أي جزء طُبع منه',
  },
  'print.qr-mismatch': {
    en: 'Receipt {receipt}: printing stopped before the QR: the QR in the printed image ({printedChars} chars) differs from the stored QR ({storedChars} chars). Discard any part already printed',
    ar: 'الإيصال {receipt}: أُوقفت الطباعة قبل رمز الاستجابة السريعة: الرمز في الصورة المعدّة للطباعة ({printedChars} حرفًا) يختلف عن الرمز المحفوظ ({storedChars} حرفًا). تخلّص من أي جزء طُبع منه',
  },
  'print.render-failed': {
    en: 'Receipt {receipt}: rendering failed; printing will be tried again',
    ar: 'الإيصال {receipt}: تعذر تجهيز صورة الإيصال؛ ستُعاد محاولة الطباعة',
  },
  'print.paper-out': { en: '{printer}: out of paper; load a new roll', ar: '{printer}: نفد الورق؛ ركّب لفافة جديدة' },
  'print.cover-open': { en: '{printer}: the cover is open; close it', ar: '{printer}: غطاء الطابعة مفتوح؛ أغلقه' },
  'print.printer-error': {
    en: '{printer}: the printer reports an error (cutter or head); check the printer',
    ar: '{printer}: تبلغ الطابعة عن عطل (في القاطع أو رأس الطباعة)؛ افحص الطابعة',
  },
  'print.printer-offline': { en: '{printer}: the printer is offline', ar: '{printer}: الطابعة غير متصلة' },
  'print.printer-unreachable': {
    en: '{printer}: cannot reach the printer; check power and cable',
    ar: '{printer}: تعذر الوصول إلى الطابعة؛ تحقق من التيار الكهربائي والكابل',
  },
  'print.printer-timeout': {
    en: '{printer}: the printer stopped answering; check it, the receipt will be tried again',
    ar: '{printer}: توقفت الطابعة عن الرد؛ افحصها، وستُعاد محاولة طباعة الإيصال',
  },
  'print.connection-lost': {
    en: '{printer}: the connection broke during printing; part of the receipt may have printed',
    ar: '{printer}: انقطع الاتصال أثناء الطباعة؛ ربما طُبع جزء من الإيصال',
  },
  'print.write-failed': { en: '{printer}: the printer did not take the receipt', ar: '{printer}: لم تستلم الطابعة الإيصال' },
  // the same states after the whole receipt reached the printer: it may still print, so it is not sent again
  'print.paper-out-delivered': {
    en: '{printer}: out of paper; load a new roll (the receipt is in the printer and may print once this is fixed; otherwise reprint it as a copy)',
    ar: '{printer}: نفد الورق؛ ركّب لفافة جديدة (الإيصال داخل الطابعة وقد يُطبع بعد إصلاح ذلك؛ وإلا فأعد طباعته كنسخة)',
  },
  'print.cover-open-delivered': {
    en: '{printer}: the cover is open; close it (the receipt is in the printer and may print once this is fixed; otherwise reprint it as a copy)',
    ar: '{printer}: غطاء الطابعة مفتوح؛ أغلقه (الإيصال داخل الطابعة وقد يُطبع بعد إصلاح ذلك؛ وإلا فأعد طباعته كنسخة)',
  },
  'print.printer-error-delivered': {
    en: '{printer}: the printer reports an error (cutter or head); check the printer (the receipt is in the printer and may print once this is fixed; otherwise reprint it as a copy)',
    ar: '{printer}: تبلغ الطابعة عن عطل (في القاطع أو رأس الطباعة)؛ افحص الطابعة (الإيصال داخل الطابعة وقد يُطبع بعد إصلاح ذلك؛ وإلا فأعد طباعته كنسخة)',
  },
  'print.printer-offline-delivered': {
    en: '{printer}: the printer is offline (the receipt is in the printer and may print once this is fixed; otherwise reprint it as a copy)',
    ar: '{printer}: الطابعة غير متصلة (الإيصال داخل الطابعة وقد يُطبع بعد إصلاح ذلك؛ وإلا فأعد طباعته كنسخة)',
  },
  'print.printer-unreachable-delivered': {
    en: '{printer}: cannot reach the printer; check power and cable (the receipt is in the printer and may print once this is fixed; otherwise reprint it as a copy)',
    ar: '{printer}: تعذر الوصول إلى الطابعة؛ تحقق من التيار الكهربائي والكابل (الإيصال داخل الطابعة وقد يُطبع بعد إصلاح ذلك؛ وإلا فأعد طباعته كنسخة)',
  },
  'print.went-offline-delivered': {
    en: '{printer}: the printer went offline after taking the receipt (it may print once the printer is back; otherwise reprint it as a copy)',
    ar: '{printer}: انقطعت الطابعة بعد استلام الإيصال (قد يُطبع عند عودتها؛ وإلا فأعد طباعته كنسخة)',
  },

  // ── turning a receipt into a bitmap (main/printing): {step} is the rasterizer's step, {detail} the browser's text ──
  'rasterize.open-failed': { en: 'could not open the receipt page: {detail}', ar: 'تعذر فتح صفحة الإيصال: {detail}' },
  'rasterize.timeout': { en: '{step} did not finish within {ms} ms', ar: 'لم تكتمل الخطوة ({step}) خلال {ms} ملّي ثانية' },
  'rasterize.renderer-gone': {
    en: '{step}: the receipt renderer is gone ({reason})',
    ar: '{step}: توقفت أداة عرض الإيصال ({reason})',
  },
  'rasterize.fonts-not-loaded': {
    en: "the app's receipt fonts did not load ({fonts}); receipts would fall back to OS fonts",
    ar: 'لم تُحمَّل خطوط الإيصال الخاصة بالتطبيق ({fonts})؛ وكانت الإيصالات ستُطبع بخطوط النظام',
  },
  'rasterize.empty-receipt': {
    en: 'the receipt laid out to zero height; there is nothing to print',
    ar: 'ارتفاع الإيصال بعد تنسيقه صفر؛ لا يوجد ما يُطبع',
  },
  'rasterize.wrong-size': {
    en: 'the capture is {width}×{height} px, expected {expectedWidth}×{expectedHeight} (device scale factor or zoom is not 1)',
    ar: 'أبعاد الصورة الملتقطة {width}×{height} بكسل، والمتوقع {expectedWidth}×{expectedHeight} (معامل تكبير الشاشة أو التكبير ليس 1)',
  },
  'rasterize.page-error': { en: '{step}: {detail}', ar: '{step}: خطأ في صفحة الإيصال: {detail}' },

  // ── the device database (main/db/migrate.ts) ──
  'db.schema-too-new': {
    en: 'this database was written by a newer version of Dukkan (schema {found}; this app knows up to {supported}). Update the app; the database was not changed.',
    ar: 'كُتبت قاعدة البيانات هذه بإصدار أحدث من Dukkan (المخطط {found}؛ وهذا التطبيق يعرف حتى المخطط {supported}). حدّث التطبيق؛ لم تتغير قاعدة البيانات.',
  },
  'db.schema-unknown': {
    en: 'database schema {found} is not one this app knows (known: {known}); the database was not changed.',
    ar: 'مخطط قاعدة البيانات {found} غير معروف لهذا التطبيق (المعروف: {known})؛ لم تتغير قاعدة البيانات.',
  },

  // ── the device key in the OS keychain (main/keyCustody) ──
  'device-key.missing': {
    en: 'the OS keychain holds no device key for the {environment} environment',
    ar: 'لا تحتوي سلسلة مفاتيح النظام على مفتاح الجهاز لبيئة {environment}',
  },
  'device-key.invalid': {
    en: 'the device key stored for {environment} is not a SEC1 secp256k1 private key',
    ar: 'مفتاح الجهاز المحفوظ لبيئة {environment} ليس مفتاحًا خاصًا صالحًا من نوع secp256k1 (SEC1)',
  },
  'device-key.exists': {
    en: 'a device key for {environment} already exists; wipe it before generating a new one',
    ar: 'يوجد مفتاح جهاز لبيئة {environment} بالفعل؛ امسحه قبل إنشاء مفتاح جديد',
  },

  // ── Fatoora credentials (main/fatoora/credentials.ts): one environment's CSID never goes to another (reference §12 item 20) ──
  'credentials.wrong-environment': {
    en: 'fatoora client: credentials were issued by the {credentialEnvironment} environment and cannot be used against {clientEnvironment} (reference §12 item 20); onboard this unit in {clientEnvironment} instead',
    ar: 'بيانات الاعتماد صادرة من بيئة {credentialEnvironment} ولا يجوز استخدامها مع بيئة {clientEnvironment}؛ سجّل هذا الجهاز في بيئة {clientEnvironment} بدلًا من ذلك',
  },

  // ── the command line (main/cli): usage errors exit 2, the rest 1 (README "Command line") ──
  'cli.unknown-option': { en: 'unknown option --{option}', ar: 'الخيار --{option} غير معروف' },
  'cli.option-takes-no-value': { en: '--{option} takes no value', ar: 'الخيار --{option} لا يأخذ قيمة' },
  'cli.option-needs-value': { en: '--{option} needs a value', ar: 'الخيار --{option} يحتاج إلى قيمة' },
  'cli.option-required': { en: '--{option} is required', ar: 'الخيار --{option} مطلوب' },
  'cli.option-integer': { en: '--{option} must be an integer ≥ {min}', ar: 'يجب أن تكون قيمة --{option} عددًا صحيحًا لا يقل عن {min}' },
  'cli.one-file': { en: 'give exactly one FILE', ar: 'حدد ملفًا واحدًا بالضبط' },
  'cli.files-required': { en: 'give at least one FILE', ar: 'حدد ملفًا واحدًا على الأقل' },
  'cli.unexpected-argument': { en: 'unexpected argument {argument}', ar: 'وسيط غير متوقع: {argument}' },
  'cli.cannot-read': { en: 'cannot read --{option} {file}: {detail}', ar: 'تعذرت قراءة الملف {file} (الخيار --{option}): {detail}' },
  'cli.not-json': {
    en: '--{option} {file} is not valid JSON: {detail}',
    ar: 'الملف {file} (الخيار --{option}) ليس JSON صالحًا: {detail}',
  },
  'cli.bad-key': { en: 'key {file}: {detail}', ar: 'مفتاح التوقيع في الملف {file} غير صالح: {detail}' },
  'cli.bad-certificate': { en: 'certificate {file}: {detail}', ar: 'الشهادة في الملف {file} غير صالحة: {detail}' },
  'cli.pih-format': {
    en: '--pih must be a base64 SHA-256 digest (44 characters)',
    ar: 'يجب أن تكون قيمة --pih بصمة SHA-256 بترميز base64 (44 حرفًا)',
  },
  'cli.no-qr': { en: 'the document has no QR AdditionalDocumentReference', ar: 'لا يحتوي المستند على رمز الاستجابة السريعة (AdditionalDocumentReference QR)' },
  'cli.no-ledger': { en: 'no ledger at {file}', ar: 'لا يوجد دفتر مستندات في {file}' },
  'cli.at-date': {
    en: '--at must be an ISO-8601 date-time on a day the calendar has, e.g. 2026-11-23T12:00:00Z',
    ar: 'يجب أن تكون قيمة --at تاريخًا ووقتًا بصيغة ISO-8601 في يوم موجود في التقويم، مثل 2026-11-23T12:00:00Z',
  },
  'cli.port-range': { en: '--port must be at most 65535', ar: 'يجب ألا تزيد قيمة --port على 65535' },
  'cli.otp-list': {
    en: '--otp must be a comma-separated list of 6-digit codes',
    ar: 'يجب أن تكون قيمة --otp قائمة رموز من 6 أرقام مفصولة بفواصل',
  },
  'cli.seed': { en: '--seed must be a non-negative integer', ar: 'يجب أن تكون قيمة --seed عددًا صحيحًا غير سالب' },
  'cli.one-mode': { en: 'use only one of --resume, --renew, --rotate', ar: 'استخدم خيارًا واحدًا فقط من --resume و--renew و--rotate' },
  'cli.env-invalid': { en: '--env must be one of {environments}', ar: 'يجب أن تكون قيمة --env إحدى القيم: {environments}' },
  'cli.other-environment': {
    en: 'this terminal works in {active}; --{mode} applies to the active environment (to switch, onboard with --env {env} --confirm-switch)',
    ar: 'يعمل هذا الجهاز في بيئة {active}؛ الخيار --{mode} يخص البيئة النشطة (للانتقال، سجّل الجهاز باستخدام --env {env} --confirm-switch)',
  },
} as const satisfies Record<string, CatalogText>;
