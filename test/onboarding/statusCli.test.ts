// SPDX-License-Identifier: UNLICENSED
// `dukkan status`: environment, onboarding step, certificate serial and expiry (with the warning in both
// languages), chain head and reporting queue counts — read from the data folder by a separate process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { Ledger } from '../../main/ledger/ledger';
import { bundleCli, runCli } from './cliChild';
import { newDevice, requireSecretService, SALE, SHOP, simulatorClients } from './support';

describe('dukkan status', () => {
  let sim: FatooraSimulator;
  let cli = '';

  beforeAll(async () => {
    requireSecretService();
    // a certificate valid for 20 days: inside the 30-day warning from the start
    sim = await startFatooraSimulator({ otps: ['246810', '135791'], settings: { certificateValidityDays: { compliance: 365, production: 20 } } });
    cli = await bundleCli('status');
  }, 120_000);
  afterAll(async () => {
    rmSync(cli, { force: true });
    await sim.close();
  });

  it('shows environment, step, certificate and its expiry warning, chain head and queue; --json has the same', async () => {
    const device = newDevice();
    const service = device.open({ clientFor: simulatorClients(sim) });
    const status = await service.start(SHOP, '246810', { environment: 'local-simulator' });
    const ledger = new Ledger(device.db, { numberPrefix: 'T7', environment: 'local-simulator' });
    await ledger.issue(SALE, await service.signingFor('local-simulator'));
    const last = await ledger.issue(SALE, await service.signingFor('local-simulator'));
    service.close();

    const text = runCli(cli, ['status', '--data-dir', device.dir]);
    expect(await text.exit).toBe(0);
    const out = text.lines.join('\n');
    const serial = status.active!.certificate!.serial;
    expect(out).toContain('environment: local-simulator');
    expect(out).toContain('onboarding: ready');
    expect(out).toMatch(new RegExp(`certificate: serial ${serial}, valid until \\S+ \\(19 days left\\)`));
    expect(out).toContain('The signing certificate expires in 19 day(s)');
    expect(out).toContain('تنتهي صلاحية شهادة التوقيع خلال 19 يوم');
    expect(out).toContain(`chain head: ICV 2, T7-000002, hash ${last.hash} (2 documents)`);
    expect(out).toContain('reporting queue: queued 2');

    const json = runCli(cli, ['status', '--data-dir', device.dir, '--json']);
    expect(await json.exit).toBe(0);
    const parsed = JSON.parse(json.lines.join('\n')) as {
      onboarding: { activeEnvironment: string; active: { certificate: { warning: number; serial: string } } };
      chainHead: { icv: number; hash: string };
      queue: Record<string, number>;
    };
    expect(parsed.onboarding.activeEnvironment).toBe('local-simulator');
    expect(parsed.onboarding.active.certificate).toMatchObject({ serial, warning: 30 });
    expect(parsed.chainHead).toMatchObject({ icv: 2, hash: last.hash });
    expect(parsed.queue).toEqual({ queued: 2 });
  });

  it('an onboarding stopped half-way and an empty folder are reported as unable to sign (exit 1)', async () => {
    const device = newDevice();
    const service = device.open({ clientFor: simulatorClients(sim) });
    await expect(service.start(SHOP, '999999', { environment: 'local-simulator' })).rejects.toMatchObject({ code: 'onboarding.otp-invalid' });
    service.close();
    const half = runCli(cli, ['status', '--data-dir', device.dir]);
    expect(await half.exit).toBe(1);
    const out = half.lines.join('\n');
    expect(out).toContain('onboarding: onboard in progress, at step csid');
    expect(out).toContain('certificate: none yet (cannot sign)');
    expect(out).toMatch(/last error \(onboarding\.otp-invalid\): Fatoora did not accept the OTP/);

    const empty = runCli(cli, ['status', '--data-dir', mkdtempSync(path.join(tmpdir(), 'dukkan-empty-'))]);
    expect(await empty.exit).toBe(1);
    expect(empty.lines.join('\n')).toMatch(/^not onboarded: no dukkan\.sqlite in /);
  });
});
