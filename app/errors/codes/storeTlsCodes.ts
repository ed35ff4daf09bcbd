// SPDX-License-Identifier: UNLICENSED
// The store server's TLS and the certificate a till pins (docs/store-server.md, "TLS and the pinned certificate"),
// and a PIN change travelling from a till to the server (docs/store-server.md, "PIN changes at a till") — texts and
// conventions: app/errors/catalog.ts.
import type { CatalogText } from '../catalogText';

export const STORE_TLS_CODES = {
  'store.tls-required': {
    en: 'The store server’s address {url} must start with https:// — plain http:// is only for a server on this same machine (127.0.0.1). Nothing was sent.',
    ar: 'يجب أن يبدأ عنوان خادم المتجر {url} بـ https:// — أما http:// فقط فللخادم على هذا الجهاز نفسه (127.0.0.1). لم يُرسل شيء.',
  },
  'store.certificate-mismatch': {
    en: 'The store server at {url} presented a TLS certificate with SHA-256 fingerprint {fingerprint}, not the certificate this till pinned at enrolment ({pinned}). Nothing was sent; the till keeps selling. If the server was reinstalled, remove the enrolment and enrol again with a new code; otherwise someone may be between the till and the server.',
    ar: 'قدّم خادم المتجر على {url} شهادة TLS بالبصمة SHA-256 ‏{fingerprint}، وليست الشهادة التي ثبّتها هذا الصندوق عند التسجيل ({pinned}). لم يُرسل شيء؛ ويستمر الصندوق في البيع. إن أُعيد تثبيت الخادم فأزل التسجيل وسجّل من جديد برمز جديد؛ وإلا فقد يكون أحد بين الصندوق والخادم.',
  },
  'store.certificate-not-for-code': {
    en: 'The server at {url} presented a TLS certificate (SHA-256 fingerprint {fingerprint}) that this enrolment code was not made for: check the address, and compare the fingerprint with the one the manager page shows beside the code. The code was not sent; nothing was changed.',
    ar: 'قدّم الخادم على {url} شهادة TLS (البصمة SHA-256 ‏{fingerprint}) لم يُنشأ رمز التسجيل هذا لها: تحقق من العنوان، وقارن البصمة بالتي تعرضها صفحة المدير بجانب الرمز. لم يُرسل الرمز؛ ولم يتغير شيء.',
  },
  'store.plain-http-host': {
    en: '--plain-http serves the store server without TLS and is allowed only on 127.0.0.1 or ::1, not on {host}: leave it out, and the server serves HTTPS with its own certificate.',
    ar: 'الخيار ‎--plain-http يشغّل خادم المتجر دون TLS ولا يُسمح به إلا على 127.0.0.1 أو ‎::1، وليس على {host}: احذفه ليعمل الخادم عبر HTTPS بشهادته الخاصة.',
  },
  'store.pin-user-unknown': {
    en: 'The store server has no user “{user}” to change the PIN of (never set there, or deleted): the new PIN stays at the till where it was changed.',
    ar: 'لا يوجد على خادم المتجر مستخدم «{user}» لتغيير رمزه السري (لم يُضف هناك أو حُذف): يبقى الرمز الجديد في الصندوق الذي غُيِّر فيه.',
  },
  'store.tls-file-unreadable': {
    en: '{option} {file}: the file cannot be read ({reason}). The store server did not start: give a readable PEM file, or leave out --tls-cert and --tls-key to serve its own self-signed certificate.',
    ar: '{option} {file}: تعذّرت قراءة الملف ({reason}). لم يبدأ خادم المتجر: حدّد ملف PEM يمكن قراءته، أو احذف ‎--tls-cert و‎--tls-key ليقدّم الخادم شهادته الموقّعة ذاتيًا.',
  },
  'store.tls-pem-invalid': {
    en: '{option} {file}: not a PEM {what} (rule: a PEM certificate file for the certificate, an unencrypted PEM key file — PKCS#8, SEC1 or PKCS#1 — for the key). The store server did not start.',
    ar: '{option} {file}: ليس ملف PEM يحوي {what} (القاعدة: ملف شهادة بصيغة PEM للشهادة، وملف مفتاح غير مشفّر بصيغة PEM ‏(PKCS#8 أو SEC1 أو PKCS#1) للمفتاح). لم يبدأ خادم المتجر.',
  },
  'store.tls-key-mismatch': {
    en: "{option} {file}: this private key does not belong to the certificate given with it (rule: the key of the certificate's public key). The store server did not start.",
    ar: '{option} {file}: هذا المفتاح الخاص لا يخص الشهادة المعطاة معه (القاعدة: مفتاح المفتاح العام للشهادة). لم يبدأ خادم المتجر.',
  },
  'store.tls-certificate-expired': {
    en: '{option} {file}: the certificate is not valid now (valid from {notBefore} to {notAfter}; rule: a certificate within its validity). Renew it; the store server did not start.',
    ar: '{option} {file}: الشهادة غير سارية الآن (سارية من {notBefore} إلى {notAfter}؛ القاعدة: شهادة ضمن مدة صلاحيتها). جدّدها؛ لم يبدأ خادم المتجر.',
  },
  'store.tls-key-type': {
    en: "{option} {file}: the certificate's key is {algorithm} (rule: ECDSA P-256 or RSA of at least 2048 bits, which tills and browsers accept). The store server did not start.",
    ar: '{option} {file}: مفتاح الشهادة من نوع {algorithm} (القاعدة: ECDSA P-256 أو RSA بطول 2048 بت على الأقل، وهو ما تقبله الصناديق والمتصفحات). لم يبدأ خادم المتجر.',
  },
  'store.tls-option-pair': {
    en: '{option} was given without {missing} (rule: a certificate and its key go together). The store server did not start.',
    ar: 'أُعطي {option} دون {missing} (القاعدة: الشهادة ومفتاحها يُعطيان معًا). لم يبدأ خادم المتجر.',
  },
  'store.tls-switch-time': {
    en: '{option} “{value}” is not a time (rule: ISO 8601 with a zone, e.g. 2027-01-15T03:00:00Z). Nothing was changed.',
    ar: '{option} «{value}» ليس وقتًا (القاعدة: صيغة ISO 8601 مع المنطقة الزمنية، مثل 2027-01-15T03:00:00Z). لم يتغير شيء.',
  },
  'store.tls-announce-needs-p256': {
    en: '{option}: the certificate served now has an {algorithm} key, and only a P-256 (ECDSA) key signs the announcement of the next certificate to the tills (rule: docs/store-server.md, "Replacing the certificate"). Switch without announcing and enrol the tills again, or serve a P-256 certificate first. The store server did not start.',
    ar: '{option}: للشهادة المقدَّمة الآن مفتاح {algorithm}، ولا يوقّع إعلان الشهادة التالية للصناديق إلا مفتاح P-256 ‏(ECDSA) (القاعدة: docs/store-server.md، «استبدال الشهادة»). بدّل دون إعلان وسجّل الصناديق من جديد، أو قدّم شهادة P-256 أولًا. لم يبدأ خادم المتجر.',
  },
  'store.tls-announcement-forged': {
    en: 'The store server at {url} sent an announcement of a next TLS certificate that is not signed by the key of the certificate this till pinned ({pinned}). It was refused: the pin is unchanged, nothing was applied, and the till keeps selling.',
    ar: 'أرسل خادم المتجر على {url} إعلانًا عن شهادة TLS تالية غير موقّع بمفتاح الشهادة التي ثبّتها هذا الصندوق ({pinned}). رُفض الإعلان: لم تتغير البصمة المثبّتة، ولم يُطبّق شيء، ويستمر الصندوق في البيع.',
  },
} as const satisfies Record<string, CatalogText>;
