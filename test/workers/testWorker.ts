// SPDX-License-Identifier: UNLICENSED
// A worker for test/workers/workerPool.test.ts and test/workers/zlibStopProbe.ts: tasks that answer, refuse, have
// bugs, die, hang and use zlib, served by the product's own serveTasks (runtime/workers/serveTasks.ts).
import { getPriority, setPriority } from 'node:os';
import { threadId } from 'node:worker_threads';
import { createDeflateRaw } from 'node:zlib';
import { DukkanError } from '../../app/errors/index';
import { serveTasks } from '../../runtime/workers/serveTasks';
import { runThisThreadInBackground } from '../../runtime/workers/threadPriority';
import type { TestTasks } from './testTasks';

serveTasks<TestTasks>({
  echo: async () => (input) => ({ input, threadId }),
  reverse: async () => (input) => {
    const out = new Uint8Array(input.bytes.length);
    for (let i = 0; i < out.length; i++) out[i] = input.bytes[out.length - 1 - i]!;
    return { bytes: out, receivedLength: input.bytes.byteLength };
  },
  refuse: async () => () => {
    throw new DukkanError('worker.closed', { task: 'a refusal made in the worker' }, { field: 'lines.0.quantity' });
  },
  bug: async () => () => {
    throw new TypeError('a bug in the worker');
  },
  exit: async () => (input) => process.exit(input.code),
  throwLater: async () => () => {
    setTimeout(() => {
      throw new RangeError('thrown outside any job');
    }, 5);
    return new Promise<never>(() => undefined);
  },
  spin: async () => (input) => {
    const until = Date.now() + input.ms;
    while (Date.now() < until);
    return threadId;
  },
  // the thread's own nice value (getpriority with who = 0: the calling thread on Linux)
  priority: async () => () => getPriority(),
  // a thread already lower than background asks again: it must not be raised
  backgroundAgain: async () => (input) => {
    setPriority(input.nice);
    return { lowered: runThisThreadInBackground(), nice: getPriority() };
  },
  // zlib streams made and closed without end, a turn of the event loop between each 50: as an export's deflate
  // steps, but dense enough that a thread ended at a random moment is often ended inside one's creation
  zlibLoop: async () => async () => {
    for (;;) {
      for (let i = 0; i < 50; i++) createDeflateRaw().close();
      await new Promise((r) => setImmediate(r));
    }
  },
});
