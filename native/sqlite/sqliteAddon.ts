// SPDX-License-Identifier: UNLICENSED
// Where better-sqlite3's compiled addon is, found from the package as this module's own imports resolve it (the ESM
// resolution, with whatever loader the process runs under). A worker thread whose bundle carries better-sqlite3's
// JavaScript (the Electron app's, run from app.asar.unpacked, beside no node_modules: scripts/buildElectron.mjs)
// cannot find the addon on its own, and is handed this path instead.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The addon file (inside app.asar in the packaged app: the caller maps it to the unpacked copy), or undefined when
 * the package cannot be resolved from here or keeps it elsewhere, where better-sqlite3's own lookup is left to find it.
 */
export function sqliteAddonFile(): string | undefined {
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve('better-sqlite3')); // <package>/lib/index.js
  } catch {
    return undefined;
  }
  const addon = path.join(path.dirname(entry), '..', 'build', 'Release', 'better_sqlite3.node');
  // inside app.asar the file is listed even though the OS loads its unpacked copy (electron-builder.yml asarUnpack)
  return existsSync(addon) ? addon : undefined;
}
