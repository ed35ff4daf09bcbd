// SPDX-License-Identifier: UNLICENSED
// After full runs — onboarding with all six compliance documents, sales through the ledger, reporting, a refused
// OTP, renewal on the 428 and the 200 path, a rotation — the terminal's data folder, the SQLite files (including
// the -wal and -shm files of the open database), every log (the terminal's, the simulator's) and everything the CLI
// printed hold no private key in any encoding and no CSID secret or OTP.
// The secrets to look for come from the keychain itself: every value the device wrote there (in process), and
// secret-tool lookups at pause points (the CLI run).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeSec1PrivateKey, parsePrivateKey } from '../../app/keys/privateKey';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { Ledger } from '../../main/ledger/ledger';
import { createLogger, memoryLogSink, teeLogSink } from '../../main/log/logger';
import { Secret } from '../../main/log/secret';
import { SDK_KEY_PEM } from '../vectors';
import { bundleCli, runCli } from './cliChild';
import { filesUnder, findSecrets, privateKeyNeedles, secretNeedles, type Haystack, type Needle } from './secretScan';
import { newDevice, requireSecretService, SALE, secretToolLookup, SHOP, simulatorClients } from './support';

describe('no private key and no secret on disk or in logs', () => {
  let sim: FatooraSimulator;
  const simLog = memoryLogSink();
  let cli = '';
  let nextOtp = 610_000;
  const otps: string[] = [];
  const otp = (): string => {
    const code = String(nextOtp++);
    sim.otps.add(code);
    otps.push(code);
    return code;
  };

  beforeAll(async () => {
    requireSecretService();
    sim = await startFatooraSimulator({ otps: [], logger: createLogger({ sink: simLog.sink, minLevel: 'debug' }) });
    cli = await bundleCli('secrets');
  }, 120_000);
  afterAll(async () => {
    rmSync(cli, { force: true });
    await sim.close();
  });

  /** The needles for every value a device wrote into the keychain. */
  function needlesOf(written: readonly string[]): Needle[] {
    const needles: Needle[] = [];
    for (const [i, value] of written.entries()) {
      if (value.startsWith('{')) needles.push(...secretNeedles((JSON.parse(value) as { secret: string }).secret, `CSID secret #${i}`));
      else needles.push(...privateKeyNeedles(value, `device key #${i}`));
    }
    return needles;
  }

  it('the scanner finds a key and a secret when they are there (positive control)', () => {
    const key = Buffer.from(encodeSec1PrivateKey(parsePrivateKey(readFileSync(SDK_KEY_PEM, 'utf8')))).toString('base64');
    const needles = [...privateKeyNeedles(key, 'k'), ...secretNeedles('Xlj15LyMCgSC66ObnEO/qVPfhSbs3kDTjWnGheYhfSs=', 's')];
    const scalar = needles.find((n) => n.what === 'k scalar (raw bytes)')!.bytes;
    const inside = (prefix: string, b: Buffer) => Buffer.concat([Buffer.from(prefix), b, Buffer.from('tail')]);
    const hay: Haystack[] = [
      { name: 'raw', bytes: inside('x', scalar) },
      { name: 'hex', bytes: inside('key=', Buffer.from(scalar.toString('hex'))) },
      { name: 'b64-shifted', bytes: Buffer.from(Buffer.concat([Buffer.from('ab'), scalar, Buffer.from('cdef')]).toString('base64')) },
      { name: 'auth', bytes: Buffer.from(`Basic ${Buffer.from('TUlJQ0:Xlj15LyMCgSC66ObnEO/qVPfhSbs3kDTjWnGheYhfSs=').toString('base64')}`) },
      { name: 'otp', bytes: Buffer.from('{"otp":"654321"}') },
      { name: 'clean', bytes: Buffer.from('serial 1234654321999 and 9654321') },
    ];
    const found = findSecrets(hay, needles, ['654321']);
    for (const name of ['raw', 'hex', 'b64-shifted', 'auth', 'otp'])
      expect(
        found.some((f) => f.endsWith(` in ${name}`)),
        name,
      ).toBe(true);
    expect(found.some((f) => f.endsWith(' in clean'))).toBe(false);
  });

  it('in process: onboarding (6 documents), sales, reporting, a refused OTP, renewal 428 and 200, rotation', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-scan-'));
    mkdirSync(path.join(dir, 'logs'));
    const memory = memoryLogSink();
    const logger = createLogger({
      sink: teeLogSink((line) => appendFileSync(path.join(dir, 'logs', 'dukkan.log'), `${line}\n`), memory.sink),
      minLevel: 'debug',
    });
    const device = newDevice(dir);
    const service = device.open({ clientFor: simulatorClients(sim, logger), logger });
    const ledger = new Ledger(device.db, { numberPrefix: 'T1', environment: 'local-simulator' });
    const client = simulatorClients(sim, logger)('local-simulator');

    await service.start({ ...SHOP, invoiceTypes: 'simplified+standard' }, otp(), { environment: 'local-simulator' });
    for (let i = 0; i < 3; i++) {
      const doc = await ledger.issue(SALE, await service.signingFor('local-simulator'));
      const token = device.db.prepare('SELECT production_token FROM onboarding').pluck().get() as string;
      const secret = (JSON.parse(device.written.at(-1)!) as { secret: string }).secret;
      const outcome = await client.reportInvoice(
        { environment: 'local-simulator', binarySecurityToken: token, secret: new Secret(secret) },
        { invoiceHash: doc.hash, uuid: doc.uuid, invoice: doc.xml },
      );
      expect(outcome.kind).toBe('accepted');
    }
    await expect(service.renew('918273')).rejects.toMatchObject({ code: 'onboarding.otp-invalid' });
    otps.push('918273');
    sim.settings.renewal = 'compliance-required';
    await service.resume(otp());
    sim.settings.renewal = 'direct';
    await service.renew(otp());
    await service.rotate(otp());
    await ledger.issue(SALE, await service.signingFor('local-simulator'));
    expect(service.status().active!.step).toBe('ready');

    // what was written to the keychain: 2 keys, and the CSID secrets of every stage
    const needles = needlesOf(device.written);
    expect(device.written.filter((v) => !v.startsWith('{'))).toHaveLength(2);
    // compliance + production (onboard), compliance + production (428 renewal), production (200 renewal), both again (rotation)
    expect(device.written.filter((v) => v.startsWith('{'))).toHaveLength(7);

    // scanned with the database open (its -wal and -shm hold the recent pages), then again after it closed
    const open = filesUnder(dir);
    expect(open.map((f) => path.basename(f.name)).sort()).toEqual(['dukkan.log', 'dukkan.sqlite', 'dukkan.sqlite-shm', 'dukkan.sqlite-wal']);
    expect(open.find((f) => f.name.endsWith('-wal'))!.bytes.length).toBeGreaterThan(0);
    const logs: Haystack[] = [
      { name: 'simulator log', bytes: Buffer.from(simLog.lines.join('\n')) },
      { name: 'terminal log (memory)', bytes: Buffer.from(memory.lines.join('\n')) },
    ];
    expect(memory.lines.length).toBeGreaterThan(50);
    expect(findSecrets([...open, ...logs], needles, otps)).toEqual([]);
    service.close();
    device.db.close();
    expect(findSecrets(filesUnder(dir), needles, otps)).toEqual([]);
  });

  it('through the CLI: the data folder, its log and everything printed (keys and secrets read from the keychain)', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'dukkan-scan-cli-'));
    const shop = path.join(work, 'shop.json');
    writeFileSync(shop, JSON.stringify(SHOP));
    const dataDir = path.join(work, 'data');
    const code = otp();
    const args = ['onboard', '--data-dir', dataDir, '--env', 'local-simulator', '--fatoora-url', sim.urls['developer-portal'], '--shop', shop, '--otp', code];
    // held before the production CSID request: the compliance secret is in the keychain at that moment
    const first = runCli(cli, args, { DUKKAN_ONBOARD_PAUSE_AT: 'production-csid:sending' });
    await first.waitForLine(/^paused at production-csid:sending$/);
    const status = runCli(cli, ['status', '--data-dir', dataDir, '--json']);
    await status.exit;
    const deviceId = (JSON.parse(status.lines.join('\n')) as { onboarding: { deviceId: string } }).onboarding.deviceId;
    const service = `dukkan-${deviceId}`;
    const compliance = secretToolLookup(service, 'local-simulator/compliance-credentials')!;
    expect(compliance).toBeDefined();
    await first.kill();
    const second = runCli(cli, args);
    expect(await second.exit).toBe(0);
    const key = secretToolLookup(service, 'local-simulator/device-key')!;
    const production = secretToolLookup(service, 'local-simulator/production-credentials')!;
    const needles = [
      ...privateKeyNeedles(key, 'device key'),
      ...secretNeedles((JSON.parse(compliance) as { secret: string }).secret, 'compliance secret'),
      ...secretNeedles((JSON.parse(production) as { secret: string }).secret, 'production secret'),
    ];

    const files = filesUnder(dataDir);
    expect(files.some((f) => f.name.endsWith(path.join('logs', 'dukkan.log')))).toBe(true);
    const printed: Haystack[] = [first, second, status].flatMap((r, i) => [
      { name: `stdout ${i}`, bytes: Buffer.from(r.lines.join('\n')) },
      { name: `stderr ${i}`, bytes: Buffer.from(r.stderr()) },
    ]);
    expect(findSecrets([...files, ...printed, { name: 'simulator log', bytes: Buffer.from(simLog.lines.join('\n')) }], needles, [code])).toEqual([]);
  });
});
