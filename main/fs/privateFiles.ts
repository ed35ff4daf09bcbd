// SPDX-License-Identifier: UNLICENSED
// Owner-only data on disk (docs/security.md "The disk"). The data folder holds the users' PIN hashes (crackable
// offline in minutes: a PIN has few digits), the ledger, the logs and the exports; another account on the same
// computer must not read them. On POSIX systems every folder Dukkan writes is 0700 and every file 0600:
// - new folders and files are created so (makePrivateDir, createPrivateFile; SQLite gives the -wal and -shm files
//   the database file's mode, so a database created 0600 keeps its journal 0600 too);
// - at start the whole data folder is checked, and whatever group or others may read (a folder made by an older
//   version, a backup restored with a permissive umask) is repaired, with one warning per path in the log.
// Symbolic links are neither followed nor changed. On Windows the modes mean nothing: the data folder lives in the
// user's profile (%APPDATA%), whose ACL already grants only the user, SYSTEM and administrators.
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/** Group and others: the bits no data file or folder may have. */
const SHARED_BITS = 0o077;
/** Warnings written at most per start; the rest are counted in one line. */
const MAX_WARNINGS = 20;

const modeText = (mode: number): string => `0${(mode & 0o777).toString(8)}`;

/** Creates `dir` (and missing parents) owner-only; an existing folder is left as it is. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Creates `file` empty and owner-only when it does not exist yet (before SQLite or a log opens it). */
export function createPrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'EEXIST') throw e;
  }
}

export interface PermissionRepair {
  /** Relative to the checked folder ('.' for the folder itself). */
  readonly path: string;
  readonly was: string;
  readonly now: string;
}

export interface PrivateTreeCheck {
  readonly repaired: readonly PermissionRepair[];
  /** Paths that could not be repaired (another owner, a read-only file system). */
  readonly failed: readonly string[];
}

/**
 * Takes group and others' bits off every folder and file under `root` (root included), logging each repair as a
 * warning. Nothing to do on Windows (see the header) or when `root` does not exist yet.
 */
export function securePrivateTree(root: string, log: Logger, platform: NodeJS.Platform = process.platform): PrivateTreeCheck {
  const repaired: PermissionRepair[] = [];
  const failed: string[] = [];
  if (platform === 'win32') return { repaired, failed };
  const visit = (full: string): void => {
    let stat;
    try {
      stat = lstatSync(full);
    } catch {
      return; // removed meanwhile
    }
    if (stat.isSymbolicLink() || !(stat.isDirectory() || stat.isFile())) return;
    const rel = path.relative(root, full) || '.';
    if ((stat.mode & SHARED_BITS) !== 0) {
      const next = stat.mode & 0o777 & ~SHARED_BITS;
      try {
        chmodSync(full, next);
        repaired.push({ path: rel, was: modeText(stat.mode), now: modeText(next) });
      } catch {
        failed.push(rel);
      }
    }
    if (!stat.isDirectory()) return;
    let names: string[];
    try {
      names = readdirSync(full);
    } catch {
      failed.push(rel);
      return;
    }
    for (const name of names) visit(path.join(full, name));
  };
  visit(root);
  for (const r of repaired.slice(0, MAX_WARNINGS)) log.warn('security.permissions-repaired', { path: r.path, was: r.was, now: r.now });
  if (repaired.length > MAX_WARNINGS) log.warn('security.permissions-repaired-more', { count: repaired.length - MAX_WARNINGS });
  if (failed.length > 0) log.error('security.permissions-unrepaired', { paths: failed.slice(0, MAX_WARNINGS), count: failed.length });
  return { repaired, failed };
}
