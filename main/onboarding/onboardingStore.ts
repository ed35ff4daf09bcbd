// SPDX-License-Identifier: UNLICENSED
// Typed access to the onboarding tables of migration 0020. Constant statements with bound parameters only; each
// state change is one statement or one transaction, so a crash leaves a row at exactly one step. What a step
// changes in the row is named in rowTransitions.ts.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { FatooraEnvironment } from '../fatoora/environment';

export type Procedure = 'onboard' | 'renew' | 'rotate';
export type Step = 'wipe' | 'key' | 'csr' | 'csid' | 'compliance-checks' | 'production-csid' | 'ready';
export type CsidKind = 'compliance' | 'production';

export interface OnboardingRow {
  environment: FatooraEnvironment;
  procedure: Procedure | null;
  step: Step;
  shop_json: string;
  egs_serial: string;
  common_name: string;
  invoice_type: '0100' | '1100';
  key_fingerprint: string | null;
  csr_pem: string | null;
  csr_submitted: 0 | 1;
  csr_count: number;
  compliance_token: string | null;
  compliance_request_id: string | null;
  compliance_serial: string | null;
  compliance_not_after: number | null;
  compliance_passed: string;
  compliance_icv: number;
  compliance_pih: string | null;
  production_token: string | null;
  production_request_id: string | null;
  production_serial: string | null;
  production_issuer: string | null;
  production_not_before: number | null;
  production_not_after: number | null;
  pending_kind: CsidKind | null;
  pending_token: string | null;
  pending_request_id: string | null;
  last_error_code: string | null;
  last_error: string | null;
  started_at: number;
  updated_at: number;
  ready_at: number | null;
}

export interface DeviceIdentityRow {
  device_id: string;
  active_environment: FatooraEnvironment | null;
}

export interface HistoryRow {
  id: number;
  environment: FatooraEnvironment;
  kind: CsidKind;
  request_id: string;
  certificate_serial: string;
  certificate_issuer: string;
  certificate: string;
  not_before: number;
  not_after: number;
  key_fingerprint: string;
  procedure: Procedure;
  obtained_at: number;
  retired_at: number | null;
  retired_reason: string | null;
}

/** Columns a step may change (the row's identity columns never change after insert). */
export type RowChanges = Partial<Omit<OnboardingRow, 'environment' | 'started_at'>>;

export const CHANGEABLE: readonly (keyof RowChanges)[] = [
  'procedure',
  'step',
  'shop_json',
  'egs_serial',
  'common_name',
  'invoice_type',
  'key_fingerprint',
  'csr_pem',
  'csr_submitted',
  'csr_count',
  'compliance_token',
  'compliance_request_id',
  'compliance_serial',
  'compliance_not_after',
  'compliance_passed',
  'compliance_icv',
  'compliance_pih',
  'production_token',
  'production_request_id',
  'production_serial',
  'production_issuer',
  'production_not_before',
  'production_not_after',
  'pending_kind',
  'pending_token',
  'pending_request_id',
  'last_error_code',
  'last_error',
  'updated_at',
  'ready_at',
];

/**
 * The onboarding statements of a database, prepared once: the shop profile and the onboarding status are read
 * several times for every sale (quote, issue, receipt), and preparing these statements each time cost more than
 * reading the rows (BENCHMARKS.md, "A long day").
 */
export function onboardingStatements(db: SqliteDatabase): OnboardingStatements {
  let statements = prepared.get(db);
  if (!statements) {
    statements = prepareOnboardingStatements(db);
    prepared.set(db, statements);
  }
  return statements;
}

const prepared = new WeakMap<SqliteDatabase, OnboardingStatements>();

function prepareOnboardingStatements(db: SqliteDatabase) {
  const updates = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  return {
    identity: db.prepare<[], DeviceIdentityRow>('SELECT device_id, active_environment FROM device_identity WHERE id = 1'),
    setActive: db.prepare<[FatooraEnvironment]>('UPDATE device_identity SET active_environment = ? WHERE id = 1'),
    row: db.prepare<[FatooraEnvironment], OnboardingRow>('SELECT * FROM onboarding WHERE environment = ?'),
    rows: db.prepare<[], OnboardingRow>('SELECT * FROM onboarding ORDER BY environment'),
    insert: db.prepare<[FatooraEnvironment, string, string, string, string, number, number]>(
      `INSERT INTO onboarding (environment, procedure, step, shop_json, egs_serial, common_name, invoice_type, started_at, updated_at)
       VALUES (?, 'onboard', 'key', ?, ?, ?, ?, ?, ?)`,
    ),
    /** UPDATE of the given columns only; the column names come from the fixed CHANGEABLE list, never from data. */
    update(environment: FatooraEnvironment, changes: RowChanges): void {
      const columns = CHANGEABLE.filter((c) => c in changes);
      if (columns.length === 0) return;
      const key = columns.join(',');
      let statement = updates.get(key);
      if (!statement) {
        statement = db.prepare(`UPDATE onboarding SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE environment = @environment`);
        updates.set(key, statement);
      }
      const info = statement.run({ ...Object.fromEntries(columns.map((c) => [c, changes[c] ?? null])), environment });
      if (info.changes !== 1) throw new Error(`onboarding: no row for ${environment}`);
    },
    addHistory: db.prepare<[FatooraEnvironment, CsidKind, string, string, string, string, number, number, string, Procedure, number]>(
      `INSERT INTO csid_history (environment, kind, request_id, certificate_serial, certificate_issuer, certificate, not_before, not_after, key_fingerprint, procedure, obtained_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    retire: db.prepare<[number, string, FatooraEnvironment, CsidKind, string]>(
      'UPDATE csid_history SET retired_at = ?, retired_reason = ? WHERE environment = ? AND kind = ? AND certificate_serial = ? AND retired_at IS NULL',
    ),
    history: db.prepare<[FatooraEnvironment], HistoryRow>('SELECT * FROM csid_history WHERE environment = ? ORDER BY id'),
  };
}

export type OnboardingStatements = ReturnType<typeof prepareOnboardingStatements>;

/** The random id migration 0020 gave this database; undefined only if that migration never ran. */
export function readDeviceId(db: SqliteDatabase): string | undefined {
  return db.prepare<[], { device_id: string }>('SELECT device_id FROM device_identity WHERE id = 1').get()?.device_id;
}
