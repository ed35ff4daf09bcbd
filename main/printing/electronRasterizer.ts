// SPDX-License-Identifier: UNLICENSED
// The desktop app's rasterizer: the shared CDP rasterizer (cdpRasterizer.ts) over an offscreen Electron
// BrowserWindow's webContents.debugger. Not webContents.capturePage(): on an offscreen window that bitmap is scaled
// by the display's scale factor and limited to the window, so at 125–200 % the receipt came out too wide and a
// receipt taller than the screen could be cut off; the protocol's capture takes an explicit clip at scale 1.
//
// The window lives in its own in-memory session (partition without "persist:"), so receipt rendering shares no
// cookies, cache or permissions with the till window: every permission is denied, the network is off and every
// http(s)/ws(s)/file request is cancelled — the receipt's CSP already forbids fetches; this holds even if it did not.
//
// Tested through test/printer/electronStandIn.ts (these Electron calls, backed by real headless Chromium), because
// Electron's own binary cannot run on the development machine.
import type { BrowserWindowConstructorOptions } from 'electron';
import { GoneSignal, type CdpPage } from './cdpPage';
import { CdpRasterizer, type CdpRasterizerOptions } from './cdpRasterizer';

/** The session partition of the receipt window: no "persist:" prefix, so it lives in memory only. */
export const RECEIPT_PARTITION = 'dukkan-receipt';

/** The parts of Electron's Session used here. */
export interface ReceiptSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  enableNetworkEmulation(options: { offline: boolean }): void;
  readonly webRequest: {
    onBeforeRequest(filter: { urls: string[] }, listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** The parts of Electron's WebContents used here. */
export interface ReceiptWebContents {
  loadURL(url: string): Promise<void>;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  on(event: 'destroyed', listener: () => void): unknown;
  readonly session: ReceiptSession;
  readonly debugger: {
    attach(protocolVersion?: string): void;
    sendCommand(method: string, commandParams?: Record<string, unknown>): Promise<unknown>;
    on(event: 'detach', listener: (event: unknown, reason: string) => void): unknown;
  };
}

/** The parts of Electron's BrowserWindow used here. */
export interface ReceiptWindow {
  readonly webContents: ReceiptWebContents;
  destroy(): void;
  isDestroyed(): boolean;
}

/** The part of the `electron` module used here. */
export interface ElectronWindowFactory {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => ReceiptWindow;
}

export class ElectronRasterizer extends CdpRasterizer {
  /** Pass the `electron` module from the main process (imported there), so this file loads anywhere. */
  constructor(electron: ElectronWindowFactory, options: CdpRasterizerOptions = {}) {
    super(() => openReceiptWindow(electron), options);
  }
}

export const RECEIPT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  width: 576,
  height: 600,
  useContentSize: true,
  webPreferences: {
    // never on screen, and painting does not depend on the window being visible or unoccluded
    offscreen: { deviceScaleFactor: 1 },
    partition: RECEIPT_PARTITION,
    javascript: true,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
    zoomFactor: 1,
    // hidden windows are otherwise throttled and may not paint when the capture asks for a frame
    backgroundThrottling: false,
  },
};

/** A new receipt window, locked down, on about:blank, with the debugger attached. */
export async function openReceiptWindow(electron: ElectronWindowFactory): Promise<CdpPage> {
  const win = new electron.BrowserWindow(RECEIPT_WINDOW_OPTIONS);
  const contents = win.webContents;
  const gone = new GoneSignal();
  try {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('render-process-gone', (_event, details) => gone.fire(`renderer ${details.reason}`));
    contents.on('destroyed', () => gone.fire('window destroyed'));
    // Navigated before attaching: commands sent before a first navigation may never be answered (debugger docs).
    // Nothing of ours is in the page until the session below is locked down.
    await contents.loadURL('about:blank');
    lockDownReceiptSession(contents.session);
    contents.debugger.attach('1.3');
    contents.debugger.on('detach', (_event, reason) => gone.fire(`debugger detached (${reason})`));
  } catch (e) {
    if (!win.isDestroyed()) win.destroy();
    throw e;
  }
  return {
    send: (method, params) => contents.debugger.sendCommand(method, params),
    onGone: (listener) => gone.subscribe(listener),
    close: async () => {
      // destroy, not close: no unload handlers to wait for, and it ends a hung renderer too
      if (!win.isDestroyed()) win.destroy();
    },
  };
}

function lockDownReceiptSession(session: ReceiptSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.enableNetworkEmulation({ offline: true });
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}
