// SPDX-License-Identifier: UNLICENSED
// The whole renderer mounted in the light DOM (happy-dom) of a mounted test against a fake main, and the waits such a
// test needs: screens load in effects, which Preact runs after the paint (a timer, not a microtask), so a test waits
// for what it expects to see, with a deadline that names it. Never bundled: nothing the app imports reaches this file.
import { render } from 'preact';
import type { SessionInfo } from '../../../app/contract/types';
import { startApp } from '../app';
import type { AppStore } from '../state/appStore';
import { fakeApi, fakeConnection, session, settle, type FakeApi } from './fakes';

export type Handlers = Parameters<typeof fakeApi>[0];

export interface MountedApp {
  readonly app: AppStore;
  readonly fake: FakeApi;
  readonly root: HTMLElement;
  readonly connection: ReturnType<typeof fakeConnection>;
  /** The first element `selector` finds in the mounted app. */
  $<T extends Element = HTMLElement>(selector: string): T | null;
}

const mounted = new Set<HTMLElement>();

/**
 * The app started against a fake main answering `handlers`, over what every screen asks on start: the session
 * (`start` changes it), a status strip that never answers, no quick keys, no idle lock, and an open cart kept
 * (main keeps it across a reload). `handlers` win.
 */
export async function mountApp(start: Partial<SessionInfo>, handlers: Handlers = {}): Promise<MountedApp> {
  const fake = fakeApi({
    'session.get': () => session(start),
    'status.get': () => new Promise(() => undefined),
    'quickKeys.get': () => [],
    'lock.settings': () => ({ seconds: 0 }),
    'cart.save': () => null,
    ...handlers,
  });
  const connection = fakeConnection(fake.api);
  const root = document.createElement('div');
  document.body.append(root);
  mounted.add(root);
  const app = await startApp(connection, root);
  await settle(20);
  return { app, fake, root, connection, $: <T extends Element>(selector: string) => root.querySelector<T>(selector) };
}

/** Unmounts every app `mountApp` mounted (an `afterEach` of each mounted test: the unit tier shares one DOM module). */
export function unmountApps(): void {
  for (const root of mounted) {
    render(null, root);
    root.remove();
  }
  mounted.clear();
}

/** Waits until `check` holds (then lets promises settle), or fails naming `what` after `ms`. */
export async function until(what: string, check: () => boolean, ms = 3000): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > ms) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await settle(20);
}

/** The manager screen's tab `tab` opened, once `loaded` says its content has arrived. */
export async function openManagerTab(mountedApp: MountedApp, tab: string, loaded: () => boolean): Promise<void> {
  mountedApp.app.go('manager');
  await settle(20);
  const button = await tabButton(mountedApp, tab);
  button.click();
  await until(`the manager's ${tab} tab loaded`, loaded);
}

async function tabButton({ $ }: MountedApp, tab: string): Promise<HTMLButtonElement> {
  await until(`the manager's ${tab} tab button`, () => $(`[data-test=tab-${tab}]`) !== null);
  return $<HTMLButtonElement>(`[data-test=tab-${tab}]`)!;
}
