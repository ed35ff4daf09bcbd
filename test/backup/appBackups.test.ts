// SPDX-License-Identifier: UNLICENSED
// Backups in the running app (docs/backups.md): a live terminal onboarded against the Fatoora simulator has a
// backup service on its live ledger; with no backup folder the status strip warns; after the manager's Z report the
// day's ledger is in the backup folder, and the device status shows the folder's last successful backup. Training
// practice data is not backed up. Through the dispatcher, on real SQLite files and folders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import type { DukkanApp } from '../../main/app/openApp';
import { openBackup } from '../../main/backup/backupFormat';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { WIZARD_SHOP as SHOP } from '../fixtures/wizardShop';
import { clientOf, openTestApp, type Client } from '../app/support';
import { useTempDirs } from '../support/tempDirs';
import path from 'node:path';

const OTP = '314159';
const newDir = useTempDirs('dukkan-app-backups-');

describe('backups in the running app', { timeout: 180_000 }, () => {
  let sim: FatooraSimulator;
  let app: DukkanApp;
  let manager: Client;
  let cashier: Client;
  const user = (role: string) => app.core.users.list().find((u) => u.role === role)!.id;

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: [OTP] });
    ({ app } = await openTestApp({ fatooraUrl: sim.url }));
    manager = clientOf(app, 'office');
    await manager.call('session.login', { userId: user('manager'), pin: '1234' });
    expect(app.core.current().backups).toBeNull(); // training: practice data is not backed up
    expect((await manager.call('onboarding.start', { environment: 'local-simulator', otp: OTP, shop: SHOP })).state).toBe('done');
    await manager.call('session.changePin', { oldPin: '1234', newPin: '2468' });
    // going live removed the training cashier (main/app/goLiveUsers.ts): the shop's own cashier is made live
    await manager.call('users.save', { name: 'Sara', role: 'cashier', pin: '2580' });
    cashier = clientOf(app, 'till');
    await cashier.call('session.login', { userId: user('cashier'), pin: '2580' });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await sim?.close();
  });

  it('without a backup folder the live terminal warns on the status strip and the status screen', async () => {
    expect((await manager.call('status.get', {})).backupWarning).toBe(true);
    expect((await manager.call('device.status', {})).backups).toEqual({ warning: true, targets: [] });
  });

  it("the Z report backs the day's ledger up; the status shows the folder's last success", async () => {
    const usb = newDir();
    const backups = app.core.current().backups!;
    expect(await manager.call('backup.configure', { targets: [usb], everyHours: 24, keepNewest: 3 })).toMatchObject({ targets: [usb], passphraseSet: false });
    const { passphrase, sheet } = await manager.call('backup.createPassphrase', {});
    expect(sheet).toContain(passphrase);
    expect(await manager.refusal('backup.createPassphrase', {})).toMatchObject({ reason: 'backup.passphrase-exists' });
    const milk = app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
    await cashier.call('sale.complete', { lines: [{ productId: milk, quantity: '1' }], payments: [{ method: 'cash', amount: '10' }], saleId: randomUUID() });
    const z = await manager.call('reports.daily', { kind: 'Z' });
    expect(z.kind).toBe('Z');
    await backups.idle();
    const files = readdirSync(usb).filter((n) => n.endsWith('.dkbackup'));
    expect(files).toHaveLength(1);
    const b = await openBackup(path.join(usb, files[0]!));
    const device = await manager.call('device.status', {});
    // the backup holds the document just sold: its chain head is the terminal's
    expect(b.header.manifest.chains.at(-1)).toMatchObject({ lastIcv: device.chainHead!.icv, headHash: device.chainHead!.hash });
    expect(device.backups).toEqual({
      warning: false,
      targets: [{ target: usb, storeServer: null, lastSuccessAt: expect.any(String), lastFailure: null, stale: false }],
    });
    expect((await manager.call('status.get', {})).backupWarning).toBe(false);
    // the run is in the audit trail: why it ran, how many folders got it, the chain heads it holds
    const trail = await manager.call('audit.list', { kind: 'backup' });
    expect(trail.at(-1)).toMatchObject({ kind: 'backup', before: 'z-report', after: expect.stringMatching(/^1\/1 targets; \d+:\d+/) });
    // the manager checks the file as a restore would, placing nothing
    const checked = await manager.call('backup.check', { file: b.file });
    expect(checked).toMatchObject({
      file: b.file,
      documents: b.header.manifest.documents,
      chains: [expect.objectContaining({ lastIcv: device.chainHead!.icv })],
    });
  });

  it('refuses a backup folder that is not there, naming the field, in both languages', async () => {
    const refusal = await manager.refusal('backup.configure', { targets: [path.join(newDir(), 'unplugged')], everyHours: 4, keepNewest: 3 });
    expect(refusal).toMatchObject({ reason: 'backup.target-missing', field: 'target' });
    expect(await manager.refusal('backup.configure', { targets: [], everyHours: 0, keepNewest: 3 })).toMatchObject({ code: 'invalid-input' });
    expect((await manager.call('backup.status', {})).targets).toHaveLength(1);
  });
});
