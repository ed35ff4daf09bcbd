// SPDX-License-Identifier: UNLICENSED
// A small pool of long-lived worker threads for CPU work, so the event loop that answers a till (its main process,
// or the store server) never stalls on it (BENCHMARKS.md, "A long day": no stall over 50 ms on the main thread).
// Jobs go by id to the worker with the fewest in flight and come back with their output or their error
// (workerProtocol.ts); bytes are transferred, not copied. A job never hangs: when its worker dies, runs past the
// job's time limit (the worker is then stopped) or the pool closes, the job fails with a worker.* DukkanError, and
// the next job starts a new worker. Workers start at their first job (or warmUp()) and do not keep the process
// alive while idle. One pool for both users (the till's main/workers/dukkanWorkers.ts, the store server's
// server/checks/documentCheckPool.ts), so it lives in runtime/ and logs through whatever logger it is handed.
// How to add work: docs/ARCHITECTURE.md, "Move CPU work to a worker".
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DukkanError } from '../../app/errors/index';
import { reviveError, STOP, type JobReply, type READY, type TaskInput, type TaskOutput, type TaskTable } from './workerProtocol';
import { workerStart, type WorkerEntry } from './workerEntry';

/** What the pool logs through: main/log/logger.ts's Logger is one; the store server passes none. */
export interface PoolLogger {
  warn(event: string, fields: { readonly [key: string]: string | number | null }): void;
}

const silent: PoolLogger = { warn: () => undefined };

export interface WorkerPoolOptions {
  readonly entry: WorkerEntry;
  /** How many workers at most (default: one fewer than the cores, at least 1 and at most 4: 1 on a 2-core till). */
  readonly size?: number;
  /** Where a worker that died is reported (with its jobs in flight, or with an uncaught error). */
  readonly logger?: PoolLogger;
  /** The threads' name prefix, seen in profiles and Node's diagnostics (default "worker"). */
  readonly name?: string;
  /**
   * Each worker runs below normal CPU priority, so the thread that answers people wins a busy core over it
   * (threadPriority.ts: Linux only). The till's workers are; the store server's checks are its main work.
   */
  readonly background?: boolean;
  /** Called with each worker as it is created (the store server's tests end one mid-push). */
  readonly onWorker?: (worker: Worker) => void;
}

export interface RunOptions {
  /** Buffers of the input to move to the worker instead of copying (they are unusable here afterwards). */
  readonly transfer?: readonly ArrayBuffer[];
  /** Longest the job may take; past it the worker is stopped and replaced. Default 60 s. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * How long a worker asked to stop has to end itself before it is terminated (workerProtocol.ts, STOP). A task's
 * longest step without an await is tens of milliseconds (a page of an export, a receipt's raster); a worker that
 * takes longer is stuck in a loop, and terminating it is the only way left.
 */
const STOP_GRACE_MS = 2_000;

interface Pending {
  readonly task: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

interface Slot {
  readonly worker: Worker;
  readonly jobs: Map<number, Pending>;
  /** Settles when the worker's module has loaded and serves jobs (serveTasks.ts), or fails when it ends first. */
  readonly online: Promise<void>;
  /** Why it stopped, when it was stopped on purpose (a job past its time). */
  stopReason: string | null;
  lastError: Error | null;
  /** Settles with the exit code once the thread has ended. */
  readonly exited: Promise<number>;
  /** Whether it has been asked to stop. */
  stopping: boolean;
}

export function defaultPoolSize(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

export class WorkerPool<T extends TaskTable> {
  private readonly slots: (Slot | null)[];
  private readonly log: PoolLogger;
  private lastId = 0;
  private closed = false;
  private closing: Promise<void> | null = null;
  /** Threads asked to stop that have not ended yet. */
  private readonly ending = new Set<Promise<void>>();
  private started = 0;

  constructor(private readonly options: WorkerPoolOptions) {
    const size = options.size ?? defaultPoolSize();
    if (!Number.isInteger(size) || size < 1) throw new Error(`WorkerPool: size must be a whole number of at least 1, got ${size}`);
    this.slots = Array.from({ length: size }, () => null);
    this.log = options.logger ?? silent;
  }

  /** Workers started so far, replacements included (tests and the soak read it). */
  get workersStarted(): number {
    return this.started;
  }

  /** Start every worker now and wait until each runs, so the first job does not pay for it. */
  async warmUp(): Promise<void> {
    if (this.closed) throw new DukkanError('worker.closed', { task: 'start' });
    await Promise.all(
      this.slots.map(async (_, i) => {
        let slot: Slot;
        try {
          slot = this.slotAt(i);
        } catch (e) {
          throw new DukkanError('worker.died', { task: 'start', detail: (e as Error).message });
        }
        await slot.online;
      }),
    );
  }

  run<K extends keyof T & string>(task: K, input: TaskInput<T[K]>, options: RunOptions = {}): Promise<TaskOutput<T[K]>> {
    if (this.closed) return Promise.reject(new DukkanError('worker.closed', { task }));
    let slot: Slot;
    try {
      slot = this.slotAt(this.leastBusy());
    } catch (e) {
      // the Worker could not even be created (its file refused at once): this job fails, the next one tries again
      return Promise.reject(new DukkanError('worker.died', { task, detail: (e as Error).message }));
    }
    const id = ++this.lastId;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise<TaskOutput<T[K]>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.settle(slot, id)?.reject(new DukkanError('worker.timeout', { task, ms: timeoutMs }));
        slot.stopReason = `stopped after "${task}" ran past ${timeoutMs} ms`;
        this.stop(slot);
      }, timeoutMs);
      slot.jobs.set(id, { task, resolve: resolve as (value: unknown) => void, reject, timer });
      slot.worker.ref(); // a job in flight keeps the process alive, as any pending I/O does
      try {
        slot.worker.postMessage({ id, task, input }, [...(options.transfer ?? [])]);
      } catch (e) {
        // an input that cannot be cloned: the caller's bug, raised with its own stack
        this.settle(slot, id)?.reject(e as Error);
      }
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

  /**
   * Fails what is queued or running with worker.closed and stops every worker; settles once every thread it started
   * has ended (those stopped earlier included), however often it is called.
   */
  close(): Promise<void> {
    return (this.closing ??= this.closeNow());
  }

  private async closeNow(): Promise<void> {
    this.closed = true;
    const stopping: Promise<void>[] = [...this.ending];
    for (const [i, slot] of this.slots.entries()) {
      if (!slot) continue;
      this.slots[i] = null;
      for (const id of [...slot.jobs.keys()]) {
        const job = this.settle(slot, id)!;
        job.reject(new DukkanError('worker.closed', { task: job.task }));
      }
      slot.stopReason = 'closed';
      stopping.push(this.stopThread(slot));
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

  /** A new worker in slot `index`; throws when Node refuses to create it at all. */
  private spawn(index: number): Slot {
    const start = workerStart(this.options.entry);
    const workerData = this.options.background ? { ...start.workerData, background: true } : start.workerData;
    const worker = new Worker(start.file, { name: `${this.options.name ?? 'worker'}-${index}`, workerData });
    this.started++;
    worker.unref(); // idle until its first job
    let ready: () => void = () => undefined;
    let failed: (e: Error) => void = () => undefined;
    const online = new Promise<void>((resolve, reject) => {
      ready = resolve; // the worker's module loaded and serves jobs (serveTasks.ts)
      failed = reject;
    });
    online.catch(() => undefined); // also told to the jobs sent to it
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    const slot: Slot = { worker, jobs: new Map(), online, stopReason: null, lastError: null, exited, stopping: false };
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
    // a worker that ends before it runs (its file missing or broken) fails warmUp() rather than leaving it waiting
    worker.once('exit', (code) => {
      this.ended(index, slot, code);
      failed(new DukkanError('worker.died', { task: 'start', detail: slot.lastError?.message ?? `exit code ${code}` }));
    });
    this.options.onWorker?.(worker);
    return slot;
  }

  /** Stops a worker as if it had died: its jobs in flight fail now, not when (or if) the thread reaches the request. */
  private stop(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = null; // the next job starts a new worker at once
    this.failJobs(index, slot, slot.stopReason ?? 'stopped');
    void this.stopThread(slot);
  }

  /** Asks the worker to end itself, and terminates it if it has not within STOP_GRACE_MS; settles once it has ended. */
  private stopThread(slot: Slot): Promise<void> {
    if (slot.stopping) return slot.exited.then(() => undefined);
    slot.stopping = true;
    slot.worker.ref(); // until it has ended: a process that exits meanwhile would end the thread anywhere
    slot.worker.postMessage(STOP);
    const grace = setTimeout(() => void slot.worker.terminate(), STOP_GRACE_MS);
    const ended = slot.exited.then(() => {
      clearTimeout(grace);
      this.ending.delete(ended);
    });
    this.ending.add(ended);
    return ended;
  }

  /** The worker ended: its jobs fail, and the next job starts a new one. */
  private ended(index: number, slot: Slot, code: number): void {
    if (this.slots[index] === slot) this.slots[index] = null;
    if (slot.stopReason === 'closed') return;
    this.failJobs(index, slot, slot.stopReason ?? (slot.lastError ? `${slot.lastError.name}: ${slot.lastError.message}` : `exit code ${code}`));
  }

  /** Fails the jobs of a worker that died or was stopped with worker.died, and logs it when that cost a job or erred. */
  private failJobs(index: number, slot: Slot, detail: string): void {
    if (slot.jobs.size > 0 || slot.lastError) {
      const error = slot.lastError;
      this.log.warn('worker.died', { worker: index, detail, jobs: slot.jobs.size, errorName: error?.name ?? null, errorMessage: error?.message ?? null });
    }
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
    if (slot.jobs.size === 0) slot.worker.unref();
    return job;
  }
}
