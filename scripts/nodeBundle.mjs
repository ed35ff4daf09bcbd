// SPDX-License-Identifier: UNLICENSED
// One esbuild bundle of a Node entry point (the CLI, browser mode), as scripts/buildCli.mjs and
// scripts/buildBrowser.mjs make them. Dependencies stay external — better-sqlite3 and @napi-rs/keyring are native
// addons, libxml2-wasm loads its .wasm from its package folder — and every dynamic import() is its own chunk (code
// splitting), so what a start does not need is not loaded. Beside the bundle, `<name>.inputs.json` lists the
// source files it was built from, for scripts/bundleFreshness.mjs.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Builds `entry` into `outfile`, its chunks beside it (named after it, so several builds can share a folder).
 * `extraEntries` (output name → source) are entry points of their own beside it, such as a worker thread's script.
 */
export async function bundleNode(entry, outfile, extraEntries = {}) {
  const base = path.basename(outfile, '.mjs');
  const result = await build({
    entryPoints: { [base]: entry, ...extraEntries },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: path.dirname(outfile),
    outExtension: { '.js': '.mjs' },
    chunkNames: `${base}-[name]-[hash]`,
    metafile: true,
    logLevel: 'warning',
  });
  writeInputs(outfile, Object.keys(result.metafile.inputs));
  return outfile;
}

/** `<outfile without extension>.inputs.json`: the inputs esbuild reported, relative to the repository. */
export function writeInputs(outfile, inputs) {
  const list = inputs.map((p) => path.relative(REPO_ROOT, path.resolve(REPO_ROOT, p)));
  writeFileSync(outfile.replace(/\.[a-z]+$/, '.inputs.json'), `${JSON.stringify(list)}\n`);
}
