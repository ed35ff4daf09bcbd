// SPDX-License-Identifier: UNLICENSED
// The whole preload (sandboxed; bundled to one CommonJS file by scripts/buildElectron.mjs): window.dukkan gets one
// function per contract method, each sending its one argument on that method's `pos:` channel, and a subscription
// to main's events. The renderer never sees ipcRenderer, other channels, or anything of Node.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DukkanBridge } from '../../app/contract/api';
import type { AppEvent } from '../../app/contract/events';
import { BRIDGE_GLOBAL, CHANNEL_PREFIX, EVENT_CHANNEL, METHOD_NAMES } from '../../app/contract/methodNames';

const methods = Object.fromEntries(METHOD_NAMES.map((method) => [method, (input: unknown) => ipcRenderer.invoke(`${CHANNEL_PREFIX}${method}`, input)]));

const bridge = {
  ...methods,
  onEvent(listener: (event: AppEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvent: listener must be a function');
    const handler = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
} as unknown as DukkanBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(bridge));
