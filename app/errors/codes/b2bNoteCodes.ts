// SPDX-License-Identifier: UNLICENSED
// Refusals of credit and debit notes against a standard (B2B) tax invoice (main/sale/standardNotes.ts): a note is
// cleared like its invoice, and only an invoice ZATCA cleared can be corrected by one; and of a receipt copy of a
// standard document, which is handed over as ZATCA's cleared files instead (texts and conventions:
// app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const B2B_NOTE_CODES = {
  'b2b.note-original-not-cleared': {
    en: '{number} is a tax invoice ZATCA has not cleared ({state}): it is not a valid invoice, so no credit or debit note can correct it. Nothing was signed.',
    ar: '{number} فاتورة ضريبية لم تعتمدها هيئة الزكاة ({state}): ليست فاتورة صالحة، فلا يمكن تصحيحها بإشعار دائن أو مدين. لم يُوقَّع شيء.',
  },
  'b2b.receipt-is-standard': {
    en: '{number} is a standard tax invoice or note: it is handed over as the cleared A4 PDF and XML from ZATCA, never as a receipt.',
    ar: '{number} فاتورة أو إشعار ضريبي: يُسلَّم كملف PDF بحجم A4 وملف XML المعتمدين من هيئة الزكاة، وليس كإيصال.',
  },
} as const satisfies Record<string, CatalogText>;
