// SPDX-License-Identifier: UNLICENSED
// Refusals of credit and debit notes against a standard (B2B) tax invoice (main/sale/standardNotes.ts): a note is
// cleared like its invoice, and only an invoice ZATCA cleared can be corrected by one (texts and conventions:
// app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const B2B_NOTE_CODES = {
  'b2b.note-original-not-cleared': {
    en: '{number} is a tax invoice ZATCA has not cleared ({state}): it is not a valid invoice, so no credit or debit note can correct it. Nothing was signed.',
    ar: '{number} فاتورة ضريبية لم تعتمدها هيئة الزكاة ({state}): ليست فاتورة صالحة، فلا يمكن تصحيحها بإشعار دائن أو مدين. لم يُوقَّع شيء.',
  },
} as const satisfies Record<string, CatalogText>;
