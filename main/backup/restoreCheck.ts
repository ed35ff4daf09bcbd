// SPDX-License-Identifier: UNLICENSED
// The first half of a restore (docs/backups.md), which changes nothing outside a private temporary file: every
// backup given (or the newest in each folder given) is opened and its checksum verified; of the whole ones, all of one terminal, the one that reaches
// furthest is chosen (a backup on the second target holds the documents issued after the first target's); it is
// decrypted, and the ledger inside goes through the full audit — SQLite's integrity and foreign-key checks, every
// stamp and chain link (main/ledger/auditLedger.ts) — and must be exactly what its manifest says.
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { DukkanError } from '../../app/errors/index';
import { checkDatabase, databaseOk } from '../db/databaseChecks';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import { makePrivateDir } from '../fs/privateFiles';
import { auditLedger } from '../ledger/auditLedger';
import { decryptInto, keyFor } from './backupCipher';
import { openBackup, verifyChecksum, type OpenedBackup } from './backupFormat';
import { covers, manifestMatches } from './backupManifest';
import { listBackups, type ListedBackup } from './retention';
import { BadPacking, unpackInto } from './snapshotPacking';

export interface CheckedBackups {
  /** The backup chosen: whole, and reaching at least as far as every other whole one. */
  readonly chosen: OpenedBackup;
  /** The backups that were refused, with why. */
  readonly refused: readonly { readonly file: string; readonly error: DukkanError }[];
}

/**
 * The files to check: a file as given; a folder (a backup target: USB drive, share) gives its newest backup of each
 * terminal — of `terminal` only, when the data folder already says which — so "every target's newest backup" is
 * simply the list of targets.
 */
export async function backupFilesIn(sources: readonly string[], terminal?: string): Promise<string[]> {
  const files: string[] = [];
  for (const source of sources) {
    if (!isFolder(source)) {
      files.push(source);
      continue;
    }
    const newest = new Map<string, ListedBackup>();
    for (const b of await listBackups(source)) {
      if (terminal !== undefined && b.manifest.terminal !== terminal) continue;
      const known = newest.get(b.manifest.terminal);
      if (!known || b.manifest.createdAt > known.manifest.createdAt) newest.set(b.manifest.terminal, b);
    }
    files.push(...[...newest.values()].map((b) => b.file));
  }
  return files;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Opens and verifies every file; throws the first refusal when none is whole. */
export async function chooseBackup(files: readonly string[]): Promise<CheckedBackups> {
  const whole: OpenedBackup[] = [];
  const refused: { file: string; error: DukkanError }[] = [];
  if (files.length === 0) throw new DukkanError('backup.not-a-backup', { file: 'no backup in the folders given' });
  for (const file of files) {
    try {
      const b = await openBackup(file);
      await verifyChecksum(b);
      whole.push(b);
    } catch (e) {
      if (!(e instanceof DukkanError)) {
        const code = String((e as { code?: unknown }).code ?? '');
        if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'EACCES') throw e;
        refused.push({ file, error: new DukkanError('backup.not-a-backup', { file }, { cause: e }) });
      } else refused.push({ file, error: e });
    }
  }
  if (whole.length === 0) throw refused[0]?.error ?? new DukkanError('backup.not-a-backup', { file: '' });
  const terminals = [...new Set(whole.map((b) => b.header.manifest.terminal))];
  if (terminals.length > 1) throw new DukkanError('backup.mixed-terminals', { terminals: terminals.join(', ') });
  // the one that covers all others; if none does (two diverging copies), the one with the most documents
  const chosen =
    whole.find((b) => whole.every((o) => covers(b.header.manifest, o.header.manifest))) ??
    [...whole].sort((a, b) => b.header.manifest.documents - a.header.manifest.documents)[0]!;
  return { chosen, refused };
}

/** Decrypts `backup` into a private temporary file in `dir` and audits it; returns the file, or throws and leaves nothing. */
export async function decryptAndAudit(backup: OpenedBackup, passphrase: string, dir: string): Promise<string> {
  const key = await keyFor(backup, passphrase);
  makePrivateDir(dir);
  const file = path.join(dir, `.restore-${randomBytes(6).toString('hex')}.sqlite`);
  try {
    await decryptSnapshot(backup, key, file);
    const detail = auditProblem(file, backup);
    if (detail) throw new DukkanError('backup.audit-failed', { file: backup.file, detail });
    return file;
  } catch (e) {
    removeRestoreFile(file);
    throw e;
  }
}

export function removeRestoreFile(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm', '.packed']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * The snapshot out of the backup, into the new file `file`: decrypted (GCM's tag verified), and for format 2 then
 * unpacked (snapshotPacking.ts) — only bytes GCM has authenticated are unpacked.
 */
async function decryptSnapshot(backup: OpenedBackup, key: Buffer, file: string): Promise<void> {
  const { packing } = backup.header;
  const decrypted = packing ? `${file}.packed` : file;
  const out = await open(decrypted, 'wx', 0o600);
  try {
    await decryptInto(out, backup, key);
    if (!packing) await out.sync();
  } finally {
    await out.close();
  }
  if (!packing) return;
  const unpacked = await open(file, 'wx', 0o600);
  try {
    const bytes = await unpackInto(unpacked, decrypted, packing);
    if (bytes !== backup.header.snapshotBytes) throw new BadPacking(`it unpacks to ${bytes} bytes, not ${backup.header.snapshotBytes}`);
    await unpacked.sync();
  } catch (e) {
    if (e instanceof BadPacking) throw new DukkanError('backup.audit-failed', { file: backup.file, detail: `its packed snapshot: ${e.message}` });
    throw e;
  } finally {
    await unpacked.close();
    rmSync(decrypted, { force: true });
  }
}

/** The first reason the decrypted ledger cannot be trusted, or undefined. */
function auditProblem(file: string, backup: OpenedBackup): string | undefined {
  const db = openDeviceDatabase(file, { readonly: true });
  try {
    const checks = checkDatabase(db);
    if (!databaseOk(checks)) return `SQLite: ${[...checks.integrity, ...checks.foreignKeys][0]}`;
    const report = auditLedger(db);
    const first = report.breaks[0];
    if (first) return `document ${first.number} (ICV ${first.icv}): ${first.check}: ${first.message}`;
    if (!manifestMatches(backup.header.manifest, db)) return 'its content differs from its manifest';
    return undefined;
  } finally {
    db.close();
  }
}
