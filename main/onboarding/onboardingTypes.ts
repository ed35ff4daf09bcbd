// SPDX-License-Identifier: UNLICENSED
// The public shape of the onboarding service (main/onboarding/onboardingService): its options, progress events
// and methods, in their own module so the procedure itself reads without them.
import type { Signing } from '../../app/engine/buildAndStamp';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { FatooraClient, FatooraEnvironment } from '../fatoora/index';
import type { Logger } from '../log/logger';
import type { Secret } from '../log/secret';
import type { OnboardingStatus } from './onboardingStatus';
import type { Procedure, Step } from './onboardingStore';

export type ProgressPoint = 'begin' | 'sending' | 'saved' | 'stored' | 'done';

/** Reported before and after each step and around each write, for progress screens and crash tests. */
export interface OnboardingProgress {
  readonly environment: FatooraEnvironment;
  readonly procedure: Procedure;
  readonly step: Step;
  /** begin · sending (a request to Fatoora is about to leave) · saved (a CSID token is in SQLite as pending) ·
   *  stored (a secret is in the keychain, SQLite not yet updated) · done. */
  readonly point: ProgressPoint;
  /** The compliance step of the document at hand, during compliance-checks. */
  readonly detail?: string;
}

export interface OnboardingServiceOptions {
  readonly db: SqliteDatabase;
  readonly secrets: SecretStore;
  /** The Fatoora client of an environment (it must be bound to that environment). */
  readonly clientFor: (environment: FatooraEnvironment) => FatooraClient;
  readonly clock?: () => Date;
  readonly logger?: Logger;
  readonly onProgress?: (event: OnboardingProgress) => void | Promise<void>;
  /** How long the device key stays loaded after a signature (main/keyCustody). */
  readonly keyHoldMs?: number;
}

export interface StartOptions {
  readonly environment: FatooraEnvironment;
  /** Required to onboard in an environment other than the active one (an explicit, confirmed switch). */
  readonly confirm?: boolean;
}

export interface OnboardingService {
  /** Validates everything first (nothing is stored on invalid input), then onboards; resumes a run under way. */
  start(shop: unknown, otp: string | Secret, options: StartOptions): Promise<OnboardingStatus>;
  /** Continues the procedure under way in the active environment; `otp` is needed only before a CSID request. */
  resume(otp?: string | Secret): Promise<OnboardingStatus>;
  /** Renews the production CSID with a new OTP (PATCH /production/csids; 428 → compliance checks → new PCSID). */
  renew(otp: string | Secret): Promise<OnboardingStatus>;
  /** "The key may have leaked": wipes the key and CSIDs, then onboards again with a new key pair. */
  rotate(otp: string | Secret, options?: { readonly shop?: unknown }): Promise<OnboardingStatus>;
  /** Makes another environment the active one; `confirm` must be true. Keys and CSIDs stay per environment. */
  switchEnvironment(environment: FatooraEnvironment, options: { readonly confirm: boolean }): OnboardingStatus;
  status(): OnboardingStatus;
  /** The certificate and signer the ledger needs, for the active environment only; refused when expired. */
  signingFor(environment: FatooraEnvironment): Promise<Signing>;
  /** Drops the device key from memory. */
  close(): void;
}
