// SPDX-License-Identifier: UNLICENSED
// Starts a checking thread from the TypeScript sources (tests, `tsx`, a checkout without the CLI bundle): a worker
// thread does not inherit the parent's TypeScript loader, so it registers tsx's here and then imports its entry.
// The bundled CLI starts its own compiled entry instead (documentCheckPool.ts, scripts/buildCli.mjs).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
