// SPDX-License-Identifier: UNLICENSED
// Writing one backup file into one folder target (a USB drive, a network share) so that nothing half-written ever
// carries a backup's name: a temporary name in the target, every byte written, fsync, rename, fsync of the folder —
// then its header is read back and its size checked. The checksum is computed over the bytes as they are written;
// reading the whole file back would only read the operating system's cache, not the medium, and costs as much again
// (BENCHMARKS.md, "Backups"), so it is left to the restore and to `dukkan restore --check`.
// Every failure of the medium becomes a refusal that names the folder: missing, read-only, full, or gone mid-write
// (a drive pulled out shows as ENOENT, EIO, ENODEV or ESTALE, depending on the OS and the file system).
import { closeSync, fsyncSync, openSync, realpathSync, rmSync, statSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { DukkanError } from '../../app/errors/index';
import { encryptInto, type BackupKey, type PackedSnapshot } from './backupCipher';
import { openBackup, type OpenedBackup } from './backupFormat';
import type { BackupManifest } from './backupManifest';

export const BACKUP_EXTENSION = '.dkbackup';

const code = (e: unknown): string => String((e as { code?: unknown }).code ?? '');
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);
const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** The refusal for a failed write into `target`; errors that are not the medium's are returned unchanged. */
export function targetError(e: unknown, target: string, bytes: number): unknown {
  if (e instanceof DukkanError) return e;
  const c = code(e);
  if (FULL.has(c)) return new DukkanError('backup.target-full', { target, bytes }, { cause: e });
  if (READ_ONLY.has(c)) return new DukkanError('backup.target-read-only', { target }, { cause: e });
  if (/^E[A-Z]+$/.test(c)) return new DukkanError('backup.target-lost', { target, detail: c }, { cause: e });
  return e;
}

/** Refuses a target that is not an existing folder outside the data folder. */
export function checkTarget(target: string, dataDir: string): string {
  if (!path.isAbsolute(target)) throw new DukkanError('backup.target-not-folder', { target }, { field: 'target' });
  let stat;
  try {
    stat = statSync(target);
  } catch {
    throw new DukkanError('backup.target-missing', { target }, { field: 'target' });
  }
  if (!stat.isDirectory()) throw new DukkanError('backup.target-not-folder', { target }, { field: 'target' });
  const real = realpathSync(target);
  let data: string;
  try {
    data = realpathSync(dataDir);
  } catch {
    data = path.resolve(dataDir);
  }
  if (real === data || real.startsWith(`${data}${path.sep}`)) throw new DukkanError('backup.target-is-data-folder', { target }, { field: 'target' });
  return target;
}

export function backupFileName(manifest: BackupManifest): string {
  const stamp = manifest.createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `dukkan-${manifest.training ? 'training-' : ''}${manifest.terminal.slice(0, 8)}-${stamp}${BACKUP_EXTENSION}`;
}

/** Best effort: a folder that went away or turned read-only keeps what it has. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // the medium is gone or read-only: nothing more can be done from here
  }
}

function syncFolder(dir: string): void {
  // a folder's fsync makes the rename durable; Windows cannot open a folder for it, and NTFS journals the rename
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes, syncs and renames one backup in `target`, and reads its header back; returns the file. */
export async function writeToTarget(target: string, packed: PackedSnapshot, manifest: BackupManifest, key: BackupKey): Promise<OpenedBackup> {
  const final = path.join(target, backupFileName(manifest));
  const temporary = path.join(target, `.${path.basename(final)}.${process.pid}.partial`);
  const expected = statSync(packed.file).size;
  try {
    const out = await open(temporary, 'wx', 0o600);
    try {
      await encryptInto(out, packed, manifest, key);
      await out.sync();
    } finally {
      await out.close();
    }
    await rename(temporary, final);
    syncFolder(target);
  } catch (e) {
    removeQuietly(temporary);
    throw targetError(e, target, expected);
  }
  try {
    return await openBackup(final);
  } catch (e) {
    // read back wrong: the medium lost it; a bad file must not stand as a backup
    removeQuietly(final);
    throw targetError(e, target, expected);
  }
}
