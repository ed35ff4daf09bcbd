// SPDX-License-Identifier: UNLICENSED
// Refusals of the discount a cashier may give without a manager (docs/cash-control.md; texts and conventions:
// app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const DISCOUNT_CODES = {
  'input.discount-percent': {
    en: 'Must be a percent from 0 to 100 with at most 2 decimals, e.g. 10 or 12.5 (0: every discount needs a manager).',
    ar: 'يجب أن تكون نسبة مئوية من 0 إلى 100 بمنزلتين عشريتين على الأكثر، مثل 10 أو 12.5 (0: كل خصم يحتاج موافقة المدير).',
  },
} as const satisfies Record<string, CatalogText>;
