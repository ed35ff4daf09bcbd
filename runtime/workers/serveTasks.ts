// SPDX-License-Identifier: UNLICENSED
// The worker thread's side of the pool (workerPool.ts): answers each job with its task's output, or with the error
// it raised carried back (workerProtocol.ts). A task's module is loaded at its first job, so a worker starts fast and
// holds only the code it has been asked to run.
import { parentPort, workerData } from 'node:worker_threads';
import { runThisThreadInBackground } from './threadPriority';
import { carryError, READY, transferablesOf, type JobReply, type JobRequest, type STOP, type TaskTable } from './workerProtocol';

/** Per task, how to load its function (a dynamic import: each is its own chunk in the bundles). */
export type TaskLoaders<T extends TaskTable> = { readonly [K in keyof T]: () => Promise<T[K]> };

export function serveTasks<T extends TaskTable>(loaders: TaskLoaders<T>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks: this module runs in a worker thread (runtime/workers/workerPool.ts starts it)');
  const loaded = new Map<string, Promise<(input: unknown) => unknown>>();
  const load = (task: string): Promise<(input: unknown) => unknown> => {
    const loader = Object.hasOwn(loaders, task) ? loaders[task as keyof T] : undefined;
    if (!loader) return Promise.reject(new Error(`this worker has no task "${task}"`));
    let fn = loaded.get(task);
    if (!fn) loaded.set(task, (fn = loader() as unknown as Promise<(input: unknown) => unknown>));
    return fn;
  };
  // a pool of background workers (workerPool.ts, `background`) gives way to the thread that started it
  if ((workerData as { background?: boolean } | undefined)?.background === true) runThisThreadInBackground();
  port.on('message', (request: JobRequest | typeof STOP) => {
    // asked to stop: end here, where no job's step is half done (workerProtocol.ts, STOP); jobs in flight are
    // abandoned, and the pool has already failed them or fails them when this thread's exit reaches it
    if (!('id' in request)) process.exit(0);
    void (async () => {
      try {
        const output = await (await load(request.task))(request.input);
        const reply: JobReply = { id: request.id, ok: true, output };
        port.postMessage(reply, transferablesOf(output));
      } catch (e) {
        const reply: JobReply = { id: request.id, ok: false, error: carryError(e) };
        port.postMessage(reply);
      }
    })();
  });
  port.postMessage(READY);
}
