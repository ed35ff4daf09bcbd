// SPDX-License-Identifier: UNLICENSED
// What every onboarding step works with: the device database and its onboarding row, the OS keychain and the key
// held in it, the clock, the log, progress events, and the Fatoora client of the row's environment. Built once per
// service; the steps (keyStep.ts … productionCsidStep.ts, renewal.ts, rotation.ts) receive it with the row.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { FatooraClient, FatooraEnvironment } from '../fatoora/index';
import { createKeyCustody, type KeyCustody } from '../keyCustody/index';
import { silentLogger, type Logger } from '../log/logger';
import { OnboardingError } from './onboardingError';
import { onboardingStatements, type DeviceIdentityRow, type OnboardingRow, type OnboardingStatements, type RowChanges } from './onboardingStore';
import type { OnboardingProgress, OnboardingServiceOptions, ProgressPoint } from './onboardingTypes';
import { parseShopProfile, type ShopProfile } from './shopProfile';

export interface OnboardingContext {
  readonly db: SqliteDatabase;
  readonly q: OnboardingStatements;
  readonly secrets: SecretStore;
  readonly custody: KeyCustody;
  readonly log: Logger;
  clock(): Date;
  now(): number;
  identity(): DeviceIdentityRow;
  rowOf(environment: FatooraEnvironment): OnboardingRow | undefined;
  /** Writes one row transition (rowTransitions.ts), stamped with the time. */
  apply(environment: FatooraEnvironment, transition: RowChanges): void;
  shopOf(row: OnboardingRow): ShopProfile;
  /**
   * Whether the issued certificate must match this device. The developer portal hands every caller the same
   * sandbox certificate (reference §9 "Sandbox specifics"), which carries neither this device's key nor its VAT
   * number; the strict checks apply to every other environment.
   */
  strict(environment: FatooraEnvironment): boolean;
  /** Reports a point of the step under way to the log and to `onProgress` (crash tests stop the process there). */
  progress(row: Pick<OnboardingRow, 'environment' | 'procedure' | 'step'>, point: ProgressPoint, detail?: string): Promise<void>;
  /** The Fatoora client of `environment`, refused when it is bound to another one. */
  clientFor(environment: FatooraEnvironment): FatooraClient;
}

export function createOnboardingContext(options: OnboardingServiceOptions): OnboardingContext {
  const { db, secrets } = options;
  const q = onboardingStatements(db);
  const clock = options.clock ?? (() => new Date());
  const log = (options.logger ?? silentLogger).child({ component: 'onboarding' });
  const now = (): number => clock().getTime();
  return {
    db,
    q,
    secrets,
    custody: createKeyCustody(secrets, options.keyHoldMs !== undefined ? { holdMs: options.keyHoldMs } : {}),
    log,
    clock,
    now,
    identity: () => q.identity.get()!,
    rowOf: (environment) => q.row.get(environment),
    apply: (environment, transition) => q.update(environment, { ...transition, updated_at: now() }),
    shopOf: (row) => parseShopProfile(JSON.parse(row.shop_json)),
    strict: (environment) => environment !== 'developer-portal',
    async progress(row, point, detail) {
      const event: OnboardingProgress = {
        environment: row.environment,
        procedure: row.procedure ?? 'onboard',
        step: row.step,
        point,
        ...(detail ? { detail } : {}),
      };
      log.info('onboarding.progress', { ...event });
      await options.onProgress?.(event);
    },
    clientFor(environment) {
      const client = options.clientFor(environment);
      if (client.environment !== environment) throw new OnboardingError('onboarding.wrong-environment', { environment });
      return client;
    },
  };
}
