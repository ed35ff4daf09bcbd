// SPDX-License-Identifier: UNLICENSED
// Bundles the CLI into dist/cli/dukkan.mjs, which `bin/dukkan.mjs` runs (`npm run build:cli`, run by `npm run setup`
// and npm's `prepare`). Each command is its own chunk, so `dukkan help` loads no engine code
// (main/cli/commands/index.ts; BENCHMARKS.md, "Command line"). How it is bundled: scripts/nodeBundle.mjs.
import path from 'node:path';
import { bundleNode, REPO_ROOT } from './nodeBundle.mjs';

export const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'dukkan.mjs');

/** Builds the CLI into `outfile`, its chunks beside it. */
export async function buildCli(outfile = CLI_BUNDLE) {
  return bundleNode(path.join(REPO_ROOT, 'main', 'cli', 'index.ts'), outfile);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
