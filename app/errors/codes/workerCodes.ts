// SPDX-License-Identifier: UNLICENSED
// Failures of the main process's worker threads (main/workers/, docs/ARCHITECTURE.md "Move CPU work to a worker"):
// a job whose worker stopped, ran past its time or was shut down with the app. The work itself failing keeps its own
// code (the error is carried back from the worker as it was raised). Texts and conventions: app/errors/catalog.ts.
import type { CatalogText } from '../catalogText';

export const WORKER_CODES = {
  'worker.died': {
    en: 'The background worker stopped during "{task}" ({detail}); the job was not finished. A new worker takes the next job.',
    ar: 'توقف العامل في الخلفية أثناء "{task}" ({detail})؛ لم تكتمل المهمة. يتولى عامل جديد المهمة التالية.',
  },
  'worker.timeout': {
    en: '"{task}" did not finish within {ms} ms; its worker was stopped. A new worker takes the next job.',
    ar: 'لم تكتمل "{task}" خلال {ms} ملّي ثانية؛ أوقف عاملها. يتولى عامل جديد المهمة التالية.',
  },
  'worker.closed': {
    en: '"{task}" was not run: the app is closing.',
    ar: 'لم تُنفذ "{task}": التطبيق يُغلق.',
  },
} as const satisfies Record<string, CatalogText>;
