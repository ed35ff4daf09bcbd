// SPDX-License-Identifier: UNLICENSED
// The built Electron app (dist/electron/main.cjs → app.mjs, as electron-builder packages it) run in plain Node with
// a recording stand-in for the `electron` module (test/app/fakeElectron): the real composition root opens (training
// mode, OS keychain, embedded simulator), the shell registers the scheme, locks the session, creates one secure
// window on app://dukkan, answers contract calls from that window only, serves the renderer with its CSP, and
// closes the services before quitting. What cannot be checked without Electron's binary is Electron itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { METHOD_NAMES } from '../../app/contract/methodNames';
import { cspHeader } from '../../main/window/csp';
import { ROOT } from '../e2e/browserModeProcess';

const FAKE = path.join(ROOT, 'test', 'app', 'fakeElectron');

describe('the built Electron shell, on a stand-in electron module', { timeout: 180_000 }, () => {
  let out: Record<string, unknown>;

  beforeAll(async () => {
    // outside the repository, so `electron` cannot resolve to node_modules/electron (the binary's launcher)
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-electron-shell-'));
    const { buildElectron } = (await import(path.join(ROOT, 'scripts', 'buildElectron.mjs'))) as { buildElectron(o: { outDir: string; minify: boolean }): Promise<string> };
    await buildElectron({ outDir: path.join(dir, 'dist'), minify: true });
    mkdirSync(path.join(dir, 'mods'));
    writeFileSync(path.join(dir, 'mods', 'electron.js'), `module.exports = require(${JSON.stringify(path.join(FAKE, 'electron.cjs'))});\n`);
    mkdirSync(path.join(dir, 'userData'));
    const node = `node --import ${path.join(FAKE, 'hooks.mjs')} ${path.join(FAKE, 'driver.mjs')} ${path.join(dir, 'dist', 'electron', 'main.cjs')}`;
    const env = { ...process.env, FAKE_ELECTRON_USER_DATA: path.join(dir, 'userData'), NODE_PATH: path.join(dir, 'mods') };
    const { stdout } = process.env.DBUS_SESSION_BUS_ADDRESS
      ? await promisify(execFile)('bash', ['-c', node], { env, cwd: ROOT, timeout: 120_000, maxBuffer: 32 * 1024 * 1024 })
      : await promisify(execFile)(
          'dbus-run-session',
          ['--', 'bash', '-c', `export XDG_DATA_HOME=${path.join(dir, 'keyring')}; mkdir -p "$XDG_DATA_HOME"; echo -n dukkan-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ${node}`],
          { env, cwd: ROOT, timeout: 120_000, maxBuffer: 32 * 1024 * 1024 },
        );
    const last = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{"schemes"') || l.startsWith('{"failure"'));
    out = JSON.parse(last ?? '{}') as Record<string, unknown>;
  });
  afterAll(() => undefined);

  it('started without failure', () => {
    expect(out.failure).toBeUndefined();
    expect(out.errors).toEqual([]);
  });

  it('registered app:// as a standard, secure scheme without CSP bypass or service workers', () => {
    expect(out.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false }) }]);
  });

  it('opened one sandboxed, isolated, Node-free window on app://dukkan with the preload next to it', () => {
    const w = out.windowOptions as { webPreferences: Record<string, unknown> };
    expect(w.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
    expect(String(w.webPreferences.preload)).toMatch(/dist\/electron\/preload\.cjs$/);
    expect(out.urls).toEqual(['app://dukkan/index.html']);
  });

  it('answers the contract from that window only, with the real services behind it', () => {
    expect(out.channels).toBe(METHOD_NAMES.length);
    expect(out.session).toEqual({ ok: true, mode: 'training', users: ['Manager', 'Cashier'] });
    expect(out.login).toBe(true);
    expect(out.quote).toEqual(['Fresh milk 1 L']);
    expect(out.sale).toBe('TR-000001');
    expect(out.foreignFrame).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(out.subFrame).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(out.badArgs).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(out.eventsSentToWindow).toBe('pos-event');
  });

  it('serves the renderer from app:// with the CSP, GET only, no way out of its folder', () => {
    expect(out.page).toEqual({ status: 200, csp: cspHeader(), hasScript: true });
    expect(out.traversal).toBe(403);
    expect(out.post).toBe(405);
  });

  it('denies permissions, renderer network access, navigation and new windows', () => {
    expect(out.permission).toBe(false);
    expect(out.blocksNetwork).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    expect(out.navigationBlocked).toEqual(expect.arrayContaining(['navigate']));
    expect(out.windowOpen).toEqual({ action: 'deny' });
  });

  it('closes the services before quitting', () => {
    expect(out.quitDeferred).toBe(true);
  });
});
