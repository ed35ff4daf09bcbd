// SPDX-License-Identifier: UNLICENSED
// One backup of the ledger to every target (docs/backups.md): one consistent snapshot (snapshot.ts) in a private
// work folder inside the data folder, its manifest read from the snapshot itself, the snapshot packed once
// (snapshotPacking.ts: the disk then writes a fifteenth of the ledger, not all of it), then one encrypted file per target
// (backupTarget.ts), each written and verified on its own — a full USB drive does not stop the network share — and
// the target's older backups pruned where the new one provably holds everything they hold (retention.ts). Remotes
// (the store server) then take the same file as a folder got it.
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { DukkanError } from '../../app/errors/index';
import { openSqlite, type SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { makePrivateDir } from '../fs/privateFiles';
import { newBackupKey } from './backupCipher';
import { readManifest, type BackupManifest } from './backupManifest';
import type { OpenedBackup } from './backupFormat';
import { checkTarget, targetError, writeToTarget } from './backupTarget';
import { pruneTarget, type PruneResult } from './retention';
import { snapshotDatabase } from './snapshot';
import { PACKING, packFile } from './snapshotPacking';

export interface BackupRunOptions {
  /** The live ledger's connection (the one that issues documents: see snapshot.ts). */
  readonly db: SqliteDatabase;
  readonly dataDir: string;
  readonly targets: readonly string[];
  readonly passphrase: string;
  readonly training: boolean;
  readonly now: Date;
  /** How many backups of this terminal each target keeps at least (retention.ts). */
  readonly keepNewest?: number;
  /** Targets that are not folders: the store server of an enrolled till (storeBackupRemote.ts). */
  readonly remotes?: readonly BackupRemote[];
}

/** A target that takes the finished backup file as it is (the same bytes a folder gets) and keeps its own copies. */
export interface BackupRemote {
  readonly name: string;
  upload(file: OpenedBackup): Promise<void>;
}

export type TargetOutcome =
  | { readonly target: string; readonly ok: true; readonly file: string; readonly bytes: number; readonly pruned: PruneResult }
  | { readonly target: string; readonly ok: false; readonly error: DukkanError | Error };

export interface BackupRun {
  readonly manifest: BackupManifest;
  readonly outcomes: readonly TargetOutcome[];
}

export const WORK_FOLDER = 'backup-work';

const failed = (target: string, e: unknown): TargetOutcome => ({ target, ok: false, error: e instanceof Error ? e : new Error(String(e)) });

export async function runBackup(options: BackupRunOptions): Promise<BackupRun> {
  const work = path.join(options.dataDir, WORK_FOLDER);
  makePrivateDir(work);
  const snapshot = path.join(work, `snapshot-${randomBytes(6).toString('hex')}.sqlite`);
  const packedFile = `${snapshot}.packed`;
  let local: string | undefined;
  let removing: Promise<void> | undefined;
  try {
    await snapshotDatabase(options.db, snapshot);
    // one self-contained file (no -wal beside it), and the manifest read from exactly these bytes
    const snap = openSqlite(snapshot);
    let manifest: BackupManifest;
    try {
      snap.pragma('journal_mode = DELETE');
      manifest = readManifest(snap, { training: options.training, createdAt: options.now });
    } finally {
      snap.close();
    }
    const snapshotBytes = statSync(snapshot).size;
    // the key is derived (scrypt, on libuv's pool) while the snapshot is packed
    const deriving = newBackupKey(options.passphrase);
    deriving.catch(() => undefined);
    await packFile(snapshot, packedFile, PACKING);
    // the plain copy goes at once, so the page cache need not write back what nobody reads again — off the main
    // thread, beside the writes: unlinking a ledger-sized file takes most of a second (awaited at the end)
    removing = rm(snapshot, { force: true }).catch(() => undefined);
    const packed = { file: packedFile, packing: PACKING, snapshotBytes };
    const key = await deriving;
    const outcomes: TargetOutcome[] = [];
    let firstWritten: OpenedBackup | undefined;
    for (const target of options.targets) {
      try {
        checkTarget(target, options.dataDir);
        const written = await writeToTarget(target, packed, manifest, key);
        const pruned = await pruneTarget(target, written, { keepNewest: options.keepNewest ?? 3 });
        outcomes.push({ target, ok: true, file: written.file, bytes: written.size, pruned });
        firstWritten ??= written;
      } catch (e) {
        outcomes.push(failed(target, targetError(e, target, 0)));
      }
    }
    for (const remote of options.remotes ?? []) {
      try {
        // the file a folder got, or one written in the work folder for the remotes alone (removed below)
        if (!firstWritten) {
          firstWritten = await writeToTarget(work, packed, manifest, key);
          local = firstWritten.file;
        }
        await remote.upload(firstWritten);
        outcomes.push({ target: remote.name, ok: true, file: path.basename(firstWritten.file), bytes: firstWritten.size, pruned: { removed: [], kept: 0 } });
      } catch (e) {
        outcomes.push(failed(remote.name, e));
      }
    }
    return { manifest, outcomes };
  } finally {
    if (local) rmSync(local, { force: true });
    if (removing) await removing;
    else rmSync(snapshot, { force: true });
    rmSync(`${snapshot}-journal`, { force: true });
    rmSync(packedFile, { force: true });
  }
}
