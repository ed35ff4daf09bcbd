// SPDX-License-Identifier: UNLICENSED
// A printer address can no longer name a file (docs/security.md "Printer address"; main/printing/printerAddress.ts):
// `printer.save` with `/dev/../<file>` used to be accepted, and a test print replaced that file with printer bytes.
// Through the app's real dispatcher, with real files, symbolic links and character devices read back from disk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DukkanApp } from '../../main/app/openApp';
import { checkPrinterAddress } from '../../main/printing/printerAddress';
import { clientOf, openTestApp, type Client } from '../app/support';

const work = mkdtempSync(path.join(tmpdir(), 'dukkan-printer-address-'));
const victim = path.join(work, 'ledger-backup.sqlite');
const VICTIM_TEXT = 'the shop owner’s only backup';

let app: DukkanApp;
let manager: Client;
beforeAll(async () => {
  writeFileSync(victim, VICTIM_TEXT);
  app = (await openTestApp({ dataDir: path.join(work, 'data') })).app;
  manager = clientOf(app);
  await manager.call('session.login', { userId: 1, pin: '1234' });
});
afterAll(() => app.close());

describe('printer.save accepts only printers', () => {
  it.each([
    [`/dev/..${victim}`, 'printer.address-not-allowed'],
    [`/dev/usb/../..${victim}`, 'printer.address-not-allowed'],
    ['/dev/null', 'printer.address-not-allowed'],
    ['/dev/sda', 'printer.address-not-allowed'],
    ['/dev/ttyUSB7', 'printer.device-missing'],
    ['tcp://192.168.1.50:70000', 'printer.address-not-allowed'],
    ['COM3', 'printer.address-not-allowed'], // a Windows name on Linux
  ])('%s is refused (%s), in both languages, naming the field', async (address, code) => {
    const refusal = await manager.refusal('printer.save', { address, paperWidth: 80 });
    expect(refusal).toMatchObject({ reason: code });
    expect(JSON.stringify(refusal)).toContain('address');
    expect(await manager.call('printer.get', {})).toMatchObject({ address: null });
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM_TEXT);
  });

  it('tcp://host:port is stored as given; without a port it means 9100', async () => {
    expect(await manager.call('printer.save', { address: 'tcp://192.168.1.50:9100', paperWidth: 58 })).toMatchObject({ address: 'tcp://192.168.1.50:9100' });
    expect(await manager.call('printer.save', { address: 'tcp://printer.local', paperWidth: 58 })).toMatchObject({ address: 'tcp://printer.local:9100' });
    await manager.call('printer.save', { address: null, paperWidth: 80 });
  });

  it('a device address saved by an older version is checked again before anything is written', async () => {
    app.core.settings.set('printer', { address: `/dev/..${victim}`, paperWidth: 80 });
    const outcome = await manager.call('printer.testPrint', {});
    expect(outcome).toMatchObject({ state: 'failed' });
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM_TEXT);
    app.core.settings.set('printer', { address: null, paperWidth: 80 });
  });
});

describe('device paths on disk (a device folder of the test own)', () => {
  const dev = path.join(work, 'dev');
  beforeAll(() => {
    mkdirSync(path.join(dev, 'usb'), { recursive: true });
    writeFileSync(path.join(dev, 'usb', 'lp1'), 'a regular file where a printer should be');
    symlinkSync(victim, path.join(dev, 'usb', 'lp2'));
    symlinkSync('/dev/null', path.join(dev, 'ttyUSB0'));
  });
  const check = (address: string) => () => checkPrinterAddress(address, { platform: 'linux', deviceRoot: dev });

  it('a regular file named like a printer is refused', () => {
    expect(check(`${dev}/usb/lp1`)).toThrow(expect.objectContaining({ code: 'printer.not-a-device', field: 'address' }));
  });

  it('a link from a printer name to a file, or to a device elsewhere, is refused (real path checked)', () => {
    expect(check(`${dev}/usb/lp2`)).toThrow(
      expect.objectContaining({ code: 'printer.device-elsewhere', params: { address: `${dev}/usb/lp2`, target: victim } }),
    );
    expect(check(`${dev}/ttyUSB0`)).toThrow(expect.objectContaining({ code: 'printer.device-elsewhere' }));
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM_TEXT);
  });

  it.skipIf(process.getuid?.() !== 0)('a real character device under usb/ or ttyACM is accepted (mknod needs root)', () => {
    execFileSync('mknod', [path.join(dev, 'usb', 'lp0'), 'c', '1', '3']);
    execFileSync('mknod', [path.join(dev, 'ttyACM0'), 'c', '1', '3']);
    expect(check(`${dev}/usb/lp0`)()).toBe(`${dev}/usb/lp0`);
    expect(check(`${dev}/ttyACM0`)()).toBe(`${dev}/ttyACM0`);
  });

  it('Windows: COM ports and system printers by name; no paths', () => {
    const win = (a: string) => () => checkPrinterAddress(a, { platform: 'win32' });
    expect(win('COM3')()).toBe('COM3');
    expect(win('\\\\.\\COM12')()).toBe('\\\\.\\COM12');
    expect(win('printer:EPSON TM-T20III')()).toBe('printer:EPSON TM-T20III');
    expect(win('C:\\Users\\shop\\ledger.sqlite')).toThrow(expect.objectContaining({ code: 'printer.address-not-allowed' }));
    expect(win('\\\\server\\share\\file')).toThrow(expect.objectContaining({ code: 'printer.address-not-allowed' }));
  });

  it('a bare IPv4 address means tcp on port 9100', () => {
    expect(checkPrinterAddress('192.168.1.50', { platform: 'linux' })).toBe('tcp://192.168.1.50:9100');
    expect(checkPrinterAddress('192.168.1.50:9101', { platform: 'linux' })).toBe('tcp://192.168.1.50:9101');
  });
});
