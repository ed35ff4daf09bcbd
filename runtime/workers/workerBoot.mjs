// SPDX-License-Identifier: UNLICENSED
// Starts a worker thread from the TypeScript sources (tests, benchmarks, `tsx`, a checkout whose bundles are stale):
// a worker does not inherit its parent's TypeScript loader, and Node refuses a .ts file as a worker's module, so the
// pool starts this file instead (workerEntry.ts), which registers tsx's loader in the thread and then imports the
// .ts entry named in workerData. Every import below it, static or dynamic (each task's lazy module), goes through
// that loader. Bundled runs start their compiled entry and never load this file or tsx (docs/ARCHITECTURE.md, "Move
// CPU work to a worker").
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.sourceEntry);
