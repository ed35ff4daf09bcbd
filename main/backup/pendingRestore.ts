// SPDX-License-Identifier: UNLICENSED
// A restore asked for on the manager's screen (docs/backups.md, "Restoring from the screen"). The ledger is never
// swapped under a running till — a sale in flight, the reporting worker and the backup service all hold it open — so
// the screen does the slow, fallible part now and the placing at the next start, before the ledger is opened:
//
//   stage    checksum, passphrase, decryption and the full audit, exactly as `dukkan restore` (restoreBackup.ts);
//            the audited ledger waits in <data folder>/restore-pending/ with a note of what it holds.
//   finish   at the next start: placed as `dukkan restore` places it (the same terminal's ledger back, moved-aside
//            files kept, the anchor compared, or an archive on a new computer), judged against the data folder as it
//            is then. Whatever the outcome, the staged files are removed: a refused restore is not tried at every
//            start, and the log and the returned result say why.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isDukkanError } from '../../app/errors/index';
import { makePrivateDir } from '../fs/privateFiles';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import type { BackupManifest } from './backupManifest';
import { placeRestore, prepareRestore, type RestoreOptions, type RestoreResult } from './restoreBackup';
import { removeRestoreFile } from './restoreCheck';

export const PENDING_FOLDER = 'restore-pending';
const LEDGER = 'ledger.sqlite';
const NOTE = 'pending.json';

export interface PendingRestore {
  readonly backup: string;
  readonly manifest: BackupManifest;
  readonly stagedAt: string;
}

export type FinishedRestore =
  | ({ readonly ok: true } & Pick<RestoreResult, 'mode' | 'ledger' | 'movedAside' | 'missing' | 'backup'>)
  | { readonly ok: false; readonly backup: string; readonly code: string; readonly message: string };

const folderOf = (dataDir: string) => path.join(dataDir, PENDING_FOLDER);

/** Checks, decrypts and audits the backup now; it is placed at the next start. Replaces an earlier staged one. */
export async function stageRestore(options: Omit<RestoreOptions, 'checkOnly'>): Promise<PendingRestore> {
  const folder = folderOf(options.dataDir);
  makePrivateDir(folder);
  const prepared = await prepareRestore(options, folder);
  try {
    cancelRestore(options.dataDir, { keepFolder: true });
    renameSync(prepared.restored, path.join(folder, LEDGER));
  } finally {
    removeRestoreFile(prepared.restored);
  }
  const pending: PendingRestore = { backup: prepared.backup, manifest: prepared.manifest, stagedAt: options.now.toISOString() };
  // the note last: a staged ledger without its note is not a restore (pendingRestore reads the note)
  writeFileAtomic(path.join(folder, NOTE), JSON.stringify(pending, null, 2), 0o600);
  return pending;
}

/** The staged restore, if one waits for the next start. */
export function pendingRestore(dataDir: string): PendingRestore | undefined {
  const note = path.join(folderOf(dataDir), NOTE);
  if (!existsSync(note) || !existsSync(path.join(folderOf(dataDir), LEDGER))) return undefined;
  try {
    return JSON.parse(readFileSync(note, 'utf8')) as PendingRestore;
  } catch {
    return undefined; // a torn note: nothing is placed from it
  }
}

/** Removes a staged restore (the manager changed their mind, or it was placed). */
export function cancelRestore(dataDir: string, options: { readonly keepFolder?: boolean } = {}): void {
  const folder = folderOf(dataDir);
  rmSync(path.join(folder, NOTE), { force: true });
  removeRestoreFile(path.join(folder, LEDGER));
  if (!options.keepFolder) rmSync(folder, { recursive: true, force: true });
}

/** At start, before the ledger is opened: places a staged restore, if any. */
export async function finishPendingRestore(
  options: Pick<RestoreOptions, 'dataDir' | 'keychainOf' | 'now'> & { readonly log: Logger },
): Promise<FinishedRestore | undefined> {
  const pending = pendingRestore(options.dataDir);
  if (!pending) return undefined;
  try {
    const placed = await placeRestore({ backup: pending.backup, manifest: pending.manifest, restored: path.join(folderOf(options.dataDir), LEDGER) }, options);
    options.log.info('restore.placed', { backup: path.basename(pending.backup), mode: placed.mode, missing: placed.missing.length });
    return { ok: true, backup: pending.backup, ...placed };
  } catch (e) {
    const code = isDukkanError(e) ? e.code : 'restore.failed';
    const message = e instanceof Error ? e.message : String(e);
    options.log.error('restore.refused', { backup: path.basename(pending.backup), code, message });
    return { ok: false, backup: pending.backup, code, message };
  } finally {
    cancelRestore(options.dataDir);
  }
}

/**
 * The keychain of the staged ledger's terminal (its device id is in the staged file): what placing compares with —
 * the chain anchor, and whether this computer knows the terminal at all (same terminal, or a new computer).
 */
export function stagedLedgerKeychain(dataDir: string, secretsOf: (db: SqliteDatabase) => SecretStore): (terminal: string) => SecretStore {
  return () => {
    const db = openDeviceDatabase(path.join(folderOf(dataDir), LEDGER), { readonly: true });
    try {
      return secretsOf(db);
    } finally {
      db.close();
    }
  };
}
