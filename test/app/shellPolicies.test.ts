// SPDX-License-Identifier: UNLICENSED
// The Electron shell's pure decisions, each on its own: which command-line switches a packaged build refuses, which
// keys kiosk mode swallows, which application menu a platform gets, how often a crashed renderer is reloaded, and
// when the last user-facing window has closed. The built shell wires them (test/app/electronShell.test.ts).
import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { createLogger, memoryLogSink } from '../../main/log/logger';
import { applicationMenu } from '../../main/window/appMenu';
import { refusedDebugSwitches, switchName } from '../../main/window/debugSwitches';
import { kioskBlockedCombo, type KeyInput } from '../../main/window/kioskKeys';
import { UserFacingWindows } from '../../main/window/userFacingWindows';
import { ReloadLimiter, watchWindowHealth, type WatchedWindow } from '../../main/window/windowHealth';

describe('debugging switches refused in packaged builds', () => {
  const refused = (args: string[], windows = false, hasSwitch?: (n: string) => boolean) =>
    refusedDebugSwitches(['/opt/Dukkan/dukkan', ...args], { windows, ...(hasSwitch ? { hasSwitch } : {}) });

  it.each([
    [['--remote-debugging-port=9222'], ['remote-debugging-port']],
    [['--remote-debugging-port', '9222'], ['remote-debugging-port']],
    [['-remote-debugging-port=0'], ['remote-debugging-port']], // Chromium takes one dash too
    [['--remote-debugging-pipe'], ['remote-debugging-pipe']],
    [['--inspect'], ['inspect']],
    [['--inspect-brk=0.0.0.0:9229'], ['inspect-brk']],
    [
      ['--inspect-port=9229', '--inspect-publish-uid=http'],
      ['inspect-port', 'inspect-publish-uid'],
    ],
    [['--kiosk', '--', '--remote-debugging-port=1'], ['remote-debugging-port']],
    [['--REMOTE-DEBUGGING-PORT=9222'], ['remote-debugging-port']],
  ])('%j → %j', (args, expected) => {
    expect(refused(args)).toEqual(expected);
  });

  it('lets the till’s own switches and plain arguments through', () => {
    expect(refused(['--kiosk', '--printer=tcp://10.0.0.5:9100', 'remote-debugging-port', '/tmp/inspect.txt', '--lang=ar'])).toEqual([]);
  });

  it('reads Windows’ /switch form on Windows only', () => {
    expect(refused(['/remote-debugging-port=9222'], true)).toEqual(['remote-debugging-port']);
    expect(refused(['/remote-debugging-port=9222'], false)).toEqual([]);
    expect(switchName('/inspect', true)).toBe('inspect');
  });

  it('also asks Chromium’s command line, for switches that did not come through argv', () => {
    expect(refused([], false, (n) => n === 'remote-debugging-pipe')).toEqual(['remote-debugging-pipe']);
  });
});

describe('kiosk keys', () => {
  const key = (k: string, code: string, mods: Partial<KeyInput> = {}): KeyInput => ({
    type: 'keyDown',
    key: k,
    code,
    alt: false,
    control: false,
    meta: false,
    shift: false,
    ...mods,
  });

  it.each([
    ['Alt+F4', key('F4', 'F4', { alt: true })],
    ['Ctrl+F4', key('F4', 'F4', { control: true })],
    ['Ctrl+W', key('w', 'KeyW', { control: true })],
    ['Ctrl+W', key('ص', 'KeyW', { control: true })], // Arabic layout: the physical key counts
    ['Ctrl+W', key('W', 'KeyW', { control: true, shift: true })],
    ['Ctrl+W', key('w', 'KeyW', { meta: true })],
    ['Ctrl+Q', key('q', 'KeyQ', { control: true })],
    ['Ctrl+Q', key('ض', 'KeyQ', { meta: true })],
    ['Cmd+H/M', key('h', 'KeyH', { meta: true })],
    ['full screen', key('F11', 'F11')],
    ['full screen', key('f', 'KeyF', { control: true, meta: true })],
    ['reload', key('F5', 'F5')],
    ['reload', key('r', 'KeyR', { control: true, shift: true })],
    ['developer tools', key('F12', 'F12')],
    ['developer tools', key('I', 'KeyI', { control: true, shift: true })],
    ['developer tools', key('i', 'KeyI', { meta: true, alt: true })],
    ['Alt+Tab', key('Tab', 'Tab', { alt: true })],
    ['Alt+Tab', key('Tab', 'Tab', { alt: true, shift: true })],
    ['Alt+Esc/Space', key(' ', 'Space', { alt: true })],
    ['Alt+Esc/Space', key('Escape', 'Escape', { alt: true })],
  ])('swallows %s', (name, input) => {
    expect(kioskBlockedCombo(input)).toBe(name);
    expect(kioskBlockedCombo({ ...input, type: 'keyUp' })).toBe(name);
  });

  it.each([
    ['F2…F10 (the till’s function keys)', ['F2', 'F3', 'F4', 'F6', 'F7', 'F8', 'F9', 'F10'].map((f) => key(f, f))],
    [
      'Alt+letter and Alt+digit shortcuts',
      [key('l', 'KeyL', { alt: true }), key('q', 'KeyQ', { alt: true }), key('n', 'KeyN', { alt: true }), key('3', 'Digit3', { alt: true })],
    ],
    [
      'editing',
      [
        key('c', 'KeyC', { control: true }),
        key('v', 'KeyV', { control: true }),
        key('x', 'KeyX', { control: true }),
        key('a', 'KeyA', { control: true }),
        key('z', 'KeyZ', { control: true }),
      ],
    ],
    [
      'typing and moving',
      [
        key('w', 'KeyW'),
        key('ص', 'KeyW'),
        key('Tab', 'Tab'),
        key('Tab', 'Tab', { shift: true }),
        key('Escape', 'Escape'),
        key('Enter', 'Enter'),
        key('i', 'KeyI', { control: true }),
      ],
    ],
  ])('lets through %s', (_name, inputs) => {
    for (const input of inputs) expect(kioskBlockedCombo(input), `${input.key} ${JSON.stringify(input)}`).toBeNull();
  });
});

describe('application menu', () => {
  it('development keeps Electron’s default menu', () => {
    expect(applicationMenu('linux', { kiosk: false, packaged: false, appName: 'Dukkan' })).toEqual({ kind: 'default' });
    expect(applicationMenu('darwin', { kiosk: false, packaged: false, appName: 'Dukkan' })).toEqual({ kind: 'default' });
  });

  it('packaged or kiosk on Windows and Linux: no menu at all', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(applicationMenu(platform, { kiosk: true, packaged: false, appName: 'Dukkan' })).toEqual({ kind: 'none' });
      expect(applicationMenu(platform, { kiosk: false, packaged: true, appName: 'Dukkan' })).toEqual({ kind: 'none' });
    }
  });

  it('macOS keeps the Edit role (Cmd+C/V/X/A) — packaged with the standard app menu, kiosk without Quit or Hide', () => {
    expect(applicationMenu('darwin', { kiosk: false, packaged: true, appName: 'Dukkan' })).toEqual({
      kind: 'template',
      template: [{ role: 'appMenu' }, { role: 'editMenu' }],
    });
    const kiosk = applicationMenu('darwin', { kiosk: true, packaged: true, appName: 'Dukkan' });
    expect(kiosk).toEqual({ kind: 'template', template: [{ label: 'Dukkan', submenu: [{ role: 'about' }] }, { role: 'editMenu' }] });
    expect(JSON.stringify(kiosk)).not.toMatch(/quit|hide|close/i);
  });
});

describe('renderer crash reloads', () => {
  it('allows max reloads within the window, then refuses until the oldest leaves it', () => {
    let now = 0;
    const limiter = new ReloadLimiter(3, 60_000, () => now);
    const at = (t: number) => ((now = t), limiter.tryReload());
    expect([at(0), at(10_000), at(20_000), at(30_000)]).toEqual([true, true, true, false]);
    expect(at(59_999)).toBe(false);
    expect(at(60_000)).toBe(true); // the first reload is a minute old
    expect(at(60_001)).toBe(false);
  });

  function watched(mayReload = true) {
    const win = new EventEmitter();
    const contents = new EventEmitter();
    const memory = memoryLogSink();
    const done: string[] = [];
    let now = 0;
    watchWindowHealth(Object.assign(win, { webContents: contents }) as unknown as WatchedWindow, {
      log: createLogger({ sink: memory.sink }),
      limiter: new ReloadLimiter(2, 60_000, () => now),
      mayReload: () => mayReload,
      reload: () => done.push('reload'),
      giveUp: (d) => done.push(`give up ${d.reason}`),
    });
    return { contents, win, memory, done, later: (ms: number) => (now += ms) };
  }

  it('reloads after a crash, gives up when the crashes come too fast, and logs each', () => {
    const w = watched();
    w.contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    w.contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    w.contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(w.done).toEqual(['reload', 'reload', 'give up killed']);
    expect(w.memory.records.map((r) => `${r.level} ${r.event}`)).toEqual([
      'error window.renderer-gone',
      'error window.renderer-gone',
      'error window.renderer-crash-loop',
    ]);
  });

  it('crashes a minute apart are each reloaded', () => {
    const w = watched();
    for (let i = 0; i < 5; i++) {
      w.contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
      w.later(60_000);
    }
    expect(w.done).toEqual(['reload', 'reload', 'reload', 'reload', 'reload']);
  });

  it('a clean exit, or any exit while quitting, is not a crash', () => {
    const clean = watched();
    clean.contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    const quitting = watched(false);
    quitting.contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect([...clean.done, ...quitting.done]).toEqual([]);
    expect(clean.memory.records[0]).toMatchObject({ level: 'info', event: 'window.renderer-gone' });
  });

  it('logs load failures, preload errors (name and message only) and unresponsiveness', () => {
    const w = watched();
    w.contents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', `app://dukkan/${'x'.repeat(500)}`, false);
    const err = Object.assign(new Error('Cannot find module'), { code: 'MODULE_NOT_FOUND', stack: 'secret stack' });
    w.contents.emit('preload-error', {}, '/opt/preload.cjs', err);
    w.win.emit('unresponsive');
    w.win.emit('responsive');
    const [load, preload, unresponsive, responsive] = w.memory.records;
    expect(load).toMatchObject({ level: 'warn', event: 'window.load-failed', fields: { errorCode: -105, isMainFrame: false } });
    expect(String(load!.fields.url)).toHaveLength(200);
    expect(preload).toMatchObject({
      level: 'error',
      event: 'window.preload-failed',
      fields: { preloadPath: '/opt/preload.cjs', errorMessage: 'Cannot find module', errorCode: 'MODULE_NOT_FOUND' },
    });
    expect(JSON.stringify(preload)).not.toContain('secret stack');
    expect([unresponsive?.event, responsive?.event]).toEqual(['window.unresponsive', 'window.responsive']);
  });
});

describe('user-facing windows', () => {
  it('calls back when the last of them closes, whatever other windows live', () => {
    let ended = 0;
    const windows = new UserFacingWindows(() => ended++);
    const till = new EventEmitter();
    const customerDisplay = new EventEmitter();
    windows.add(till);
    windows.add(customerDisplay);
    till.emit('closed');
    expect(ended).toBe(0);
    customerDisplay.emit('closed');
    expect(ended).toBe(1);
    expect(windows.count).toBe(0);
  });
});
