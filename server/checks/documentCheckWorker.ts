// SPDX-License-Identifier: UNLICENSED
// A checking thread of the store server (documentCheckPool.ts): checks each pushed document it is sent against its
// own XML and signature (server/pushedXmlCheck.ts) and answers the verdicts in order. Its verifier tables per
// certificate stay with the thread, so a till's documents cost one signature check each after the first.
import { parentPort } from 'node:worker_threads';
import { precomputeSigningTables } from '../../app/crypto/signingKey';
import { checkPushedXml, type CheckedFields } from '../pushedXmlCheck';

export interface CheckTask {
  readonly id: number;
  readonly documents: readonly CheckedFields[];
}

// the base point's wide tables (~220 ms once per thread): every verification is u1·G + u2·Q, and they made it about a
// quarter cheaper here, 0.56 → 0.43 ms of CPU (BENCHMARKS.md, store server)
precomputeSigningTables();

parentPort!.on('message', (task: CheckTask) => {
  parentPort!.postMessage({ id: task.id, verdicts: task.documents.map(checkPushedXml) });
});
// loaded: the pool's ready() waits for this (the first push then pays no start-up)
parentPort!.postMessage({ ready: true });
