// SPDX-License-Identifier: UNLICENSED
// The app behind a transport that starts before it. Both shells start their transport first and open the composition
// root (main/app/openApp) meanwhile: browser mode serves the page while the app's module graph loads and opens, the
// desktop app creates its window while the services open, so Chromium's renderer and the page's first parse overlap
// the opening (BENCHMARKS.md, "Startup"). The transports hold each call until `opened` settles (browser mode's
// server, main/ipc/validatedIpc.ts); the dispatcher, sessions and events below are reached only after that.
import type { AppEvent } from '../../app/contract/events';
import type { Dispatcher } from '../ipc/dispatcher';
import type { ClientSession } from '../users/sessions';
import type { DukkanApp } from './openApp';

export interface LateApp {
  /** True once the app is open, false if it failed (or the shell is closing before it opened); never rejects. */
  readonly opened: Promise<boolean>;
  /** The app once open; rejects when the start failed (a handled rejection: nothing is logged twice). */
  readonly app: Promise<DukkanApp>;
  readonly dispatcher: Dispatcher;
  readonly sessions: { get(clientId: string): ClientSession };
  subscribe(listener: (event: AppEvent) => void): () => void;
  open(app: DukkanApp): void;
  fail(reason: unknown): void;
}

export function lateApp(): LateApp {
  let current: DukkanApp | undefined;
  let settle!: { resolve: (app: DukkanApp) => void; reject: (reason: unknown) => void };
  const app = new Promise<DukkanApp>((resolve, reject) => (settle = { resolve, reject }));
  app.catch(() => undefined);
  const opened = app.then(
    () => true,
    () => false,
  );
  const get = (): DukkanApp => {
    // a transport that skipped its wait: a bug, said as such rather than a TypeError somewhere inside
    if (!current) throw new Error('the app is not open yet: the transport must wait for `opened`');
    return current;
  };
  return {
    opened,
    app,
    dispatcher: { call: (method, input, session) => get().dispatcher.call(method, input, session) },
    sessions: { get: (clientId) => get().sessions.get(clientId) },
    subscribe: (listener) => get().subscribe(listener),
    open(a) {
      current = a;
      settle.resolve(a);
    },
    fail: (reason) => settle.reject(reason),
  };
}
