// SPDX-License-Identifier: UNLICENSED
// Background worker threads (runtime/workers/threadPriority.ts): a pool started with `background` runs its threads
// below normal CPU priority and leaves the thread that started it as it was; the till's own pool does so. Read from
// the threads themselves and from the kernel's /proc/self/task, on real threads (Linux).
import { getPriority } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKGROUND_NICE, runThisThreadInBackground } from '../../runtime/workers/threadPriority';
import { WorkerPool } from '../../runtime/workers/workerPool';
import { openDukkanWorkers, type DukkanWorkers } from '../../main/workers/dukkanWorkers';
import type { TestTasks } from './testTasks';

const entry = { file: new URL('./testWorker.ts', import.meta.url) };
const pools: (WorkerPool<TestTasks> | DukkanWorkers)[] = [];
const pool = (background?: boolean) => {
  const p = new WorkerPool<TestTasks>({ entry, size: 1, ...(background === undefined ? {} : { background }) });
  pools.push(p);
  return p;
};

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** The nice value of each thread of this process, as the kernel reports it (/proc/<pid>/task/<tid>/stat field 19). */
function threadNiceValues(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    nice.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return nice;
}

describe.runIf(process.platform === 'linux')('background worker threads', () => {
  it('run below normal priority, and the thread that started them keeps its own', async () => {
    const before = getPriority();
    expect(before).toBeLessThan(BACKGROUND_NICE); // else this test could not tell
    expect(await pool(true).run('priority', null)).toBe(BACKGROUND_NICE);
    expect(getPriority()).toBe(before);
    expect(threadNiceValues().get(process.pid)).toBe(before); // the main thread's tid is the pid
  });

  it('are not lowered unless the pool asks for it', async () => {
    expect(await pool().run('priority', null)).toBe(getPriority());
    expect(await pool(false).run('priority', null)).toBe(getPriority());
  });

  it('are never raised: a thread already lower stays where it is', async () => {
    const p = pool(true);
    expect(await p.run('backgroundAgain', { nice: 15 })).toEqual({ lowered: true, nice: 15 });
  });

  it("the till's pool (receipts, exports) runs its threads in the background", async () => {
    const workers = openDukkanWorkers({ size: 1 });
    pools.push(workers);
    const niceBefore = threadNiceValues();
    await workers.warmUp();
    const started = [...threadNiceValues()].filter(([tid]) => !niceBefore.has(tid));
    // the worker's JavaScript thread, and nothing of this process's own
    expect(started.filter(([, nice]) => nice === BACKGROUND_NICE).length).toBeGreaterThanOrEqual(1);
    expect(threadNiceValues().get(process.pid)).toBe(niceBefore.get(process.pid));
  });
});

describe('runThisThreadInBackground elsewhere than Linux', () => {
  it('changes nothing where the call would lower the whole process', () => {
    const before = getPriority();
    for (const platform of ['win32', 'darwin'] as const) expect(runThisThreadInBackground(platform)).toBe(false);
    expect(getPriority()).toBe(before);
  });
});
