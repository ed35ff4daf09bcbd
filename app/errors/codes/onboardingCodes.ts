// SPDX-License-Identifier: UNLICENSED
// Failures of onboarding, renewal, rotation and signing, and of the shop details an onboarding carries
// (texts and conventions: app/errors/catalog.ts; parameters are language-neutral, as in ./terminalCodes.ts).
import type { CatalogText } from '../catalogText';

export const ONBOARDING_CODES = {
  // ── onboarding, renewal, rotation and signing (main/onboarding) ──
  'onboarding.invalid-input': {
    en: 'The onboarding details are not valid ({count} problem(s), each named with its field); nothing was saved.',
    ar: 'بيانات التسجيل غير صحيحة ({count} مشكلة، كل منها مع اسم الحقل)، ولم يُحفظ أي شيء.',
  },
  'onboarding.otp-required': {
    en: 'This step needs a new one-time password (OTP): generate one in the Fatoora portal and run onboarding again with it.',
    ar: 'تحتاج هذه الخطوة إلى رمز تحقق (OTP) جديد: أنشئ رمزًا في بوابة فاتورة ثم أعد التسجيل به.',
  },
  'onboarding.otp-invalid': {
    en: 'Fatoora did not accept the OTP. Check the 6 digits, and that the OTP comes from the portal of this environment (simulation and production OTPs are not interchangeable). An OTP is valid for one hour and for one request: if it is older or was already used, generate a new one in the Fatoora portal (Fatoora does not say which).',
    ar: 'لم تقبل منصة فاتورة رمز التحقق (OTP). تحقق من الأرقام الستة، ومن أن الرمز صادر من بوابة البيئة نفسها (رموز بيئة المحاكاة لا تصلح للإنتاج والعكس). الرمز صالح لساعة واحدة ولطلب واحد: إن كان أقدم من ذلك أو سبق استخدامه فأنشئ رمزًا جديدًا في بوابة فاتورة (لا تحدد منصة فاتورة السبب).',
  },
  'onboarding.csr-rejected': {
    en: 'Fatoora refused the certificate request (CSR) built from the shop details. Check the details below; a new request will be built on the next attempt.',
    ar: 'رفضت منصة فاتورة طلب الشهادة (CSR) المبني على بيانات المتجر. راجع التفاصيل أدناه؛ سيُبنى طلب جديد في المحاولة التالية.',
  },
  'onboarding.vat-mismatch': {
    en: "The VAT number in the certificate Fatoora issued ({certificateVat}) does not match the shop's VAT number ({shopVat}). Documents signed with it would be refused; check the VAT number and onboard again.",
    ar: 'الرقم الضريبي في الشهادة الصادرة من فاتورة ({certificateVat}) لا يطابق الرقم الضريبي للمتجر ({shopVat}). ستُرفض المستندات الموقعة بها؛ تحقق من الرقم الضريبي وأعد التسجيل.',
  },
  'onboarding.certificate-without-vat': {
    en: "The certificate Fatoora issued carries no VAT number, so it does not match the shop's VAT number ({shopVat}). Check the VAT number and onboard again.",
    ar: 'الشهادة الصادرة من فاتورة لا تحمل رقمًا ضريبيًا، فلا تطابق الرقم الضريبي للمتجر ({shopVat}). تحقق من الرقم الضريبي وأعد التسجيل.',
  },
  'onboarding.vat-refused': {
    en: 'Fatoora refused a document because the VAT number does not match the one in the certificate ("certificate-permissions"). Check the shop VAT number.',
    ar: 'رفضت منصة فاتورة مستندًا لأن الرقم الضريبي لا يطابق الرقم الوارد في الشهادة. تحقق من الرقم الضريبي للمتجر.',
  },
  'onboarding.certificate-type': {
    en: 'The certificate Fatoora issued does not cover simplified (B2C) invoices, which this terminal issues. Onboard again with the right invoice types.',
    ar: 'الشهادة الصادرة من فاتورة لا تغطي الفواتير المبسطة التي يصدرها هذا الجهاز. أعد التسجيل بأنواع الفواتير الصحيحة.',
  },
  'onboarding.key-mismatch': {
    en: "The certificate Fatoora issued is not for this device's key. Nothing was saved; run onboarding again.",
    ar: 'الشهادة الصادرة من فاتورة لا تخص مفتاح هذا الجهاز. لم يُحفظ شيء؛ أعد التسجيل.',
  },
  'onboarding.key-missing': {
    en: 'The device key for {environment} is missing from the OS keychain (it was deleted or the keychain was reset). Rotate the key: run onboarding with --rotate and a new OTP.',
    ar: 'مفتاح الجهاز الخاص ببيئة {environment} غير موجود في سلسلة مفاتيح النظام (حُذف أو أُعيد ضبطها). استبدل المفتاح: أعد التسجيل مع خيار التدوير (--rotate) ورمز تحقق جديد.',
  },
  'onboarding.compliance-check-failed': {
    en: "Fatoora's compliance check refused the sample {kind}. The messages below say why; nothing was lost, and onboarding resumes at this document.",
    ar: 'رفض فحص الامتثال في منصة فاتورة المستند التجريبي ({kind}). توضح الرسائل أدناه السبب؛ لم يُفقد شيء، وسيستأنف التسجيل من هذا المستند.',
  },
  'onboarding.missing-compliance-steps': {
    en: 'Fatoora will not issue the production certificate yet: compliance steps are missing ({steps}). Run onboarding again to send them.',
    ar: 'لن تصدر منصة فاتورة شهادة الإنتاج بعد: خطوات امتثال ناقصة ({steps}). أعد تشغيل التسجيل لإرسالها.',
  },
  'onboarding.production-csid-refused': {
    en: 'Fatoora refused to issue the production certificate. The messages below say why; run onboarding again once they are resolved.',
    ar: 'رفضت منصة فاتورة إصدار شهادة الإنتاج. توضح الرسائل أدناه السبب؛ أعد تشغيل التسجيل بعد معالجتها.',
  },
  'onboarding.credentials-refused': {
    en: "Fatoora ({environment}) refused this device's credentials. They may belong to another environment, or have been revoked. Run onboarding again with a new OTP.",
    ar: 'رفضت منصة فاتورة ({environment}) بيانات اعتماد هذا الجهاز. قد تكون لبيئة أخرى أو أُلغيت. أعد التسجيل برمز تحقق جديد.',
  },
  'onboarding.switch-needs-confirm': {
    en: 'This device works in the {active} environment. Switching to {requested} is an explicit action: confirm it (confirm: true / --confirm-switch). Credentials and keys of {active} are kept apart and are not used in {requested}.',
    ar: 'يعمل هذا الجهاز في بيئة {active}. الانتقال إلى بيئة {requested} إجراء صريح يجب تأكيده (--confirm-switch). تبقى مفاتيح وبيانات اعتماد {active} منفصلة ولا تُستخدم في {requested}.',
  },
  'onboarding.choose-needs-confirm': {
    en: 'Choosing the {requested} environment for this device is an explicit action: confirm it (confirm: true / --confirm-switch).',
    ar: 'اختيار بيئة {requested} لهذا الجهاز إجراء صريح يجب تأكيده (--confirm-switch).',
  },
  'onboarding.not-active': {
    en: 'Signing for {requested} was refused: this device works in the {active} environment. Documents are never signed with another environment’s key.',
    ar: 'رُفض التوقيع لبيئة {requested}: يعمل هذا الجهاز في بيئة {active}. لا تُوقَّع المستندات أبدًا بمفتاح بيئة أخرى.',
  },
  'onboarding.not-onboarded': {
    en: 'This device is not onboarded in the {environment} environment yet: nothing can be signed. Run onboarding with the shop details and an OTP.',
    ar: 'لم يُسجَّل هذا الجهاز بعد في بيئة {environment}: لا يمكن توقيع أي مستند. سجّل الجهاز ببيانات المتجر ورمز تحقق.',
  },
  'onboarding.not-onboarded-anywhere': {
    en: 'This device is not onboarded in any environment yet: nothing can be signed. Run onboarding with the shop details and an OTP.',
    ar: 'لم يُسجَّل هذا الجهاز بعد في أي بيئة: لا يمكن توقيع أي مستند. سجّل الجهاز ببيانات المتجر ورمز تحقق.',
  },
  'onboarding.not-ready': {
    en: 'Onboarding in {environment} is not finished (stopped at step "{step}"): nothing can be signed yet. Run onboarding again to resume.',
    ar: 'لم يكتمل التسجيل في بيئة {environment} (توقف عند خطوة "{step}"): لا يمكن التوقيع بعد. أعد تشغيل التسجيل للاستئناف.',
  },
  'onboarding.different-shop': {
    en: 'An onboarding with different shop details is already under way in {environment}. Resume it with the same details, or start over with --rotate and a new OTP.',
    ar: 'يوجد تسجيل جارٍ ببيانات متجر مختلفة في بيئة {environment}. استأنفه بالبيانات نفسها، أو ابدأ من جديد مع خيار التدوير (--rotate) ورمز تحقق جديد.',
  },
  'onboarding.busy-onboard': {
    en: 'An onboarding is under way in {environment}; finish it first (run the same command again to resume).',
    ar: 'يوجد تسجيل جارٍ في بيئة {environment}؛ أكمله أولًا (أعد تشغيل الأمر نفسه للاستئناف).',
  },
  'onboarding.busy-renew': {
    en: 'A certificate renewal is under way in {environment}; finish it first (run the same command again to resume).',
    ar: 'يوجد تجديد للشهادة جارٍ في بيئة {environment}؛ أكمله أولًا (أعد تشغيل الأمر نفسه للاستئناف).',
  },
  'onboarding.busy-rotate': {
    en: 'A key rotation is under way in {environment}; finish it first (run the same command again to resume).',
    ar: 'يوجد تدوير للمفتاح جارٍ في بيئة {environment}؛ أكمله أولًا (أعد تشغيل الأمر نفسه للاستئناف).',
  },
  'onboarding.already-running': {
    en: 'Onboarding is already running on this terminal; wait for it to finish.',
    ar: 'التسجيل جارٍ بالفعل على هذا الجهاز؛ انتظر حتى يكتمل.',
  },
  'onboarding.certificate-expired': {
    en: 'The signing certificate expired on {date}. Nothing was signed. Renew it with a new OTP from the Fatoora portal.',
    ar: 'انتهت صلاحية شهادة التوقيع في {date}. لم يُوقَّع أي مستند. جدّد الشهادة برمز تحقق جديد من بوابة فاتورة.',
  },
  'onboarding.certificate-not-yet-valid': {
    en: 'The signing certificate is valid only from {date}: check the device date and time.',
    ar: 'شهادة التوقيع صالحة ابتداءً من {date} فقط: تحقق من تاريخ الجهاز ووقته.',
  },
  'onboarding.fatoora-unreachable': {
    en: 'Fatoora could not be reached (no connection, or the service is down). Nothing was lost: run onboarding again when the connection is back.',
    ar: 'تعذر الوصول إلى منصة فاتورة (لا يوجد اتصال أو الخدمة متوقفة). لم يُفقد شيء: أعد تشغيل التسجيل عند عودة الاتصال.',
  },
  'onboarding.fatoora-no-answer': {
    en: 'Fatoora did not answer in time; the request may or may not have arrived. Run onboarding again (a request that needs an OTP needs a new OTP).',
    ar: 'لم تُجب منصة فاتورة في الوقت المحدد، وقد يكون الطلب وصل أو لم يصل. أعد تشغيل التسجيل (الطلب الذي يحتاج رمز تحقق يحتاج رمزًا جديدًا).',
  },
  'onboarding.fatoora-error': {
    en: 'Fatoora gave an unexpected answer ({detail}). Check the environment and its URL.',
    ar: 'أعطت منصة فاتورة إجابة غير متوقعة ({detail}). تحقق من البيئة وعنوانها.',
  },
  'onboarding.unexpected': {
    en: 'Onboarding stopped on an unexpected error. Nothing was lost; run it again, and report the problem if it repeats (details are in the log).',
    ar: 'توقف التسجيل بسبب خطأ غير متوقع. لم يُفقد شيء؛ أعد تشغيله، وأبلغ عن المشكلة إذا تكررت (التفاصيل في السجل).',
  },
  'onboarding.keychain-unavailable': {
    en: 'The OS keychain is locked or unavailable, so the device key and credentials cannot be used. Unlock the keychain (log in to the desktop session) and try again.',
    ar: 'سلسلة مفاتيح النظام مقفلة أو غير متاحة، فلا يمكن استخدام مفتاح الجهاز وبيانات الاعتماد. افتح سلسلة المفاتيح (سجّل الدخول إلى جلسة سطح المكتب) ثم أعد المحاولة.',
  },
  'onboarding.wrong-environment': {
    en: "This device's credentials belong to another environment than {environment}. Run onboarding again with a new OTP.",
    ar: 'بيانات اعتماد هذا الجهاز تخص بيئة غير بيئة {environment}. أعد التسجيل برمز تحقق جديد.',
  },
  'onboarding.no-simulator': {
    en: 'No Fatoora simulator is configured on this terminal.',
    ar: 'لا يوجد محاكي فاتورة مُعدّ على هذا الجهاز.',
  },
  'onboarding.training-simulator-only': {
    en: 'Training mode uses the embedded simulator only.',
    ar: 'وضع التدريب يستخدم المحاكي المدمج فقط.',
  },
  'onboarding.failed-before': {
    en: 'The last onboarding attempt failed ({code}). Start it again; use a new OTP if the step needs one.',
    ar: 'فشلت آخر محاولة للتسجيل ({code}). ابدأ من جديد، واستخدم رمز تحقق جديدًا إذا احتاجت الخطوة إليه.',
  },
  'onboarding.stopped': {
    en: 'Onboarding stopped before it finished; start it again with a new OTP.',
    ar: 'توقف التسجيل قبل اكتماله؛ ابدأ من جديد برمز تحقق جديد.',
  },
  'onboarding.fatoora-message': {
    en: 'Fatoora says: {message}',
    ar: 'رسالة منصة فاتورة: {message}',
  },
  'onboarding.detail': {
    en: 'Detail: {detail}',
    ar: 'التفاصيل: {detail}',
  },
  'onboarding.environment-unknown': {
    en: 'The environment must be one of {environments}.',
    ar: 'يجب أن تكون البيئة إحدى: {environments}.',
  },
  'onboarding.otp-format': {
    en: 'The OTP must be the 6 digits shown in the Fatoora portal.',
    ar: 'يجب أن يكون رمز التحقق (OTP) هو الأرقام الستة الظاهرة في بوابة فاتورة.',
  },

  // ── the shop details of an onboarding (main/onboarding/shopProfile, docs/shop-json.md): one per field problem ──
  'shop.not-an-object': {
    en: 'The shop details must be a JSON object (docs/shop-json.md).',
    ar: 'يجب أن تكون بيانات المتجر كائن JSON (docs/shop-json.md).',
  },
  'shop.unknown-field': {
    en: 'Unknown field {field} (known: {known}).',
    ar: 'حقل غير معروف {field} (الحقول المعروفة: {known}).',
  },
  'shop.vat-number': {
    en: 'The VAT number must be 15 digits, starting and ending with 3.',
    ar: 'يجب أن يتكون الرقم الضريبي من 15 رقمًا يبدأ بالرقم 3 وينتهي به.',
  },
  'shop.crn': {
    en: 'The commercial registration number (CRN) must be 10 digits.',
    ar: 'يجب أن يتكون رقم السجل التجاري من 10 أرقام.',
  },
  'shop.seller-name-required': {
    en: 'The seller name is required in Arabic and English: {"ar": "…", "en": "…"}.',
    ar: 'اسم البائع مطلوب بالعربية والإنجليزية.',
  },
  'shop.seller-name-ar-required': { en: 'The Arabic seller name is required.', ar: 'اسم البائع بالعربية مطلوب.' },
  'shop.seller-name-en-required': { en: 'The English seller name is required.', ar: 'اسم البائع بالإنجليزية مطلوب.' },
  'shop.seller-name-arabic-letters': {
    en: 'The Arabic seller name must be written in Arabic letters.',
    ar: 'يجب كتابة اسم البائع بالعربية بحروف عربية.',
  },
  'shop.names-too-long': {
    en: 'The Arabic and English names together must fit 255 bytes (QR tag 1).',
    ar: 'يجب ألا يتجاوز الاسمان العربي والإنجليزي معًا 255 بايت (رمز QR).',
  },
  'shop.branch-required': { en: 'The branch name is required.', ar: 'اسم الفرع مطلوب.' },
  'shop.vat-group-branch': {
    en: "For a VAT group (11th digit of the VAT number is 1) the branch must be the member's 10-digit TIN.",
    ar: 'في حالة المجموعة الضريبية (الرقم الحادي عشر من الرقم الضريبي هو 1) يجب أن يكون الفرع هو الرقم المميز للعضو المكون من 10 أرقام.',
  },
  'shop.industry-required': { en: 'The industry (business category) is required.', ar: 'نشاط المنشأة مطلوب.' },
  'shop.terminal-name-required': { en: 'The terminal name must not be empty.', ar: 'يجب ألا يكون اسم الجهاز فارغًا.' },
  'shop.address-required': {
    en: 'The shop address is required (an object with street, building, district, city, postalCode).',
    ar: 'عنوان المتجر مطلوب (الشارع، رقم المبنى، الحي، المدينة، الرمز البريدي).',
  },
  'shop.street-required': { en: 'The street is required.', ar: 'اسم الشارع مطلوب.' },
  'shop.additional-street-required': { en: 'The additional street must not be empty.', ar: 'يجب ألا يكون اسم الشارع الإضافي فارغًا.' },
  'shop.district-required': { en: 'The district is required.', ar: 'اسم الحي مطلوب.' },
  'shop.city-required': { en: 'The city is required.', ar: 'اسم المدينة مطلوب.' },
  'shop.province-required': { en: 'The province must not be empty.', ar: 'يجب ألا يكون اسم المنطقة فارغًا.' },
  'shop.building-number': {
    en: 'The building number must be exactly 4 digits (BR-KSA-37).',
    ar: 'يجب أن يتكون رقم المبنى من 4 أرقام بالضبط (BR-KSA-37).',
  },
  'shop.postal-code': {
    en: 'The postal code must be exactly 5 digits (BR-KSA-66).',
    ar: 'يجب أن يتكون الرمز البريدي من 5 أرقام بالضبط (BR-KSA-66).',
  },
  'shop.short-address': {
    en: 'The short national address must be 4 capital letters and 4 digits, e.g. RRRD2929.',
    ar: 'يجب أن يتكون العنوان الوطني المختصر من 4 حروف لاتينية كبيرة و4 أرقام، مثل RRRD2929.',
  },
  'shop.invoice-types': {
    en: 'The invoice types must be "simplified" or "simplified+standard".',
    ar: 'يجب أن تكون أنواع الفواتير "simplified" (مبسطة) أو "simplified+standard" (مبسطة وقياسية).',
  },
  'shop.control-characters': {
    en: '{field} must not contain control characters.',
    ar: 'يجب ألا يحتوي الحقل {field} على محارف تحكم.',
  },
  'shop.too-long': {
    en: '{field} must be at most {max} characters.',
    ar: 'يجب ألا يزيد الحقل {field} على {max} حرفًا.',
  },
  'shop.latin-only': {
    en: '{field} must be written in Latin letters and digits (it goes into the certificate request).',
    ar: 'يجب كتابة الحقل {field} بحروف لاتينية وأرقام (يدخل في طلب الشهادة).',
  },
  'shop.csr-forbidden-characters': {
    en: '{field} must not contain any of ! @ # $ % & * _ <',
    ar: 'يجب ألا يحتوي الحقل {field} على أي من الرموز ! @ # $ % & * _ <',
  },
} as const satisfies Record<string, CatalogText>;
