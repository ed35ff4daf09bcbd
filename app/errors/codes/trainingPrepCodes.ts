// SPDX-License-Identifier: UNLICENSED
// Training mode still being prepared: on a first start the training folder onboards against the embedded Fatoora
// simulator in the background after the till is open (main/app/modeController.ts, 'preparing'; BENCHMARKS.md,
// "Startup"). A sale waits for it; these say why one could not (texts and conventions: app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const TRAINING_PREP_CODES = {
  'training.preparing': {
    en: 'Training mode is still being prepared (onboarding against its built-in Fatoora simulator), so nothing can be issued yet. The cart stays on the till: try again in a moment.',
    ar: 'ما زال وضع التدريب قيد التجهيز (التسجيل لدى محاكي فاتورة المدمج)، لذا لا يمكن إصدار أي مستند بعد. تبقى السلة على نقطة البيع: حاول مرة أخرى بعد قليل.',
  },
  'training.preparing-failed': {
    en: 'Training mode is not ready: preparing it failed ({reason}). It is tried again automatically; the cart stays on the till.',
    ar: 'وضع التدريب غير جاهز: فشل تجهيزه ({reason}). تُعاد المحاولة تلقائيًا؛ تبقى السلة على نقطة البيع.',
  },
} as const satisfies Record<string, CatalogText>;
