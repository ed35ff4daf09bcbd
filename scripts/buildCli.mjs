// SPDX-License-Identifier: UNLICENSED
// Bundles the CLI into dist/cli.mjs (dependencies stay external). `bin/dukkan.mjs` runs the TypeScript directly;
// the bundle starts faster, which the crash test (hundreds of process starts) relies on.
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export async function buildCli(outfile = path.join(root, 'dist', 'cli.mjs')) {
  await build({
    entryPoints: [path.join(root, 'main', 'cli', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
