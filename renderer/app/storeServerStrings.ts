// SPDX-License-Identifier: UNLICENSED
// The words of the manager's store-server tab (docs/store-server.md, "The till's store-server tab"), in Arabic and
// English. Part of the one catalog of renderer/app/i18n.ts (spread into it).
export const STORE_SERVER_STRINGS = {
  tab_store: { en: 'Store server', ar: 'خادم المتجر' },
  storeIntro: {
    en: 'A shop with several tills joins them to its store server: sales are sent there, and the catalog, prices, users, quick keys, receipt footer and printer settings come from there. Create a one-time code for this till on the server’s manager page.',
    ar: 'يربط المتجر الذي لديه عدة صناديق صناديقَه بخادم المتجر: تُرسل المبيعات إليه، وتأتي منه الأصناف والأسعار والمستخدمون ومفاتيح الاختصار وتذييل الإيصال وإعدادات الطابعة. أنشئ رمزًا لمرة واحدة لهذا الصندوق في صفحة المدير على الخادم.',
  },
  storeUrl: { en: 'Store server address', ar: 'عنوان خادم المتجر' },
  storeCode: { en: 'One-time code (16 letters and digits)', ar: 'رمز لمرة واحدة (١٦ حرفًا ورقمًا)' },
  storeManagerPin: { en: 'Manager PIN', ar: 'الرقم السري للمدير' },
  storeEnrol: { en: 'Join the store server', ar: 'الانضمام إلى خادم المتجر' },
  storeEnrolledToast: { en: 'Joined the store server as {name}', ar: 'تم الانضمام إلى خادم المتجر باسم {name}' },
  storeEnrolledAs: { en: 'Enrolled as', ar: 'مسجَّل باسم' },
  storeTerminal: { en: '{name}, branch {branch}', ar: '{name}، فرع {branch}' },
  storeServer: { en: 'Server', ar: 'الخادم' },
  storeTerminalId: { en: 'Terminal id', ar: 'معرّف الجهاز' },
  storeFingerprint: { en: 'Server certificate (SHA-256)', ar: 'شهادة الخادم (SHA-256)' },
  storePlainHttp: { en: 'None: plain HTTP on this machine', ar: 'لا توجد: HTTP دون تشفير على هذا الجهاز' },
  storeEnrolledAt: { en: 'Enrolled on', ar: 'تاريخ التسجيل' },
  storeLastPush: { en: 'Last successful push', ar: 'آخر إرسال ناجح' },
  storeBacklog: { en: 'Waiting to be sent', ar: 'بانتظار الإرسال' },
  storeMasterData: { en: 'Master data version', ar: 'إصدار البيانات الرئيسية' },
  storeLastPull: { en: 'Last master data update', ar: 'آخر تحديث للبيانات الرئيسية' },
  storeLastError: { en: 'Last problem', ar: 'آخر مشكلة' },
  storeNoError: { en: 'None', ar: 'لا يوجد' },
  storeNever: { en: 'Not yet', ar: 'ليس بعد' },
  storeManaged: {
    en: 'While this till is enrolled, the catalog, prices, users, quick keys and receipt footer are edited on the store server’s manager page only, so every till sells alike.',
    ar: 'ما دام هذا الصندوق مسجَّلًا، تُعدَّل الأصناف والأسعار والمستخدمون ومفاتيح الاختصار وتذييل الإيصال من صفحة المدير على خادم المتجر فقط، ليبيع كل صندوق بالطريقة نفسها.',
  },
  storeRefresh: { en: 'Refresh', ar: 'تحديث' },
  storeRemove: { en: 'Remove the enrolment', ar: 'إلغاء التسجيل' },
  storeRemoveConfirm: {
    en: 'Remove this till from the store server? It stops sending sales and taking master data; what it has keeps working. Remove it on the server’s manager page too.',
    ar: 'إلغاء تسجيل هذا الصندوق من خادم المتجر؟ سيتوقف عن إرسال المبيعات واستلام البيانات الرئيسية؛ ويبقى ما لديه يعمل. أزله أيضًا من صفحة المدير على الخادم.',
  },
  storeRemoved: { en: 'The enrolment is removed', ar: 'تم إلغاء التسجيل' },
} as const;
