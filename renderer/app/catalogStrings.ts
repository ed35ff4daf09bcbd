// SPDX-License-Identifier: UNLICENSED
// The catalog import preview's words in Arabic and English (docs/catalog.md, "CSV import"). Part of the one catalog
// of renderer/app/i18n.ts (spread into it), kept in its own file as the till's words are.
export const CATALOG_STRINGS = {
  csvPreview: { en: 'Check the file (1): nothing is imported yet', ar: 'راجع الملف (1): لم يُستورد شيء بعد' },
  csvPreviewTitle: { en: 'What the import will do', ar: 'ما سيفعله الاستيراد' },
  csvDecimal: { en: 'Decimal separator in this file: "{s}"', ar: 'فاصل الكسور العشرية في هذا الملف: "{s}"' },
  csvDecimalNone: { en: 'No number in this file has decimals.', ar: 'لا يوجد في هذا الملف رقم بكسور عشرية.' },
  csvWillCreate: { en: 'new', ar: 'جديد' },
  csvWillUpdate: { en: 'updates {p}', ar: 'يحدّث {p}' },
  csvLine: { en: 'Line', ar: 'السطر' },
  csvUnit: { en: 'Unit', ar: 'الوحدة' },
  csvAction: { en: 'Action', ar: 'الإجراء' },
  csvWarnings: { en: 'Look at these lines before importing:', ar: 'راجع هذه الأسطر قبل الاستيراد:' },
  csvConfirm: { en: 'Import {n} products (2)', ar: 'استيراد {n} صنفًا (2)' },
  csvCancel: { en: 'Cancel: import nothing', ar: 'إلغاء: لا تستورد شيئًا' },
  unitPiece: { en: 'piece', ar: 'حبة' },
  unitKg: { en: 'kg', ar: 'كجم' },
  unitG: { en: 'g', ar: 'جم' },
  unitL: { en: 'l', ar: 'لتر' },
} as const satisfies Record<string, { en: string; ar: string }>;
