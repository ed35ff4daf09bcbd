// SPDX-License-Identifier: UNLICENSED
// `dukkan restore` (docs/backups.md): checks first (restoreCheck.ts), then puts the audited ledger in place.
//
//   same terminal   the data folder's ledger, or the keychain of this computer, is the backup's terminal's: the
//                   ledger comes back to the backup's chain head. The old files are moved aside, never deleted. A
//                   ledger here that reaches further than the backup is not replaced (documents would be lost), and
//                   the result is compared with the chain anchor in the keychain (main/ledger/chainAnchor.ts): a
//                   backup from another chain is refused; one that ends before the anchor is restored, and the
//                   ICVs still missing are named — issuing stays refused until a backup that has them is restored.
//   new machine     no ledger here and no keychain entry of that terminal: the old device key died with the old
//                   keychain, so the backup becomes a read-only archive under archives/ (receipts lookup, returns
//                   against its invoices, exports); this computer onboards as a new EGS unit.
import { chmodSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { DukkanError } from '../../app/errors/index';
import type { SecretStore } from '../../native/keychain/secretStore';
import { openSqlite } from '../../native/sqlite/sqliteDriver';
import { AuditTrail } from '../audit/auditTrail';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../db/openDeviceDatabase';
import { makePrivateDir } from '../fs/privateFiles';
import { anchorStatements } from '../ledger/anchorStore';
import { compareWithAnchor, readAnchor, type AnchorFinding } from '../ledger/chainAnchor';
import { readDeviceId } from '../onboarding/onboardingStore';
import { chainsAhead, readManifest, type BackupManifest } from './backupManifest';
import { takeExclusiveLock } from './backupStore';
import { normalizePassphrase, storedPassphrase, PASSPHRASE_ENTRY } from './backupPassphrase';
import { backupFilesIn, chooseBackup, decryptAndAudit, removeRestoreFile } from './restoreCheck';

export interface RestoreOptions {
  readonly dataDir: string;
  /** Backup files, or folders (each gives its newest backup per terminal). */
  readonly files: readonly string[];
  /** Typed from the recovery sheet; without it, the passphrase in this computer's keychain of that terminal. */
  readonly passphrase?: string;
  /** The keychain of a terminal (service `dukkan-<device id>`, main/onboarding/deviceKeychain.ts). */
  readonly keychainOf: (terminal: string) => SecretStore;
  readonly now: Date;
  /** Verify, decrypt and audit only; place nothing. */
  readonly checkOnly?: boolean;
}

export interface MissingRange {
  readonly serial: string;
  readonly fromIcv: number;
  readonly toIcv: number;
}

export interface RestoreResult {
  readonly mode: 'checked' | 'restored' | 'archive';
  readonly backup: string;
  readonly manifest: BackupManifest;
  readonly refused: readonly { readonly file: string; readonly code: string; readonly message: string }[];
  /** Where the ledger now is (not for 'checked'). */
  readonly ledger?: string;
  /** Where the replaced ledger's files were moved. */
  readonly movedAside?: string;
  /** ICVs the anchor records beyond the restored ledger: issuing refuses until they are back. */
  readonly missing: readonly MissingRange[];
}

const stamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** The device id of the ledger in the data folder; null when there is none; 'unreadable' when it cannot be read. */
function currentLedger(file: string): { terminal: string; manifest: BackupManifest } | null | 'unreadable' {
  if (!existsSync(file)) return null;
  try {
    const db = openDeviceDatabase(file, { readonly: true });
    try {
      const terminal = readDeviceId(db);
      return terminal ? { terminal, manifest: readManifest(db, { training: false, createdAt: new Date(0) }) } : 'unreadable';
    } finally {
      db.close();
    }
  } catch {
    return 'unreadable';
  }
}

/** Refuses while any connection has the ledger open (a running app): an exclusive lock is only had alone. */
function assertNotInUse(file: string): void {
  if (!existsSync(file)) return;
  const db = openSqlite(file, { busyTimeoutMs: 0 });
  try {
    takeExclusiveLock(db);
  } catch (e) {
    if (String((e as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw new DukkanError('backup.ledger-in-use', { file });
    throw e;
  } finally {
    db.close();
  }
}

async function passphraseFor(options: RestoreOptions, secrets: SecretStore, terminal: string): Promise<string> {
  if (options.passphrase !== undefined) return normalizePassphrase(options.passphrase);
  let stored: string | undefined;
  try {
    stored = await storedPassphrase(secrets);
  } catch {
    stored = undefined; // a locked or absent keychain: the sheet is the way
  }
  if (!stored) throw new DukkanError('backup.passphrase-needed', { terminal }, { field: 'passphrase' });
  return stored;
}

/** Whether this computer's keychain knows the terminal (its passphrase or its chain anchor is there). */
async function keychainKnows(secrets: SecretStore): Promise<boolean> {
  try {
    return (await secrets.get(PASSPHRASE_ENTRY)) !== undefined || (await readAnchor(secrets)) !== undefined;
  } catch {
    return false;
  }
}

function missingFrom(findings: readonly AnchorFinding[]): MissingRange[] {
  return findings.flatMap((f) => (f.kind === 'behind' ? [{ serial: f.chain.serial, fromIcv: f.databaseIcv + 1, toIcv: f.chain.icv }] : []));
}

/** A backup chosen, decrypted into a private file and audited; nothing in the data folder replaced yet. */
export interface PreparedRestore {
  readonly backup: string;
  readonly manifest: BackupManifest;
  readonly refused: RestoreResult['refused'];
  /** The decrypted, audited ledger (a private file inside `decryptDir`). */
  readonly restored: string;
}

/**
 * Everything a restore checks before it may place anything: the files (checksum, the one that covers the others),
 * the terminal, the passphrase, decryption and the full audit. The caller owns `restored` (removeRestoreFile).
 */
export async function prepareRestore(options: Omit<RestoreOptions, 'checkOnly'>, decryptDir = options.dataDir): Promise<PreparedRestore> {
  const current = currentLedger(path.join(options.dataDir, DATABASE_FILE_NAME));
  const here = current && current !== 'unreadable' && !isBlank(current) ? current.terminal : undefined;
  const { chosen, refused } = await chooseBackup(await backupFilesIn(options.files, here));
  const manifest = chosen.header.manifest;
  if (here !== undefined && here !== manifest.terminal)
    throw new DukkanError('backup.other-terminal', {
      file: chosen.file,
      backupTerminal: manifest.terminal,
      backupEgs: manifest.egsSerial ?? '—',
      terminal: here,
    });
  const passphrase = await passphraseFor(options, options.keychainOf(manifest.terminal), manifest.egsSerial ?? manifest.terminal);
  const restored = await decryptAndAudit(chosen, passphrase, decryptDir);
  return { backup: chosen.file, manifest, refused: refused.map((r) => ({ file: r.file, code: r.error.code, message: r.error.message })), restored };
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const prepared = await prepareRestore(options);
  const base = { backup: prepared.backup, manifest: prepared.manifest, refused: prepared.refused };
  try {
    if (options.checkOnly) return { ...base, mode: 'checked', missing: [] };
    return { ...base, ...(await placeRestore(prepared, options)) };
  } finally {
    removeRestoreFile(prepared.restored);
  }
}

/**
 * Puts a prepared restore in place, judged against the data folder as it is now (at the next start, for a restore
 * staged from the manager's screen): the same terminal's ledger comes back, or a new computer gets an archive.
 */
export async function placeRestore(
  prepared: Pick<PreparedRestore, 'backup' | 'manifest' | 'restored'>,
  options: Pick<RestoreOptions, 'dataDir' | 'keychainOf' | 'now'>,
): Promise<Pick<RestoreResult, 'mode' | 'ledger' | 'movedAside' | 'missing'>> {
  const { manifest } = prepared;
  const ledgerFile = path.join(options.dataDir, DATABASE_FILE_NAME);
  const current = currentLedger(ledgerFile);
  const existing = current && current !== 'unreadable' && !isBlank(current) ? current : null;
  if (existing && existing.terminal !== manifest.terminal)
    throw new DukkanError('backup.other-terminal', {
      file: prepared.backup,
      backupTerminal: manifest.terminal,
      backupEgs: manifest.egsSerial ?? '—',
      terminal: existing.terminal,
    });
  const secrets = options.keychainOf(manifest.terminal);
  const sameTerminal = existing !== null || (await keychainKnows(secrets));
  if (!sameTerminal && current !== 'unreadable') return { mode: 'archive', ledger: placeArchive(prepared.restored, manifest, options.dataDir), missing: [] };
  if (existing) {
    const [ahead] = chainsAhead(existing.manifest.chains, manifest.chains);
    if (ahead) throw new DukkanError('backup.older-than-ledger', { serial: ahead.serial, ledgerIcv: ahead.aIcv, backupIcv: ahead.bIcv });
  }
  const missing = await agreeWithAnchor(prepared.restored, secrets, prepared.backup);
  assertNotInUse(ledgerFile);
  const movedAside = moveAside(options.dataDir, options.now);
  renameSync(prepared.restored, ledgerFile);
  recordRestore(ledgerFile, prepared.backup, manifest, missing, options.now);
  return { mode: 'restored', ledger: ledgerFile, ...(movedAside ? { movedAside } : {}), missing };
}

/**
 * A ledger the app made on its first start and never used: no document and no EGS unit onboarded. It is no
 * terminal's record, so a restore onto this computer may move it aside whatever its device id.
 */
function isBlank(ledger: { readonly manifest: BackupManifest }): boolean {
  return ledger.manifest.documents === 0 && ledger.manifest.egsSerial === null;
}

/** Opens the placed ledger as the app does (WAL, synchronous=FULL, migrations) and writes the restore into its trail. */
function recordRestore(file: string, backupFile: string, manifest: BackupManifest, missing: readonly MissingRange[], now: Date): void {
  const db = openDeviceDatabase(file);
  try {
    new AuditTrail(db, { till: 'dukkan restore', clock: () => now }).record({
      kind: 'restore',
      before: path.basename(backupFile),
      after: manifest.chains.map((c) => `${c.serial}:ICV ${c.lastIcv}`).join(' ') || 'no documents',
      reason: missing.length ? `missing ${missing.map((m) => `${m.serial}:ICV ${m.fromIcv}-${m.toIcv}`).join(' ')}` : null,
    });
  } finally {
    db.close();
  }
}

/** The anchor's view of the restored ledger: refused when forked, the missing ICVs when behind. */
async function agreeWithAnchor(file: string, secrets: SecretStore, backupFile: string): Promise<MissingRange[]> {
  let record;
  try {
    record = await readAnchor(secrets);
  } catch {
    return []; // no keychain here: the next start's check (main/ledger/ledgerAnchor.ts) decides
  }
  if (!record) return [];
  const db = openDeviceDatabase(file, { readonly: true });
  try {
    const findings = compareWithAnchor(anchorStatements(db), record);
    const forked = findings.find((f) => f.kind === 'forked');
    if (forked?.kind === 'forked') throw new DukkanError('backup.forked-from-anchor', { file: backupFile, icv: forked.icv, serial: forked.chain.serial });
    return missingFrom(findings);
  } finally {
    db.close();
  }
}

/** Moves the ledger's files (database, -wal, -shm) into replaced-<time>/; never deletes them. */
function moveAside(dataDir: string, now: Date): string | undefined {
  const names = [DATABASE_FILE_NAME, `${DATABASE_FILE_NAME}-wal`, `${DATABASE_FILE_NAME}-shm`].filter((n) => existsSync(path.join(dataDir, n)));
  if (names.length === 0) return undefined;
  const aside = path.join(dataDir, `replaced-${stamp(now)}`);
  makePrivateDir(aside);
  // the -wal of the old database must never meet the new one: SQLite would replay it into the wrong file
  for (const n of names) renameSync(path.join(dataDir, n), path.join(aside, n));
  return aside;
}

function placeArchive(file: string, manifest: BackupManifest, dataDir: string): string {
  const dir = path.join(dataDir, 'archives', `${manifest.terminal.slice(0, 8)}-${stamp(new Date(manifest.createdAt))}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, DATABASE_FILE_NAME);
  renameSync(file, target);
  chmodSync(target, 0o400); // an archive is read, never written: no device key can sign in it on this computer
  return target;
}
