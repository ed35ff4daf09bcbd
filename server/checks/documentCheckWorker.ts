// SPDX-License-Identifier: UNLICENSED
// A checking thread of the store server (documentCheckPool.ts): checks each pushed document it is sent against its
// own XML and signature (server/pushedXmlCheck.ts) and answers the verdicts in order. Its verifier tables per
// certificate stay with the thread, so a till's documents cost one signature check each after the first.
import { parentPort } from 'node:worker_threads';
import { checkPushedXml, type CheckedFields } from '../pushedXmlCheck';

export interface CheckTask {
  readonly id: number;
  readonly documents: readonly CheckedFields[];
}

parentPort!.on('message', (task: CheckTask) => {
  parentPort!.postMessage({ id: task.id, verdicts: task.documents.map(checkPushedXml) });
});
// loaded: the pool's ready() waits for this (the first push then pays no start-up)
parentPort!.postMessage({ ready: true });
