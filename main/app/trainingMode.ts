// SPDX-License-Identifier: UNLICENSED
// Training mode: a terminal that nobody has onboarded yet runs against the embedded Fatoora simulator
// (main/fatooraSimulator), onboarded there automatically with a demo shop, in its own data folder
// (<data>/training: its own ledger, its own keychain entries), so everything can be tried at once and nothing
// from training ever mixes with real documents. Every screen and every receipt says TRAINING.
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { startFatooraSimulator, type FatooraSimulator } from '../fatooraSimulator/index';
import type { Logger } from '../log/logger';

export const TRAINING_DIR = 'training';

/** The demo shop of training mode (the simulator's test VAT number; Latin-only fields as the CSR needs). */
export const TRAINING_SHOP = {
  vatNumber: '399999999900003',
  crn: '1010010000',
  sellerName: { ar: 'متجر دكّان للتدريب', en: 'Dukkan Training Shop' },
  branch: 'Training',
  address: { street: 'طريق الملك فهد', building: '1234', district: 'العليا', city: 'الرياض', postalCode: '12345' },
  industry: 'Retail',
  invoiceTypes: 'simplified',
} as const;

export interface TrainingFatoora {
  readonly simulator: FatooraSimulator;
  /** A single-use OTP the simulator accepts, for onboarding (or resuming) the training device. */
  readonly otp: string;
}

export async function startTrainingFatoora(dataDir: string, logger: Logger): Promise<TrainingFatoora> {
  const otp = String(randomInt(100000, 1000000));
  const simulator = await startFatooraSimulator({
    stateDir: path.join(dataDir, TRAINING_DIR, 'fatoora-simulator'),
    otps: [otp],
    logger: logger.child({ component: 'training-fatoora' }),
  });
  return { simulator, otp };
}
