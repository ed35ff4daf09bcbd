// SPDX-License-Identifier: UNLICENSED
// The Electron shell's security settings, checked in plain Node (this machine has no Electron binary): the
// webPreferences of every window the code creates, navigation/permission lockdown, the app:// protocol's path
// handling, and the one Content Security Policy on all three carriers (HTTP header, app:// header, <meta>).
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { ElectronRasterizer } from '../../main/printing/electronRasterizer';
import { appProtocolHandler, resolveAppAsset } from '../../main/window/appProtocol';
import { createMainWindow } from '../../main/window/createMainWindow';
import { createCustomerDisplayWindow, displayWindowOptions, wantsCustomerDisplay } from '../../main/window/customerDisplayWindow';
import { CSP_DIRECTIVES, cspHeader, cspMeta } from '../../main/window/csp';
import { lockDownSession } from '../../main/window/lockDown';
import type { ValidatedIpc } from '../../main/ipc/validatedIpc';
import { ROOT } from '../e2e/browserModeProcess';

type Listener = (...args: unknown[]) => unknown;

/** A stand-in for Electron's BrowserWindow that records what the code asks of it. */
function fakeElectron() {
  const windows: { options: BrowserWindowConstructorOptions; urls: string[]; listeners: Map<string, Listener[]>; openHandler?: Listener }[] = [];
  class BrowserWindow {
    readonly record;
    readonly webContents;
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, urls: [] as string[], listeners: new Map<string, Listener[]>(), openHandler: undefined as Listener | undefined };
      windows.push(this.record);
      const record = this.record;
      this.webContents = {
        id: windows.length,
        on: (event: string, listener: Listener) => record.listeners.set(event, [...(record.listeners.get(event) ?? []), listener]),
        setWindowOpenHandler: (h: Listener) => (record.openHandler = h),
        loadURL: async (url: string) => {
          record.urls.push(url);
          throw new Error('fake: no renderer');
        },
        session: { setPermissionRequestHandler: () => undefined },
        send: () => undefined,
        isDestroyed: () => false,
      };
    }
    on() {}
    once() {}
    loadURL(url: string) {
      this.record.urls.push(url);
      return Promise.resolve();
    }
    setContentSize() {}
    isDestroyed() {
      return false;
    }
    destroy() {}
  }
  return { windows, electron: { BrowserWindow: BrowserWindow as unknown as typeof ElectronBrowserWindow } };
}

const ipcStub = (): ValidatedIpc & { trusted: number[]; listening: number[] } => {
  const trusted: number[] = [];
  const listening: number[] = [];
  return {
    trusted,
    listening,
    trustWindow: (w) => trusted.push(w.id),
    listenOnly: (w) => listening.push(w.id),
    forgetWindow: () => undefined,
    broadcast: () => undefined,
    dispose: () => undefined,
  };
};

function expectLockedDown(webPreferences: BrowserWindowConstructorOptions['webPreferences']): void {
  expect(webPreferences).toBeDefined();
  expect(webPreferences!.contextIsolation).toBe(true);
  expect(webPreferences!.sandbox).toBe(true);
  expect(webPreferences!.nodeIntegration).toBe(false);
  expect(webPreferences!.nodeIntegrationInWorker ?? false).toBe(false);
  expect(webPreferences!.nodeIntegrationInSubFrames ?? false).toBe(false);
  expect(webPreferences!.webSecurity ?? true).toBe(true);
  expect(webPreferences!.allowRunningInsecureContent ?? false).toBe(false);
  expect(webPreferences!.webviewTag ?? false).toBe(false);
  expect(webPreferences!.experimentalFeatures ?? false).toBe(false);
  // the shell's Fatoora session reaches the network: no page may ever run in it
  expect(webPreferences!.partition).not.toBe('fatoora');
  expect(webPreferences!.session).toBeUndefined();
}

describe('webPreferences of every window', () => {
  it('the till window: sandboxed, isolated, no Node, the preload only, no devtools when packaged, app:// only', () => {
    const { windows, electron } = fakeElectron();
    const ipc = ipcStub();
    const blocked: string[] = [];
    createMainWindow(electron, { preload: '/opt/dukkan/preload.cjs', kiosk: true, devTools: false, ipc, log: (what, url) => blocked.push(`${what} ${url}`) });
    expect(windows).toHaveLength(1);
    const w = windows[0]!;
    expectLockedDown(w.options.webPreferences);
    expect(w.options.webPreferences).toMatchObject({ preload: '/opt/dukkan/preload.cjs', devTools: false, navigateOnDragDrop: false, safeDialogs: true });
    expect(w.options.kiosk).toBe(true);
    // the default session, which lockDownSession closes to the network
    expect(w.options.webPreferences!.partition).toBeUndefined();
    expect(w.urls).toEqual(['app://dukkan/index.html']);
    expect(ipc.trusted).toEqual([1]);

    // navigation away from app://dukkan, redirects, new windows and <webview> are all refused
    const fire = (event: string, url?: string) => {
      let prevented = false;
      for (const l of w.listeners.get(event) ?? []) l({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://dukkan.evil.example/')).toBe(true);
    expect(fire('will-navigate', 'app://dukkan/index.html')).toBe(false);
    expect(fire('will-redirect', 'app://dukkan/index.html')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
    expect(w.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(blocked.length).toBeGreaterThanOrEqual(5);
  });

  it('the receipt rasterizer window (main/printing): sandboxed, isolated, no Node, no preload', async () => {
    const { windows, electron } = fakeElectron();
    await expect(new ElectronRasterizer(electron).rasterize('<p>x</p>', 384)).rejects.toThrow(/fake/);
    expect(windows).toHaveLength(1);
    expectLockedDown(windows[0]!.options.webPreferences);
    expect(windows[0]!.options.webPreferences!.preload).toBeUndefined();
    expect(windows[0]!.openHandler!({ url: 'https://x/' })).toEqual({ action: 'deny' });
  });

  it('the customer display window: locked down as the till, on the second screen, told events but trusted with no call', () => {
    const { windows, electron } = fakeElectron();
    const ipc = ipcStub();
    const screens = {
      all: [
        { id: 7, bounds: { x: 0, y: 0, width: 1366, height: 768 } },
        { id: 9, bounds: { x: 1366, y: 0, width: 800, height: 480 } },
      ],
      primaryId: 7,
    };
    createCustomerDisplayWindow(electron, { preload: '/opt/dukkan/preload.cjs', ipc, log: () => undefined, screens });
    const w = windows[0]!;
    expectLockedDown(w.options.webPreferences);
    expect(w.options.webPreferences).toMatchObject({ preload: '/opt/dukkan/preload.cjs', devTools: false });
    expect(w.options).toMatchObject({ x: 1366, y: 0, width: 800, height: 480, fullscreen: true });
    expect(w.urls).toEqual(['app://dukkan/index.html#display=1']);
    expect([ipc.trusted, ipc.listening]).toEqual([[], [1]]);
    expect(w.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    // one screen: a window of its own size, not full screen over the till
    expect(displayWindowOptions('/p', { all: [screens.all[0]!], primaryId: 7 })).toMatchObject({ width: 1024, height: 768 });
    expect(displayWindowOptions('/p', { all: [screens.all[0]!], primaryId: 7 }).fullscreen).toBeUndefined();
    expect(wantsCustomerDisplay(['--customer-display'], {})).toBe(true);
    expect(wantsCustomerDisplay([], { DUKKAN_CUSTOMER_DISPLAY: '1' })).toBe(true);
    expect(wantsCustomerDisplay([], {})).toBe(false);
  });

  it('no other code creates a BrowserWindow (so the tests above cover every window)', () => {
    expect(mainSourcesMatching(/new\s+[\w.]*BrowserWindow\s*\(/)).toEqual([
      'main/printing/electronRasterizer.ts',
      'main/window/createMainWindow.ts',
      'main/window/customerDisplayWindow.ts',
    ]);
  });

  it('ipcMain is used only by the validated wrapper and the shell that hands it over', () => {
    expect(mainSourcesMatching(/\bipcMain\b/)).toEqual(['main/ipc/validatedIpc.ts', 'main/window/electronMain.ts']);
  });

  it("Chromium's network stack is used only by the shell, for Fatoora, on a session no window uses", () => {
    // the renderer session refuses every http(s) request; the Fatoora session must stay out of any window's reach
    // (expectLockedDown checks that no window's webPreferences names the Fatoora partition)
    expect(mainSourcesMatching(/\bnet\.(request|fetch)\(|\.fromPartition\(/)).toEqual(['main/window/electronMain.ts']);
  });
});

/** Source files under main/ (tests excepted) whose text matches, repository-relative and sorted. */
function mainSourcesMatching(pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && pattern.test(readFileSync(full, 'utf8'))) found.push(path.relative(ROOT, full));
    }
  };
  walk(path.join(ROOT, 'main'));
  return found.sort();
}

describe('session lockdown', () => {
  it('denies every permission request and check, and every renderer request to the network', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((c: unknown, p: string) => boolean) | undefined;
    let filter: { urls: string[] } | undefined;
    let before: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    lockDownSession({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      webRequest: { onBeforeRequest: (f, l) => ((filter = f), (before = l)) },
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb', 'openExternal']) {
      let granted: boolean | undefined;
      request!(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(check!(null, permission)).toBe(false);
    }
    expect(filter!.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    let cancelled: boolean | undefined;
    before!({ url: 'https://attacker.example/x' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
  });
});

describe('app:// protocol', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dukkan-app-'));
  const app = path.join(root, 'renderer');
  mkdirSync(path.join(app, 'sub'), { recursive: true });
  writeFileSync(path.join(app, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(app, 'app.js'), 'void 0');
  writeFileSync(path.join(app, 'sub', 'a.css'), 'a{}');
  writeFileSync(path.join(root, 'secret.js'), 'secret');
  symlinkSync(path.join(root, 'secret.js'), path.join(app, 'link.js'));

  it.each([
    ['GET', 'app://dukkan/', 200],
    ['GET', 'app://dukkan/index.html', 200],
    ['GET', 'app://dukkan/sub/a.css', 200],
    ['HEAD', 'app://dukkan/app.js', 200],
    ['POST', 'app://dukkan/index.html', 405],
    ['PUT', 'app://dukkan/app.js', 405],
    ['GET', 'app://evil/index.html', 403],
    ['GET', 'https://dukkan/index.html', 403],
    ['GET', 'app://dukkan/../secret.js', 404], // URL parsing folds the dots: /secret.js is not in the renderer
    ['GET', 'app://dukkan/%2e%2e/secret.js', 404],
    ['GET', 'app://dukkan/sub/..%2f..%2fsecret.js', 403],
    ['GET', 'app://dukkan/%2e%2e%2fsecret.js', 403],
    ['GET', 'app://dukkan/sub%5c..%5c..%5csecret.js', 403],
    ['GET', 'app://dukkan/app.js%00.css', 403],
    ['GET', 'app://dukkan/link.js', 403], // a symlink pointing out of the renderer folder
    ['GET', 'app://dukkan/missing.js', 404],
    ['GET', 'app://dukkan/package.json', 404],
    ['GET', 'app://dukkan/%E0%A4%A', 400],
  ])('%s %s → %i', (method, url, status) => {
    expect(resolveAppAsset(method, url, app).status).toBe(status);
  });

  it('answers with the CSP and nosniff on every response, including refusals', async () => {
    const handle = appProtocolHandler(app);
    const ok = handle(new Request('app://dukkan/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(cspHeader());
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await ok.text()).toContain('<title>x</title>');
    const refused = handle(new Request('app://dukkan/sub/..%2f..%2fsecret.js'));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe('');
    expect(refused.headers.get('content-security-policy')).toBe(cspHeader());
  });
});

describe('Content Security Policy', () => {
  it('allows nothing but our own scripts, styles and API, no inline code, no eval, no HTML sinks', () => {
    expect(CSP_DIRECTIVES['default-src']).toBe("'none'");
    expect(CSP_DIRECTIVES['script-src']).toBe("'self'");
    expect(CSP_DIRECTIVES['style-src']).toBe("'self'");
    expect(CSP_DIRECTIVES['connect-src']).toBe("'self'");
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'");
    expect(CSP_DIRECTIVES['base-uri']).toBe("'none'");
    expect(CSP_DIRECTIVES['frame-ancestors']).toBe("'none'");
    expect(CSP_DIRECTIVES['require-trusted-types-for']).toBe("'script'");
    expect(CSP_DIRECTIVES['trusted-types']).toBe("'none'");
    expect(cspHeader()).not.toMatch(/unsafe-|\*|https?:|blob:/);
  });

  it('index.html carries the same policy in its <meta> tag', () => {
    const html = readFileSync(path.join(ROOT, 'renderer', 'app', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(cspMeta());
    // no inline script or style in the page itself
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
  });
});
