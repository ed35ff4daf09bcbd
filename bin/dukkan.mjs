#!/usr/bin/env node
// SPDX-License-Identifier: UNLICENSED
// `dukkan` launcher. Runs the bundle `npm run build:cli` made (dist/cli/dukkan.mjs, scripts/buildCli.mjs), which
// starts in a fraction of the TypeScript path's time (BENCHMARKS.md, "Command line"). When the bundle is missing or
// any source it was built from has changed since, it runs the TypeScript through tsx instead, so a fresh checkout
// or an edited source never runs stale code; on a terminal it says so in one line.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleIsCurrent, STALE_HINT } from '../scripts/bundleFreshness.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'dukkan.mjs');

process.env.DUKKAN_CLI_MAIN = '1';
// the bundle lives in dist/cli/, where the resources' paths relative to the sources do not hold
process.env.DUKKAN_RESOURCES ??= path.join(root, 'main', 'resources');
if (bundleIsCurrent(root, bundle)) {
  await import(pathToFileURL(bundle).href);
} else {
  // a script reading stderr should not get the hint; a person at a terminal (or a test asking for it) should
  if (process.stderr.isTTY || process.env.DUKKAN_CLI_HINT === '1')
    process.stderr.write(`dukkan: the CLI bundle ${STALE_HINT} \`npm run build:cli\` makes it.\n`);
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'main', 'cli', 'index.ts')).href);
}
