// SPDX-License-Identifier: UNLICENSED
// The backup settings and results of a data folder (docs/backups.md), kept as JSON values in terminal_settings
// (migration 0040, main/app/terminalSettingsStore.ts), so no schema change is needed:
//   backup.config   the folder targets the manager chose, how often to back up, how many backups each keeps
//   backup.status   per target: the last successful backup (time, file, documents, ICV heads) and the last failure
// The status is what the manager's status screen and the status strip show, with a warning when a target has had
// no successful backup for 24 hours.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { terminalSettingsStatements } from '../app/terminalSettingsStore';
import type { BackupRun } from './backupRun';

export interface BackupConfig {
  readonly targets: readonly string[];
  /** Scheduled backups every this many hours (also one at every Z report). */
  readonly everyHours: number;
  readonly keepNewest: number;
}

export interface TargetStatus {
  readonly target: string;
  readonly lastSuccess: { readonly at: string; readonly file: string; readonly documents: number; readonly bytes: number } | null;
  readonly lastFailure: { readonly at: string; readonly code: string; readonly params: Readonly<Record<string, unknown>> } | null;
}

export const DEFAULT_CONFIG: BackupConfig = { targets: [], everyHours: 4, keepNewest: 3 };
/** A target without a successful backup for this long is a warning (the 24 hours). */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

const CONFIG_KEY = 'backup.config';
const STATUS_KEY = 'backup.status';

function readJson<T>(db: SqliteDatabase, key: string, valid: (v: unknown) => v is T, fallback: T): T {
  const row = terminalSettingsStatements(db).get.get(key);
  if (!row) return fallback;
  try {
    const v: unknown = JSON.parse(row.value);
    return valid(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

const validConfig = (v: unknown): v is BackupConfig => {
  const c = v as Partial<BackupConfig> | null;
  return (
    !!c &&
    Array.isArray(c.targets) &&
    c.targets.every((t) => typeof t === 'string') &&
    Number.isInteger(c.everyHours) &&
    c.everyHours! >= 1 &&
    Number.isInteger(c.keepNewest) &&
    c.keepNewest! >= 1
  );
};
const validStatus = (v: unknown): v is TargetStatus[] => Array.isArray(v) && v.every((s) => typeof (s as TargetStatus)?.target === 'string');

export function readBackupConfig(db: SqliteDatabase): BackupConfig {
  return readJson(db, CONFIG_KEY, validConfig, DEFAULT_CONFIG);
}

export function writeBackupConfig(db: SqliteDatabase, config: BackupConfig): void {
  terminalSettingsStatements(db).set.run(CONFIG_KEY, JSON.stringify(config));
}

export function readBackupStatus(db: SqliteDatabase): TargetStatus[] {
  return readJson(db, STATUS_KEY, validStatus, []);
}

/** Records each target's outcome of a run (a failure keeps the target's last success). */
export function recordBackupRun(db: SqliteDatabase, run: BackupRun): void {
  const status = new Map(readBackupStatus(db).map((s) => [s.target, s]));
  const at = run.manifest.createdAt;
  for (const o of run.outcomes) {
    const before = status.get(o.target);
    if (o.ok)
      status.set(o.target, {
        target: o.target,
        lastSuccess: { at, file: o.file, documents: run.manifest.documents, bytes: o.bytes },
        lastFailure: before?.lastFailure ?? null,
      });
    else {
      const code = 'code' in o.error ? String(o.error.code) : 'internal';
      const params = 'params' in o.error ? (o.error.params as Record<string, unknown>) : {};
      status.set(o.target, { target: o.target, lastSuccess: before?.lastSuccess ?? null, lastFailure: { at, code, params } });
    }
  }
  terminalSettingsStatements(db).set.run(STATUS_KEY, JSON.stringify([...status.values()]));
}

export interface BackupHealth {
  readonly targets: readonly (TargetStatus & { readonly stale: boolean })[];
  /** True when no target is configured or some target has had no success for 24 hours. */
  readonly warning: boolean;
}

/** The status of the configured targets at `now`, and of `remotes` (the store server of an enrolled till). */
export function backupHealth(db: SqliteDatabase, now: Date, remotes: readonly string[] = []): BackupHealth {
  const config = readBackupConfig(db);
  const known = new Map(readBackupStatus(db).map((s) => [s.target, s]));
  const targets = [...config.targets, ...remotes].map((target) => {
    const s = known.get(target) ?? { target, lastSuccess: null, lastFailure: null };
    const stale = !s.lastSuccess || now.getTime() - Date.parse(s.lastSuccess.at) > STALE_AFTER_MS;
    return { ...s, stale };
  });
  return { targets, warning: targets.length === 0 || targets.some((t) => t.stale) };
}
