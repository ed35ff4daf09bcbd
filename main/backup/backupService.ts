// SPDX-License-Identifier: UNLICENSED
// Automatic backups of one data folder (docs/backups.md): on a schedule (every `everyHours`, checked each minute, so
// a till switched on after a weekend backs up at once) and after every Z report, to the folder targets the manager
// chose and, while the till is enrolled, the store server. Runs one at a time; a run that fails for a target (USB drive not plugged in) is recorded and retried at the
// next check after RETRY_MS, not every minute. Every run is logged, recorded in the status the manager's screen and
// the status strip show (backupStatus.ts), and handed to `onRun`. It never throws into its callers: the till keeps selling.
import { DukkanError } from '../../app/errors/index';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { errorFields, type Logger } from '../log/logger';
import { readManifest } from './backupManifest';
import { createPassphrase, PASSPHRASE_ENTRY, recoverySheet, storedPassphrase } from './backupPassphrase';
import { restoreBackup, type RestoreResult } from './restoreBackup';
import { runBackup, type BackupRemote, type BackupRun } from './backupRun';
import { backupHealth, readBackupConfig, readBackupStatus, recordBackupRun, writeBackupConfig, type BackupConfig, type BackupHealth } from './backupStatus';
import { checkTarget } from './backupTarget';

/** After a failed run, the next scheduled attempt waits this long (a missing drive is not asked for every minute). */
export const RETRY_MS = 15 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 1000;

export type BackupReason = 'schedule' | 'z-report' | 'manager';

export interface BackupRunEvent {
  readonly reason: BackupReason;
  /** Targets that got their backup, of all configured. */
  readonly written: number;
  readonly targets: number;
  /** Per chain `serial:ICV` of the backup's head, or the refusal's code when the run failed as a whole. */
  readonly detail: string;
}

export interface BackupServiceOptions {
  /** The connection that issues documents (snapshot.ts). */
  readonly db: SqliteDatabase;
  readonly dataDir: string;
  readonly training: boolean;
  readonly secrets: SecretStore;
  readonly clock: () => Date;
  readonly logger: Logger;
  /**
   * Told of every run, for the audit trail (main/audit): the trail's kinds are a closed list in the contract, so the
   * composition root records it under the kind it has for backups.
   */
  readonly onRun?: (event: BackupRunEvent) => void;
  readonly checkEveryMs?: number;
  /** The store server while the till is enrolled (storeBackupRemote.ts): a target beside the folders. */
  readonly remote?: () => BackupRemote | undefined;
}

export class BackupService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupRun | null> | null = null;
  private lastAttempt = 0;

  constructor(private readonly options: BackupServiceOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runIfDue(), this.options.checkEveryMs ?? CHECK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Resolves when no run is under way (for a clean close). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  config(): BackupConfig {
    return readBackupConfig(this.options.db);
  }

  /** Replaces the settings; every target must be an existing folder outside the data folder now. */
  configure(config: BackupConfig): BackupConfig {
    for (const target of config.targets) checkTarget(target, this.options.dataDir);
    const clean: BackupConfig = { targets: [...new Set(config.targets)], everyHours: config.everyHours, keepNewest: config.keepNewest };
    writeBackupConfig(this.options.db, clean);
    return clean;
  }

  health(): BackupHealth {
    return backupHealth(this.options.db, this.options.clock(), this.remoteNames());
  }

  private remoteNames(): string[] {
    const remote = this.options.remote?.();
    return remote ? [remote.name] : [];
  }

  /** Creates the terminal's passphrase; the one time it and its recovery sheet are shown. */
  async createPassphrase(): Promise<{ passphrase: string; sheet: string }> {
    const passphrase = await createPassphrase(this.options.secrets);
    const now = this.options.clock();
    return { passphrase, sheet: recoverySheet(passphrase, readManifest(this.options.db, { training: this.options.training, createdAt: now }), now) };
  }

  /** Whether the terminal's passphrase exists (its value is never read out again). */
  async passphraseSet(): Promise<boolean> {
    return (await this.options.secrets.get(PASSPHRASE_ENTRY)) !== undefined;
  }

  /** A backup file checked as a restore would: checksum, passphrase, decryption, full audit; nothing is placed. */
  check(file: string, passphrase?: string): Promise<RestoreResult> {
    return restoreBackup({
      dataDir: this.options.dataDir,
      files: [file],
      keychainOf: () => this.options.secrets,
      now: this.options.clock(),
      checkOnly: true,
      ...(passphrase !== undefined ? { passphrase } : {}),
    });
  }

  /** Due when some target has no success within `everyHours`, and no attempt failed in the last RETRY_MS. */
  isDue(now: Date): boolean {
    const config = this.config();
    const targets = [...config.targets, ...this.remoteNames()];
    if (targets.length === 0 || now.getTime() - this.lastAttempt < RETRY_MS) return false;
    const status = new Map(readBackupStatus(this.options.db).map((s) => [s.target, s]));
    return targets.some((t) => {
      const last = status.get(t)?.lastSuccess?.at;
      return !last || now.getTime() - Date.parse(last) >= config.everyHours * 3600 * 1000;
    });
  }

  async runIfDue(): Promise<BackupRun | null> {
    return this.isDue(this.options.clock()) ? this.run('schedule') : null;
  }

  /** After a Z report: the day's documents leave the till the same evening. */
  afterZReport(): void {
    void this.run('z-report');
  }

  /** One run to every configured target; null when there is nothing to do or it failed as a whole (logged). */
  run(reason: BackupReason): Promise<BackupRun | null> {
    const previous = this.running ?? Promise.resolve(null);
    const next = previous.catch(() => null).then(() => this.runOnce(reason));
    this.running = next;
    return next;
  }

  private async runOnce(reason: BackupReason): Promise<BackupRun | null> {
    const config = this.config();
    const remote = this.options.remote?.();
    if (config.targets.length === 0 && !remote) return null;
    const log = this.options.logger;
    this.lastAttempt = this.options.clock().getTime();
    try {
      const passphrase = await storedPassphrase(this.options.secrets);
      if (!passphrase) throw new DukkanError('backup.no-passphrase');
      const run = await runBackup({
        db: this.options.db,
        dataDir: this.options.dataDir,
        targets: config.targets,
        passphrase,
        training: this.options.training,
        now: this.options.clock(),
        keepNewest: config.keepNewest,
        ...(remote ? { remotes: [remote] } : {}),
      });
      recordBackupRun(this.options.db, run);
      const ok = run.outcomes.filter((o) => o.ok).length;
      const heads = run.manifest.chains.map((c) => `${c.serial}:${c.lastIcv}`).join(' ');
      for (const o of run.outcomes) {
        if (o.ok) log.info('backup.written', { reason, target: o.target, bytes: o.bytes, documents: run.manifest.documents, pruned: o.pruned.removed.length });
        else log.warn('backup.failed', { reason, target: o.target, ...errorFields(o.error) });
      }
      if (ok === run.outcomes.length) this.lastAttempt = 0;
      this.options.onRun?.({ reason, written: ok, targets: run.outcomes.length, detail: heads || 'no documents' });
      return run;
    } catch (e) {
      // the run as a whole (no passphrase, the snapshot failed): every target records the failure
      const error = e instanceof Error ? e : new Error(String(e));
      log.error('backup.run-failed', { reason, ...errorFields(e) });
      recordBackupRun(this.options.db, {
        manifest: { ...readManifest(this.options.db, { training: this.options.training, createdAt: this.options.clock() }) },
        outcomes: [...config.targets, ...(remote ? [remote.name] : [])].map((target) => ({ target, ok: false as const, error })),
      });
      this.options.onRun?.({
        reason,
        written: 0,
        targets: config.targets.length + (remote ? 1 : 0),
        detail: error instanceof DukkanError ? error.code : 'internal',
      });
      return null;
    }
  }
}
