// SPDX-License-Identifier: UNLICENSED
// Where better-sqlite3's compiled addon is, found from the package as this process resolves it. A worker thread
// whose bundle carries better-sqlite3's JavaScript (the Electron app's, run from app.asar.unpacked, beside no
// node_modules: scripts/buildElectron.mjs) cannot find the addon on its own, and is handed this path instead.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The addon file (inside app.asar in the packaged app: the caller maps it to the unpacked copy), or undefined when
 * the package keeps it elsewhere, where better-sqlite3's own lookup is left to find it.
 */
export function sqliteAddonFile(): string | undefined {
  const entry = createRequire(import.meta.url).resolve('better-sqlite3'); // <package>/lib/index.js
  const addon = path.join(path.dirname(entry), '..', 'build', 'Release', 'better_sqlite3.node');
  // inside app.asar the file is listed even though the OS loads its unpacked copy (electron-builder.yml asarUnpack)
  return existsSync(addon) ? addon : undefined;
}
