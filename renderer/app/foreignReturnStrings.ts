// SPDX-License-Identifier: UNLICENSED
// The receipts screen's words for a sale of another till found at the store server (docs/store-server.md, "Returns
// at another till"). Part of the one catalog of renderer/app/i18n.ts (spread into it).
export const FOREIGN_RETURN_STRINGS = {
  foreignSale: {
    en: 'A sale of {till} ({branch}), found at the store server: returned lines get a credit note of this till.',
    ar: 'بيع من {till} ({branch}) عُثر عليه في خادم المتجر: الأسطر المرجعة تصدر بإشعار دائن من هذا الصندوق.',
  },
} as const;
