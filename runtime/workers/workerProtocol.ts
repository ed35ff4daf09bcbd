// SPDX-License-Identifier: UNLICENSED
// What crosses between the main thread and a worker thread (workerPool.ts, serveTasks.ts): a job by id, its answer
// by the same id, and a failure carried back as the house's error — a DukkanError keeps its code, parameters, field
// and per-field problems (docs/ARCHITECTURE.md, "Errors"), so a refusal raised in a worker reads (on the till's
// screen, in the store server's answer) as if the asking thread had raised it; anything else stays a bug, with the
// worker's stack. Bytes cross as transferred ArrayBuffers, not copies.
import { DukkanError, type ErrorCode, type ErrorParams, type FieldProblem } from '../../app/errors/index';

/** A worker's tasks by name: each takes one structured-clonable input and gives one output (or a promise of it). */
export type TaskTable = { readonly [task: string]: (input: never) => unknown };
export type TaskInput<F> = F extends (input: infer I) => unknown ? I : never;
export type TaskOutput<F> = F extends (input: never) => infer O ? Awaited<O> : never;

export interface JobRequest {
  readonly id: number;
  readonly task: string;
  readonly input: unknown;
}

/** What a worker says once its module has loaded and it serves jobs. */
export const READY = { ready: true } as const;

/**
 * What the pool sends a worker it stops (workerPool.ts): the worker ends itself when its event loop reaches the
 * message, between two steps of its work. Node 20's worker.terminate() can stop a thread between the creation of a
 * node:zlib stream and its initialisation; the thread's teardown then aborts the whole process ("close before
 * init", node_zlib.cc). An export and the printing's PNG decode use zlib in a worker, so a worker is asked first
 * and terminated only when it does not answer (stuck in a loop of its own).
 */
export const STOP = { stop: true } as const;

export type CarriedError =
  | {
      readonly kind: 'dukkan';
      readonly name: string;
      readonly code: ErrorCode;
      readonly params: ErrorParams;
      readonly field: string | undefined;
      readonly problems: readonly FieldProblem[];
      readonly stack: string | undefined;
    }
  | { readonly kind: 'bug'; readonly name: string; readonly message: string; readonly stack: string | undefined };

export type JobReply =
  { readonly id: number; readonly ok: true; readonly output: unknown } | { readonly id: number; readonly ok: false; readonly error: CarriedError };

/** A failure in a worker that was not a DukkanError: a bug, logged with the worker's stack like any other. */
export class WorkerTaskBug extends Error {
  override readonly name = 'WorkerTaskBug';
  constructor(task: string, carried: Extract<CarriedError, { kind: 'bug' }>) {
    super(`${task}: ${carried.name}: ${carried.message}`);
    if (carried.stack) this.stack = `${this.name}: ${this.message}\n  in the worker thread: ${carried.stack}`;
  }
}

export function carryError(e: unknown): CarriedError {
  if (e instanceof DukkanError) return { kind: 'dukkan', name: e.name, code: e.code, params: e.params, field: e.field, problems: e.problems, stack: e.stack };
  if (e instanceof Error) return { kind: 'bug', name: e.name, message: e.message, stack: e.stack };
  return { kind: 'bug', name: 'Error', message: String(e), stack: undefined };
}

/**
 * A DukkanError raised in a worker, again on this side: the same code, parameters, field and problems. A subclass
 * (PrintError, RasterizeError…) comes back as this, a DukkanError with the same code and name; its caller turns the
 * code into its own type where it needs one. The code was written literally where the worker raised it.
 */
export class WorkerRaisedError extends DukkanError {
  override readonly name: string;
  constructor(carried: Extract<CarriedError, { kind: 'dukkan' }>) {
    super(carried.code, carried.params, { ...(carried.field !== undefined ? { field: carried.field } : {}), problems: carried.problems });
    this.name = carried.name;
    if (carried.stack) this.stack = `${this.stack ?? ''}\n  raised in the worker thread: ${carried.stack}`;
  }
}

export function reviveError(carried: CarriedError, task: string): Error {
  return carried.kind === 'bug' ? new WorkerTaskBug(task, carried) : new WorkerRaisedError(carried);
}

/**
 * The ArrayBuffers to transfer with `value`: those of its typed arrays (at the top or up to three levels into plain
 * objects and arrays) that view their whole buffer. A view of part of a buffer (a Buffer from Node's shared pool) is
 * copied instead: transferring it would take the rest of the buffer from its other owners.
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number): void => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) found.add(v.buffer);
    } else if (depth < 3 && v !== null && typeof v === 'object') {
      for (const item of Array.isArray(v) ? v : Object.values(v)) visit(item, depth + 1);
    }
  };
  visit(value, 0);
  return [...found];
}
