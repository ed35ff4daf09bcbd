// SPDX-License-Identifier: UNLICENSED
// Failed steps explain themselves in plain words, in Arabic and English, and leave a state that resumes: invalid,
// expired and other-environment OTPs, a certificate whose VAT number is not the shop's, missing compliance steps, an
// unreachable Fatoora, a locked keychain. After a failed CSID request the CSR is never sent again
// (reference §10 step 2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCsr } from '../../app/csr/index';
import { parsePrivateKey } from '../../app/keys/privateKey';
import { createFatooraClient, type FatooraEnvironment } from '../../main/fatoora/index';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { OnboardingError } from '../../main/onboarding/index';
import { REPO_ROOT } from '../vectors';
import { newDevice, requireSecretService, secretToolLookup, SHOP, simulatorClients } from './support';

let nextOtp = 810_000;

describe('failed onboarding steps', () => {
  let sim: FatooraSimulator;
  const otp = (options?: { environment?: 'simulation' }): string => {
    const code = String(nextOtp++);
    sim.otps.add(code, options);
    return code;
  };
  const csrOf = (db: ReturnType<typeof newDevice>['db']) =>
    db.prepare('SELECT csr_pem, csr_count, csr_submitted, step FROM onboarding').get() as {
      csr_pem: string;
      csr_count: number;
      csr_submitted: number;
      step: string;
    };

  beforeAll(async () => {
    requireSecretService();
    sim = await startFatooraSimulator({ otps: [] });
  });
  afterAll(() => sim.close());

  it('an unknown OTP, an expired OTP and an OTP of another environment each say so; the retry sends a new CSR', async () => {
    const device = newDevice();
    const service = device.open({ clientFor: simulatorClients(sim) });
    const invalid = (await service.start(SHOP, '999999', { environment: 'local-simulator' }).catch((e: unknown) => e)) as OnboardingError;
    expect(invalid).toBeInstanceOf(OnboardingError);
    expect(invalid.code).toBe('onboarding.otp-invalid');
    expect(invalid.text('ar')).toMatch(/لم تقبل منصة فاتورة رمز التحقق/);
    const first = csrOf(device.db);
    expect(first).toMatchObject({ step: 'csid', csr_submitted: 1, csr_count: 1 });
    expect(service.status().active!.lastError).toEqual({ code: 'onboarding.otp-invalid', message: invalid.message });

    const expired = otp();
    sim.otps.expire(expired);
    const e2 = (await service.resume(expired).catch((e: unknown) => e)) as OnboardingError;
    // an expired OTP is "invalid" in Fatoora's words, like any other OTP problem (reference §9.1)
    expect(e2.code).toBe('onboarding.otp-invalid');
    expect(e2.text('ar')).toMatch(/لم تقبل منصة فاتورة رمز التحقق/);
    const second = csrOf(device.db);
    expect(second.csr_count).toBe(2);
    expect(second.csr_pem).not.toBe(first.csr_pem);

    // an OTP from the simulation portal is useless in this environment (reference §9)
    const e3 = (await service.resume(otp({ environment: 'simulation' })).catch((e: unknown) => e)) as OnboardingError;
    expect(e3.code).toBe('onboarding.otp-invalid');
    expect(e3.message).toMatch(/simulation and production OTPs are not interchangeable/);

    const done = await service.resume(otp());
    expect(done.active).toMatchObject({ step: 'ready', lastError: null });
    const final = csrOf(device.db);
    expect(final.csr_count).toBe(4);
    // every CSR sent was a different one: the simulator issued the CSID for the last one only
    const issued = sim.records.csids().find((c) => c.serialNumber === done.active!.certificate!.serial)!;
    expect(issued.csrPem.trim()).toBe(final.csr_pem.trim());
    service.close();
  });

  it("a certificate whose VAT number is not the shop's is refused before it is used", async () => {
    const device = newDevice();
    // Fatoora answers with a certificate for another VAT number: the request's CSR is swapped on the way, for one
    // built with the same device key (read from the keychain) but VAT 310000000000003
    const clientFor = (environment: FatooraEnvironment) =>
      createFatooraClient({
        environment,
        baseUrl: sim.urls['developer-portal'],
        fetch: async (url, init) => {
          if (url.endsWith('/compliance') && init.method === 'POST') {
            const key = parsePrivateKey(secretToolLookup(device.service, 'local-simulator/device-key')!);
            const other = buildCsr(
              {
                commonName: 'X',
                serialNumber: '1-a|2-b|3-c',
                organizationIdentifier: '310000000000003',
                organizationUnitName: 'Riyadh Branch',
                organizationName: 'Other',
                countryName: 'SA',
                invoiceType: '0100',
                locationAddress: 'RRRD2929',
                industryBusinessCategory: 'Retail',
                environment: 'developer-portal',
              },
              key,
            );
            return fetch(url, { ...init, body: JSON.stringify({ csr: other.apiBase64 }) });
          }
          return fetch(url, init);
        },
      });
    const service = device.open({ clientFor });
    const err = (await service.start(SHOP, otp(), { environment: 'local-simulator' }).catch((e: unknown) => e)) as OnboardingError;
    expect(err.code, JSON.stringify(err.problems)).toBe('onboarding.vat-mismatch');
    expect(err.message).toMatch(/\(310000000000003\) does not match the shop's VAT number \(399999999900003\)/);
    expect(err.text('ar')).toMatch(/لا يطابق الرقم الضريبي للمتجر/);
    // nothing of that CSID was kept
    expect(device.db.prepare('SELECT compliance_token, pending_token FROM onboarding').get()).toEqual({ compliance_token: null, pending_token: null });
    expect(secretToolLookup(device.service, 'local-simulator/compliance-credentials')).toBeUndefined();
    expect(device.db.prepare('SELECT COUNT(*) FROM csid_history').pluck().get()).toBe(0);
    service.close();
  });

  it('missing compliance steps: sent again once automatically; when Fatoora still misses them, the message lists them', async () => {
    // a gateway that swallows the credit-note compliance check (answers 200 itself) `swallow` times
    let swallow = 1;
    const device = newDevice();
    const clientFor = (environment: FatooraEnvironment) =>
      createFatooraClient({
        environment,
        baseUrl: sim.urls['developer-portal'],
        fetch: async (url, init) => {
          if (url.endsWith('/compliance/invoices') && swallow > 0) {
            const body = JSON.parse(String(init.body)) as { invoice: string };
            if (Buffer.from(body.invoice, 'base64').toString('utf8').includes('<cbc:InvoiceTypeCode name="0200000">381<')) {
              swallow--;
              return new Response(
                JSON.stringify({
                  validationResults: { status: 'PASS', infoMessages: [], warningMessages: [], errorMessages: [] },
                  reportingStatus: 'REPORTED',
                }),
                { status: 200 },
              );
            }
          }
          return fetch(url, init);
        },
      });
    const service = device.open({ clientFor });
    const status = await service.start(SHOP, otp(), { environment: 'local-simulator' });
    expect(status.active!.step).toBe('ready');
    expect(swallow).toBe(0);

    swallow = 2;
    const device2 = newDevice();
    const service2 = device2.open({ clientFor });
    const err = (await service2.start(SHOP, otp(), { environment: 'local-simulator' }).catch((e: unknown) => e)) as OnboardingError;
    expect(err.code).toBe('onboarding.missing-compliance-steps');
    expect(err.message).toMatch(/compliance steps are missing \(simplified-credit-note-compliant\)/);
    expect(err.text('ar')).toMatch(/خطوات امتثال ناقصة \(simplified-credit-note-compliant\)/);
    expect(service2.status().active).toMatchObject({
      step: 'compliance-checks',
      compliancePassed: ['simplified-compliant', 'simplified-debit-note-compliant'],
    });
    // resumed without a new OTP: the missing document is sent and onboarding finishes
    expect((await service2.resume()).active!.step).toBe('ready');
    service.close();
    service2.close();
  });

  it('Fatoora unreachable: nothing lost; the next run (with a new OTP, since the CSR may have been seen) finishes', async () => {
    const device = newDevice();
    // a port nobody listens on: connection refused, nothing sent
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(p));
      });
    });
    const dead = (environment: FatooraEnvironment) =>
      createFatooraClient({ environment, baseUrl: `http://127.0.0.1:${port}/e-invoicing/developer-portal`, timeoutMs: 2000 });
    const offline = device.open({ clientFor: dead });
    const err = (await offline.start(SHOP, otp(), { environment: 'local-simulator' }).catch((e: unknown) => e)) as OnboardingError;
    expect(err.code).toBe('onboarding.fatoora-unreachable');
    expect(err.text('ar')).toMatch(/تعذر الوصول إلى منصة فاتورة/);
    const online = device.open({ clientFor: simulatorClients(sim) });
    expect((await online.resume(otp())).active!.step).toBe('ready');
    expect(csrOf(device.db).csr_count).toBe(2);
    offline.close();
    online.close();
  });

  it('a locked or missing keychain is named as such (dukkan onboard without a Secret Service)', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'dukkan-nokeychain-'));
    writeFileSync(path.join(work, 'shop.json'), JSON.stringify(SHOP));
    const run = spawnSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'bin', 'dukkan.mjs'),
        'onboard',
        '--data-dir',
        path.join(work, 'data'),
        '--env',
        'local-simulator',
        '--fatoora-url',
        sim.urls['developer-portal'],
        '--shop',
        path.join(work, 'shop.json'),
        '--otp',
        otp(),
      ],
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(work, 'no-bus')}` } },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/The OS keychain is locked or unavailable/);
    expect(run.stderr).toMatch(/سلسلة مفاتيح النظام مقفلة أو غير متاحة/);
  });
});
