// SPDX-License-Identifier: UNLICENSED
// Refusals of the terminal's defences (docs/security.md): the browser-mode transport, the OTP's way in, the
// printer address, the data folder's permissions (texts and conventions: app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const SECURITY_CODES = {
  'security.api-path-invalid': {
    en: 'The request address names no operation: an operation name is letters, digits and dots, with no %-escapes.',
    ar: 'عنوان الطلب لا يسمي أي عملية: اسم العملية حروف وأرقام ونقاط فقط، دون ترميز %.',
  },
  'security.otp-stdin-empty': {
    en: 'No OTP was read from standard input (--otp -): pipe the 6 digits from the Fatoora portal, on one line.',
    ar: 'لم يُقرأ أي رمز OTP من الإدخال القياسي (--otp -): مرّر الأرقام الستة من بوابة فاتورة في سطر واحد.',
  },
  'printer.address-not-allowed': {
    en: 'The printer address {address} is not allowed: use tcp://host:port (without a port, or as a bare IP address, port 9100), a USB or serial printer device (/dev/usb/lp0, /dev/ttyUSB0, /dev/ttyACM0), or on Windows a COM port such as COM3.',
    ar: 'عنوان الطابعة {address} غير مسموح: استخدم tcp://host:port (دون منفذ، أو عنوان IP وحده، يعني المنفذ 9100)، أو جهاز طابعة USB أو تسلسلي (/dev/usb/lp0 أو /dev/ttyUSB0 أو /dev/ttyACM0)، أو منفذ COM على ويندوز مثل COM3.',
  },
  'printer.device-missing': {
    en: 'There is no printer device at {address}: connect the printer (and switch it on), then save again.',
    ar: 'لا يوجد جهاز طابعة في {address}: وصّل الطابعة (وشغّلها) ثم احفظ مرة أخرى.',
  },
  'printer.device-elsewhere': {
    en: 'The printer address {address} leads to {target}, which is not a printer device: refused, so that printing cannot write anywhere else.',
    ar: 'عنوان الطابعة {address} يؤدي إلى {target}، وهو ليس جهاز طابعة: رُفض حتى لا تكتب الطباعة في أي مكان آخر.',
  },
  'printer.not-a-device': {
    en: 'The printer address {address} is a file ({target}), not a printer device: refused, so that printing cannot overwrite it.',
    ar: 'عنوان الطابعة {address} ملف ({target})، وليس جهاز طابعة: رُفض حتى لا تكتب الطباعة فوقه.',
  },
  // ── unknown keys: input is read strictly, a key nobody knows is refused with the one probably meant ──
  'document.unknown-key': {
    en: 'unknown key {key}: the document format has no such field here (known: {known}).',
    ar: 'مفتاح غير معروف {key}: لا يوجد حقل بهذا الاسم هنا في صيغة المستند (المفاتيح المعروفة: {known}).',
  },
  'document.unknown-key-close': {
    en: 'unknown key {key} — did you mean {suggestion}?',
    ar: 'مفتاح غير معروف {key} — هل تقصد {suggestion}؟',
  },
  'input.unknown-key': {
    en: 'Unknown key {key} (known: {known}).',
    ar: 'مفتاح غير معروف {key} (المفاتيح المعروفة: {known}).',
  },
  'input.unknown-key-close': {
    en: 'Unknown key {key} — did you mean {suggestion}?',
    ar: 'مفتاح غير معروف {key} — هل تقصد {suggestion}؟',
  },
  'shop.unknown-field-close': {
    en: 'Unknown field {field} — did you mean {suggestion}?',
    ar: 'حقل غير معروف {field} — هل تقصد {suggestion}؟',
  },
  'csv.unknown-column': {
    en: 'Unknown column {column}: the columns are {columns}.',
    ar: 'عمود غير معروف {column}: الأعمدة هي {columns}.',
  },
  'csv.unknown-column-close': {
    en: 'Unknown column {column} — did you mean {suggestion}?',
    ar: 'عمود غير معروف {column} — هل تقصد {suggestion}؟',
  },
  // ── invisible and direction-changing characters in printed text (app/bytes/spoofingCharacters.ts) ──
  'document.spoofing-character': {
    en: 'contains {character}, an invisible or direction-changing character: refused, so that the text cannot disguise what is printed next to it (ZWNJ and ZWJ are allowed between letters).',
    ar: 'يحتوي على {character}، وهو حرف غير مرئي أو يغيّر اتجاه النص: رُفض حتى لا يخفي النص ما يُطبع بجانبه (يُسمح بـ ZWNJ وZWJ بين الحروف فقط).',
  },
  'catalog.spoofing-character': {
    en: 'The {field} contains {character}, an invisible or direction-changing character: refused, so that a name cannot disguise the amounts printed next to it (ZWNJ and ZWJ are allowed between letters).',
    ar: 'الحقل {field} يحتوي على {character}، وهو حرف غير مرئي أو يغيّر اتجاه النص: رُفض حتى لا يخفي الاسم المبالغ المطبوعة بجانبه (يُسمح بـ ZWNJ وZWJ بين الحروف فقط).',
  },
  // ── dukkan sign: the key and certificate it signs with (main/cli/signingPair.ts) ──
  'cli.key-not-certificate': {
    en: "The key {key} does not belong to the certificate {cert}: its public key is not the certificate's, so Fatoora would reject every signature. Nothing was signed.",
    ar: 'المفتاح {key} لا يخص الشهادة {cert}: مفتاحه العام ليس مفتاح الشهادة، فسترفض فاتورة كل توقيع به. لم يُوقَّع أي مستند.',
  },
  'cli.certificate-expired': {
    en: 'The certificate {cert} expired on {notAfter}: renew the CSID before signing. Nothing was signed.',
    ar: 'انتهت صلاحية الشهادة {cert} في {notAfter}: جدّد شهادة التوقيع (CSID) قبل التوقيع. لم يُوقَّع أي مستند.',
  },
  'cli.certificate-expired-at-signing': {
    en: "The certificate {cert} had expired at the document's signing time {signingTime} (Riyadh; valid until {notAfter}): Fatoora rejects such a document. Nothing was signed.",
    ar: 'كانت صلاحية الشهادة {cert} منتهية في وقت توقيع المستند {signingTime} (بتوقيت الرياض؛ صالحة حتى {notAfter}): ترفض فاتورة مثل هذا المستند. لم يُوقَّع أي مستند.',
  },
  'cli.certificate-not-yet-valid-at-signing': {
    en: "The certificate {cert} is valid only from {notBefore}, after the document's signing time {signingTime} (Riyadh): check the issue date and time. Nothing was signed.",
    ar: 'الشهادة {cert} صالحة ابتداءً من {notBefore} فقط، بعد وقت توقيع المستند {signingTime} (بتوقيت الرياض): تحقق من تاريخ الإصدار ووقته. لم يُوقَّع أي مستند.',
  },
  // ── the command line leaves nothing behind on a failure ──
  'cli.cannot-write': {
    en: 'cannot write --{option} {file}: {detail}. Nothing was written.',
    ar: 'تعذرت كتابة الملف {file} (الخيار --{option}): {detail}. لم يُكتب أي شيء.',
  },
  'cli.prefix-format': {
    en: '--prefix must be 1 to 10 letters or digits (the invoice numbers are PREFIX-000001, …).',
    ar: 'يجب أن تكون قيمة --prefix من 1 إلى 10 حروف أو أرقام (أرقام الفواتير PREFIX-000001، …).',
  },
} as const satisfies Record<string, CatalogText>;
