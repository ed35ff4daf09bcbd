// SPDX-License-Identifier: UNLICENSED
// Bundles the CLI into dist/cli/dukkan.mjs, which `bin/dukkan.mjs` runs (`npm run build:cli`, run by `npm run setup`
// and npm's `prepare`). Each command is its own chunk, so `dukkan help` loads no engine code
// (main/cli/commands/index.ts; BENCHMARKS.md, "Command line"). How it is bundled: scripts/nodeBundle.mjs.
import path from 'node:path';
import { bundleNode, REPO_ROOT } from './nodeBundle.mjs';

export const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'dukkan.mjs');

/**
 * Builds the CLI into `outfile`, its chunks beside it, with the store server's checking thread as an entry of its
 * own (its name: BUNDLED_WORKER_ENTRY in server/checks/documentCheckPool.ts, which starts it from beside its chunk).
 */
export async function buildCli(outfile = CLI_BUNDLE) {
  return bundleNode(path.join(REPO_ROOT, 'main', 'cli', 'index.ts'), outfile, {
    'dukkan-documentCheckWorker': path.join(REPO_ROOT, 'server', 'checks', 'documentCheckWorker.ts'),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
