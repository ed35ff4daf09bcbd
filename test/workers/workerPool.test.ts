// SPDX-License-Identifier: UNLICENSED
// The worker pool of the till and the store server (runtime/workers/workerPool.ts) on real threads started from the
// TypeScript entry (through runtime/workers/workerBoot.mjs, as tests and development run): answers by id, bytes
// transferred not copied, the house's errors carried back, a worker that dies or hangs fails its job and is
// replaced, and the pool shuts down cleanly.
import { afterEach, describe, expect, it } from 'vitest';
import { DukkanError } from '../../app/errors/index';
import { memoryLogSink, createLogger } from '../../main/log/logger';
import { WorkerPool } from '../../runtime/workers/workerPool';
import { WorkerTaskBug } from '../../runtime/workers/workerProtocol';
import type { TestTasks } from './testTasks';
import { refusal } from './refusal';

const entry = { file: new URL('./testWorker.ts', import.meta.url) };
const pools: WorkerPool<TestTasks>[] = [];
const pool = (size = 1, logger?: ReturnType<typeof createLogger>) => {
  const p = new WorkerPool<TestTasks>({ entry, size, ...(logger ? { logger } : {}) });
  pools.push(p);
  return p;
};

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('WorkerPool', () => {
  it('answers each job by id in a thread of its own, jobs sent together included', async () => {
    const p = pool();
    const answers = await Promise.all([1, 2, 3].map((n) => p.run('echo', { text: `job ${n}`, n })));
    expect(answers.map((a) => a.input)).toEqual([1, 2, 3].map((n) => ({ text: `job ${n}`, n })));
    expect(new Set(answers.map((a) => a.threadId)).size).toBe(1);
    expect(answers[0]!.threadId).not.toBe(0); // 0 is the main thread
  });

  it('moves bytes to the worker and back without copying them', async () => {
    const p = pool();
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => i % 251);
    const expected = bytes.slice().reverse();
    const out = await p.run('reverse', { bytes }, { transfer: [bytes.buffer] });
    expect(bytes.byteLength).toBe(0); // transferred: detached here
    expect(out.receivedLength).toBe(100_000);
    expect(out.bytes).toEqual(expected);
    expect(out.bytes.buffer.byteLength).toBe(100_000); // the worker's own buffer, transferred back whole
  });

  it('carries a DukkanError back with its code, parameters and field, and a bug as a bug with the worker stack', async () => {
    const p = pool();
    const refused = await refusal(p.run('refuse', null));
    expect(refused.code).toBe('worker.closed');
    expect(refused.params).toEqual({ task: 'a refusal made in the worker' });
    expect(refused.field).toBe('lines.0.quantity');
    expect(refused.text('ar')).toContain('a refusal made in the worker');
    const bug = await p.run('bug', null).catch((e: unknown) => e);
    expect(bug).toBeInstanceOf(WorkerTaskBug);
    expect(bug).not.toBeInstanceOf(DukkanError);
    expect((bug as Error).message).toBe('bug: TypeError: a bug in the worker');
    expect((bug as Error).stack).toMatch(/in the worker thread: TypeError: a bug in the worker\n\s+at /);
    // neither failure cost the worker
    expect(p.workersStarted).toBe(1);
    expect((await p.run('echo', { text: 'still here', n: 0 })).input.text).toBe('still here');
  });

  it('a worker that dies mid-job fails that job clearly, logs it, and the next job runs on a new worker', async () => {
    const sink = memoryLogSink();
    const p = pool(1, createLogger({ sink: sink.sink }));
    const first = await p.run('echo', { text: 'before', n: 0 });
    const died = await refusal(p.run('exit', { code: 7 }));
    expect(died.code).toBe('worker.died');
    expect(died.params).toEqual({ task: 'exit', detail: 'exit code 7' });
    const after = await p.run('echo', { text: 'after', n: 1 });
    expect(after.input.text).toBe('after');
    expect(after.threadId).not.toBe(first.threadId);
    expect(p.workersStarted).toBe(2);
    expect(sink.records.some((r) => r.event === 'worker.died' && r.fields.detail === 'exit code 7')).toBe(true);
  });

  it('an exception outside any job ends the worker: its jobs in flight fail naming it', async () => {
    const p = pool();
    const hanging = p.run('throwLater', null);
    const alongside = p.run('spin', { ms: 30 }).catch((e: unknown) => e);
    const died = await refusal(hanging);
    expect(died.code).toBe('worker.died');
    expect(died.params.detail).toBe('RangeError: thrown outside any job');
    // the job queued behind it on the same worker either finished first or failed the same way; it never hangs
    const other = await alongside;
    expect(typeof other === 'number' || (other instanceof DukkanError && other.code === 'worker.died')).toBe(true);
    expect(typeof (await p.run('spin', { ms: 1 }))).toBe('number');
  });

  it('a job past its time limit fails, its worker is stopped, and the next job works', async () => {
    const p = pool();
    const started = Date.now();
    const timedOut = await refusal(p.run('spin', { ms: 5_000 }, { timeoutMs: 200 }));
    expect(timedOut.code).toBe('worker.timeout');
    expect(timedOut.params).toEqual({ task: 'spin', ms: 200 });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(await p.run('echo', { text: 'next', n: 2 })).toMatchObject({ input: { text: 'next' } });
    expect(p.workersStarted).toBe(2);
  });

  it('spreads jobs over its workers, the least busy first', async () => {
    const p = pool(2);
    await p.warmUp();
    expect(p.workersStarted).toBe(2);
    const threads = await Promise.all([p.run('spin', { ms: 200 }), p.run('spin', { ms: 200 })]);
    expect(new Set(threads).size).toBe(2);
  });

  it('close fails the jobs in flight with worker.closed, stops the workers, and refuses later jobs', async () => {
    const p = pool();
    const running = p.run('spin', { ms: 2_000 }).catch((e: unknown) => Promise.reject(e as Error));
    running.catch(() => undefined); // awaited below, after close()
    await new Promise((r) => setTimeout(r, 50));
    await p.close();
    expect((await refusal(running)).code).toBe('worker.closed');
    const later = await refusal(p.run('echo', { text: 'too late', n: 3 }));
    expect(later.code).toBe('worker.closed');
    expect(later.text('en')).toBe('"echo" was not run: the app is closing.');
  });

  it('close asks a worker to end itself, and terminates one stuck in a loop of its own', async () => {
    const exits: Promise<number>[] = [];
    const p = new WorkerPool<TestTasks>({ entry, size: 2, onWorker: (w) => exits.push(new Promise((r) => w.once('exit', r))) });
    pools.push(p);
    await p.warmUp();
    const stuck = refusal(p.run('spin', { ms: 30_000 }));
    await new Promise((r) => setTimeout(r, 50));
    await p.close();
    expect((await stuck).code).toBe('worker.closed');
    // the idle worker ended itself (0); the spinning one never read the request and was terminated (1)
    expect((await Promise.all(exits)).sort()).toEqual([0, 1]);
  });

  it('a worker whose module is missing fails warmUp and each job, never hangs', async () => {
    const p = new WorkerPool<TestTasks>({ entry: { file: new URL('./noSuchWorker.mjs', import.meta.url) }, size: 1 });
    pools.push(p);
    expect((await refusal(p.warmUp())).code).toBe('worker.died');
    expect((await refusal(p.run('echo', { text: 'x', n: 0 }))).code).toBe('worker.died');
  });
});
