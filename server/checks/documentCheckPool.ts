// SPDX-License-Identifier: UNLICENSED
// The store server's checking threads (docs/store-server.md, "Push"; BENCHMARKS.md, store server): each pushed
// document's parse, C14N hash and signature check (server/pushedXmlCheck.ts) cost about a millisecond of CPU, which
// on the server's one thread capped ingest well under its target. A push's documents are cut into small batches and
// spread over the threads of the shared worker pool (runtime/workers/workerPool.ts, the till's too); the main thread
// keeps the HTTP, JSON and database work.
//
// A thread that dies (a crash, out of memory, terminated), a batch past its time, or the pool closing fails every
// batch it held with store.check-unavailable: the push that was waiting stores nothing and the till sends it again
// (its cursor moves only by the server's answer); the next batch starts a new thread.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { DukkanError } from '../../app/errors/index';
import { entryBeside } from '../../runtime/workers/workerEntry';
import { WorkerPool } from '../../runtime/workers/workerPool';
import type { CheckedFields, PushedXmlVerdict } from '../pushedXmlCheck';
import type { DocumentCheckTasks } from './documentCheckWorker';

export interface DocumentCheckPool {
  /** The verdicts of `documents`, in order. Rejects with store.check-unavailable when a thread dies meanwhile. */
  check(documents: readonly CheckedFields[]): Promise<PushedXmlVerdict[]>;
  /** Starts every thread now and resolves when all have loaded (otherwise they start with the first push). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface DocumentCheckPoolOptions {
  /** Threads to use (default: one per CPU). */
  readonly threads?: number;
  /** Called with each thread started (tests end one mid-push to prove a push then fails cleanly). */
  readonly onThread?: (worker: Worker) => void;
}

/** The compiled entry the CLI bundle carries beside its chunks (scripts/buildCli.mjs). */
export const BUNDLED_WORKER_ENTRY = 'dukkan-documentCheckWorker';

/** Documents per batch: small enough to spread one push over every thread, large enough to amortise a message. */
const batchSize = (documents: number, threads: number) => Math.min(64, Math.max(4, Math.ceil(documents / (threads * 4))));

/** A batch that did not come back: the pool's worker.* failure, as the push's refusal (its reason in English). */
function unavailable(e: unknown): unknown {
  if (!(e instanceof DukkanError) || !e.code.startsWith('worker.')) return e; // a bug in the check stays a bug
  const reason =
    e.code === 'worker.died'
      ? `exited: ${String(e.params.detail)}`
      : e.code === 'worker.timeout'
        ? `ran past ${String(e.params.ms)} ms`
        : 'the server is closing';
  return new DukkanError('store.check-unavailable', { reason: reason.slice(0, 200) });
}

export function startDocumentCheckPool(options: DocumentCheckPoolOptions = {}): DocumentCheckPool {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const pool = new WorkerPool<DocumentCheckTasks>({
    entry: entryBeside(import.meta.url, 'documentCheckWorker', BUNDLED_WORKER_ENTRY),
    size: threads,
    name: BUNDLED_WORKER_ENTRY,
    ...(options.onThread ? { onWorker: options.onThread } : {}),
  });
  return {
    async check(documents) {
      if (documents.length === 0) return [];
      const size = batchSize(documents.length, threads);
      const batches: Promise<PushedXmlVerdict[]>[] = [];
      for (let at = 0; at < documents.length; at += size) batches.push(pool.run('documents.check', documents.slice(at, at + size)));
      try {
        return (await Promise.all(batches)).flat();
      } catch (e) {
        throw unavailable(e);
      }
    },
    async ready() {
      await pool.warmUp().catch((e: unknown) => Promise.reject(unavailable(e)));
    },
    close: () => pool.close(),
  };
}
