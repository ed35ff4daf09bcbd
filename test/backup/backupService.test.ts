// SPDX-License-Identifier: UNLICENSED
// Automatic backups (main/backup/backupService.ts, docs/backups.md): the schedule and the Z report start runs, each
// target's last success and last failure are recorded, a target without success for 24 hours is a warning, and
// retention removes only backups the newest one covers (ICV ranges checked), keeping the newest three. Real SQLite
// files and folders; an in-memory keychain.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DukkanError, errorText } from '../../app/errors/index';
import type { BackupManifest } from '../../main/backup/backupManifest';
import { RETRY_MS, type BackupRunEvent } from '../../main/backup/backupService';
import { choosePrunable } from '../../main/backup/retention';
import { useTempDirs } from '../support/tempDirs';
import { memoryKeychains, openTerminal, testBackupService, type TestTerminal } from './support';

const newDir = useTempDirs('dukkan-backup-service-');
const terminals: TestTerminal[] = [];
afterAll(() => terminals.forEach((t) => t.close()));

async function setup(options: { passphrase?: boolean } = {}) {
  const t = openTerminal(path.join(newDir(), 'data'));
  terminals.push(t);
  await t.issue(2);
  const events: BackupRunEvent[] = [];
  const { service, advance } = testBackupService(t, memoryKeychains().of('dukkan-test'), { onRun: (e) => events.push(e) });
  if (options.passphrase !== false) await service.createPassphrase();
  return { t, service, events, advance };
}

const HOUR = 3600 * 1000;
const files = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.dkbackup'));

describe('the backup service', () => {
  it('does nothing without targets, and says so as a warning', async () => {
    const { service } = await setup();
    expect(await service.runIfDue()).toBeNull();
    expect(service.health()).toEqual({ targets: [], warning: true });
  });

  it('refuses a target that is missing or inside the data folder, naming the field', async () => {
    const { t, service } = await setup();
    for (const [target, code] of [
      [path.join(newDir(), 'not-plugged-in'), 'backup.target-missing'],
      [t.dataDir, 'backup.target-is-data-folder'],
      ['relative/usb', 'backup.target-not-folder'],
    ] as const) {
      let refusal: unknown;
      try {
        service.configure({ targets: [target], everyHours: 4, keepNewest: 3 });
      } catch (e) {
        refusal = e;
      }
      expect(refusal).toBeInstanceOf(DukkanError);
      expect((refusal as DukkanError).code).toBe(code);
      expect((refusal as DukkanError).field).toBe('target');
      expect(errorText(code, (refusal as DukkanError).params, 'ar')).toMatch(/[\u0600-\u06FF]/);
    }
    expect(service.config().targets).toEqual([]);
  });

  it('backs up when due, records the success, and is due again after everyHours', async () => {
    const { service, events, advance } = await setup();
    const usb = newDir();
    service.configure({ targets: [usb], everyHours: 4, keepNewest: 3 });
    expect(service.isDue(new Date('2026-12-01T08:00:00Z'))).toBe(true);
    const run = await service.runIfDue();
    expect(run?.outcomes[0]?.ok).toBe(true);
    expect(files(usb)).toHaveLength(1);
    expect(service.health()).toMatchObject({ warning: false, targets: [{ target: usb, stale: false, lastSuccess: { documents: 2 }, lastFailure: null }] });
    expect(events).toEqual([{ reason: 'schedule', written: 1, targets: 1, detail: expect.stringMatching(/^\d+:2$/) }]);
    advance(3 * HOUR);
    expect(await service.runIfDue()).toBeNull();
    advance(HOUR);
    expect((await service.runIfDue())?.outcomes[0]?.ok).toBe(true);
  });

  it('a Z report starts a backup at once', async () => {
    const { service, events } = await setup();
    service.configure({ targets: [newDir()], everyHours: 24, keepNewest: 3 });
    service.afterZReport();
    await service.idle();
    expect(events.map((e) => e.reason)).toEqual(['z-report']);
  });

  it('a drive unplugged: the failure is recorded next to the last success, retried after a pause, a warning after 24 h', async () => {
    const { service, advance } = await setup();
    const usb = newDir();
    service.configure({ targets: [usb], everyHours: 4, keepNewest: 3 });
    await service.runIfDue();
    rmSync(usb, { recursive: true });
    advance(4 * HOUR);
    const run = await service.runIfDue();
    expect(run?.outcomes[0]).toMatchObject({ ok: false, error: { code: 'backup.target-missing' } });
    const [status] = service.health().targets;
    expect(status).toMatchObject({ lastSuccess: { at: '2026-12-01T08:00:00.000Z' }, lastFailure: { code: 'backup.target-missing' }, stale: false });
    advance(RETRY_MS - 1);
    expect(await service.runIfDue()).toBeNull(); // not every minute
    advance(21 * HOUR);
    expect(service.health()).toMatchObject({ warning: true, targets: [{ stale: true }] });
  });

  it('without a passphrase every target records the refusal', async () => {
    const { service, events } = await setup({ passphrase: false });
    const usb = newDir();
    service.configure({ targets: [usb], everyHours: 4, keepNewest: 3 });
    expect(await service.run('manager')).toBeNull();
    expect(service.health().targets[0]).toMatchObject({ lastSuccess: null, lastFailure: { code: 'backup.no-passphrase' }, stale: true });
    expect(events).toEqual([{ reason: 'manager', written: 0, targets: 1, detail: 'backup.no-passphrase' }]);
    expect(files(usb)).toEqual([]);
  });

  it('retention: with documents added between runs, the newest three stay and older covered ones go', async () => {
    const { t, service, advance } = await setup();
    const usb = newDir();
    service.configure({ targets: [usb], everyHours: 1, keepNewest: 3 });
    for (let i = 0; i < 5; i++) {
      await t.issue(1);
      await service.run('manager');
      advance(HOUR);
    }
    expect(files(usb)).toHaveLength(3);
  });
});

describe('which backups retention may remove (ICV ranges checked)', () => {
  const manifest = (createdAt: string, chains: [serial: string, first: number, last: number][], terminal = 'a'.repeat(32)): BackupManifest => ({
    terminal,
    egsSerial: null,
    commonName: null,
    training: false,
    schemaVersion: 1,
    createdAt,
    documents: 0,
    chains: chains.map(([serial, firstIcv, lastIcv]) => ({
      issuer: 'CN=TSZEINVOICE',
      serial,
      firstIcv,
      lastIcv,
      documents: lastIcv - firstIcv + 1,
      headHash: 'x',
      firstIssuedAt: createdAt,
      lastIssuedAt: createdAt,
    })),
  });
  const listed = (name: string, m: BackupManifest) => ({ file: name, manifest: m });

  it('keeps a backup whose chain the newest does not reach, and other terminals', () => {
    const newest = listed('new', manifest('2026-12-09T00:00:00Z', [['2', 1, 50]]));
    const others = [
      listed('d', manifest('2026-12-05T00:00:00Z', [['2', 1, 40]])),
      listed('c', manifest('2026-12-04T00:00:00Z', [['2', 1, 30]])),
      listed('old-certificate', manifest('2026-12-03T00:00:00Z', [['1', 1, 900]])),
      listed('b', manifest('2026-12-02T00:00:00Z', [['2', 1, 20]])),
      listed('other-terminal', manifest('2026-12-01T00:00:00Z', [['2', 1, 10]], 'b'.repeat(32))),
      listed('ahead', manifest('2026-12-01T00:00:00Z', [['2', 1, 60]])),
    ];
    expect(choosePrunable(newest, others, 3).map((b) => b.file)).toEqual(['b']);
  });
});
