// SPDX-License-Identifier: UNLICENSED
// What the status screen and `dukkan status` show about onboarding, read from SQLite alone (no keychain access):
// active environment, procedure and step, EGS identity, compliance progress, the production certificate with its
// expiry warning (30/14/7 days), and the last error in plain words.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { FatooraEnvironment } from '../fatoora/environment';
import { expiryState, type ExpiryState } from './certificateExpiry';
import { onboardingStatements, type OnboardingRow, type Procedure, type Step } from './onboardingStore';
import { requiredComplianceSteps } from './shopDocuments';

export interface CertificateStatus extends ExpiryState {
  readonly serial: string;
  readonly issuer: string;
  readonly notBefore: Date;
}

export interface EnvironmentStatus {
  readonly environment: FatooraEnvironment;
  /** Null when idle. */
  readonly procedure: Procedure | null;
  readonly step: Step;
  /** A production certificate is in place and no rotation is under way (expiry aside): documents can be signed. */
  readonly canSign: boolean;
  readonly vatNumber: string;
  readonly egsSerial: string;
  readonly commonName: string;
  readonly invoiceType: '0100' | '1100';
  readonly complianceRequestId: string | null;
  readonly compliancePassed: readonly string[];
  readonly complianceRequired: readonly string[];
  readonly certificate: CertificateStatus | null;
  readonly lastError: { readonly code: string; readonly message: string } | null;
  readonly startedAt: Date;
  readonly readyAt: Date | null;
}

export interface OnboardingStatus {
  readonly deviceId: string;
  readonly activeEnvironment: FatooraEnvironment | null;
  /** The active environment's state, if it has one. */
  readonly active: EnvironmentStatus | null;
  readonly environments: readonly EnvironmentStatus[];
}

function environmentStatus(row: OnboardingRow, now: Date): EnvironmentStatus {
  let certificate: CertificateStatus | null = null;
  if (row.production_serial && row.production_not_after !== null && row.production_not_before !== null) {
    certificate = {
      serial: row.production_serial,
      issuer: row.production_issuer ?? '',
      notBefore: new Date(row.production_not_before),
      ...expiryState(new Date(row.production_not_after), now),
    };
  }
  return {
    environment: row.environment,
    procedure: row.procedure,
    step: row.step,
    canSign: row.production_token !== null && row.procedure !== 'rotate',
    vatNumber: (JSON.parse(row.shop_json) as { vatNumber: string }).vatNumber,
    egsSerial: row.egs_serial,
    commonName: row.common_name,
    invoiceType: row.invoice_type,
    complianceRequestId: row.compliance_request_id,
    compliancePassed: JSON.parse(row.compliance_passed) as string[],
    complianceRequired: requiredComplianceSteps(row.invoice_type),
    certificate,
    lastError: row.last_error_code ? { code: row.last_error_code, message: row.last_error ?? '' } : null,
    startedAt: new Date(row.started_at),
    readyAt: row.ready_at !== null ? new Date(row.ready_at) : null,
  };
}

export function readOnboardingStatus(db: SqliteDatabase, now: Date): OnboardingStatus {
  const q = onboardingStatements(db);
  const identity = q.identity.get();
  if (!identity) throw new Error('device database has no device identity (migration 0020 missing)');
  const environments = q.rows.all().map((row) => environmentStatus(row, now));
  return {
    deviceId: identity.device_id,
    activeEnvironment: identity.active_environment,
    active: environments.find((e) => e.environment === identity.active_environment) ?? null,
    environments,
  };
}
