// SPDX-License-Identifier: UNLICENSED
// Every expected failure the terminal can report, by stable code, in English and Arabic — one catalog for the CLI,
// the logs and both screens. A code never changes meaning once released (tests, logs and integrators match on it);
// texts may improve. `{name}` placeholders are filled from the error's parameters; both languages use the same set
// (app/errors/catalog.test.ts checks it, and that every code has both texts).
//
// Codes are `<area>.<what>`. Keys are always written literally where they are used (lint rule
// dukkan/literal-error-codes), so a search finds every place that raises or shows an error.

export interface CatalogText {
  readonly en: string;
  readonly ar: string;
}

export const ERROR_CATALOG = {
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

export type ErrorCode = keyof typeof ERROR_CATALOG;
