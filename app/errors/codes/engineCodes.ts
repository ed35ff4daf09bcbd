// SPDX-License-Identifier: UNLICENSED
// Failures of the pure core: document input, totals, XML, signing, stamping, QR, verification (texts and conventions: app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const ENGINE_CODES = {
  // ── the engine (app/) ──
  'document.invalid': {
    en: 'The document is not valid: {count} problem(s), each named with its field.',
    ar: 'المستند غير صالح: {count} مشكلة، كل منها مع اسم الحقل.',
  },
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
