// SPDX-License-Identifier: UNLICENSED
// Native modules for Electron, built inside the app folder (dist/app/node_modules) and nowhere else.
//
// electron-builder's own rebuild (npmRebuild) hands @electron/rebuild the repository root as the project root, and
// @electron/rebuild then rebuilds every copy of better-sqlite3 from the app folder up to that root — including the
// repository's node_modules, which the tests, the CLI and browser mode load in Node. So electron-builder.yml turns
// npmRebuild off and names beforePack() below as its hook: electron-builder calls it for each platform and arch
// before it collects the app's files, and it rebuilds with the app folder as the project root.
//
//   node scripts/electronNative.mjs    rebuild dist/app for the installed Electron on this machine (npm run
//                                      start:electron and smoke:electron do this)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
/** Modules resolved as electron-builder's engine (app-builder-lib) resolves them, so the rebuild is the one it runs. */
const builderRequire = createRequire(
  createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json')).resolve('app-builder-lib/package.json'),
);

/**
 * The oldest better-sqlite3 that builds for a range of Electron majors. From Electron 42 on, V8 changed
 * v8::External, which better-sqlite3 before 12.10.1 does not compile against. An Electron major past the last row
 * has not been checked: build for it (npm run smoke:electron on a machine with its binary), then add it here.
 */
export const BETTER_SQLITE3_FOR_ELECTRON = [{ electronFrom: 42, electronThrough: 45, minimum: '12.10.1' }];

/** [major, minor, patch] of a version or an exact/caret/tilde range ("12.11.1", "^45.4.1"). */
function parseVersion(version) {
  const m = /^[\^~=v]*(\d+)\.(\d+)\.(\d+)/.exec(String(version).trim());
  if (!m) throw new Error(`not a version: ${version}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function compareVersions(a, b) {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** Why `betterSqlite3` cannot be used with `electron` according to the table, or null when it can. */
export function nativeCompatProblem(electron, betterSqlite3, table = BETTER_SQLITE3_FOR_ELECTRON) {
  const major = parseVersion(electron)[0];
  const row = table.find((r) => major >= r.electronFrom && major <= r.electronThrough);
  if (!row) {
    const first = Math.min(...table.map((r) => r.electronFrom));
    const last = Math.max(...table.map((r) => r.electronThrough));
    return (
      `Electron ${major} is outside the better-sqlite3 compatibility table (Electron ${first}–${last}, ` +
      `scripts/electronNative.mjs): check that better-sqlite3 ${betterSqlite3} builds for Electron ${major} ` +
      '(npm run smoke:electron on a machine with its binary) and add a row for it'
    );
  }
  if (compareVersions(betterSqlite3, row.minimum) < 0) {
    return `better-sqlite3 ${betterSqlite3} cannot be built for Electron ${major}: Electron ${row.electronFrom}–${row.electronThrough} needs better-sqlite3 ${row.minimum} or newer`;
  }
  return null;
}

const versionIn = (dir, name) => JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;

/**
 * The options for @electron/rebuild: the app folder is both what is rebuilt and the project root, so the search
 * for modules never leaves it.
 */
export function rebuildOptions({ appDir, electronVersion, platform = process.platform, arch = process.arch }) {
  return {
    buildPath: appDir,
    projectRootPath: appDir,
    electronVersion,
    platform,
    arch,
    types: ['prod', 'optional'],
    mode: 'sequential',
    buildFromSource: false,
  };
}

/** Rebuilds the native modules in `appDir`/node_modules for Electron `electronVersion` on `platform`/`arch`. */
export async function rebuildNativeModules({ appDir, electronVersion, platform, arch, log = console.log }) {
  if (!existsSync(path.join(appDir, 'node_modules', 'better-sqlite3'))) {
    throw new Error(`${appDir} has no node_modules/better-sqlite3: build it with npm run build:electron first`);
  }
  const problem = nativeCompatProblem(electronVersion, versionIn(appDir, 'better-sqlite3'));
  if (problem) throw new Error(problem);
  const { rebuild } = await import(pathToFileURL(builderRequire.resolve('@electron/rebuild')).href);
  const options = rebuildOptions({ appDir, electronVersion, platform, arch });
  const rebuilding = rebuild(options);
  rebuilding.lifecycle.on('module-found', (name) => log(`rebuilding ${name} for Electron ${electronVersion} (${options.platform}-${options.arch})`));
  await rebuilding;
}

/** What the beforePack hook rebuilds for, from electron-builder's context: its app folder, Electron, platform, arch. */
export function rebuildTarget(context) {
  const { Arch } = builderRequire('builder-util');
  return {
    appDir: context.packager.info.appDir,
    electronVersion: context.packager.info.framework.version,
    platform: context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName,
    arch: Arch[context.arch],
  };
}

/** electron-builder's beforePack hook (electron-builder.yml): the app folder's native modules, for this target. */
export async function beforePack(context) {
  await rebuildNativeModules(rebuildTarget(context));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { APP_DIR } = await import('./buildElectron.mjs');
  await rebuildNativeModules({ appDir: APP_DIR, electronVersion: versionIn(root, 'electron') });
}
