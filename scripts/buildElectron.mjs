// SPDX-License-Identifier: UNLICENSED
// `npm run build:electron`: the Electron app as a self-contained folder, dist/app/ (electron-builder's
// "two package.json" layout: electron-builder.yml points directories.app at it):
//   package.json            name, productName (Electron names the userData folder after it), desktopName, main, and
//                           only the runtime dependencies the bundles leave external, at the versions the lock pins
//   electron/main.cjs       entry: scheme privileges + single-instance lock (main/window/electronBoot.ts)
//   electron/app.mjs        main process (main/window/electronMain.ts and all it imports, bundled as ESM)
//   electron/dukkan-worker.mjs  the main process's worker thread (main/workers/dukkanWorker.ts, self-contained ESM;
//                           unpacked from app.asar, electron-builder.yml asarUnpack, for Node's loader to read it)
//   electron/zxing_reader.wasm  the receipt QR self-check's decoder (main/printing/qrSelfCheck.ts looks beside its
//                           bundle, for the bundles have no node_modules beside them; unpacked with the worker)
//   electron/preload.cjs    the sandboxed preload (main/preload/preload.ts; may only require 'electron')
//   renderer/               index.html, app.js, app.css (the same bundle browser mode serves)
//   resources/              a copy of main/resources/ (UBL schemas, receipt fonts, …)
//   node_modules/           those runtime dependencies and what they need, copied from the repository's node_modules
// Native modules are rebuilt for Electron inside dist/app/node_modules only (scripts/electronNative.mjs), so the
// repository's copies keep Node's ABI for the tests, the CLI and browser mode.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '..');

/** Where `npm run build:electron` writes the app, and where electron-builder.yml's directories.app points. */
export const APP_DIR = path.join(root, 'dist', 'app');

/** The worker thread's bundle name (main/workers/dukkanWorkers.ts WORKER_BUNDLE_NAME). */
export const WORKER_BUNDLE_NAME = 'dukkan-worker';

/** The QR self-check's decoder (main/printing/qrSelfCheck.ts QR_READER_WASM_NAME). */
export const QR_READER_WASM_NAME = 'zxing_reader.wasm';

/** Packages that cannot be bundled: native addons (rebuilt per platform and Electron ABI) and Electron itself. */
export const ELECTRON_EXTERNALS = ['electron', 'better-sqlite3', '@napi-rs/keyring', 'koffi'];

/**
 * What the worker thread's bundle leaves out. It runs from app.asar.unpacked, beside no node_modules, so it carries
 * what it loads: better-sqlite3's JavaScript included, handed its addon's unpacked path by the main thread
 * (main/workers/workerSqliteAddon.ts).
 */
export const WORKER_EXTERNALS = ELECTRON_EXTERNALS.filter((name) => name !== 'better-sqlite3');

/** What the app folder's package.json depends on: the externals, less Electron, which is the runtime itself. */
export const APP_DEPENDENCIES = ELECTRON_EXTERNALS.filter((name) => name !== 'electron');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * Where npm resolves `name` from the package at lockfile path `from` ('' for the root): its own node_modules, then
 * each enclosing one, as Node's resolution walks up.
 */
function resolveInLock(packages, from, name) {
  let dir = from;
  for (;;) {
    const candidate = `${dir === '' ? '' : `${dir}/`}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (dir === '') return null;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent < 0 ? '' : dir.slice(0, parent);
  }
}

/**
 * The lockfile paths (`node_modules/a`, `node_modules/a/node_modules/b`) of `names` and everything they need at run
 * time — dependencies, required peers, and the optional dependencies npm installed on this platform — sorted so a
 * package comes before the packages nested in it.
 */
export function runtimeClosure(lock, names, installed = (at) => existsSync(path.join(root, at))) {
  const packages = lock.packages ?? {};
  const found = new Set();
  const visit = (from, name, optional) => {
    const at = resolveInLock(packages, from, name);
    if (at === null || !installed(at)) {
      if (optional) return;
      throw new Error(`${name} (needed by ${from === '' ? 'the app' : from}) is not installed: run npm ci`);
    }
    if (found.has(at)) return;
    found.add(at);
    const entry = packages[at];
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(at, dep, false);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) visit(at, dep, optionalPeers[dep]?.optional === true);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(at, dep, true);
  };
  for (const name of names) visit('', name, false);
  return [...found].sort();
}

/** The app folder's package.json, from the repository's package.json and the versions its lockfile pins. */
export function appPackageJson() {
  const pkg = readJson(path.join(root, 'package.json'));
  const lock = readJson(path.join(root, 'package-lock.json'));
  const dependencies = {};
  for (const name of APP_DEPENDENCIES) {
    const version = lock.packages?.[`node_modules/${name}`]?.version;
    if (!version) throw new Error(`${name} is not in package-lock.json: run npm install`);
    dependencies[name] = version;
  }
  const { name, productName, desktopName, version, description, license, author, homepage } = pkg;
  return { name, productName, desktopName, version, description, license, private: true, author, homepage, main: 'electron/main.cjs', dependencies };
}

/** Package folders under `dir`/node_modules, at any depth, as lockfile-style paths relative to `dir`. */
function installedPackages(dir, prefix = '') {
  const modules = path.join(dir, prefix, 'node_modules');
  if (!existsSync(modules)) return [];
  const found = [];
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    const names = entry.startsWith('@') ? readdirSync(path.join(modules, entry)).map((n) => `${entry}/${n}`) : [entry];
    for (const name of names) {
      const at = `${prefix}node_modules/${name}`;
      found.push(at, ...installedPackages(dir, `${at}/`));
    }
  }
  return found;
}

/**
 * Copies the runtime closure from the repository's node_modules into `outDir`/node_modules and removes what is no
 * longer in it. A package whose copy already has the locked version is left alone: it may hold a build for Electron
 * that an earlier rebuild made.
 */
export function copyRuntimeModules(outDir) {
  const lock = readJson(path.join(root, 'package-lock.json'));
  const closure = runtimeClosure(lock, APP_DEPENDENCIES);
  const wanted = new Set(closure);
  for (const at of installedPackages(outDir).reverse()) {
    if (!wanted.has(at)) rmSync(path.join(outDir, at), { recursive: true, force: true });
  }
  for (const at of closure) {
    const from = path.join(root, at);
    const to = path.join(outDir, at);
    const copied = path.join(to, 'package.json');
    if (existsSync(copied) && readJson(copied).version === lock.packages[at].version) continue;
    rmSync(to, { recursive: true, force: true });
    // nested node_modules are packages of their own in the closure, copied (or left out) on their own
    cpSync(from, to, { recursive: true, filter: (src) => src === from || !path.relative(from, src).split(path.sep).includes('node_modules') });
  }
  return closure;
}

/**
 * Bundles the app into `outDir` (electron/, renderer/, resources/, package.json); with `nodeModules`, also copies
 * the runtime dependencies into `outDir`/node_modules so the folder runs and packages on its own.
 */
export async function buildElectron({ outDir = APP_DIR, minify = true, nodeModules = false } = {}) {
  for (const dir of ['electron', 'renderer', 'resources']) rmSync(path.join(outDir, dir), { recursive: true, force: true });
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify, sourcemap: false, legalComments: 'none', logLevel: 'warning' };
  await build({
    ...common,
    entryPoints: [path.join(root, 'main', 'window', 'electronBoot.ts')],
    outfile: path.join(outDir, 'electron', 'main.cjs'),
    external: ELECTRON_EXTERNALS,
  });
  await build({
    ...common,
    format: 'esm',
    entryPoints: [path.join(root, 'main', 'window', 'electronMain.ts')],
    outfile: path.join(outDir, 'electron', 'app.mjs'),
    external: ELECTRON_EXTERNALS,
    // bundled CommonJS dependencies (node-thermal-printer, …) call require() for Node's built-ins
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  await build({
    ...common,
    format: 'esm',
    entryPoints: [path.join(root, 'main', 'workers', 'dukkanWorker.ts')],
    // beside app.mjs, where runtime/workers/workerEntry.ts looks for it
    outfile: path.join(outDir, 'electron', `${WORKER_BUNDLE_NAME}.mjs`),
    external: WORKER_EXTERNALS,
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  await build({
    ...common,
    platform: 'browser',
    entryPoints: [path.join(root, 'main', 'preload', 'preload.ts')],
    outfile: path.join(outDir, 'electron', 'preload.cjs'),
    external: ['electron'],
  });
  const unregister = register();
  try {
    const { buildRendererAssets } = await import('../main/browser/rendererAssets.ts');
    const assets = await buildRendererAssets({ minify });
    mkdirSync(path.join(outDir, 'renderer'), { recursive: true });
    for (const [name, asset] of assets) writeFileSync(path.join(outDir, 'renderer', name.slice(1)), asset.body);
  } finally {
    await unregister();
  }
  // zxing-wasm is bundled, its WebAssembly is not: main/printing/qrSelfCheck.ts reads it beside the bundle
  cpSync(createRequire(import.meta.url).resolve(`zxing-wasm/reader/${QR_READER_WASM_NAME}`), path.join(outDir, 'electron', QR_READER_WASM_NAME));
  // the whole folder: the main process finds its files at ../resources/ from electron/app.mjs
  cpSync(path.join(root, 'main', 'resources'), path.join(outDir, 'resources'), { recursive: true });
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(appPackageJson(), null, 2)}\n`);
  if (nodeModules) copyRuntimeModules(outDir);
  return outDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildElectron({ nodeModules: true });
  console.log(`Electron app built in ${path.relative(root, APP_DIR)}/ (package.json, electron/, renderer/, resources/, node_modules/)`);
}
