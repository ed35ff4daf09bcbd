// SPDX-License-Identifier: UNLICENSED
// Onboarding end to end: the onboarding service against the in-process Fatoora simulator, with the real OS keychain
// (gnome-keyring over D-Bus), then an invoice issued through the ledger with the signing service and verified with
// the production certificate — by our verifier (stamp, rules, XSD), by node:crypto, and by the simulator's reporting
// endpoint authenticating with the stored credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openssl } from '../support/opensslOracle';
import { parseCertificate } from '../../app/x509/parseCertificate';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { Ledger } from '../../main/ledger/ledger';
import { Secret } from '../../main/log/secret';
import { OnboardingError } from '../../main/onboarding/index';
import { verifyDocument } from '../../main/zatca/verifier';
import { keychainItems, newDevice, onboardingRows, requireSecretService, SALE, secretToolLookup, SHOP, simulatorClients } from './support';
// OpenSSL as an independent oracle (node:crypto's secp256k1 is refused under the BoringSSL profile)
const { createPrivateKey, verify: nodeVerify, X509Certificate } = openssl;

describe('onboarding end to end with the OS keychain', () => {
  let sim: FatooraSimulator;

  beforeAll(async () => {
    requireSecretService();
    sim = await startFatooraSimulator({ otps: ['111111', '222222', '333333', '444444', '555555'] });
  });
  afterAll(() => sim.close());

  it('OTP → key → CSR → compliance CSID → 3 compliance documents → production CSID; the ledger then issues a verifiable invoice', async () => {
    const device = newDevice();
    const progress: string[] = [];
    const service = device.open({
      clientFor: simulatorClients(sim),
      onProgress: (e) => void progress.push(`${e.step}:${e.point}${e.detail ? `:${e.detail}` : ''}`),
    });
    const status = await service.start(SHOP, '111111', { environment: 'local-simulator' });

    expect(status.activeEnvironment).toBe('local-simulator');
    const a = status.active!;
    expect(a).toMatchObject({ procedure: null, step: 'ready', canSign: true, vatNumber: SHOP.vatNumber, invoiceType: '0100', lastError: null });
    expect(a.compliancePassed).toEqual(['simplified-compliant', 'simplified-credit-note-compliant', 'simplified-debit-note-compliant']);
    expect(a.certificate!.expired).toBe(false);
    expect(a.certificate!.warning).toBeNull();
    // the steps ran in order, each persisted before the next began
    const begun = progress.filter((p) => p.split(':')[1] === 'begin');
    expect(begun).toEqual([
      'key:begin',
      'csr:begin',
      'csid:begin',
      'compliance-checks:begin',
      'compliance-checks:begin:simplified-compliant',
      'compliance-checks:begin:simplified-credit-note-compliant',
      'compliance-checks:begin:simplified-debit-note-compliant',
      'production-csid:begin',
    ]);

    // Fatoora's side: one compliance CSID with all steps passed, one production CSID issued from it, same key
    const csids = sim.records.csids().filter((c) => c.vatNumber === SHOP.vatNumber && c.egsSerial === a.egsSerial);
    expect(csids.map((c) => c.kind)).toEqual(['compliance', 'production']);
    expect(sim.records.complianceSteps(a.complianceRequestId!)).toEqual({ passed: a.compliancePassed, missing: [] });
    expect(csids[1]!.serialNumber).toBe(a.certificate!.serial);
    // the compliance documents carried the shop's real seller data
    const checks = sim.records.submissions().filter((s) => s.endpoint === 'compliance-check' && s.csidRequestId === a.complianceRequestId);
    expect(checks).toHaveLength(3);
    for (const c of checks) expect(Buffer.from(c.invoice, 'base64').toString('utf8')).toContain(SHOP.sellerName.ar);

    // The keychain, read independently over D-Bus: the device key and the production secret, nothing else
    const mine = keychainItems()
      .filter((i) => i.service === device.service)
      .map((i) => i.account)
      .sort();
    expect(mine).toEqual(['local-simulator/device-key', 'local-simulator/production-credentials']);
    const stored = secretToolLookup(device.service, 'local-simulator/device-key')!;
    const key = createPrivateKey({ key: Buffer.from(stored, 'base64'), format: 'der', type: 'sec1' });
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('secp256k1');
    const row = device.db.prepare('SELECT production_token FROM onboarding').get() as { production_token: string };
    const x509 = new X509Certificate(Buffer.from(parseCertificate(row.production_token).der));
    expect(x509.checkPrivateKey(key)).toBe(true); // the certificate Fatoora issued is for the key in the keychain

    // The counter: the ledger issues with the signing service; the document verifies with the production certificate
    const ledger = new Ledger(device.db, { numberPrefix: 'T1', environment: 'local-simulator' });
    const doc = await ledger.issue(SALE, await service.signingFor('local-simulator'));
    expect(doc.icv).toBe(1);
    const report = verifyDocument(doc.xml, { now: new Date() });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.certificate?.serialDecimal).toBe(a.certificate!.serial);
    const signatureValue = /<ds:SignatureValue>([^<]+)</.exec(Buffer.from(doc.xml).toString('utf8'))![1]!;
    expect(nodeVerify('sha256', Buffer.from(doc.hash, 'base64'), { key: x509.publicKey, dsaEncoding: 'der' }, Buffer.from(signatureValue, 'base64'))).toBe(
      true,
    );

    // the stored credentials work: Fatoora accepts the report authenticated with the production CSID
    const secret = JSON.parse(secretToolLookup(device.service, 'local-simulator/production-credentials')!) as { secret: string };
    const client = simulatorClients(sim)('local-simulator');
    const outcome = await client.reportInvoice(
      { environment: 'local-simulator', binarySecurityToken: row.production_token, secret: new Secret(secret.secret) },
      { invoiceHash: doc.hash, uuid: doc.uuid, invoice: doc.xml },
    );
    expect(outcome.kind).toBe('accepted');

    // a second start with the same shop is a no-op, not a second onboarding
    const again = await service.start(SHOP, '222222', { environment: 'local-simulator' });
    expect(again.active!.certificate!.serial).toBe(a.certificate!.serial);
    expect(sim.otps.list().find((o) => o.code === '222222')!.usedAt).toBeUndefined();
    service.close();
  });

  it('simplified + standard: all six compliance documents before the production CSID (reference §10 step 3)', async () => {
    const device = newDevice();
    const service = device.open({ clientFor: simulatorClients(sim) });
    const status = await service.start({ ...SHOP, invoiceTypes: 'simplified+standard' }, '333333', { environment: 'local-simulator' });
    const a = status.active!;
    expect(a.invoiceType).toBe('1100');
    expect(sim.records.complianceSteps(a.complianceRequestId!)).toEqual({
      passed: [
        'simplified-compliant',
        'simplified-credit-note-compliant',
        'simplified-debit-note-compliant',
        'standard-compliant',
        'standard-credit-note-compliant',
        'standard-debit-note-compliant',
      ],
      missing: [],
    });
    const cert = parseCertificate(device.db.prepare('SELECT production_token AS t FROM onboarding').pluck().get() as string);
    expect(cert.zatca.invoiceTypes).toBe('1100');
    service.close();
  });

  it('environments never share keys or credentials; switching is an explicit, confirmed action', async () => {
    const device = newDevice();
    const service = device.open({ clientFor: simulatorClients(sim) });
    await service.start(SHOP, '444444', { environment: 'local-simulator' });
    const localKey = secretToolLookup(device.service, 'local-simulator/device-key');

    // without confirmation: refused in both languages, nothing changes (no row, no keychain entry, OTP unused)
    const before = { rows: onboardingRows(device.db), items: keychainItems().filter((i) => i.service === device.service) };
    const refused = await service.start(SHOP, '555555', { environment: 'simulation' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OnboardingError);
    expect(refused).toMatchObject({ code: 'onboarding.switch-needs-confirm', params: { active: 'local-simulator', requested: 'simulation' } });
    expect((refused as OnboardingError).text('ar')).toMatch(/الانتقال إلى بيئة simulation/);
    expect(onboardingRows(device.db)).toEqual(before.rows);
    expect(keychainItems().filter((i) => i.service === device.service)).toEqual(before.items);
    expect(sim.otps.list().find((o) => o.code === '555555')!.usedAt).toBeUndefined();

    // confirmed: a separate onboarding, through the simulation gateway path and the PREZATCA template
    const status = await service.start(SHOP, '555555', { environment: 'simulation', confirm: true });
    expect(status.activeEnvironment).toBe('simulation');
    expect(status.environments.map((e) => [e.environment, e.step])).toEqual([
      ['local-simulator', 'ready'],
      ['simulation', 'ready'],
    ]);
    const simulationKey = secretToolLookup(device.service, 'simulation/device-key');
    expect(simulationKey).toBeDefined();
    expect(simulationKey).not.toBe(localKey);
    const csids = sim.records
      .csids()
      .filter(
        (c) =>
          c.kind === 'production' &&
          (c.serialNumber === status.environments[0]!.certificate!.serial || c.serialNumber === status.environments[1]!.certificate!.serial),
      );
    expect(csids.map((c) => c.environment).sort()).toEqual(['developer-portal', 'simulation']);

    // the counter signs only for the active environment
    await expect(service.signingFor('local-simulator')).rejects.toMatchObject({ code: 'onboarding.not-active', params: { active: 'simulation' } });
    const signing = await service.signingFor('simulation');
    expect(signing.certificate.serialDecimal).toBe(status.active!.certificate!.serial);
    expect(() => service.switchEnvironment('local-simulator', { confirm: false })).toThrow(OnboardingError);
    expect(service.switchEnvironment('local-simulator', { confirm: true }).activeEnvironment).toBe('local-simulator');
    expect((await service.signingFor('local-simulator')).certificate.serialDecimal).toBe(status.environments[0]!.certificate!.serial);
    service.close();
  });
});
