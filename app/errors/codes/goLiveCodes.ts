// SPDX-License-Identifier: UNLICENSED
// Refusals of going live with or without the training catalog (docs/catalog.md, "Going live"; texts and conventions:
// app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const GO_LIVE_CODES = {
  'golive.still-training': {
    en: 'This terminal is still in training mode: the training catalog is kept or removed once it is live (after onboarding). Nothing was changed.',
    ar: 'هذا الجهاز ما زال في وضع التدريب: يُبقى على كتالوج التدريب أو يُزال بعد التشغيل الفعلي (بعد التسجيل). لم يتغير شيء.',
  },
} as const satisfies Record<string, CatalogText>;
