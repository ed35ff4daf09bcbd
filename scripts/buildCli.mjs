// SPDX-License-Identifier: UNLICENSED
// Bundles the CLI into dist/cli/dukkan.mjs, which `bin/dukkan.mjs` runs (`npm run build:cli`, run by `npm run setup`
// and npm's `prepare`). Each command is its own chunk, so `dukkan help` loads no engine code
// (main/cli/commands/index.ts; BENCHMARKS.md, "Command line"). How it is bundled: scripts/nodeBundle.mjs.
import path from 'node:path';
import { bundleNode, REPO_ROOT } from './nodeBundle.mjs';

export const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'dukkan.mjs');

/**
 * The worker threads the CLI starts, each an entry of its own beside its chunks: the store server's checking thread
 * (its name: BUNDLED_WORKER_ENTRY in server/checks/documentCheckPool.ts, which the shared pool starts from beside
 * its chunk: runtime/workers/workerEntry.ts). Checked by test/workers/workerBundles.test.ts.
 */
export const CLI_WORKER_ENTRIES = {
  'dukkan-documentCheckWorker': path.join(REPO_ROOT, 'server', 'checks', 'documentCheckWorker.ts'),
};

/** Builds the CLI into `outfile`, its chunks and its workers' entries beside it. */
export async function buildCli(outfile = CLI_BUNDLE) {
  return bundleNode(path.join(REPO_ROOT, 'main', 'cli', 'index.ts'), outfile, CLI_WORKER_ENTRIES);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
