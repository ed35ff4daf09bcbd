// SPDX-License-Identifier: UNLICENSED
// Training mode being prepared on a first start (main/app/modeController.ts, 'preparing'): the till's banner and the
// status strip's chip, in Arabic and English. Part of the one catalog of renderer/app/i18n.ts (spread into it).
export const TRAINING_PREP_STRINGS = {
  preparingTraining: { en: 'Preparing training mode…', ar: 'جارٍ تجهيز وضع التدريب…' },
  preparingTrainingHint: {
    en: 'Scan the items now: the sale can be completed in a few seconds, once training mode is ready.',
    ar: 'امسح الأصناف الآن: يمكن إتمام البيع خلال ثوانٍ، حين يجهز وضع التدريب.',
  },
  preparingTrainingFailed: {
    en: 'Training mode is not ready: {m}. Trying again automatically.',
    ar: 'وضع التدريب غير جاهز: {m}. تُعاد المحاولة تلقائيًا.',
  },
} as const satisfies Record<string, { en: string; ar: string }>;
