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
} as const satisfies Record<string, CatalogText>;
