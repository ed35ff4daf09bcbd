// SPDX-License-Identifier: UNLICENSED
// `npm run build:electron`: everything the Electron shell loads, into dist/:
//   dist/electron/main.cjs      entry: scheme privileges + single-instance lock (main/window/electronBoot.ts)
//   dist/electron/app.mjs       main process (main/window/electronMain.ts and all it imports, bundled as ESM)
//   dist/electron/preload.cjs   the sandboxed preload (main/preload/preload.ts; may only require 'electron')
//   dist/renderer/              index.html, app.js, app.css (the same bundle browser mode serves)
//   dist/resources/ubl-xsd/     the UBL schemas the verifier loads
// Native modules (better-sqlite3, @napi-rs/keyring) stay external: electron-builder rebuilds them for Electron's ABI.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

/** Packages that cannot be bundled: native addons (rebuilt per platform) and Electron itself. */
export const ELECTRON_EXTERNALS = ['electron', 'better-sqlite3', '@napi-rs/keyring'];

export async function buildElectron({ outDir = dist, minify = true } = {}) {
  rmSync(path.join(outDir, 'electron'), { recursive: true, force: true });
  rmSync(path.join(outDir, 'renderer'), { recursive: true, force: true });
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
  cpSync(path.join(root, 'main', 'resources', 'ubl-xsd'), path.join(outDir, 'resources', 'ubl-xsd'), { recursive: true });
  return outDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildElectron();
  console.log(`Electron app built in ${path.relative(root, dist)}/ (electron/main.cjs, electron/preload.cjs, renderer/, resources/)`);
}
