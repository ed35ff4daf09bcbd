// SPDX-License-Identifier: UNLICENSED
// The built Electron app (dist/app/electron/main.cjs → app.mjs, as electron-builder packages it) run in plain Node with
// a recording stand-in for the `electron` module (test/app/fakeElectron): the real composition root opens (training
// mode, OS keychain, embedded simulator reached through the shell's Chromium transport), the shell registers the
// scheme, locks the session, creates one secure window on app://dukkan, answers contract calls from that window only,
// serves the renderer with its CSP — and lives and ends as a till must: a log file with a readiness line, kiosk keys,
// renderer crashes, the last visible window closing while a hidden one lives, Windows ending the session, debugging
// switches in a packaged build, a start-up failure, a quit during start-up and one while training mode's background
// onboarding hangs on the network. Each scenario is one
// run of the driver (test/app/fakeElectron/driver.mjs). What cannot be checked without Electron's binary is Electron
// itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { METHOD_NAMES } from '../../app/contract/methodNames';
import { cspHeader } from '../../main/window/csp';
import { ROOT } from '../e2e/browserModeProcess';

const FAKE = path.join(ROOT, 'test', 'app', 'fakeElectron');
const MAIN_URL = 'app://dukkan/index.html';

interface LogRecord {
  readonly event: string;
  readonly level: string;
  readonly [field: string]: unknown;
}

interface Run {
  readonly scenario: string;
  readonly failure?: string;
  readonly quitted: boolean;
  readonly exitCode: number | null;
  readonly dialogs: { title: string; text: string }[];
  readonly windowsCreated: number;
  readonly lockRequested: boolean;
  readonly menu: unknown;
  readonly menuTemplates: unknown[];
  readonly partitions: string[];
  readonly netRequests: { method: string; url: string; redirect: string; partition: string | null }[];
  readonly logLines: string[];
  readonly userData: string;
  readonly [key: string]: unknown;
}

const records = (run: Run): LogRecord[] => run.logLines.map((l) => JSON.parse(l) as LogRecord);
const events = (run: Run): string[] => records(run).map((r) => r.event);
const record = (run: Run, event: string): LogRecord | undefined => records(run).find((r) => r.event === event);
const logFileOf = (run: Run): string => path.join(run.userData, 'logs', 'dukkan.log');

interface Scenario {
  readonly args?: readonly string[];
  readonly packaged?: boolean;
  readonly net?: 'hang';
  readonly prepare?: (userData: string) => void;
}

async function runScenario(dir: string, name: string, scenario: Scenario): Promise<Run> {
  const userData = path.join(dir, name, 'userData');
  mkdirSync(userData, { recursive: true });
  scenario.prepare?.(userData);
  const node = [
    'node',
    '--import',
    path.join(FAKE, 'hooks.mjs'),
    path.join(FAKE, 'driver.mjs'),
    path.join(dir, 'dist', 'electron', 'main.cjs'),
    ...(scenario.args ?? []),
  ].join(' ');
  const env = {
    ...process.env,
    FAKE_ELECTRON_SCENARIO: name,
    FAKE_ELECTRON_USER_DATA: userData,
    FAKE_ELECTRON_PACKAGED: scenario.packaged ? '1' : '0',
    FAKE_ELECTRON_NET: scenario.net ?? '',
    NODE_PATH: path.join(dir, 'mods'),
  };
  const options = { env, cwd: ROOT, timeout: 120_000, maxBuffer: 32 * 1024 * 1024 };
  const keyring = path.join(dir, name, 'keyring');
  const { stdout } = process.env.DBUS_SESSION_BUS_ADDRESS
    ? await promisify(execFile)('bash', ['-c', node], options)
    : await promisify(execFile)(
        'dbus-run-session',
        [
          '--',
          'bash',
          '-c',
          `export XDG_DATA_HOME=${keyring}; mkdir -p "$XDG_DATA_HOME"; echo -n dukkan-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ${node}`,
        ],
        options,
      );
  const last = stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{"scenario"'));
  return { ...(JSON.parse(last ?? '{}') as Run), userData };
}

const SCENARIOS: Record<string, Scenario> = {
  // development build in kiosk mode; a debugging switch is allowed outside packaged builds
  till: { args: ['--kiosk', '--remote-debugging-port=9222'] },
  'window-closed': { packaged: true },
  'session-end': { packaged: true },
  refused: { packaged: true, args: ['--remote-debugging-port=9222', '--inspect-brk=9229'] },
  // the terminal database cannot be opened: a folder stands where the file should be
  'start-failure': { prepare: (userData) => mkdirSync(path.join(userData, 'dukkan.sqlite')) },
  'quit-during-start': {},
  // Fatoora requests never answer: quit during a first start's training onboarding
  'hung-start': { net: 'hang' },
  'customer-display': { packaged: true, args: ['--customer-display'] },
};

describe('the built Electron shell, on a stand-in electron module', { timeout: 240_000 }, () => {
  const runs: Record<string, Run> = {};

  beforeAll(async () => {
    // outside the repository, so `electron` cannot resolve to node_modules/electron (the binary's launcher)
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-electron-shell-'));
    const { buildElectron } = (await import(path.join(ROOT, 'scripts', 'buildElectron.mjs'))) as {
      buildElectron(o: { outDir: string; minify: boolean }): Promise<string>;
    };
    await buildElectron({ outDir: path.join(dir, 'dist'), minify: true });
    mkdirSync(path.join(dir, 'mods'));
    writeFileSync(path.join(dir, 'mods', 'electron.js'), `module.exports = require(${JSON.stringify(path.join(FAKE, 'electron.cjs'))});\n`);
    const done = await Promise.all(Object.entries(SCENARIOS).map(async ([name, s]) => [name, await runScenario(dir, name, s)] as const));
    for (const [name, run] of done) runs[name] = run;
  }, 240_000);

  describe('a working till (development build, kiosk mode)', () => {
    const till = () => runs.till!;

    it('started without failure, although a debugging switch was given (only packaged builds refuse them)', () => {
      expect(till().failure).toBeUndefined();
      expect(till().dialogsBeforeLoop).toBe(0);
      expect(events(till())).not.toContain('app.debug-switch-refused');
    });

    it('registered app:// as a standard, secure scheme without CSP bypass or service workers', () => {
      expect(till().schemes).toEqual([
        { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false }) },
      ]);
    });

    it('opened one sandboxed, isolated, Node-free window on app://dukkan with the preload next to it', () => {
      const w = till().windowOptions as { webPreferences: Record<string, unknown> };
      expect(w.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
      expect(String(w.webPreferences.preload)).toMatch(/dist\/electron\/preload\.cjs$/);
      expect(till().urls).toEqual([MAIN_URL]);
    });

    it('answers the contract from that window only, with the real services behind it', () => {
      expect(till().channels).toBe(METHOD_NAMES.length);
      expect(till().session).toEqual({ ok: true, mode: 'training', users: ['Manager', 'Cashier'] });
      expect(till().login).toBe(true);
      expect(till().quote).toEqual(['Fresh milk 1 L']);
      expect(till().sale).toBe('TR-000001');
      expect(till().foreignFrame).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(till().subFrame).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(till().badArgs).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(till().eventsSentToWindow).toBe('pos-event');
    });

    it('serves the renderer from app:// with the CSP, GET only, no way out of its folder', () => {
      expect(till().page).toEqual({ status: 200, csp: cspHeader(), hasScript: true });
      expect(till().traversal).toBe(403);
      expect(till().post).toBe(405);
    });

    it('denies permissions, renderer network access, navigation and new windows', () => {
      expect(till().permission).toBe(false);
      expect(till().blocksNetwork).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
      expect(till().navigationBlocked).toBe(true);
      expect(till().windowOpen).toEqual({ action: 'deny' });
    });

    it('sends every Fatoora request through Chromium (net.request) on a session of its own, not the renderer one', () => {
      const reqs = till().netRequests;
      expect(till().partitions).toEqual(['fatoora']);
      expect(reqs.map((r) => new URL(r.url).pathname)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/\/compliance$/),
          expect.stringMatching(/\/production\/csids$/),
          expect.stringMatching(/\/invoices\/reporting\/single$/),
        ]),
      );
      for (const r of reqs) expect(r).toMatchObject({ method: 'POST', redirect: 'manual', partition: 'fatoora' });
      expect(record(till(), 'fatoora.outcome')).toMatchObject({ level: 'info' });
    });

    it('logs to <userData>/logs/dukkan.log, with a readiness line once the page has painted', () => {
      expect(record(till(), 'app.starting')).toMatchObject({ level: 'info', packaged: false, logFile: logFileOf(till()) });
      const ready = till().logLines.filter((l) => l.includes('"event":"app.ready"'));
      expect(ready).toHaveLength(1);
      expect(JSON.parse(ready[0]!)).toMatchObject({ level: 'info', event: 'app.ready', mode: 'training', kiosk: true });
      // ready comes after the services opened, not before
      expect(events(till()).indexOf('app.opened')).toBeLessThan(events(till()).indexOf('app.ready'));
    });

    it('kiosk mode swallows the keys that close, reload or leave the window, and none the till uses', () => {
      expect(till().keys).toEqual({
        'Alt+F4': true,
        'Ctrl+W (Arabic layout)': true,
        'Ctrl+Q': true,
        F11: true,
        F5: true,
        'Ctrl+Shift+I': true,
        'Alt+Tab': true,
        F4: false,
        F10: false,
        'Alt+L': false,
        'Ctrl+C': false,
        Tab: false,
      });
      expect(records(till()).filter((r) => r.event === 'kiosk.key-blocked')).toHaveLength(7);
    });

    it('logs a failed load, a preload error and an unresponsive renderer', () => {
      expect(record(till(), 'window.load-failed')).toMatchObject({ level: 'warn', errorCode: -6, url: MAIN_URL, isMainFrame: true });
      expect(record(till(), 'window.preload-failed')).toMatchObject({
        level: 'error',
        preloadPath: '/opt/dukkan/preload.cjs',
        errorMessage: 'preload exploded',
      });
      expect(events(till())).toEqual(expect.arrayContaining(['window.unresponsive', 'window.responsive']));
    });

    it('reloads the page after a renderer crash, gives up after three, tells the user where the log is, and quits', () => {
      expect(till().urlsAfterCrash).toEqual([MAIN_URL, MAIN_URL]);
      expect(till().urlsAfterLoop).toEqual([MAIN_URL, MAIN_URL, MAIN_URL, MAIN_URL]);
      expect(records(till()).filter((r) => r.event === 'window.renderer-gone')).toHaveLength(3);
      expect(record(till(), 'window.renderer-crash-loop')).toMatchObject({ level: 'error', reason: 'crashed', maxReloads: 3 });
      expect(till().dialogs).toEqual([{ title: 'Dukkan stopped', text: expect.stringContaining(logFileOf(till())) }]);
      expect(till().quitted).toBe(true);
      expect(events(till())).toContain('app.closed');
    });

    it('shows no menu in kiosk mode on Linux', () => {
      expect(till().menu).toBeNull();
    });
  });

  describe('ending', () => {
    it('quits when the till window closes although the hidden rasterizer window is alive, closing the services first', () => {
      const run = runs['window-closed']!;
      expect(run.failure).toBeUndefined();
      // Electron's window-all-closed never comes while a hidden window lives
      expect(run.windowAllClosedFired).toBe(false);
      expect(run.quitted).toBe(true);
      expect(run.exitCode).toBeNull();
      expect(run.hiddenDestroyed).toBe(true);
      const ev = events(run);
      expect(ev.indexOf('app.quit-requested')).toBeGreaterThan(ev.indexOf('app.ready'));
      expect(ev.indexOf('app.closed')).toBeGreaterThan(ev.indexOf('app.quit-requested'));
      expect(ev).toContain('reporting.stopped');
    });

    it('packaged, not kiosk: no menu on Linux, and Alt+F4 is the window manager’s as usual', () => {
      const run = runs['window-closed']!;
      expect(run.menu).toBeNull();
      expect(run.menuTemplates).toEqual([]);
      expect(run.altF4).toBe(false);
    });

    it('Windows ending the session: logged and IPC closed before the event returns, then the services close', () => {
      const run = runs['session-end']!;
      expect(run.failure).toBeUndefined();
      expect(run.atReturn).toEqual({ channels: 0, logged: true });
      expect(record(run, 'app.session-end')).toMatchObject({ level: 'warn', reasons: ['logoff'] });
      expect(events(run)).toContain('app.closed');
      expect(run.quitted).toBe(true);
    });

    it('a quit during start-up waits for it, closes what it opened, and opens no window', () => {
      const run = runs['quit-during-start']!;
      expect(run.failure).toBeUndefined();
      expect(record(run, 'app.quit-requested')).toMatchObject({ state: 'starting' });
      expect(events(run)).toEqual(expect.arrayContaining(['app.opened', 'app.closed']));
      expect(events(run)).not.toContain('app.start-failed');
      expect(run.windowsCreated).toBe(0);
      expect(run.quitted).toBe(true);
      expect(run.exitCode).toBeNull();
    });

    it('a quit while training mode onboards on a network that never answers: the onboarding is abandoned, the app closes', () => {
      // start-up itself no longer waits on the network (a first start onboards training mode in the background); a
      // close that hangs is ended by the deadline, which test/app/quitSequence.test.ts covers
      const run = runs['hung-start']!;
      expect(run.failure).toBeUndefined();
      // the onboarding's first request may come while openApp still seeds the users, or after
      expect(['starting', 'running']).toContain(record(run, 'app.quit-requested')?.state);
      expect(record(run, 'mode.training-onboarding-abandoned')).toMatchObject({ level: 'warn', attempt: 1 });
      expect(events(run)).toContain('app.closed');
      expect(events(run)).not.toContain('app.quit-deadline');
      expect(run.quitted).toBe(true);
      expect(run.exitCode).toBeNull();
    });
  });

  describe('refusing to start', () => {
    it('a packaged build refuses remote debugging and --inspect before anything opens, and says so in the log', () => {
      const run = runs.refused!;
      expect(run.failure).toBeUndefined();
      expect(run.exitCode).toBe(1);
      expect(record(run, 'app.debug-switch-refused')).toMatchObject({ level: 'error', switches: ['remote-debugging-port', 'inspect-brk'] });
      expect(run.lockRequested).toBe(false);
      expect(run.windowsCreated).toBe(0);
      expect(run.netRequests).toEqual([]);
      expect(events(run)).not.toContain('app.starting');
    });

    it('a start-up failure is in the log, and its dialog says where the log is', () => {
      const run = runs['start-failure']!;
      expect(run.failure).toBeUndefined();
      expect(run.exitCode).toBe(1);
      expect(record(run, 'app.start-failed')).toMatchObject({ level: 'error', stage: 'open', errorMessage: expect.any(String) });
      expect(run.dialogs).toEqual([{ title: 'Dukkan could not start', text: expect.stringContaining(logFileOf(run)) }]);
      expect(run.windowsCreated).toBe(0);
    });
  });

  describe('the customer display (--customer-display)', () => {
    const run = () => runs['customer-display']!;

    it('opens a second window, full screen on the second screen, showing the app as the display', () => {
      expect(run().failure).toBeUndefined();
      expect(run().windowsCreated).toBeGreaterThanOrEqual(2);
      expect(run().display).toEqual({
        urls: [`${MAIN_URL}#display=1`],
        bounds: { x: 1366, y: 0, width: 800, height: 480, fullscreen: true },
        sandbox: true,
      });
      expect(run().displayVisible).toBe(true);
      expect(record(run(), 'app.customer-display')).toMatchObject({ screens: 2, fullscreen: true });
    });

    it('hears what the till shows, and may call nothing itself', () => {
      expect(run().show).toBe(true);
      expect(run().displayEvents).toEqual([
        expect.objectContaining({ total: '13.00', change: '7.00', lines: [expect.objectContaining({ name: 'Fresh milk' })] }),
      ]);
      expect(run().displayCall).toMatchObject({ ok: false, error: { reason: 'api.foreign-window' } });
    });

    it('closes with the till, and the app ends', () => {
      expect(run().displayDestroyed).toBe(true);
      expect(run().quitted || run().exitCode === 0).toBe(true);
    });
  });
});
