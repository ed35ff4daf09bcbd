// SPDX-License-Identifier: UNLICENSED
// A checking thread of the store server (documentCheckPool.ts, on the shared pool runtime/workers/workerPool.ts):
// checks each pushed document it is sent against its own XML and signature (server/pushedXmlCheck.ts) and answers
// the verdicts in order. Its verifier tables per certificate stay with the thread, so a till's documents cost one
// signature check each after the first. Bundled by the CLI as dukkan-documentCheckWorker.mjs (scripts/buildCli.mjs);
// from the sources started through runtime/workers/workerBoot.mjs.
import { serveTasks } from '../../runtime/workers/serveTasks';
import { checkPushedXml, type CheckedFields, type PushedXmlVerdict } from '../pushedXmlCheck';
import { precomputeVerifierTables } from './pushedVerifier';

export type DocumentCheckTasks = {
  /** One batch of a push: the verdict of each document, in order. */
  readonly 'documents.check': (documents: readonly CheckedFields[]) => PushedXmlVerdict[];
};

// the base point's wide tables for the server's verifier (pushedVerifier.ts; ~220 ms once per thread): every
// verification is u1·G + u2·Q, and they made it about a quarter cheaper (BENCHMARKS.md, store server). Loaded with the
// thread, before it says it is ready, so the pool's ready() leaves the first push no start-up to pay.
precomputeVerifierTables();

serveTasks<DocumentCheckTasks>({
  'documents.check': async () => (documents) => documents.map(checkPushedXml),
});
