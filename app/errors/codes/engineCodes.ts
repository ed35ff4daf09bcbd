// SPDX-License-Identifier: UNLICENSED
// Failures of the pure core: document input, totals, XML, signing, stamping, QR, verification (texts and conventions: app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const ENGINE_CODES = {
  // ── document JSON (app/document/documentInput.ts) ──
  // The refusal as a whole; each problem below is one of its FieldProblems, shown after its field path. Texts that
  // end in ({rule}) carry the ZATCA rule id (README "Document JSON").
  'document.invalid': {
    en: 'The document is not valid: {count} problem(s), each named with its field.',
    ar: 'المستند غير صالح: {count} مشكلة، كل منها مع اسم الحقل.',
  },
  'document.not-text': { en: 'must be a string', ar: 'يجب أن تكون القيمة نصًا' },
  'document.not-object': { en: 'must be an object', ar: 'يجب أن تكون القيمة كائنًا بحقول (JSON object)' },
  'document.not-list': { en: 'must be a list', ar: 'يجب أن تكون القيمة قائمة' },
  'document.not-boolean': { en: 'must be true or false', ar: 'يجب أن تكون القيمة true أو false' },
  'document.field-invalid': { en: 'is not valid', ar: 'القيمة غير صالحة' },
  'document.empty': { en: 'must not be empty', ar: 'يجب ألا تكون القيمة فارغة' },
  'document.too-long': { en: 'must be at most {max} characters', ar: 'يجب ألا يزيد طول النص على {max} حرفًا' },
  'document.control-characters': { en: 'must not contain control characters', ar: 'يجب ألا يحتوي النص على محارف تحكم' },
  'document.unpaired-surrogate': {
    en: 'must be valid Unicode text (an unpaired surrogate is not a character)',
    ar: 'يجب أن يكون النص يونيكود صالحًا (نصف زوج بديل منفرد ليس حرفًا)',
  },
  'document.no-spaces': { en: 'must not contain spaces', ar: 'يجب ألا يحتوي على مسافات' },
  'document.not-decimal-string': {
    en: '{what} must be a decimal string such as "12.50"',
    ar: 'يجب أن تكون قيمة {what} رقمًا عشريًا مكتوبًا نصًا مثل "12.50"',
  },
  'document.decimal-format': {
    en: '{what} must be a decimal string such as "12.50" (no exponent, no grouping)',
    ar: 'يجب أن تكون قيمة {what} رقمًا عشريًا مكتوبًا نصًا مثل "12.50" (بلا أس وبلا فواصل للآلاف)',
  },
  'document.negative': {
    en: '{what} must not be negative (notes carry positive amounts) ({rule})',
    ar: 'يجب ألا تكون قيمة {what} سالبة (الإشعارات تحمل مبالغ موجبة) ({rule})',
  },
  'document.too-many-decimals': {
    en: '{what} must have at most {places} decimals ({rule})',
    ar: 'يجب ألا تزيد المنازل العشرية في {what} على {places} ({rule})',
  },
  'document.quantity-zero': { en: 'quantity must be greater than 0', ar: 'يجب أن تكون الكمية أكبر من صفر' },
  'document.calendar-date': {
    en: 'must be a calendar date YYYY-MM-DD that exists (2026-02-28, not 2026-02-30) ({rule})',
    ar: 'يجب أن يكون تاريخًا موجودًا في التقويم بالصيغة YYYY-MM-DD (مثل 2026-02-28 لا 2026-02-30) ({rule})',
  },
  'document.issue-time': {
    en: 'must be HH:MM:SS (no fractions, no zone) ({rule})',
    ar: 'يجب أن يكون الوقت بالصيغة HH:MM:SS (بلا كسور للثواني وبلا منطقة زمنية) ({rule})',
  },
  'document.uuid': {
    en: 'must be a UUID such as 3cf5ee18-ee25-44ea-a444-2c37ba7f28be ({rule})',
    ar: 'يجب أن يكون معرّفًا فريدًا (UUID) مثل 3cf5ee18-ee25-44ea-a444-2c37ba7f28be ({rule})',
  },
  'document.kind': {
    en: 'kind must be invoice, credit-note or debit-note ({rule})',
    ar: 'يجب أن يكون نوع المستند invoice (فاتورة) أو credit-note (إشعار دائن) أو debit-note (إشعار مدين) ({rule})',
  },
  'document.profile': {
    en: 'profile must be simplified or standard',
    ar: 'يجب أن يكون نوع الفاتورة simplified (مبسطة) أو standard (ضريبية)',
  },
  'document.currency': { en: 'only SAR documents are supported ({rule})', ar: 'لا تُقبل إلا المستندات بالريال السعودي (SAR) ({rule})' },
  'document.vat-number': {
    en: 'must be 15 digits, starting and ending with 3 ({rule})',
    ar: 'يجب أن يتكون من 15 رقمًا، أولها 3 وآخرها 3 ({rule})',
  },
  'document.digits': { en: 'must be exactly {count} digits ({rule})', ar: 'يجب أن يتكون من {count} أرقام بالضبط ({rule})' },
  'document.seller-country': { en: 'seller country must be SA ({rule})', ar: 'يجب أن تكون دولة البائع SA (المملكة العربية السعودية) ({rule})' },
  'document.country-code': { en: 'must be an ISO 3166-1 alpha-2 code', ar: 'يجب أن يكون رمز دولة من حرفين وفق ISO 3166-1' },
  'document.seller-name-bytes': {
    en: 'must be at most 255 UTF-8 bytes so it fits the QR TLV length byte (reference §6) ({rule})',
    ar: 'يجب ألا يزيد على 255 بايت بترميز UTF-8 حتى يتسع له بايت الطول في رمز الاستجابة السريعة ({rule})',
  },
  'document.id-scheme': { en: 'scheme must be one of {schemes} ({rule})', ar: 'يجب أن يكون نوع المعرّف أحد الأنواع: {schemes} ({rule})' },
  'document.seller-id-value': { en: 'must be alphanumeric ({rule})', ar: 'يجب أن يتكون من حروف لاتينية وأرقام فقط ({rule})' },
  'document.not-alphanumeric': { en: 'must be alphanumeric', ar: 'يجب أن يتكون من حروف لاتينية وأرقام فقط' },
  'document.vat-category': { en: 'category must be S, Z, E or O ({rule})', ar: 'يجب أن تكون فئة الضريبة S أو Z أو E أو O ({rule})' },
  'document.standard-rate': {
    en: 'standard rate (S) must be 15 or 5 ({rule})',
    ar: 'يجب أن تكون نسبة الفئة الأساسية (S) هي 15 أو 5 ({rule})',
  },
  'document.rate-not-zero': { en: 'category {category} must have rate 0 ({rule})', ar: 'يجب أن تكون نسبة الضريبة للفئة {category} صفرًا ({rule})' },
  'document.exemption-code-on-standard': { en: 'category S takes no exemption code ({rule})', ar: 'الفئة S لا تقبل رمز إعفاء ({rule})' },
  'document.exemption-code-missing': {
    en: 'category {category} needs an exemption reason code ({codes}) ({rule})',
    ar: 'الفئة {category} تتطلب رمز سبب الإعفاء ({codes}) ({rule})',
  },
  'document.exemption-code-wrong': {
    en: '{code} is not a code for category {category} ({codes}) ({rule})',
    ar: 'الرمز {code} ليس من رموز الفئة {category} ({codes}) ({rule})',
  },
  'document.exemption-reason-missing': {
    en: 'out-of-scope (O) needs the reason text ({rule})',
    ar: 'الفئة الخارجة عن نطاق الضريبة (O) تتطلب نص السبب ({rule})',
  },
  // one VAT breakdown per category and rate (README "One VAT breakdown per category and rate"); one code per
  // category so each language names the category in its own words
  'document.zero-rated-code-conflict': {
    en: '{at} is zero rated (Z) with exemption code {value} but {other} with {otherValue}: the VAT breakdown has one code per category and rate, so sell them on separate documents ({rule})',
    ar: '{at} من فئة النسبة الصفرية (Z) برمز الإعفاء {value} بينما {other} بالرمز {otherValue}: لملخص الضريبة رمز واحد لكل فئة ونسبة، فبِعهما في مستندين منفصلين ({rule})',
  },
  'document.exempt-code-conflict': {
    en: '{at} is exempt (E) with exemption code {value} but {other} with {otherValue}: the VAT breakdown has one code per category and rate, so sell them on separate documents ({rule})',
    ar: '{at} من الفئة المعفاة (E) برمز الإعفاء {value} بينما {other} بالرمز {otherValue}: لملخص الضريبة رمز واحد لكل فئة ونسبة، فبِعهما في مستندين منفصلين ({rule})',
  },
  'document.out-of-scope-code-conflict': {
    en: '{at} is out-of-scope (O) with exemption code {value} but {other} with {otherValue}: the VAT breakdown has one code per category and rate, so sell them on separate documents ({rule})',
    ar: '{at} من الفئة الخارجة عن نطاق الضريبة (O) برمز الإعفاء {value} بينما {other} بالرمز {otherValue}: لملخص الضريبة رمز واحد لكل فئة ونسبة، فبِعهما في مستندين منفصلين ({rule})',
  },
  'document.zero-rated-reason-conflict': {
    en: '{at} is zero rated (Z) with the reason "{value}" but {other} with "{otherValue}": the VAT breakdown has one reason per category and rate, so give the same text or sell them on separate documents ({rule})',
    ar: '{at} من فئة النسبة الصفرية (Z) بالسبب "{value}" بينما {other} بالسبب "{otherValue}": لملخص الضريبة سبب واحد لكل فئة ونسبة، فاكتب النص نفسه أو بِعهما في مستندين منفصلين ({rule})',
  },
  'document.exempt-reason-conflict': {
    en: '{at} is exempt (E) with the reason "{value}" but {other} with "{otherValue}": the VAT breakdown has one reason per category and rate, so give the same text or sell them on separate documents ({rule})',
    ar: '{at} من الفئة المعفاة (E) بالسبب "{value}" بينما {other} بالسبب "{otherValue}": لملخص الضريبة سبب واحد لكل فئة ونسبة، فاكتب النص نفسه أو بِعهما في مستندين منفصلين ({rule})',
  },
  'document.out-of-scope-reason-conflict': {
    en: '{at} is out-of-scope (O) with the reason "{value}" but {other} with "{otherValue}": the VAT breakdown has one reason per category and rate, so give the same text or sell them on separate documents ({rule})',
    ar: '{at} من الفئة الخارجة عن نطاق الضريبة (O) بالسبب "{value}" بينما {other} بالسبب "{otherValue}": لملخص الضريبة سبب واحد لكل فئة ونسبة، فاكتب النص نفسه أو بِعهما في مستندين منفصلين ({rule})',
  },
  'document.charge-reason-code': {
    en: 'must be a UNTDID 7161 charge reason code such as DL (delivery), FC (freight), PC (packing) or ZZZ (other) ({rule})',
    ar: 'يجب أن يكون رمز سبب الرسوم من قائمة UNTDID 7161 مثل DL (توصيل) أو FC (شحن) أو PC (تغليف) أو ZZZ (أخرى) ({rule})',
  },
  'document.unit-code': {
    en: 'must be a UN/ECE Rec 20 unit code such as PCE or KGM',
    ar: 'يجب أن يكون رمز وحدة من قائمة UN/ECE Rec 20 مثل PCE (قطعة) أو KGM (كيلوغرام)',
  },
  'document.line-number': { en: 'must be a line number', ar: 'يجب أن يكون رقم سطر' },
  'document.line-number-min': { en: 'must be ≥ 1', ar: 'يجب أن يكون 1 أو أكثر' },
  'document.lines-not-list': { en: 'must be a list of lines', ar: 'يجب أن تكون قائمة أسطر' },
  'document.no-lines': { en: 'a document needs at least one line', ar: 'يحتاج المستند إلى سطر واحد على الأقل' },
  'document.too-many-lines': { en: 'at most {max} lines ({rule})', ar: 'لا يزيد عدد الأسطر على {max} ({rule})' },
  'document.payment-means-code': { en: 'must be a UNTDID 4461 code ({rule})', ar: 'يجب أن يكون رمزًا من قائمة UNTDID 4461 ({rule})' },
  'document.payment-means': {
    en: 'must be one of {names} or a UNTDID 4461 code ({rule})',
    ar: 'يجب أن تكون إحدى القيم {names} أو رمزًا من قائمة UNTDID 4461 ({rule})',
  },
  'document.no-payment-means': { en: 'at least one payment means', ar: 'يلزم ذكر وسيلة دفع واحدة على الأقل' },
  'document.note-needs-reference': {
    en: 'a credit or debit note must reference the original invoice ({rule})',
    ar: 'يجب أن يشير الإشعار الدائن أو المدين إلى الفاتورة الأصلية ({rule})',
  },
  'document.external-needs-date': {
    en: "a note for an invoice from another system needs that invoice's issue date",
    ar: 'الإشعار الخاص بفاتورة صادرة من نظام آخر يتطلب تاريخ إصدار تلك الفاتورة',
  },
  'document.note-needs-reason': {
    en: 'a credit or debit note must state the reason for issuing it ({rule})',
    ar: 'يجب أن يذكر الإشعار الدائن أو المدين سبب إصداره ({rule})',
  },
  'document.buyer-name-required': { en: 'a standard tax invoice needs the buyer name ({rule})', ar: 'الفاتورة الضريبية تتطلب اسم المشتري ({rule})' },
  'document.buyer-id-required': {
    en: 'a standard tax invoice needs the buyer VAT number or another buyer id ({rule})',
    ar: 'الفاتورة الضريبية تتطلب الرقم الضريبي للمشتري أو معرّفًا آخر له ({rule})',
  },
  'document.buyer-address-required': {
    en: 'a standard tax invoice needs the buyer address ({part}) ({rule})',
    ar: 'الفاتورة الضريبية تتطلب عنوان المشتري ({part}) ({rule})',
  },
  'document.saudi-address-part': { en: 'a Saudi buyer address needs {part} ({rule})', ar: 'عنوان المشتري داخل المملكة يتطلب {part} ({rule})' },
  'document.saudi-postal-code': {
    en: 'a Saudi postal code must be exactly 5 digits ({rule})',
    ar: 'يجب أن يتكون الرمز البريدي السعودي من 5 أرقام بالضبط ({rule})',
  },
  'document.edu-hea-buyer': {
    en: 'VATEX-SA-EDU/HEA needs the buyer name and national id (scheme NAT) ({rule})',
    ar: 'الإعفاء VATEX-SA-EDU أو VATEX-SA-HEA يتطلب اسم المشتري ورقم هويته الوطنية (النوع NAT) ({rule})',
  },

  // ── totals (app/totals/computeTotals.ts); {path} is the field the refusal is about ──
  'totals.exemption-code-differs': {
    en: '{path}: {code} differs from {other} in the same VAT category and rate',
    ar: '{path}: الرمز {code} يختلف عن {other} في الفئة الضريبية والنسبة نفسيهما',
  },
  'totals.discount-exceeds-line': {
    en: '{path}: discount {discount} exceeds the line amount {amount}',
    ar: '{path}: الخصم {discount} أكبر من مبلغ السطر {amount}',
  },
  'totals.allowances-exceed': {
    en: '{path}: the allowances of VAT category {category} {rate} % exceed its lines and charges by {excess}',
    ar: '{path}: خصومات الفئة الضريبية {category} بنسبة {rate}% تزيد على أسطرها ورسومها بمقدار {excess}',
  },

  // ── XML (app/xml): {detail} is libxml2's own message, in English ──
  'xml.not-well-formed': { en: 'not well-formed XML: {detail}', ar: 'المستند ليس XML سليم البنية: {detail}' },
  'xml.illegal-character': {
    en: '{where}: U+{codePoint} is not a character XML allows (XML 1.0 §2.2)',
    ar: '{where}: المحرف U+{codePoint} غير مسموح به في XML (XML 1.0 §2.2)',
  },

  // ── DER (app/asn1/derReader.ts): certificates, CSRs and keys that are not canonical DER; offsets, never bytes ──
  'der.empty': { en: 'DER: empty input at offset {offset}', ar: 'ترميز DER: المدخل فارغ (عند البايت {offset})' },
  'der.trailing-bytes': {
    en: 'DER: {count} trailing byte(s) after the element at offset {offset}',
    ar: 'ترميز DER: يوجد بعد العنصر بايتات زائدة عددها {count} (عند البايت {offset})',
  },
  'der.too-deep': { en: 'DER: nesting deeper than 64 levels at offset {offset}', ar: 'ترميز DER: التداخل أعمق من 64 مستوى (عند البايت {offset})' },
  'der.truncated-identifier': { en: 'DER: truncated identifier at offset {offset}', ar: 'ترميز DER: المعرّف مقطوع (عند البايت {offset})' },
  'der.truncated-tag': { en: 'DER: truncated tag number at offset {offset}', ar: 'ترميز DER: رقم الوسم مقطوع (عند البايت {offset})' },
  'der.truncated-length': { en: 'DER: truncated length at offset {offset}', ar: 'ترميز DER: حقل الطول مقطوع (عند البايت {offset})' },
  'der.tag-not-minimal': {
    en: 'DER: non-minimal tag number at offset {offset}',
    ar: 'ترميز DER: رقم الوسم غير مرمّز بأقصر صورة (عند البايت {offset})',
  },
  'der.tag-too-large': { en: 'DER: tag number too large at offset {offset}', ar: 'ترميز DER: رقم الوسم كبير جدًا (عند البايت {offset})' },
  'der.tag-low-in-high-form': {
    en: 'DER: tag number below 31 in high-tag form at offset {offset}',
    ar: 'ترميز DER: رقم وسم أصغر من 31 مكتوب بالصيغة الطويلة (عند البايت {offset})',
  },
  'der.indefinite-length': {
    en: 'DER: indefinite length is not DER at offset {offset}',
    ar: 'ترميز DER: الطول غير المحدد غير مسموح به في DER (عند البايت {offset})',
  },
  'der.length-too-long': {
    en: 'DER: length field longer than 4 bytes at offset {offset}',
    ar: 'ترميز DER: حقل الطول أطول من 4 بايت (عند البايت {offset})',
  },
  'der.length-leading-zero': {
    en: 'DER: length has a leading zero byte at offset {offset}',
    ar: 'ترميز DER: يبدأ حقل الطول ببايت صفري (عند البايت {offset})',
  },
  'der.length-not-minimal': {
    en: 'DER: long-form length below 128 at offset {offset}',
    ar: 'ترميز DER: طول أقل من 128 مكتوب بالصيغة الطويلة (عند البايت {offset})',
  },
  'der.length-overrun': {
    en: 'DER: length {length} runs past the end of the enclosing data at offset {offset}',
    ar: 'ترميز DER: الطول {length} يتجاوز نهاية البيانات المحيطة به (عند البايت {offset})',
  },
  'der.constructed-primitive': {
    en: 'DER: constructed encoding of universal tag {tag} is not DER at offset {offset}',
    ar: 'ترميز DER: الوسم العام {tag} لا يُرمَّز بالصيغة المركبة في DER (عند البايت {offset})',
  },
  'der.primitive-constructed': {
    en: 'DER: universal tag {tag} must be constructed at offset {offset}',
    ar: 'ترميز DER: يجب أن يُرمَّز الوسم العام {tag} بالصيغة المركبة (عند البايت {offset})',
  },
  'der.bad-boolean': {
    en: 'DER: BOOLEAN must be one byte 00 or FF at offset {offset}',
    ar: 'ترميز DER: يجب أن تكون قيمة BOOLEAN بايتًا واحدًا 00 أو FF (عند البايت {offset})',
  },
  'der.bad-null': { en: 'DER: NULL must be empty at offset {offset}', ar: 'ترميز DER: يجب أن تكون قيمة NULL فارغة (عند البايت {offset})' },
  'der.empty-integer': { en: 'DER: empty INTEGER at offset {offset}', ar: 'ترميز DER: قيمة INTEGER فارغة (عند البايت {offset})' },
  'der.integer-not-minimal': {
    en: 'DER: INTEGER is not minimally encoded at offset {offset}',
    ar: 'ترميز DER: قيمة INTEGER غير مرمّزة بأقصر صورة (عند البايت {offset})',
  },
  'der.empty-bit-string': { en: 'DER: empty BIT STRING at offset {offset}', ar: 'ترميز DER: قيمة BIT STRING فارغة (عند البايت {offset})' },
  'der.bit-string-unused-count': {
    en: 'DER: BIT STRING has an invalid unused-bits count at offset {offset}',
    ar: 'ترميز DER: عدد البتات غير المستخدمة في BIT STRING غير صالح (عند البايت {offset})',
  },
  'der.bit-string-unused-bits': {
    en: 'DER: BIT STRING unused bits are not zero at offset {offset}',
    ar: 'ترميز DER: البتات غير المستخدمة في BIT STRING ليست أصفارًا (عند البايت {offset})',
  },
  'der.bad-oid': {
    en: 'DER: malformed OBJECT IDENTIFIER at offset {offset}',
    ar: 'ترميز DER: قيمة OBJECT IDENTIFIER تالفة (عند البايت {offset})',
  },
  'der.oid-not-minimal': {
    en: 'DER: OBJECT IDENTIFIER arc is not minimally encoded at offset {offset}',
    ar: 'ترميز DER: أحد مكوّنات OBJECT IDENTIFIER غير مرمّز بأقصر صورة (عند البايت {offset})',
  },

  // ── the QR payload's TLV records (app/qr/tlv.ts, reference §6) ──
  'qr.value-too-long': {
    en: 'QR tag {tag} is {bytes} bytes; a TLV value holds at most 255',
    ar: 'قيمة الوسم {tag} في رمز الاستجابة السريعة طولها {bytes} بايت، والحد الأقصى لقيمة TLV هو 255',
  },
  'qr.value-empty': { en: 'QR tag {tag} is empty', ar: 'قيمة الوسم {tag} في رمز الاستجابة السريعة فارغة' },
  'qr.not-base64': { en: 'QR is not base64: {detail}', ar: 'رمز الاستجابة السريعة ليس بترميز base64: {detail}' },
  'qr.truncated': { en: 'QR TLV truncated at byte {offset}', ar: 'بيانات TLV في رمز الاستجابة السريعة مقطوعة عند البايت {offset}' },
  'qr.length-overrun': {
    en: 'QR tag {tag} at byte {offset} claims {length} bytes but only {remaining} remain',
    ar: 'الوسم {tag} عند البايت {offset} يذكر طولًا قدره {length} بايت ولم يتبقَّ سوى {remaining}',
  },
  'qr.duplicate-tag': { en: 'QR tag {tag} appears twice', ar: 'الوسم {tag} مكرر في رمز الاستجابة السريعة' },
  'qr.not-utf8': { en: 'QR tag {tag} is not valid UTF-8', ar: 'قيمة الوسم {tag} ليست نصًا صالحًا بترميز UTF-8' },

  // ── the QR on paper (app/receipt/qrPlan.ts): a code too small to scan is not printed ──
  'receipt.qr-no-version': {
    en: 'QR payload of {chars} characters does not fit any QR version at level {level}: {detail}',
    ar: 'بيانات رمز الاستجابة السريعة ({chars} حرفًا) لا تتسع في أي إصدار من الرمز بمستوى التصحيح {level}: {detail}',
  },
  'receipt.qr-too-wide': {
    en: 'QR cannot be printed scannably: {chars} characters need version {version} at level {level} ({modules} modules + {quiet} quiet), which at the minimum of {minDots} dots per module is {dots} dots, wider than the {paperDots} dots of {mm} mm paper',
    ar: 'لا يمكن طباعة رمز الاستجابة السريعة بحجم قابل للمسح: {chars} حرفًا تحتاج الإصدار {version} بمستوى التصحيح {level} ({modules} وحدة + {quiet} للهامش)، وعرضه بالحد الأدنى {minDots} نقطة لكل وحدة {dots} نقطة، وهو أعرض من {paperDots} نقطة في ورق بعرض {mm} مم',
  },

  // ── issuance (app/verify/checkIssuance.ts): a built document Fatoora would reject is not issued (reference §11);
  // each broken rule is one problem: {message} is the rule check's own English statement of what it found, {messageAr}
  // what the rule requires in Arabic (app/rules/ruleStatementsAr.ts), so an Arabic screen shows no English ──
  'issuance.refused': {
    en: 'The document breaks {count} rule(s) Fatoora rejects for, so it was not issued:',
    ar: 'يخالف المستند {count} من القواعد التي ترفض منصة فاتورة المستندات بسببها، لذلك لم يُصدَر:',
  },
  'issuance.rule-broken': { en: '{rule}: {message}', ar: 'القاعدة {rule}: {messageAr}' },
  'issuance.rule-broken-at': { en: '{rule}: {message} ({location})', ar: 'القاعدة {rule}: {messageAr} (الموضع: {location})' },

  // ── signing keys (app/crypto/signingKey.ts) ──
  'signing.key-invalid': {
    en: 'The signing key is not a secp256k1 private key.',
    ar: 'مفتاح التوقيع ليس مفتاحًا خاصًا من نوع secp256k1.',
  },
  'signing.key-destroyed': {
    en: 'The signing key was used after it was released.',
    ar: 'استُخدم مفتاح التوقيع بعد تحريره.',
  },
  'signing.public-key-invalid': {
    en: 'The public key is not a secp256k1 point.',
    ar: 'المفتاح العام ليس نقطة على منحنى secp256k1.',
  },
} as const satisfies Record<string, CatalogText>;
