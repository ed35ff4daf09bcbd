// SPDX-License-Identifier: UNLICENSED
// The store server's checking threads (docs/store-server.md, "Push"; BENCHMARKS.md, store server): each pushed
// document's parse, C14N hash and signature check (server/pushedXmlCheck.ts) cost about a millisecond of CPU, which
// on the server's one thread capped ingest well under its target. A push's documents are cut into small batches and
// spread over a few worker threads; the main thread keeps the HTTP, JSON and database work.
//
// A thread that dies (a crash, out of memory, terminated) fails every batch it held with store.check-unavailable:
// the push that was waiting stores nothing and the till sends it again (its cursor moves only by the server's
// answer); the next batch starts a new thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DukkanError } from '../../app/errors/index';
import type { CheckedFields, PushedXmlVerdict } from '../pushedXmlCheck';
import type { CheckTask } from './documentCheckWorker';

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

function workerOptions(): { url: URL; workerData?: { entry: string } } {
  // running from the TypeScript sources: through the tsx boot; from the bundle: its compiled entry beside this chunk
  if (import.meta.url.endsWith('.ts')) {
    return { url: new URL('./workerBoot.mjs', import.meta.url), workerData: { entry: new URL('./documentCheckWorker.ts', import.meta.url).href } };
  }
  return { url: new URL(`./${BUNDLED_WORKER_ENTRY}.mjs`, import.meta.url) };
}

interface Pending {
  readonly size: number;
  resolve(verdicts: PushedXmlVerdict[]): void;
  reject(err: unknown): void;
}

interface Slot {
  worker?: Worker;
  loaded?: Promise<void>;
  readonly pending: Map<number, Pending>;
  load: number;
}

/** Documents per batch: small enough to spread one push over every thread, large enough to amortise a message. */
const batchSize = (documents: number, threads: number) => Math.min(64, Math.max(4, Math.ceil(documents / (threads * 4))));

export function startDocumentCheckPool(options: DocumentCheckPoolOptions = {}): DocumentCheckPool {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const slots: Slot[] = Array.from({ length: threads }, () => ({ pending: new Map(), load: 0 }));
  let nextId = 1;
  let closing = false;

  const fail = (slot: Slot, worker: Worker, reason: string) => {
    if (slot.worker !== worker) return;
    slot.worker = undefined;
    const pending = [...slot.pending.values()];
    slot.pending.clear();
    slot.load = 0;
    for (const p of pending) p.reject(new DukkanError('store.check-unavailable', { reason }));
  };

  const start = (slot: Slot): Worker => {
    const { url, workerData } = workerOptions();
    const worker = new Worker(url, { workerData });
    worker.unref(); // a server closed without close() must not keep its process alive
    slot.worker = worker;
    slot.loaded = new Promise((resolve, reject) => {
      worker.once('exit', (code) => reject(new DukkanError('store.check-unavailable', { reason: `exited with code ${code}` })));
      worker.on('message', (m: { ready?: boolean }) => m.ready && resolve());
    });
    slot.loaded.catch(() => undefined); // a thread that dies before ready() is asked is only a failed batch
    worker.on('message', (answer: { id: number; verdicts: PushedXmlVerdict[] }) => {
      const p = slot.pending.get(answer.id);
      if (!p) return;
      slot.pending.delete(answer.id);
      slot.load -= p.size;
      p.resolve(answer.verdicts);
    });
    worker.on('error', (err) => fail(slot, worker, err.message.slice(0, 200)));
    worker.on('exit', (code) => {
      if (!closing) fail(slot, worker, `exited with code ${code}`);
    });
    options.onThread?.(worker);
    return worker;
  };

  const send = (documents: readonly CheckedFields[]): Promise<PushedXmlVerdict[]> => {
    const slot = slots.reduce((a, b) => (b.load < a.load ? b : a));
    const worker = slot.worker ?? start(slot);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { size: documents.length, resolve, reject });
      slot.load += documents.length;
      worker.postMessage({ id, documents } satisfies CheckTask);
    });
  };

  return {
    async check(documents) {
      if (documents.length === 0) return [];
      const size = batchSize(documents.length, threads);
      const batches: Promise<PushedXmlVerdict[]>[] = [];
      for (let at = 0; at < documents.length; at += size) batches.push(send(documents.slice(at, at + size)));
      return (await Promise.all(batches)).flat();
    },
    async ready() {
      await Promise.all(slots.map((s) => (s.worker ? s.loaded : (start(s), s.loaded))));
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker?.terminate()));
    },
  };
}
