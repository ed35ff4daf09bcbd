// SPDX-License-Identifier: UNLICENSED
// Bundles the CLI into dist/cli/dukkan.mjs, which `bin/dukkan.mjs` runs (`npm run build:cli`, run by `npm run setup`
// and npm's `prepare`). Dependencies stay external — better-sqlite3 and @napi-rs/keyring are native addons and
// libxml2-wasm loads its .wasm from its package folder — and each command is its own chunk (code splitting), so
// `dukkan help` loads no engine code (main/cli/commands/index.ts; BENCHMARKS.md, "Command line"). Beside the bundle,
// `<name>.inputs.json` lists the source files it was built from: the launcher falls back to the TypeScript when
// any of them is newer than the bundle.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const CLI_BUNDLE = path.join(root, 'dist', 'cli', 'dukkan.mjs');

/** Builds the CLI into `outfile`, its chunks beside it (named after it, so several builds can share a folder). */
export async function buildCli(outfile = CLI_BUNDLE) {
  const base = path.basename(outfile, '.mjs');
  const result = await build({
    entryPoints: { [base]: path.join(root, 'main', 'cli', 'index.ts') },
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
  const inputs = Object.keys(result.metafile.inputs).map((p) => path.relative(root, path.resolve(root, p)));
  writeFileSync(path.join(path.dirname(outfile), `${base}.inputs.json`), `${JSON.stringify(inputs)}\n`);
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
