// SPDX-License-Identifier: UNLICENSED
// A stand-in for the `electron` module, so the built Electron bundles (dist/electron/main.cjs → app.mjs) run in
// plain Node: it records what the shell asks of Electron (scheme privileges, protocol handler, session lockdown,
// IPC handlers, windows) and lets the test drive it (IPC calls, app:// requests, quitting). Loaded in place of the
// real module by NODE_PATH (require) and by hooks.mjs (import).
'use strict';
/* global require, module, process -- CommonJS on purpose: the same instance for main.cjs (require) and app.mjs (import) */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { EventEmitter } = require('node:events');

const state = { schemes: [], protocolHandlers: {}, ipcHandlers: new Map(), windows: [], permission: {}, beforeRequest: null, menu: 'default', errors: [] };
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));
const appEvents = new EventEmitter();

const app = {
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  whenReady: () => ready,
  getPath: (name) => {
    if (name !== 'userData') throw new Error(`fake electron: getPath(${name})`);
    return process.env.FAKE_ELECTRON_USER_DATA;
  },
  on: (event, listener) => appEvents.on(event, listener),
  quit: () => appEvents.emit('quit'),
  exit: (code) => state.errors.push(`exit ${code}`),
};

let nextId = 1;
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    const id = nextId++;
    const contentsEvents = new EventEmitter();
    const mainFrame = { url: 'app://dukkan/index.html' };
    this.record = { options, urls: [], openHandler: null, contentsEvents, sent: [] };
    this.webContents = {
      id,
      mainFrame,
      on: (e, l) => contentsEvents.on(e, l),
      setWindowOpenHandler: (h) => (this.record.openHandler = h),
      send: (channel, payload) => this.record.sent.push([channel, payload]),
      isDestroyed: () => false,
      session: { setPermissionRequestHandler: () => undefined },
    };
    state.windows.push(this);
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.record.urls.push(url);
    return Promise.resolve();
  }
  show() {}
  isMinimized() {
    return false;
  }
  focus() {}
  isDestroyed() {
    return false;
  }
}

module.exports = {
  app,
  BrowserWindow,
  ipcMain: { handle: (channel, listener) => state.ipcHandlers.set(channel, listener), removeHandler: (channel) => state.ipcHandlers.delete(channel) },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => state.schemes.push(...schemes),
    handle: (scheme, handler) => (state.protocolHandlers[scheme] = handler),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h) => (state.permission.request = h),
      setPermissionCheckHandler: (h) => (state.permission.check = h),
      webRequest: { onBeforeRequest: (filter, listener) => (state.beforeRequest = { filter, listener }) },
    },
  },
  Menu: { setApplicationMenu: (m) => (state.menu = m) },
  dialog: { showErrorBox: (title, text) => state.errors.push(`${title}: ${text}`) },
  __fake: { state, appEvents, ready: () => readyResolve() },
};
