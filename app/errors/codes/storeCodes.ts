// SPDX-License-Identifier: UNLICENSED
// Refusals of the store server and of a till talking to it (docs/store-server.md): enrolment, signed requests,
// pushes, master data (texts and conventions: app/errors/catalog.ts). Every refusal stores nothing.
import type { CatalogText } from '../catalogText';

export const STORE_CODES = {
  'store.base64': { en: 'Must be base64 of the expected length.', ar: 'يجب أن تكون القيمة بترميز base64 وبالطول المتوقع.' },
  'store.time': { en: 'Must be a time HH:MM:SS.', ar: 'يجب أن يكون الوقت بالصيغة HH:MM:SS.' },
  'store.enrolment-code': {
    en: 'Enrolment code: 16 letters and digits, as shown on the store server’s manager page. Nothing was changed.',
    ar: 'رمز التسجيل: ١٦ حرفًا ورقمًا كما يظهر في صفحة المدير على خادم المتجر. لم يتغير شيء.',
  },
  'store.enrolment-refused': {
    en: 'The store server does not know this enrolment code, or it was used or has expired: create a new one on its manager page. Nothing was changed.',
    ar: 'لا يعرف خادم المتجر رمز التسجيل هذا، أو أنه استُخدم أو انتهت صلاحيته: أنشئ رمزًا جديدًا في صفحة المدير. لم يتغير شيء.',
  },
  'store.key-in-use': {
    en: 'This terminal key is already enrolled on the store server. Nothing was changed.',
    ar: 'مفتاح هذا الجهاز مسجَّل مسبقًا على خادم المتجر. لم يتغير شيء.',
  },
  'store.unsigned': {
    en: 'The request is not signed by an enrolled terminal (headers {headers}). Nothing was stored.',
    ar: 'الطلب غير موقَّع من جهاز مسجَّل (الترويسات {headers}). لم يُخزَّن شيء.',
  },
  'store.unknown-terminal': {
    en: 'Terminal {terminal} is not enrolled on this store server: enrol it with a code from the manager page. Nothing was stored.',
    ar: 'الجهاز {terminal} غير مسجَّل على خادم المتجر هذا: سجّله برمز من صفحة المدير. لم يُخزَّن شيء.',
  },
  'store.terminal-removed': {
    en: 'Terminal {terminal} was removed from the store on {removedAt}: it may no longer push or pull. Nothing was stored.',
    ar: 'أُزيل الجهاز {terminal} من المتجر بتاريخ {removedAt}: لم يعد بإمكانه الإرسال أو الاستلام. لم يُخزَّن شيء.',
  },
  'store.bad-signature': {
    en: 'The request’s signature does not match its terminal key, path and body. Nothing was stored.',
    ar: 'توقيع الطلب لا يطابق مفتاح الجهاز ومساره ومحتواه. لم يُخزَّن شيء.',
  },
  'store.stale-request': {
    en: 'The request’s timestamp {timestamp} is more than {minutes} minutes from the server’s clock ({now}): check the till’s clock. Nothing was stored.',
    ar: 'الطابع الزمني للطلب {timestamp} يبعد أكثر من {minutes} دقائق عن ساعة الخادم ({now}): تحقق من ساعة الصندوق. لم يُخزَّن شيء.',
  },
  'store.malformed': {
    en: 'The request body is not valid JSON of the expected shape ({count} problem(s)). Nothing was stored.',
    ar: 'محتوى الطلب ليس JSON بالشكل المتوقع ({count} مشكلة). لم يُخزَّن شيء.',
  },
  'store.too-large': {
    en: 'The request body is larger than {max} bytes: push fewer documents at a time. Nothing was stored.',
    ar: 'محتوى الطلب أكبر من {max} بايت: أرسل عددًا أقل من المستندات في كل مرة. لم يُخزَّن شيء.',
  },
  'store.not-found': { en: 'No such page or endpoint on the store server: {path}.', ar: 'لا توجد صفحة أو نقطة نهاية بهذا المسار على خادم المتجر: {path}.' },
  'store.icv-gap': {
    en: 'Chain {chain}: ICV {icv} arrived before ICV {expected}. Push the documents in ICV order from {expected}; this one was not stored.',
    ar: 'السلسلة {chain}: وصل العداد {icv} قبل العداد {expected}. أرسل المستندات بترتيب العداد بدءًا من {expected}؛ لم يُخزَّن هذا المستند.',
  },
  'store.icv-conflict': {
    en: 'Chain {chain}: ICV {icv} is already stored with another hash. Two different documents cannot share an ICV: audit this till’s ledger. Nothing was stored.',
    ar: 'السلسلة {chain}: العداد {icv} مخزَّن مسبقًا بقيمة تجزئة أخرى. لا يمكن لمستندين مختلفين أن يتشاركا العداد: راجع سجل هذا الصندوق. لم يُخزَّن شيء.',
  },
  'store.chain-broken': {
    en: 'Chain {chain}: the previous-invoice hash of ICV {icv} is not the hash of ICV {previous} already stored. Nothing was stored.',
    ar: 'السلسلة {chain}: تجزئة الفاتورة السابقة للعداد {icv} لا تطابق تجزئة العداد {previous} المخزَّن. لم يُخزَّن شيء.',
  },
  'store.record-conflict': {
    en: 'Record {eventId} is already stored with other content. Nothing was stored.',
    ar: 'السجل {eventId} مخزَّن مسبقًا بمحتوى مختلف. لم يُخزَّن شيء.',
  },
  'store.schema-newer': {
    en: 'The store database has schema version {found}, newer than this server knows ({known}): run the newer server. Nothing was changed.',
    ar: 'قاعدة بيانات المتجر بإصدار مخطط {found} أحدث مما يعرفه هذا الخادم ({known}): شغّل الخادم الأحدث. لم يتغير شيء.',
  },
  'store.manager-token': {
    en: 'The manager page needs the token the store server printed at start. Nothing was changed.',
    ar: 'تحتاج صفحة المدير إلى الرمز الذي طبعه خادم المتجر عند بدء التشغيل. لم يتغير شيء.',
  },
  'store.unreachable': {
    en: 'The store server at {url} cannot be reached now; sales continue and everything is sent when it is back.',
    ar: 'تعذر الوصول إلى خادم المتجر على {url} الآن؛ يستمر البيع ويُرسل كل شيء عند عودته.',
  },
  'store.url': {
    en: 'Store server address: http(s)://host[:port], as printed by dukkan store-server. Nothing was changed.',
    ar: 'عنوان خادم المتجر: http(s)://host[:port] كما يطبعه الأمر dukkan store-server. لم يتغير شيء.',
  },
  'store.training': {
    en: 'A till in training mode does not join a store server: its practice sales must not reach the shop’s books. Nothing was changed.',
    ar: 'لا ينضم صندوق في وضع التدريب إلى خادم المتجر: يجب ألا تصل مبيعات التدريب إلى دفاتر المتجر. لم يتغير شيء.',
  },
  'store.number-or-qr': {
    en: 'Give either a document number or the receipt’s QR text, not both.',
    ar: 'أدخل رقم المستند أو نص رمز الاستجابة في الإيصال، وليس كليهما.',
  },
  'store.not-enrolled': {
    en: 'This till is not enrolled with a store server. Nothing was sent.',
    ar: 'هذا الصندوق غير مسجَّل لدى خادم متجر. لم يُرسل شيء.',
  },
} as const satisfies Record<string, CatalogText>;
