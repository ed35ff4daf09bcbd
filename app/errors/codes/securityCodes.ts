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
} as const satisfies Record<string, CatalogText>;
