// SPDX-License-Identifier: UNLICENSED
// Bundled by test/workers/stopDuringZlib.test.ts with test/workers/testWorker.ts as its worker (test-worker.mjs beside
// it) and run as a plain Node process: stops a worker busy making zlib streams, `cycles` times at random moments,
// through the pool's own stop (recycle, and close at the end). Node 20 aborts the whole process when a thread is
// terminated inside a stream's creation (runtime/workers/workerProtocol.ts, STOP); this process must live through
// every stop. Prints each thread's exit code as one JSON line: 0 when it ended itself, 1 when it was terminated.
import { WorkerPool } from '../../runtime/workers/workerPool';
import type { TestTasks } from './testTasks';

const cycles = Number(process.argv[2] ?? '20');
const exits: Promise<number>[] = [];
const pool = new WorkerPool<TestTasks>({
  entry: { file: new URL('./test-worker.mjs', import.meta.url) },
  size: 1,
  onWorker: (worker) => exits.push(new Promise((resolve) => worker.once('exit', resolve))),
});
for (let i = 0; i < cycles; i++) {
  await pool.warmUp();
  pool.run('zlibLoop', null).catch(() => undefined); // fails with worker.died when stopped: expected here
  await new Promise((r) => setTimeout(r, Math.random() * 20));
  if (i === cycles - 1) await pool.close();
  else pool.recycle('stopped by the probe');
  await exits.at(-1);
}
console.log(JSON.stringify({ exitCodes: await Promise.all(exits) }));
