// SPDX-License-Identifier: UNLICENSED
// Bundled by test/workers/workerBundles.test.ts as scripts/buildCli.mjs bundles the CLI (the store server's checking
// thread an entry of its own beside it) and run as a plain Node process, without tsx: the server's pool, on the
// shared runtime/workers pool, finds dukkan-documentCheckWorker.mjs beside its chunk and the thread answers. Prints
// the verdicts as one JSON line.
import type { CheckedFields } from '../../server/pushedXmlCheck';
import { startDocumentCheckPool } from '../../server/checks/documentCheckPool';

const documents = JSON.parse(process.argv[2] ?? '[]') as CheckedFields[];
const pool = startDocumentCheckPool({ threads: 1 });
try {
  await pool.ready();
  console.log(JSON.stringify(await pool.check(documents)));
} finally {
  await pool.close();
}
