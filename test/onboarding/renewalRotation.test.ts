// SPDX-License-Identifier: UNLICENSED
// Renewal (PATCH /production/csids: the 200 path and the 428 path that re-runs compliance with the returned CSID),
// expiry tracking with its 30/14/7-day warnings and the refusal to sign once expired, and rotation ("the key may have
// leaked") — all against the simulator with the real OS keychain. The simulator clock and the device clock move
// together, as they would in the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../../app/x509/parseCertificate';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { auditLedger } from '../../main/ledger/auditLedger';
import { Ledger } from '../../main/ledger/ledger';
import { OnboardingError, type OnboardingService } from '../../main/onboarding/index';
import { verifyDocument } from '../../main/zatca/verifier';
import { keychainItems, newDevice, requireSecretService, SALE, secretToolLookup, SHOP, simulatorClients, type Device } from './support';

const DAY = 24 * 3600 * 1000;
let nextOtp = 700_000;
/** A fresh OTP, valid from now on the simulator clock (the simulator's OTPs expire an hour after they are added). */
const otp = (sim: FatooraSimulator): string => {
  const code = String(nextOtp++);
  sim.otps.add(code);
  return code;
};

interface History {
  kind: string;
  certificate_serial: string;
  procedure: string;
  retired_reason: string | null;
}
const history = (device: Device): History[] =>
  device.db.prepare('SELECT kind, certificate_serial, procedure, retired_reason FROM csid_history ORDER BY id').all() as History[];

describe('renewal, expiry and rotation', () => {
  let sim: FatooraSimulator;

  beforeAll(async () => {
    requireSecretService();
    sim = await startFatooraSimulator({ otps: [] });
  });
  afterAll(() => sim.close());

  async function onboarded(): Promise<{ device: Device; service: OnboardingService; ledger: Ledger }> {
    const device = newDevice();
    const clock = () => sim.clock.now();
    const service = device.open({ clientFor: simulatorClients(sim), clock });
    await service.start(SHOP, otp(sim), { environment: 'local-simulator' });
    return { device, service, ledger: new Ledger(device.db, { numberPrefix: 'T1', environment: 'local-simulator', clock }) };
  }

  it('renewal answered 200: a new production CSID for the same key; the old certificate is retired as renewed and its chain stays', async () => {
    sim.settings.renewal = 'direct';
    const { device, service, ledger } = await onboarded();
    const before = service.status().active!.certificate!;
    const secretBefore = secretToolLookup(device.service, 'local-simulator/production-credentials');
    const first = await ledger.issue(SALE, await service.signingFor('local-simulator'));

    const after = (await service.renew(otp(sim))).active!;
    expect(after).toMatchObject({ procedure: null, step: 'ready', canSign: true });
    expect(after.certificate!.serial).not.toBe(before.serial);
    const renewed = sim.records.csids().find((c) => c.serialNumber === after.certificate!.serial)!;
    expect(renewed.kind).toBe('production');
    // issued straight from the PATCH, authenticated by the current production CSID (reference §10 step 5)
    expect(renewed.issuedFrom).toBe(sim.records.csids().find((c) => c.serialNumber === before.serial)!.requestId);
    expect(secretToolLookup(device.service, 'local-simulator/production-credentials')).not.toBe(secretBefore);
    expect(history(device).filter((h) => h.kind === 'production')).toEqual([
      { kind: 'production', certificate_serial: before.serial, procedure: 'onboard', retired_reason: 'renewed' },
      { kind: 'production', certificate_serial: after.certificate!.serial, procedure: 'renew', retired_reason: null },
    ]);

    // a new CSID starts a new chain at ICV 1 (reference §11); the old chain stays and audits clean
    const second = await ledger.issue(SALE, await service.signingFor('local-simulator'));
    expect([first.icv, second.icv]).toEqual([1, 1]);
    expect(verifyDocument(second.xml).certificate!.serialDecimal).toBe(after.certificate!.serial);
    expect(verifyDocument(first.xml).certificate!.serialDecimal).toBe(before.serial);
    expect(auditLedger(device.db)).toMatchObject({ ok: true, chains: 2, documents: 2 });
    service.close();
  });

  it('renewal answered 428: compliance checks with the returned CSID, then the production CSID (reference §10 step 5)', async () => {
    sim.settings.renewal = 'compliance-required';
    const { device, service } = await onboarded();
    const before = service.status().active!.certificate!;
    const oldRequestId = sim.records.csids().find((c) => c.serialNumber === before.serial)!.requestId;
    const progress: string[] = [];
    const renewing = device.open({
      clientFor: simulatorClients(sim),
      clock: () => sim.clock.now(),
      onProgress: (e) => void (e.detail === undefined && progress.push(`${e.procedure}:${e.step}:${e.point}`)),
    });

    const after = (await renewing.renew(otp(sim))).active!;
    expect(after.step).toBe('ready');
    const renewal = sim.records.csids().find((c) => c.renewalOf === oldRequestId)!;
    expect(renewal.kind).toBe('compliance');
    expect(after.complianceRequestId).toBe(renewal.requestId);
    expect(sim.records.complianceSteps(renewal.requestId).missing).toEqual([]);
    const issued = sim.records.csids().find((c) => c.serialNumber === after.certificate!.serial)!;
    expect(issued).toMatchObject({ kind: 'production', issuedFrom: renewal.requestId });
    expect(progress.filter((p) => p.endsWith(':begin'))).toEqual([
      'renew:csr:begin',
      'renew:csid:begin',
      'renew:compliance-checks:begin',
      'renew:production-csid:begin',
    ]);
    expect(history(device).map((h) => [h.kind, h.procedure, h.retired_reason])).toEqual([
      ['compliance', 'onboard', 'used-for-production'],
      ['production', 'onboard', 'renewed'],
      ['compliance', 'renew', 'used-for-production'],
      ['production', 'renew', null],
    ]);
    // the renewed compliance CSID's secret was not kept
    expect(
      keychainItems()
        .filter((i) => i.service === device.service)
        .map((i) => i.account)
        .sort(),
    ).toEqual(['local-simulator/device-key', 'local-simulator/production-credentials']);
    renewing.close();
    service.close();
  });

  it('a renewal that fails (OTP already used) keeps the current certificate signing; a new OTP finishes it', async () => {
    sim.settings.renewal = 'compliance-required';
    const { service, ledger } = await onboarded();
    const serial = service.status().active!.certificate!.serial;
    const used = otp(sim);
    sim.otps.consume(used);
    const err = (await service.renew(used).catch((e: unknown) => e)) as OnboardingError;
    expect(err).toBeInstanceOf(OnboardingError);
    // a spent OTP is "invalid" in Fatoora's words, like any other OTP problem (reference §9.1)
    expect(err.code).toBe('onboarding.otp-invalid');
    expect(err.text('ar')).toContain('لم تقبل منصة فاتورة رمز التحقق');
    const mid = service.status().active!;
    expect(mid).toMatchObject({ procedure: 'renew', step: 'csid', canSign: true, lastError: { code: 'onboarding.otp-invalid' } });
    // the counter keeps selling with the current certificate during the renewal
    const doc = await ledger.issue(SALE, await service.signingFor('local-simulator'));
    expect(verifyDocument(doc.xml).certificate!.serialDecimal).toBe(serial);
    // resuming without an OTP explains that one is needed
    await expect(service.resume()).rejects.toMatchObject({ code: 'onboarding.otp-required' });
    const done = (await service.renew(otp(sim))).active!;
    expect(done).toMatchObject({ procedure: null, step: 'ready', lastError: null });
    expect(done.certificate!.serial).not.toBe(serial);
    service.close();
  });

  it('expiry: warnings at 30, 14 and 7 days; once expired nothing is signed; renewal with the expired CSID restores signing', async () => {
    sim.settings.renewal = 'compliance-required';
    sim.settings.certificateValidityDays = { compliance: 365, production: 40 };
    try {
      const { device, service, ledger } = await onboarded();
      const warningAfter = (days: number) => {
        sim.clock.advance(days * DAY);
        return service.status().active!.certificate!;
      };
      expect(service.status().active!.certificate!).toMatchObject({ warning: null, expired: false, daysLeft: 39 });
      expect(warningAfter(11)).toMatchObject({ warning: 30, daysLeft: 28 });
      const fourteen = warningAfter(16);
      expect(fourteen).toMatchObject({ warning: 14, daysLeft: 12 });
      expect(fourteen.message!.en).toMatch(/expires in 12 day\(s\)/);
      expect(fourteen.message!.ar).toMatch(/تنتهي صلاحية شهادة التوقيع خلال 12 يوم/);
      expect(warningAfter(7)).toMatchObject({ warning: 7, daysLeft: 5 });
      const signing = await service.signingFor('local-simulator'); // taken while still valid
      const expired = warningAfter(7);
      expect(expired).toMatchObject({ expired: true, warning: null });

      const refused = (await service.signingFor('local-simulator').catch((e: unknown) => e)) as OnboardingError;
      expect(refused.code).toBe('onboarding.certificate-expired');
      expect(refused.text('ar')).toMatch(/انتهت صلاحية شهادة التوقيع/);
      // a Signing taken before the expiry does not sign after it either, and the ledger stores nothing
      const documents = () => (device.db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
      await expect(ledger.issue(SALE, signing)).rejects.toThrow(/expired/);
      await expect(signing.sign(new Uint8Array(32))).rejects.toMatchObject({ code: 'onboarding.certificate-expired' });
      expect(documents()).toBe(0);

      const renewed = (await service.renew(otp(sim))).active!;
      expect(renewed.certificate).toMatchObject({ expired: false, warning: null });
      const doc = await ledger.issue(SALE, await service.signingFor('local-simulator'));
      expect(verifyDocument(doc.xml, { now: sim.clock.now() }).certificate!.serialDecimal).toBe(renewed.certificate!.serial);
      expect(documents()).toBe(1);
      service.close();
    } finally {
      sim.settings.certificateValidityDays = { compliance: 365, production: 5 * 365 };
    }
  });

  it('rotation: new key pair and re-onboarding; old credentials wiped from the keychain; the old chain stays auditable', async () => {
    sim.settings.renewal = 'compliance-required';
    const { device, service, ledger } = await onboarded();
    const old = service.status().active!.certificate!;
    const oldKey = secretToolLookup(device.service, 'local-simulator/device-key');
    const oldSecret = secretToolLookup(device.service, 'local-simulator/production-credentials');
    const oldDocs = [
      await ledger.issue(SALE, await service.signingFor('local-simulator')),
      await ledger.issue(SALE, await service.signingFor('local-simulator')),
    ];

    // a rotation whose OTP is refused: the old key and credentials are already gone, and nothing can be signed
    const wrong = (await service.rotate('000000').catch((e: unknown) => e)) as OnboardingError;
    expect(wrong.code).toBe('onboarding.otp-invalid');
    expect(wrong.message).toMatch(/OTP comes from the portal of this environment/);
    expect(secretToolLookup(device.service, 'local-simulator/production-credentials')).toBeUndefined();
    expect(secretToolLookup(device.service, 'local-simulator/device-key')).not.toBe(oldKey);
    expect(service.status().active).toMatchObject({ procedure: 'rotate', canSign: false, certificate: null });
    await expect(service.signingFor('local-simulator')).rejects.toMatchObject({ code: 'onboarding.not-ready', params: { environment: 'local-simulator' } });

    const status = (await service.rotate(otp(sim))).active!;
    expect(status).toMatchObject({ procedure: null, step: 'ready', canSign: true });
    const newKey = secretToolLookup(device.service, 'local-simulator/device-key');
    expect(newKey).toBeDefined();
    expect(newKey).not.toBe(oldKey);
    expect(secretToolLookup(device.service, 'local-simulator/production-credentials')).not.toBe(oldSecret);
    const oldCert = parseCertificate(sim.records.csids().find((c) => c.serialNumber === old.serial)!.certificate);
    const newCert = parseCertificate(sim.records.csids().find((c) => c.serialNumber === status.certificate!.serial)!.certificate);
    expect(Buffer.from(newCert.publicKey).equals(Buffer.from(oldCert.publicKey))).toBe(false);
    expect(history(device).find((h) => h.certificate_serial === old.serial)!.retired_reason).toBe('key-rotated');

    // the old chain: still there, still verifying with the old certificate; the new key starts a new chain at ICV 1
    const fresh = await ledger.issue(SALE, await service.signingFor('local-simulator'));
    expect(fresh.icv).toBe(1);
    expect(auditLedger(device.db)).toMatchObject({ ok: true, chains: 2, documents: 3 });
    for (const d of oldDocs) expect(verifyDocument(d.xml).certificate!.serialDecimal).toBe(old.serial);
    const stored = device.db.prepare('SELECT certificate_serial FROM chains ORDER BY id').pluck().all();
    expect(stored).toEqual([old.serial, status.certificate!.serial]);
    service.close();
  });
});
