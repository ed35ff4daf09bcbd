// SPDX-License-Identifier: UNLICENSED
// A stand-in for the `electron` module, so the built Electron bundles (dist/app/electron/main.cjs → app.mjs) run in
// plain Node: it records what the shell asks of Electron (scheme privileges, protocol handler, session lockdown,
// IPC handlers, windows, menus, dialogs, network requests) and lets the test drive it (IPC calls, app:// requests,
// window and app events, quitting). Loaded in place of the real module by NODE_PATH (require) and by hooks.mjs
// (import). Where Electron's behaviour matters to the shell it is copied, not simplified:
// - app.quit(): `before-quit` (preventable), then every window closes, then `will-quit` and `quit`; no
//   `window-all-closed` on the way. app.exit(): no events at all.
// - `window-all-closed` fires when the last window of any kind closes — hidden ones count.
// - net.request(): Electron's ClientRequest, here over Node's fetch: with redirect 'manual' a 3xx is a `redirect`
//   event, and the request dies with "Redirect was cancelled" unless followRedirect() is called inside it; errors are
//   `net::ERR_…` messages without a code; abort() after the response ends its body quietly (no 'end', no 'error').
// Environment: FAKE_ELECTRON_USER_DATA (userData), FAKE_ELECTRON_PACKAGED=1 (app.isPackaged),
// FAKE_ELECTRON_NET=hang (requests are sent nowhere and never answer, as behind a stuck proxy).
'use strict';
/* global require, module, process, fetch, AbortController, Buffer, URL -- CommonJS on purpose: the same instance for main.cjs (require) and app.mjs (import) */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { EventEmitter } = require('node:events');

const state = {
  schemes: [],
  protocolHandlers: {},
  ipcHandlers: new Map(),
  windows: [],
  windowsCreated: 0,
  permission: {},
  beforeRequest: null,
  menu: 'default',
  menuTemplates: [],
  dialogs: [],
  partitions: [],
  netRequests: [],
  lockRequested: false,
  ready: false,
  quitting: false,
  quitted: false,
  exitCode: null,
};
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));
const appEvents = new EventEmitter();
/**
 * Test hooks: `onNetRequest(record)` runs inside net.request(), synchronously; `onPartition(name)` inside
 * session.fromPartition(), which the shell calls during start-up, just before it opens the app's services.
 */
const hooks = { onNetRequest: null, onPartition: null };

const preventable = (fields = {}) => {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true), ...fields };
  return event;
};

/** Switches on this process's command line, as app.commandLine sees Chromium's. */
const hasSwitch = (name) => process.argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));

const app = {
  isPackaged: process.env.FAKE_ELECTRON_PACKAGED === '1',
  name: 'Dukkan',
  getVersion: () => '0.0.0-fake',
  commandLine: { hasSwitch },
  requestSingleInstanceLock: () => (state.lockRequested = true),
  whenReady: () => ready,
  isReady: () => state.ready,
  getPath: (name) => {
    if (name !== 'userData') throw new Error(`fake electron: getPath(${name})`);
    return process.env.FAKE_ELECTRON_USER_DATA;
  },
  on: (event, listener) => appEvents.on(event, listener),
  once: (event, listener) => appEvents.once(event, listener),
  quit: () => {
    if (state.quitted || state.exitCode !== null) return;
    const event = preventable();
    appEvents.emit('before-quit', event);
    if (event.defaultPrevented) return;
    state.quitting = true;
    for (const w of [...state.windows]) w.close();
    appEvents.emit('will-quit', preventable());
    state.quitted = true;
    appEvents.emit('quit', preventable(), 0);
  },
  exit: (code) => {
    if (state.exitCode !== null) return;
    state.exitCode = code;
    for (const w of [...state.windows]) w.destroy();
    appEvents.emit('fake:exit', code);
  },
};

let nextId = 1;
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    const id = nextId++;
    this.id = id;
    const contentsEvents = new EventEmitter();
    const mainFrame = { url: 'app://dukkan/index.html' };
    this.visible = false;
    this.destroyed = false;
    this.record = { options, urls: [], openHandler: null, contentsEvents, sent: [] };
    this.webContents = {
      id,
      mainFrame,
      on: (e, l) => contentsEvents.on(e, l),
      once: (e, l) => contentsEvents.once(e, l),
      setWindowOpenHandler: (h) => (this.record.openHandler = h),
      send: (channel, payload) => this.record.sent.push([channel, payload]),
      isDestroyed: () => this.destroyed,
      session: { setPermissionRequestHandler: () => undefined },
    };
    state.windows.push(this);
    state.windowsCreated++;
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.record.urls.push(url);
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  isVisible() {
    return this.visible;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  isDestroyed() {
    return this.destroyed;
  }
  /** As a user closing the window: `close` (preventable), then destroyed. */
  close() {
    if (this.destroyed) return;
    const event = preventable();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    state.windows.splice(state.windows.indexOf(this), 1);
    this.emit('closed');
    if (state.windows.length === 0 && !state.quitting && state.exitCode === null) appEvents.emit('window-all-closed');
  }
  /** Test helper: emits a webContents event with a preventable event object; true when it was prevented. */
  fireContents(name, ...args) {
    const event = preventable();
    this.record.contentsEvents.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

const CHROMIUM_NET_ERRORS = {
  ECONNREFUSED: 'ERR_CONNECTION_REFUSED',
  ENOTFOUND: 'ERR_NAME_NOT_RESOLVED',
  ECONNRESET: 'ERR_CONNECTION_RESET',
  EHOSTUNREACH: 'ERR_ADDRESS_UNREACHABLE',
  ETIMEDOUT: 'ERR_CONNECTION_TIMED_OUT',
};

class ClientRequest extends EventEmitter {
  constructor(options) {
    super();
    if (!state.ready) throw new Error('net module can only be used after app is ready');
    this.options = options;
    this.headers = {};
    this.aborted = false;
    this.controller = new AbortController();
    const record = { method: options.method, url: options.url, redirect: options.redirect, partition: options.session?.partition ?? null };
    state.netRequests.push(record);
    hooks.onNetRequest?.(record);
  }
  setHeader(name, value) {
    this.headers[name] = value;
  }
  end(body) {
    void this.send(body);
    return this;
  }
  abort() {
    if (this.aborted) return;
    this.aborted = true;
    this.controller.abort();
    process.nextTick(() => this.emit('abort'));
  }
  async send(body) {
    if (process.env.FAKE_ELECTRON_NET === 'hang') return;
    const { method = 'GET', url, redirect = 'follow' } = this.options;
    let res;
    try {
      res = await fetch(url, { method, headers: this.headers, body, redirect, signal: this.controller.signal });
    } catch (e) {
      if (!this.aborted) this.emit('error', new Error(`net::${CHROMIUM_NET_ERRORS[e?.cause?.code] ?? 'ERR_FAILED'}`));
      return;
    }
    if (this.aborted) return;
    const headers = {};
    for (const [k, v] of res.headers) headers[k] = v;
    if (redirect === 'manual' && res.status >= 300 && res.status < 400 && res.headers.has('location')) {
      const arrays = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));
      let follow = false;
      this.followRedirect = () => (follow = true);
      this.emit('redirect', res.status, method, new URL(res.headers.get('location'), url).href, arrays);
      this.followRedirect = undefined;
      if (!follow && !this.aborted) this.emit('error', new Error('Redirect was cancelled'));
      return;
    }
    const message = new EventEmitter();
    Object.assign(message, { statusCode: res.status, statusMessage: res.statusText, headers });
    this.emit('response', message);
    try {
      for await (const chunk of res.body ?? []) {
        if (this.aborted) return;
        message.emit('data', Buffer.from(chunk));
      }
      if (!this.aborted) message.emit('end');
    } catch (e) {
      if (!this.aborted) message.emit('error', new Error(`net::${CHROMIUM_NET_ERRORS[e?.cause?.code] ?? 'ERR_FAILED'}`));
    }
  }
}

const partitionSession = (partition) => {
  state.partitions.push(partition);
  hooks.onPartition?.(partition);
  return { partition };
};

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
    fromPartition: partitionSession,
  },
  net: { request: (options) => new ClientRequest(options) },
  Menu: {
    setApplicationMenu: (m) => (state.menu = m),
    buildFromTemplate: (template) => {
      state.menuTemplates.push(template);
      return { template };
    },
  },
  dialog: { showErrorBox: (title, text) => state.dialogs.push({ title, text }) },
  // two screens: the till's (primary) and one turned to the customer, to its right
  screen: {
    getAllDisplays: () => [
      { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } },
      { id: 2, bounds: { x: 1366, y: 0, width: 800, height: 480 } },
    ],
    getPrimaryDisplay: () => ({ id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }),
  },
  __fake: {
    state,
    appEvents,
    hooks,
    ready: () => {
      state.ready = true;
      readyResolve();
    },
  },
};
