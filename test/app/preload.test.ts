// SPDX-License-Identifier: UNLICENSED
// The preload exposes exactly the contract on window.dukkan: one function per method, each sending its one argument
// on that method's own `pos:` channel, plus onEvent — and nothing else (no ipcRenderer, no send, no channel names).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_PREFIX, EVENT_CHANNEL, METHOD_NAMES } from '../../app/contract/methodNames';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (channel: string, input: unknown) => ({ channel, input }));
const listeners = new Map<string, ((...a: unknown[]) => void)[]>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke,
    on: (c: string, l: (...a: unknown[]) => void) => listeners.set(c, [...(listeners.get(c) ?? []), l]),
    removeListener: (c: string, l: (...a: unknown[]) => void) =>
      listeners.set(
        c,
        (listeners.get(c) ?? []).filter((x) => x !== l),
      ),
  },
}));

describe('preload', () => {
  beforeAll(async () => {
    await import('../../main/preload/preload');
  });

  it('exposes one frozen object, window.dukkan, with exactly the contract methods and onEvent', () => {
    expect(Object.keys(exposed)).toEqual(['dukkan']);
    const api = exposed.dukkan as Record<string, unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    for (const v of Object.values(api)) expect(typeof v).toBe('function');
  });

  it('sends each method on its own channel with exactly one argument', async () => {
    const api = exposed.dukkan as Record<string, (...a: unknown[]) => Promise<unknown>>;
    await api['sale.complete']!({ a: 1 }, 'ignored extra');
    expect(invoke).toHaveBeenLastCalledWith(`${CHANNEL_PREFIX}sale.complete`, { a: 1 });
    for (const m of METHOD_NAMES) {
      await api[m]!({});
      expect(invoke).toHaveBeenLastCalledWith(`${CHANNEL_PREFIX}${m}`, {});
    }
  });

  it('delivers events to a listener until it unsubscribes, without handing out the IPC event', () => {
    const api = exposed.dukkan as { onEvent(l: (e: unknown) => void): () => void };
    const got: unknown[] = [];
    const off = api.onEvent((...args) => got.push(args));
    for (const l of listeners.get(EVENT_CHANNEL) ?? []) l({ sender: 'ipc internals' }, { type: 'mode-changed' });
    expect(got).toEqual([[{ type: 'mode-changed' }]]);
    off();
    expect(listeners.get(EVENT_CHANNEL)).toEqual([]);
    expect(() => api.onEvent('not a function' as never)).toThrow(TypeError);
  });
});
