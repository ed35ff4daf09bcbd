// SPDX-License-Identifier: UNLICENSED
// The desktop app's log file (main/log/rotatingFile.ts, main/window/shellLog.ts) on a real temporary folder: lines
// land synchronously, the file rotates by size keeping N older files, a line is never split across files, a reopened
// log appends, a rotation that cannot rename keeps logging, and secrets stay out as the logger promises.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../../main/log/logger';
import { openRotatingLogFile, rotatedName } from '../../main/log/rotatingFile';
import { Secret } from '../../main/log/secret';
import { logLocationText, openShellLog, startFailureText } from '../../main/window/shellLog';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'dukkan-log-'));
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
const record = (n: number) => ({ time: '', level: 'info' as const, event: `e${n}`, fields: {} });

describe('rotating log file', () => {
  it('names rotated files before the extension', () => {
    expect(rotatedName('dukkan.log', 0)).toBe('dukkan.log');
    expect(rotatedName('dukkan.log', 3)).toBe('dukkan.3.log');
    expect(rotatedName('trace', 1)).toBe('trace.1');
  });

  it('writes each line at once, creating the folder', () => {
    const dir = path.join(fresh(), 'logs');
    const log = openRotatingLogFile({ dir });
    log.sink('{"a":1}', record(1));
    // no flush, no close: the line is on disk when the call returns
    expect(lines(log.path)).toEqual(['{"a":1}']);
    expect(log.path).toBe(path.join(dir, 'dukkan.log'));
    if (process.platform !== 'win32') expect(statSync(log.path).mode & 0o777).toBe(0o600);
  });

  it('rotates by size, keeps N older files, and never splits a line', () => {
    const dir = fresh();
    const log = openRotatingLogFile({ dir, maxBytes: 100, keep: 2 });
    const line = (n: number) => `${String(n).padStart(3, '0')}-${'x'.repeat(35)}`; // 39 bytes + newline
    for (let n = 0; n < 12; n++) log.sink(line(n), record(n));
    log.close();
    expect(readdirSync(dir).sort()).toEqual(['dukkan.1.log', 'dukkan.2.log', 'dukkan.log']);
    // two lines per file (80 bytes; a third would pass 100); the oldest files were deleted
    expect(lines(path.join(dir, 'dukkan.log'))).toEqual([line(10), line(11)]);
    expect(lines(path.join(dir, 'dukkan.1.log'))).toEqual([line(8), line(9)]);
    expect(lines(path.join(dir, 'dukkan.2.log'))).toEqual([line(6), line(7)]);
    for (const f of readdirSync(dir)) expect(statSync(path.join(dir, f)).size).toBeLessThanOrEqual(100);
  });

  it('a line longer than the limit gets a file of its own rather than being cut', () => {
    const dir = fresh();
    const log = openRotatingLogFile({ dir, maxBytes: 50, keep: 1 });
    log.sink('short', record(1));
    log.sink('y'.repeat(120), record(2));
    log.close();
    expect(lines(path.join(dir, 'dukkan.log'))).toEqual(['y'.repeat(120)]);
    expect(lines(path.join(dir, 'dukkan.1.log'))).toEqual(['short']);
  });

  it('reopening appends, and counts what is already there towards the limit', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'dukkan.log'), `${'o'.repeat(95)}\n`);
    const log = openRotatingLogFile({ dir, maxBytes: 100, keep: 1 });
    log.sink('new line', record(1));
    log.close();
    expect(lines(path.join(dir, 'dukkan.log'))).toEqual(['new line']);
    expect(lines(path.join(dir, 'dukkan.1.log'))).toEqual(['o'.repeat(95)]);
  });

  it('keeps logging to the current file when a rotation fails', () => {
    const dir = fresh();
    // a folder with something in it where dukkan.1.log should go: it can be neither removed nor replaced
    mkdirSync(path.join(dir, 'dukkan.1.log'));
    writeFileSync(path.join(dir, 'dukkan.1.log', 'keep'), 'x');
    const log = openRotatingLogFile({ dir, maxBytes: 20, keep: 1 });
    for (const n of [1, 2, 3]) log.sink(`line number ${n}`, record(n));
    log.close();
    expect(lines(path.join(dir, 'dukkan.log'))).toEqual(['line number 1', 'line number 2', 'line number 3']);
  });

  it('refuses nonsense limits', () => {
    expect(() => openRotatingLogFile({ dir: fresh(), maxBytes: 0 })).toThrow(/maxBytes/);
    expect(() => openRotatingLogFile({ dir: fresh(), keep: -1 })).toThrow(/keep/);
  });
});

describe('the shell log', () => {
  it('goes to <userData>/logs/dukkan.log and the console, secret-safe as the logger', () => {
    const userData = fresh();
    const console: string[] = [];
    const shell = openShellLog({ userData, console: (t) => console.push(t) });
    expect(shell.file).toBe(path.join(userData, 'logs', 'dukkan.log'));
    const log = createLogger({ sink: shell.sink });
    log.info('app.ready', { token: 'abc', otp: new Secret('123456'), note: new Secret('s3cr3t') });
    const [line] = lines(shell.file!);
    expect(line).toBe(console[0]!.trimEnd());
    expect(JSON.parse(line!)).toMatchObject({ level: 'info', event: 'app.ready', token: '[redacted]', otp: '[redacted]', note: '[redacted]' });
    expect(line).toContain('"event":"app.ready"');
    expect(line).not.toMatch(/abc|123456|s3cr3t/);
  });

  it('without a usable folder: no file, the reason kept for the dialog, the console still fed', () => {
    const userData = path.join(fresh(), 'a-file');
    writeFileSync(userData, 'not a folder');
    const console: string[] = [];
    const shell = openShellLog({ userData, console: (t) => console.push(t) });
    expect(shell.file).toBeNull();
    expect(shell.fileError).toMatch(/ENOTDIR|EEXIST|not a directory/i);
    createLogger({ sink: shell.sink }).error('app.start-failed');
    expect(console).toHaveLength(1);
    expect(existsSync(path.join(userData, 'logs'))).toBe(false);
    expect(logLocationText(shell)).toMatch(/^The log file could not be written \(/);
  });

  it('the start-up failure text names the error and the log file', () => {
    expect(startFailureText(new Error('database is locked'), { file: '/home/u/.config/Dukkan/logs/dukkan.log', fileError: null })).toBe(
      'database is locked\n\nDetails are in the log file:\n/home/u/.config/Dukkan/logs/dukkan.log',
    );
  });
});
