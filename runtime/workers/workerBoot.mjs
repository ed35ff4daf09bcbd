// SPDX-License-Identifier: UNLICENSED
// Starts a worker thread from the TypeScript sources (tests, benchmarks, `tsx`, a checkout whose bundles are stale):
// a worker does not inherit its parent's TypeScript loader, and Node refuses a .ts file as a worker's module, so the
// pool starts this file instead (workerEntry.ts), which registers tsx's loader in the thread and then imports the
// .ts entry named in workerData. Every import below it, static or dynamic (each task's lazy module), goes through
// that loader: the till's printing tasks and the store server's check run this way in their tests
// (test/workers/workerPool.test.ts, test/printer/workerPrinting.test.ts, test/storeServer/pushedSignature.test.ts).
// Bundled runs start their compiled entry and never load this file or tsx (docs/ARCHITECTURE.md, "Move CPU work to
// a worker"). What it costs, measured at load average 7–9 on the 2-core machine: the till's worker ready in
// 0.33–0.54 s from the sources (0.46–0.51 s with tsx's cache empty), against 0.16–0.27 s from its bundle; the
// esbuild bundling at first start it replaces took 2.3 s at load 9–10.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.sourceEntry);
