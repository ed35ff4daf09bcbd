// SPDX-License-Identifier: UNLICENSED
// Retention of backups in one target (docs/backups.md). A backup is never removed for its age alone. It is removed
// only when both hold:
//   - the target keeps at least `keepNewest` newer backups of the same terminal (a few generations, so a mistake
//     noticed late — a wrong price list, a deleted product — can still be looked up as it was), and
//   - the backup just written (fsynced, renamed, its header and size read back) provably holds every document the old
//     one holds: the same terminal, and for each of its chains the same certificate's chain with an ICV range that
//     includes it (backupManifest.ts covers()).
// The ledger never deletes a document, so each backup holds every document since ICV 1: the six years of documents
// a shop must keep (reference §11) are in the newest verified backup of every target.
// Files that are not readable backups, and backups of other terminals, are never touched.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { covers, type BackupManifest } from './backupManifest';
import { openBackup, type OpenedBackup } from './backupFormat';
import { BACKUP_EXTENSION } from './backupTarget';

export interface PruneResult {
  readonly removed: readonly string[];
  readonly kept: number;
}

export interface ListedBackup {
  readonly file: string;
  readonly manifest: BackupManifest;
}

/** The backups in `target` that read as backups (header only; the checksum is not read). */
export async function listBackups(target: string): Promise<ListedBackup[]> {
  const listed: ListedBackup[] = [];
  for (const name of readdirSync(target)) {
    if (name.startsWith('.') || !name.endsWith(BACKUP_EXTENSION)) continue;
    try {
      const b = await openBackup(path.join(target, name));
      listed.push({ file: b.file, manifest: b.header.manifest });
    } catch {
      // not a whole backup: left for the manager to look at, never removed here
    }
  }
  return listed;
}

/** Which of `others` may go, given the verified `newest` of the same target (pure: the rule above). */
export function choosePrunable(newest: ListedBackup, others: readonly ListedBackup[], keepNewest: number): ListedBackup[] {
  const same = others
    .filter((b) => b.file !== newest.file && b.manifest.terminal === newest.manifest.terminal && b.manifest.training === newest.manifest.training)
    .filter((b) => b.manifest.createdAt < newest.manifest.createdAt)
    .sort((a, b) => (a.manifest.createdAt < b.manifest.createdAt ? 1 : -1));
  // the newest itself is one of the kept generations
  return same.slice(Math.max(0, keepNewest - 1)).filter((b) => covers(newest.manifest, b.manifest));
}

export async function pruneTarget(target: string, newest: OpenedBackup, options: { readonly keepNewest: number }): Promise<PruneResult> {
  const all = await listBackups(target);
  const prunable = choosePrunable({ file: newest.file, manifest: newest.header.manifest }, all, options.keepNewest);
  const removed: string[] = [];
  for (const b of prunable) {
    rmSync(b.file, { force: true });
    removed.push(b.file);
  }
  return { removed, kept: all.length - removed.length };
}
