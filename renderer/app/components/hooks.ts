// SPDX-License-Identifier: UNLICENSED
// How components reach the app store: through Preact context, never through a module variable.
import { createContext } from 'preact';
import { useSignal } from '@preact/signals';
import { useContext, useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { AppEvent } from '../../../app/contract/events';
import type { Translator } from '../i18n';
import type { AppStore, KeyHandler } from '../state/appStore';
import type { FocusRequests } from '../state/focus';

export const AppContext = createContext<AppStore | null>(null);

export function useApp(): AppStore {
  const app = useContext(AppContext);
  if (!app) throw new Error('a component of the app is rendered outside <App>');
  return app;
}

/** The words of the app's language; the component renders again when it changes. */
export function useI18n(): Translator {
  return useApp().i18n.value;
}

/** The shown screen's keys, for as long as it is mounted (the app's own keys come first). */
export function useScreenKeys(handler: KeyHandler): void {
  const app = useApp();
  const latest = useRef(handler);
  latest.current = handler;
  useLayoutEffect(() => app.registerKeys((press) => latest.current(press)), [app]);
}

/** Main's events, for as long as the component is mounted. */
export function useAppEvents(listener: (event: AppEvent) => void): void {
  const app = useApp();
  const latest = useRef(listener);
  latest.current = listener;
  useLayoutEffect(() => app.listen((event) => latest.current(event)), [app]);
}

/** Moves the keyboard where the store asks, once the DOM shows what came with the request. */
export function useFocusRequests<T extends string>(focus: FocusRequests<T>, elementOf: (target: T) => HTMLElement | null | undefined): void {
  const request = focus.request.value;
  useLayoutEffect(() => {
    if (!request) return;
    const el = elementOf(request.target);
    el?.focus();
    if (request.select && el && 'select' in el && typeof el.select === 'function') (el as HTMLInputElement).select();
  }, [request]);
}

/** Data from main, loaded when the component mounts and again by reload(); a refused call shows as a toast. */
export function useLoaded<T>(fetch: () => Promise<T>): { readonly value: T | null; reload(): Promise<void> } {
  const app = useApp();
  const data = useSignal<T | null>(null);
  const latest = useRef(fetch);
  latest.current = fetch;
  const reload = useRef(async () => {
    const value = await app.attempt(() => latest.current());
    if (value !== undefined) data.value = value;
  }).current;
  useEffect(() => void reload(), []);
  return { value: data.value, reload };
}

/** The item whose form is open (null: a new one); each opening builds the form anew. */
export function useEditing<T>(): { readonly current: { readonly item: T | null; readonly n: number } | null; open(item: T | null): void; close(): void } {
  const editing = useSignal<{ readonly item: T | null; readonly n: number } | null>(null);
  return {
    current: editing.value,
    open: (item) => (editing.value = { item, n: (editing.peek()?.n ?? 0) + 1 }),
    close: () => (editing.value = null),
  };
}

/** Saving an edit form: "Saved" and onSaved() when main takes it, main's reason in `error` when it refuses. */
export function useSave(save: () => Promise<unknown>, onSaved: () => void): { readonly error: string; submit(): Promise<void> } {
  const app = useApp();
  const error = useSignal('');
  return {
    error: error.value,
    async submit() {
      try {
        await save();
        app.toast(app.tr.t('saved'), 'ok');
        onSaved();
      } catch (e) {
        error.value = app.errorText(e);
      }
    },
  };
}
