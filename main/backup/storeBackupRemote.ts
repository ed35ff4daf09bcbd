// SPDX-License-Identifier: UNLICENSED
// The store server as a backup target of an enrolled till (docs/backups.md, "The store server as a target";
// server/terminalBackups.ts). The file uploaded is the backup exactly as a folder gets it — encrypted with the
// terminal's passphrase, which never leaves the till — in signed parts of BACKUP_PART_BYTES (storeClient.ts, the
// terminal's own key). An upload cut short resumes where the server's copy ends; the server counts it only once
// the file's own checksum verified there. For a restore the newest whole backup comes back the same way, into a
// private file, and is then checked like any other file (restoreCheck.ts).
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_PART_BYTES, STORE_BACKUP_PATHS, type BackupPart, type BackupUploadState, type StoredBackup } from '../../app/contract/storeBackup';
import { DukkanError } from '../../app/errors/index';
import type { SecretStore } from '../../native/keychain/secretStore';
import { openSqlite, type SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { makePrivateDir } from '../fs/privateFiles';
import { readDeviceId } from '../onboarding/onboardingStore';
import { signedRequest, type StoreCredentials } from '../storeSync/storeClient';
import { linkCredentials, storeKey } from '../storeSync/storeEnrolment';
import { StoreSyncStore } from '../storeSync/storeSyncStore';
import type { OpenedBackup } from './backupFormat';
import type { BackupRemote } from './backupRun';
import { storeTargetName } from './storeTargetName';

/** The till's link and key, or undefined when it is not enrolled (or its key is gone with an old keychain). */
export async function storeCredentials(db: SqliteDatabase, secrets: SecretStore): Promise<StoreCredentials | undefined> {
  const link = new StoreSyncStore(db).link();
  if (!link) return undefined;
  const secretKey = await storeKey(secrets);
  return secretKey ? linkCredentials(link, secretKey) : undefined;
}

const query = (p: string, name: string, offset?: number) => `${p}?name=${encodeURIComponent(name)}${offset === undefined ? '' : `&offset=${offset}`}`;

/** Uploads the backup file (resuming an earlier, cut-short upload of the same file); resolves once the server verified it. */
export async function uploadBackup(credentials: StoreCredentials, backup: OpenedBackup): Promise<void> {
  const name = path.basename(backup.file);
  const begin = { name, size: backup.size, manifest: backup.header.manifest };
  let state = (await signedRequest(credentials, 'POST', STORE_BACKUP_PATHS.begin, begin)) as BackupUploadState;
  if (state.complete) return;
  const input = await open(backup.file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(BACKUP_PART_BYTES);
    while (state.received < backup.size) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(BACKUP_PART_BYTES, backup.size - state.received), state.received);
      if (bytesRead === 0) throw new DukkanError('backup.truncated', { file: backup.file, bytes: state.received, expected: backup.size });
      state = (await signedRequest(
        credentials,
        'POST',
        query(STORE_BACKUP_PATHS.part, name, state.received),
        buffer.subarray(0, bytesRead),
      )) as BackupUploadState;
    }
  } finally {
    await input.close();
  }
  await signedRequest(credentials, 'POST', query(STORE_BACKUP_PATHS.finish, name));
}

/** The server's whole backups of this till, newest first. */
export async function listStoreBackups(credentials: StoreCredentials): Promise<StoredBackup[]> {
  return ((await signedRequest(credentials, 'GET', STORE_BACKUP_PATHS.list)) as { backups: StoredBackup[] }).backups;
}

/**
 * Fetches the server's newest backup of this till into the private folder `dir` (written under a temporary name,
 * renamed when whole) and returns the file; refuses when the server holds none.
 */
export async function fetchNewestBackup(credentials: StoreCredentials, dir: string): Promise<string> {
  const [newest] = await listStoreBackups(credentials);
  if (!newest) throw new DukkanError('backup.store-none', { url: credentials.url });
  makePrivateDir(dir);
  const file = path.join(dir, newest.name);
  const temporary = path.join(dir, `.${newest.name}.${randomBytes(4).toString('hex')}.partial`);
  const out = await open(temporary, 'wx', 0o600);
  try {
    for (let at = 0; at < newest.size;) {
      const part = (await signedRequest(credentials, 'GET', query(STORE_BACKUP_PATHS.part, newest.name, at))) as BackupPart;
      const bytes = Buffer.from(part.bytes, 'base64');
      if (part.offset !== at || bytes.length === 0) throw new DukkanError('backup.truncated', { file: newest.name, bytes: at, expected: newest.size });
      for (let w = 0; w < bytes.length;) w += (await out.write(bytes, w, bytes.length - w, at + w)).bytesWritten;
      at += bytes.length;
    }
    await out.sync();
  } catch (e) {
    await out.close();
    rmSync(temporary, { force: true });
    throw e;
  }
  await out.close();
  await rename(temporary, file);
  return file;
}

/** The store server as a backup target while the till is enrolled; undefined otherwise (backupService.ts). */
export function storeBackupRemote(db: SqliteDatabase, secrets: SecretStore): BackupRemote | undefined {
  const link = new StoreSyncStore(db).link();
  if (!link) return undefined;
  return {
    name: storeTargetName(link.url),
    async upload(file) {
      const credentials = await storeCredentials(db, secrets);
      if (!credentials) throw new DukkanError('backup.store-not-enrolled');
      await uploadBackup(credentials, file);
    },
  };
}

/**
 * For `dukkan restore --from-store`: the newest backup the store server holds of the terminal whose ledger is in
 * `ledgerFile` (its link, and its key from that terminal's keychain), fetched into `dir`.
 */
export async function fetchForLedger(ledgerFile: string, keychainOf: (terminal: string) => SecretStore, dir: string): Promise<string> {
  let credentials: StoreCredentials | undefined;
  if (existsSync(ledgerFile)) {
    const db = openSqlite(ledgerFile, { readonly: true, mustExist: true });
    try {
      const terminal = readDeviceId(db);
      credentials = terminal === undefined ? undefined : await storeCredentials(db, keychainOf(terminal));
    } finally {
      db.close();
    }
  }
  if (!credentials) throw new DukkanError('backup.store-not-enrolled');
  return fetchNewestBackup(credentials, dir);
}
