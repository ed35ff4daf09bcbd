// SPDX-License-Identifier: UNLICENSED
// Training mode: a terminal that nobody has onboarded yet runs against the embedded Fatoora simulator
// (main/fatooraSimulator), onboarded there automatically with a demo shop, in its own data folder
// (<data>/training: its own ledger, its own keychain entries), so everything can be tried at once and nothing
// from training ever mixes with real documents. Every screen and every receipt says TRAINING.
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../db/openDeviceDatabase';
import { startFatooraSimulator, type FatooraSimulator } from '../fatooraSimulator/index';
import type { Logger } from '../log/logger';
import { trainingClientFor, type FatooraAccess } from './fatooraClients';
import type { TrainingFolder } from './modeController';
import { ModeServices, type ModeServicesOptions } from './modeServices';

export const TRAINING_DIR = 'training';

/** The demo shop of training mode (the simulator's test VAT number; Latin-only fields as the CSR needs). */
export const TRAINING_SHOP = {
  vatNumber: '399999999900003',
  crn: '1010010000',
  sellerName: { ar: 'متجر دكّان للتدريب', en: 'Dukkan Training Shop' },
  branch: 'Training',
  address: { street: 'طريق الملك فهد', building: '1234', district: 'العليا', city: 'الرياض', postalCode: '12345' },
  industry: 'Retail',
  // standard too, so B2B sales and their clearance can be tried before onboarding (main/sale/b2bDesk.ts)
  invoiceTypes: 'simplified+standard',
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

/**
 * The training folder: the embedded simulator started and the folder's database open. It can sign at once when an
 * earlier start onboarded it (activate); otherwise onboard() does it against the simulator — or finishes a
 * half-done onboarding — which the mode controller runs in the background after the app is open and retries while it
 * fails (main/app/modeController.ts, 'preparing'). If opening fails, nothing is left open.
 */
export async function openTrainingFolder(
  dataDir: string,
  common: Pick<ModeServicesOptions, 'secrets' | 'clock' | 'logger' | 'reporting'>,
  access: FatooraAccess,
): Promise<TrainingFolder<ModeServices>> {
  const fatoora = await startTrainingFatoora(dataDir, common.logger);
  let services: ModeServices;
  try {
    services = new ModeServices({
      ...common,
      file: path.join(dataDir, TRAINING_DIR, DATABASE_FILE_NAME),
      training: true,
      clientFor: trainingClientFor(access, fatoora.simulator.urls['developer-portal']),
      numberPrefix: 'TR',
    });
  } catch (e) {
    await fatoora.simulator.close();
    throw e;
  }
  return {
    services,
    activate: () => services.activate(),
    async onboard() {
      if (!services.signingEnvironment()) {
        // each attempt its own single-use OTP: an earlier attempt may have used one up
        const otp = String(randomInt(100000, 1000000));
        fatoora.simulator.otps.add(otp);
        const env = services.onboarding.status().active;
        if (env?.procedure) await services.onboarding.resume(otp);
        else await services.onboarding.start(TRAINING_SHOP, otp, { environment: 'local-simulator', confirm: true });
      }
      if (!services.activate()) throw new Error('the training terminal could not be onboarded against the embedded simulator');
    },
    async close() {
      await services.close();
      await fatoora.simulator.close();
    },
  };
}
