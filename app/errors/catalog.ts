// SPDX-License-Identifier: UNLICENSED
// Every expected failure the terminal can report, by stable code, in English and Arabic — one catalog for the CLI,
// the logs and both screens. A code never changes meaning once released (tests, logs and integrators match on it);
// texts may improve. `{name}` placeholders are filled from the error's parameters; both languages use the same set
// (app/errors/catalog.test.ts checks it, and that every code has both texts).
//
// Codes are `<area>.<what>`. Keys are always written literally where they are used (lint rule
// dukkan/literal-keys), so a search finds every place that raises or shows an error.

// The codes live in four files by area (app/errors/codes/), so each area's texts sit together.
import type { CatalogText } from './catalogText';
import { B2B_CODES } from './codes/b2bCodes';
import { B2B_NOTE_CODES } from './codes/b2bNoteCodes';
import { BACKUP_CODES } from './codes/backupCodes';
import { ANCHOR_CODES } from './codes/anchorCodes';
import { CATALOG_DATA_CODES } from './codes/catalogDataCodes';
import { DEVICE_CODES } from './codes/deviceCodes';
import { DISCOUNT_CODES } from './codes/discountCodes';
import { GO_LIVE_CODES } from './codes/goLiveCodes';
import { ENGINE_CODES } from './codes/engineCodes';
import { SECURITY_CODES } from './codes/securityCodes';
import { ONBOARDING_CODES } from './codes/onboardingCodes';
import { SHIFT_CODES } from './codes/shiftCodes';
import { STORE_CODES } from './codes/storeCodes';
import { STORE_BACKUP_CODES } from './codes/storeBackupCodes';
import { STORE_RETURN_CODES } from './codes/storeReturnCodes';
import { STORE_SIGNATURE_CODES } from './codes/storeSignatureCodes';
import { STORE_TILL_CODES } from './codes/storeTillCodes';
import { STORE_TLS_CODES } from './codes/storeTlsCodes';
import { TENDER_CODES } from './codes/tenderCodes';
import { TERMINAL_CODES } from './codes/terminalCodes';
import { TILL_CODES } from './codes/tillCodes';
import { TRAINING_PREP_CODES } from './codes/trainingPrepCodes';
import { WORKER_CODES } from './codes/workerCodes';

export type { CatalogText };

export const ERROR_CATALOG = {
  ...ENGINE_CODES,
  ...DEVICE_CODES,
  ...TERMINAL_CODES,
  ...ONBOARDING_CODES,
  ...TILL_CODES,
  ...SECURITY_CODES,
  ...B2B_CODES,
  ...B2B_NOTE_CODES,
  ...CATALOG_DATA_CODES,
  ...SHIFT_CODES,
  ...ANCHOR_CODES,
  ...BACKUP_CODES,
  ...STORE_CODES,
  ...STORE_RETURN_CODES,
  ...STORE_SIGNATURE_CODES,
  ...STORE_BACKUP_CODES,
  ...STORE_TILL_CODES,
  ...STORE_TLS_CODES,
  ...DISCOUNT_CODES,
  ...GO_LIVE_CODES,
  ...TENDER_CODES,
  ...TRAINING_PREP_CODES,
  ...WORKER_CODES,
} as const satisfies Record<string, CatalogText>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
