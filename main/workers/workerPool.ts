// SPDX-License-Identifier: UNLICENSED
// A small pool of long-lived worker threads for the main process's CPU work, so the event loop that answers the
// till never stalls on it (BENCHMARKS.md, "A long day": no stall over 50 ms on the main thread). Jobs go by id to
// the worker with the fewest in flight and come back with their output or their error (workerProtocol.ts); bytes are
// transferred, not copied. A job never hangs: when its worker dies, runs past the job's time limit (the worker is
// then stopped) or the pool closes, the job fails with a worker.* DukkanError, and the next job starts a new worker.
// Workers start at their first job (or warmUp()) and do not keep the process alive while idle.
// How to add work: docs/ARCHITECTURE.md, "Move CPU work to a worker".
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DukkanError } from '../../app/errors/index';
import { errorFields, silentLogger, type Logger } from '../log/logger';
import { reviveError, type JobReply, type READY, type TaskInput, type TaskOutput, type TaskTable } from './workerProtocol';
import { workerScript, type WorkerEntry } from './workerEntry';

export interface WorkerPoolOptions {
  readonly entry: WorkerEntry;
  /** How many workers at most (default: one fewer than the cores, at least 1 and at most 4: 1 on a 2-core till). */
  readonly size?: number;
  readonly logger?: Logger;
}

export interface RunOptions {
  /** Buffers of the input to move to the worker instead of copying (they are unusable here afterwards). */
  readonly transfer?: readonly ArrayBuffer[];
  /** Longest the job may take; past it the worker is stopped and replaced. Default 60 s. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

interface Pending {
  readonly task: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

interface Slot {
  /** Null while its script is being found (or compiled, from the sources: workerEntry.ts). */
  worker: Worker | null;
  readonly jobs: Map<number, Pending>;
  /** Jobs sent before the worker existed, posted once it does. */
  readonly waiting: { readonly id: number; readonly message: unknown; readonly transfer: ArrayBuffer[] }[];
  online: Promise<void>;
  /** Why it stopped, when it was stopped on purpose (a job past its time). */
  stopReason: string | null;
  lastError: Error | null;
}

export function defaultPoolSize(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

export class WorkerPool<T extends TaskTable> {
  private readonly slots: (Slot | null)[];
  private readonly log: Logger;
  private lastId = 0;
  private closed = false;
  private started = 0;

  constructor(private readonly options: WorkerPoolOptions) {
    const size = options.size ?? defaultPoolSize();
    if (!Number.isInteger(size) || size < 1) throw new Error(`WorkerPool: size must be a whole number of at least 1, got ${size}`);
    this.slots = Array.from({ length: size }, () => null);
    this.log = (options.logger ?? silentLogger).child({ component: 'workers' });
  }

  /** Workers started so far, replacements included (tests and the soak read it). */
  get workersStarted(): number {
    return this.started;
  }

  /** Start every worker now and wait until each runs, so the first job does not pay for it. */
  async warmUp(): Promise<void> {
    await Promise.all(this.slots.map((_, i) => this.slotAt(i).online));
  }

  run<K extends keyof T & string>(task: K, input: TaskInput<T[K]>, options: RunOptions = {}): Promise<TaskOutput<T[K]>> {
    if (this.closed) return Promise.reject(new DukkanError('worker.closed', { task }));
    const slot = this.slotAt(this.leastBusy());
    const id = ++this.lastId;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise<TaskOutput<T[K]>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.settle(slot, id)?.reject(new DukkanError('worker.timeout', { task, ms: timeoutMs }));
        slot.stopReason = `stopped after "${task}" ran past ${timeoutMs} ms`;
        this.stop(slot);
      }, timeoutMs);
      slot.jobs.set(id, { task, resolve: resolve as (value: unknown) => void, reject, timer });
      slot.worker?.ref(); // a job in flight keeps the process alive, as any pending I/O does
      this.post(slot, { id, message: { id, task, input }, transfer: [...(options.transfer ?? [])] });
    });
  }

  /**
   * Stops every worker now, as if each had died: their jobs in flight fail with worker.died, and the next job starts
   * new workers. For releasing a worker's memory, and for tests of a worker lost mid-job.
   */
  recycle(reason = 'recycled'): void {
    for (const slot of this.slots) {
      if (!slot) continue;
      slot.stopReason = reason;
      this.stop(slot);
    }
  }

  /** Fails what is queued or running with worker.closed and stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    const stopping: Promise<number>[] = [];
    for (const [i, slot] of this.slots.entries()) {
      if (!slot) continue;
      this.slots[i] = null;
      for (const id of [...slot.jobs.keys()]) {
        const job = this.settle(slot, id)!;
        job.reject(new DukkanError('worker.closed', { task: job.task }));
      }
      slot.stopReason = 'closed';
      if (slot.worker) stopping.push(slot.worker.terminate());
    }
    await Promise.all(stopping);
  }

  private leastBusy(): number {
    let best = 0;
    for (let i = 1; i < this.slots.length; i++) {
      if ((this.slots[i]?.jobs.size ?? 0) < (this.slots[best]?.jobs.size ?? 0)) best = i;
    }
    return best;
  }

  private slotAt(i: number): Slot {
    return this.slots[i] ?? (this.slots[i] = this.spawn(i));
  }

  private spawn(index: number): Slot {
    const slot: Slot = { worker: null, jobs: new Map(), waiting: [], online: Promise.resolve(), stopReason: null, lastError: null };
    slot.online = workerScript(this.options.entry).then(
      (file) => this.start(index, slot, file),
      (e: unknown) => {
        slot.lastError = e instanceof Error ? e : new Error(String(e));
        this.ended(index, slot, null);
        throw new DukkanError('worker.died', { task: 'start', detail: slot.lastError.message });
      },
    );
    slot.online.catch(() => undefined); // also told to the jobs sent to it
    return slot;
  }

  private start(index: number, slot: Slot, file: string): Promise<void> {
    if (slot.stopReason === 'closed') return Promise.reject(new DukkanError('worker.closed', { task: 'start' }));
    let worker: Worker;
    try {
      worker = new Worker(file, { name: `dukkan-worker-${index}` });
    } catch (e) {
      slot.lastError = e as Error;
      this.ended(index, slot, null);
      return Promise.reject(new DukkanError('worker.died', { task: 'start', detail: slot.lastError.message }));
    }
    slot.worker = worker;
    this.started++;
    if (slot.jobs.size === 0) worker.unref();
    let ready: () => void = () => undefined;
    worker.on('message', (reply: JobReply | typeof READY) => {
      if (!('id' in reply)) return ready();
      const job = this.settle(slot, reply.id);
      if (!job) return; // timed out meanwhile
      if (reply.ok) job.resolve(reply.output);
      else job.reject(reviveError(reply.error, job.task));
    });
    // an exception nothing in the worker caught: the worker ends, and 'exit' follows
    worker.on('error', (e) => {
      slot.lastError = e;
    });
    for (const waiting of slot.waiting.splice(0)) this.post(slot, waiting);
    if (slot.stopReason !== null) void worker.terminate(); // a job ran past its time before the worker existed
    // a worker that ends before it runs (its file missing or broken) fails warmUp() rather than leaving it waiting
    return new Promise((resolve, reject) => {
      ready = resolve; // the worker's module loaded and serves jobs (serveTasks.ts)
      worker.once('exit', (code) => {
        this.ended(index, slot, code);
        reject(new DukkanError('worker.died', { task: 'start', detail: slot.lastError?.message ?? `exit code ${code}` }));
      });
    });
  }

  private post(slot: Slot, waiting: Slot['waiting'][number]): void {
    if (!slot.worker) {
      slot.waiting.push(waiting);
      return;
    }
    try {
      slot.worker.postMessage(waiting.message, waiting.transfer);
    } catch (e) {
      // an input that cannot be cloned: the caller's bug, raised with its own stack
      this.settle(slot, waiting.id)?.reject(e as Error);
    }
  }

  private stop(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = null; // the next job starts a new worker at once
    void slot.worker?.terminate();
  }

  /** The worker ended (or never started): its jobs fail, and the next job starts a new one. */
  private ended(index: number, slot: Slot, code: number | null): void {
    if (this.slots[index] === slot) this.slots[index] = null;
    if (slot.stopReason === 'closed') return;
    const detail = slot.stopReason ?? (slot.lastError ? `${slot.lastError.name}: ${slot.lastError.message}` : `exit code ${code}`);
    if (slot.jobs.size > 0 || slot.lastError) this.log.warn('worker.died', { worker: index, detail, jobs: slot.jobs.size, ...errorFields(slot.lastError) });
    for (const id of [...slot.jobs.keys()]) {
      const job = this.settle(slot, id)!;
      job.reject(new DukkanError('worker.died', { task: job.task, detail }));
    }
  }

  /** Takes job `id` off its slot (clearing its timer); the worker no longer keeps the process alive once idle. */
  private settle(slot: Slot, id: number): Pending | undefined {
    const job = slot.jobs.get(id);
    if (!job) return undefined;
    clearTimeout(job.timer);
    slot.jobs.delete(id);
    if (slot.jobs.size === 0) slot.worker?.unref();
    return job;
  }
}
