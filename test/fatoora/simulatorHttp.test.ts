// SPDX-License-Identifier: UNLICENSED
// The simulator at the HTTP level, with plain fetch (no client in between): status codes and ZATCA body shapes
// for every refusal, CSR checks on CSRs made by openssl (an independent producer), persistence across restarts,
// and reproducible fault injection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { Secret } from '../../main/log/secret';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { createFaultController } from '../../main/fatooraSimulator/faults';
import { createRandom } from '../../main/fatooraSimulator/random';
import { simplifiedInvoice } from '../fixtures/documents';
import { clientFor, complianceDocuments, expectKind, newEgs, onboard, riyadhDateTime, signWith, submissionOf, type Onboarded } from './support';

const HEADERS = { 'Accept-Version': 'V2', 'Content-Type': 'application/json', Accept: 'application/json' };

async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: init.method ?? 'POST',
    headers: init.headers ?? HEADERS,
    body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body ?? {}),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').startsWith('application/json');
  return { status: res.status, body: text ? (json ? (JSON.parse(text) as unknown) : text) : undefined };
}

const basic = (token: string, secret: string) => `Basic ${Buffer.from(`${token}:${secret}`).toString('base64')}`;

/** A CSR made by openssl from a config file, so the simulator is tested against CSRs we did not build. */
function opensslCsr(fields: { vat?: string; serial?: string; title?: string; template?: string; curve?: string; country?: string }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-csr-'));
  const cfg = `[req]
prompt = no
distinguished_name = dn
req_extensions = ext
utf8 = yes
[dn]
C = ${fields.country ?? 'SA'}
OU = Riyadh Branch
O = Dukkan Retail Store
CN = POS-Riyadh-02
[ext]
1.3.6.1.4.1.311.20.2 = ASN1:UTF8String:${fields.template ?? 'PREZATCA-Code-Signing'}
subjectAltName = dirName:alt
[alt]
SN = ${fields.serial ?? '1-Dukkan|2-POS|3-8a1f'}
UID = ${fields.vat ?? '399999999900003'}
title = ${fields.title ?? '0100'}
registeredAddress = RRRD2929
businessCategory = Retail
`;
  writeFileSync(path.join(dir, 'csr.cnf'), cfg);
  execFileSync('openssl', ['ecparam', '-name', fields.curve ?? 'secp256k1', '-genkey', '-noout', '-out', path.join(dir, 'key.pem')]);
  execFileSync('openssl', [
    'req',
    '-new',
    '-sha256',
    '-key',
    path.join(dir, 'key.pem'),
    '-config',
    path.join(dir, 'csr.cnf'),
    '-out',
    path.join(dir, 'csr.pem'),
  ]);
  return readFileSync(path.join(dir, 'csr.pem'), 'utf8');
}
const apiCsr = (pemText: string) => Buffer.from(pemText).toString('base64');

describe('simulator refusals, status and code', () => {
  let sim: FatooraSimulator;
  let unit: Onboarded;
  let base: string;

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: ['123345', '101010', '202020', '303030'] });
    unit = await onboard(clientFor(sim), sim);
    base = sim.urls.simulation;
  });
  afterAll(() => sim.close());

  const production = () => ({ token: unit.production.credentials.binarySecurityToken, secret: unit.production.credentials.secret.reveal() });

  it('a tampered invoice → 400, NOT_REPORTED, invalid-invoice-hash (INVOICE_HASHING_ERRORS)', async () => {
    const doc = await signWith(
      unit.production.credentials,
      unit.egs,
      simplifiedInvoice({ ...riyadhDateTime(sim.clock.now()), number: 'T1-000100', uuid: randomUUID() }),
      { icv: 4, pih: INITIAL_PIH },
    );
    const tampered = doc.xml.replace('<cbc:Name>حليب طازج | Fresh milk</cbc:Name>', '<cbc:Name>حليب طازج | Fresh milk!</cbc:Name>');
    expect(tampered).not.toBe(doc.xml);
    const { token, secret } = production();
    const r = await call(`${base}/invoices/reporting/single`, {
      headers: { ...HEADERS, Authorization: basic(token, secret) },
      body: { invoiceHash: doc.hash, uuid: doc.uuid, invoice: Buffer.from(tampered).toString('base64') },
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ reportingStatus: 'NOT_REPORTED', validationResults: { status: 'ERROR' } });
    const errors = (r.body as { validationResults: { errorMessages: { code: string; category: string; type: string; status: string }[] } }).validationResults
      .errorMessages;
    expect(errors.find((e) => e.code === 'invalid-invoice-hash')).toEqual(
      expect.objectContaining({ type: 'ERROR', category: 'INVOICE_HASHING_ERRORS', status: 'ERROR' }),
    );
  });

  it('a wrong secret → 401; no Authorization → 401; a token it never issued → 401', async () => {
    const { token } = production();
    const body = { invoiceHash: 'x', uuid: 'y', invoice: 'z' };
    expect(
      (await call(`${base}/invoices/reporting/single`, { headers: { ...HEADERS, Authorization: basic(token, 'bm90LXRoZS1zZWNyZXQ=') }, body })).status,
    ).toBe(401);
    expect((await call(`${base}/invoices/reporting/single`, { body })).status).toBe(401);
    expect((await call(`${base}/invoices/reporting/single`, { headers: { ...HEADERS, Authorization: basic('TUlJQ0FBQQ==', 'eA==') }, body })).status).toBe(401);
    expect((await call(`${base}/invoices/reporting/single`, { headers: { ...HEADERS, Authorization: 'Bearer abc' }, body })).status).toBe(401);
  });

  it('a compliance CSID used for reporting → 401 (refused at authentication, before any document check)', async () => {
    const c = unit.compliance.credentials;
    const r = await call(`${base}/invoices/reporting/single`, {
      headers: { ...HEADERS, Authorization: basic(c.binarySecurityToken, c.secret.reveal()) },
      body: {},
    });
    expect(r.status).toBe(401);
  });

  it('an expired or unknown OTP → 400 Invalid-OTP in the same words; a missing one → 400 Missing-OTP (reference §9.1)', async () => {
    const csr = newEgs('simulation').csr.apiBase64;
    sim.otps.expire('101010');
    const expired = await call(`${base}/compliance`, { headers: { ...HEADERS, OTP: '101010' }, body: { csr } });
    expect(expired).toEqual({ status: 400, body: { errors: [{ code: 'Invalid-OTP', message: 'The provided OTP is invalid' }] } });
    expect(await call(`${base}/compliance`, { body: { csr } })).toEqual({
      status: 400,
      body: { errors: [{ code: 'Missing-OTP', message: 'OTP is required field' }] },
    });
    expect((await call(`${base}/compliance`, { headers: { ...HEADERS, OTP: '999999' }, body: { csr } })).body).toEqual(expired.body);
  });

  it('an OTP tied to another environment is invalid here (reference §9: portal OTPs are not interchangeable)', async () => {
    sim.otps.add('404040', { environment: 'production' });
    const r = await call(`${base}/compliance`, { headers: { ...HEADERS, OTP: '404040' }, body: { csr: newEgs('simulation').csr.apiBase64 } });
    expect(r.body).toEqual({ errors: [{ code: 'Invalid-OTP', message: 'The provided OTP is invalid' }] });
  });

  it("issued CSIDs have ZATCA's shape: numeric requestID, double-base64 token, 44-character secret", async () => {
    const r = await call(`${base}/compliance`, { headers: { ...HEADERS, OTP: '202020' }, body: { csr: apiCsr(opensslCsr({})) } });
    expect(r.status).toBe(200);
    const b = r.body as Record<string, unknown>;
    expect(b).toMatchObject({
      dispositionMessage: 'ISSUED',
      errors: null,
      tokenType: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3',
    });
    expect(typeof b.requestID).toBe('number');
    expect(Buffer.from(b.binarySecurityToken as string, 'base64').toString('latin1')).toMatch(/^MII[A-Za-z0-9+/]+=*$/);
    expect(b.secret).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it.each([
    ['VAT not starting and ending with 3', { vat: '123456789012345' }, /organizationIdentifier/],
    ['EGS serial without the 1-|2-|3- form', { serial: 'POS-7' }, /serialNumber/],
    ['invoice type digits', { title: '0200' }, /invoiceType/],
    ['invoice type enabling nothing usable', { title: '0010' }, /standard \(T\) or simplified \(S\)/],
    ['template name of another environment', { template: 'TSTZATCA-Code-Signing' }, /requires 'PREZATCA-Code-Signing'/],
    ['country other than SA', { country: 'AE' }, /countryName must be 'SA'/],
    ['a P-256 key', { curve: 'prime256v1' }, /secp256k1/],
  ])('CSR refused as NOT_COMPLIANT: %s', async (_name, fields, message) => {
    const r = await call(`${base}/compliance`, { headers: { ...HEADERS, OTP: '303030' }, body: { csr: apiCsr(opensslCsr(fields)) } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ requestID: -1, dispositionMessage: 'NOT_COMPLIANT', binarySecurityToken: '', secret: '' });
    const errors = (r.body as { errors: { code: string; message: string }[] }).errors;
    expect(errors.every((e) => e.code === 'Invalid-CSR')).toBe(true);
    expect(errors.map((e) => e.message).join(' | ')).toMatch(message);
    // a refused request does not use up the OTP
    expect(sim.otps.list().find((o) => o.code === '303030')?.usedAt).toBeUndefined();
  });

  it('unreadable CSRs: missing → Missing-CSR; not base64 PEM → Invalid-CSR; broken signature → Invalid-CSR', async () => {
    const post = (body: unknown) => call(`${base}/compliance`, { headers: { ...HEADERS, OTP: '303030' }, body });
    expect(await post({})).toEqual({ status: 400, body: { code: 'Missing-CSR', message: 'The csr field is missing' } });
    expect((await post({ csr: 'bm90IGEgY3Ny' })).body).toMatchObject({ code: 'Invalid-CSR' });
    const good = opensslCsr({});
    const der = Buffer.from(good.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
    der[der.length - 5]! ^= 0x01; // inside the signature
    const broken = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    expect((await post({ csr: apiCsr(broken) })).body).toMatchObject({ code: 'Invalid-CSR', message: expect.stringMatching(/signature/) });
  });

  it('protocol errors: 406 without Accept-Version V2, 404 unknown path, 405 wrong method, 400 broken JSON', async () => {
    expect((await call(`${base}/compliance`, { headers: { 'Content-Type': 'application/json' }, body: {} })).status).toBe(406);
    expect((await call(`${sim.url}/e-invoicing/elsewhere/compliance`)).status).toBe(404);
    expect((await call(`${base}/invoices/reporting/batch`)).status).toBe(404);
    expect((await call(`${base}/compliance`, { method: 'PUT' })).status).toBe(405);
    expect(await call(`${base}/compliance`, { headers: { ...HEADERS, OTP: '303030' }, body: '{"csr":' })).toEqual({
      status: 400,
      body: { code: 'Invalid-Request', message: 'Invalid Request' },
    });
  });

  it('records expose CSIDs without their secret digests', () => {
    const csids = sim.records.csids();
    expect(csids.length).toBeGreaterThanOrEqual(3);
    for (const c of csids) expect(Object.keys(c)).not.toContain('secretSha256');
    expect(csids.find((c) => c.requestId === unit.production.requestId)).toMatchObject({
      kind: 'production',
      environment: 'simulation',
      vatNumber: '399999999900003',
      invoiceTypes: '0100',
      issuedFrom: unit.compliance.requestId,
    });
  });
});

describe('simulator state across restarts (--state)', () => {
  it('remembers CSIDs, OTP use, reported hashes and its CA; files are JSON without secrets or temp leftovers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-simstate-'));
    const first = await startFatooraSimulator({ stateDir: dir });
    let unit: Onboarded;
    let doc;
    try {
      unit = await onboard(clientFor(first), first);
      doc = await signWith(
        unit.production.credentials,
        unit.egs,
        simplifiedInvoice({ ...riyadhDateTime(first.clock.now()), number: 'T1-000300', uuid: randomUUID() }),
        { icv: 4, pih: INITIAL_PIH },
      );
      expectKind(await clientFor(first).reportInvoice(unit.production.credentials, submissionOf(doc)), 'accepted');
    } finally {
      await first.close();
    }
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['authority.json', 'csids.json', 'otps.json', 'submissions.jsonl']);
    const all = files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
    expect(all).not.toContain(unit.production.credentials.secret.reveal());
    expect(all).not.toContain(unit.compliance.credentials.secret.reveal());

    // a crash in the middle of an append leaves a torn last line: it is dropped, the rest is kept
    appendFileSync(path.join(dir, 'submissions.jsonl'), '{"endpoint":"repor');
    const second = await startFatooraSimulator({ stateDir: dir });
    try {
      expect(second.caCertificate).toBe(first.caCertificate);
      const client = clientFor(second);
      expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'already-done');
      const doc2 = await signWith(
        unit.production.credentials,
        unit.egs,
        simplifiedInvoice({ ...riyadhDateTime(second.clock.now()), number: 'T1-000301', uuid: randomUUID() }),
        { icv: 5, pih: doc.hash },
      );
      expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc2)), 'accepted');
      const reuse = expectKind(await client.requestComplianceCsid({ csr: newEgs('simulation').csr.pem, otp: new Secret('123345') }), 'rejected');
      expect(reuse.errors[0]).toMatchObject({ code: 'Invalid-OTP', message: 'The provided OTP is invalid' });
      expect(second.records.complianceSteps(unit.compliance.requestId).missing).toEqual([]);
      expect(second.records.reported()).toHaveLength(2);
    } finally {
      await second.close();
    }
    const third = await startFatooraSimulator({ stateDir: dir });
    try {
      expect(third.records.reported()).toHaveLength(2);
      expect(
        readFileSync(path.join(dir, 'submissions.jsonl'), 'utf8')
          .split('\n')
          .filter(Boolean)
          .every((l) => JSON.parse(l) !== undefined),
      ).toBe(true);
    } finally {
      await third.close();
    }
  });

  it('refuses a corrupt state file with an error naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-simstate-'));
    writeFileSync(path.join(dir, 'csids.json'), '{"lastRequestId": "1", "records": [{"kind": "root"}]}');
    await expect(startFatooraSimulator({ stateDir: dir })).rejects.toThrow(/csids\.json: unreadable/);
    const dir2 = mkdtempSync(path.join(tmpdir(), 'dukkan-simstate-'));
    writeFileSync(path.join(dir2, 'submissions.jsonl'), '{"endpoint":"reporting"}\n{}\n');
    await expect(startFatooraSimulator({ stateDir: dir2 })).rejects.toThrow(/submissions\.jsonl line 1: unreadable/);
  });
});

describe('fault injection', () => {
  it('the same seed gives the same sequence of faults', () => {
    const decisions = (seed: number) => {
      const f = createFaultController(createRandom(seed), {
        errorRate: 0.3,
        timeoutRate: 0.1,
        resetRate: 0.1,
        lostResponseRate: 0.1,
        latencyMs: { min: 0, max: 50 },
      });
      return Array.from({ length: 200 }, () => f.decide('reporting'));
    };
    const a = decisions(42);
    expect(decisions(42)).toEqual(a);
    expect(decisions(43)).not.toEqual(a);
    const kinds = new Set(a.map((d) => (d.kind === 'status' ? `status-${d.status}` : d.kind)));
    expect(kinds).toEqual(new Set(['none', 'status-500', 'status-503', 'status-429', 'timeout', 'reset', 'lost-response']));
    const share = a.filter((d) => d.kind === 'none').length / a.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.55);
  });

  it('rates apply only to the endpoints named; scripted faults go first and are used up', () => {
    const f = createFaultController(createRandom(1), { errorRate: 1, endpoints: ['reporting'] });
    expect(f.decide('compliance-csid').kind).toBe('none');
    expect(f.decide('reporting').kind).toBe('status');
    f.enqueue({ kind: 'reset' }, { endpoint: 'clearance', times: 2 });
    expect(f.decide('clearance').kind).toBe('reset');
    expect(f.decide('clearance').kind).toBe('reset');
    expect(f.decide('clearance').kind).toBe('none');
    expect(f.injected).toMatchObject({ reset: 2 });
  });

  it('refuses nonsense settings', () => {
    const f = createFaultController(createRandom(1));
    expect(() => f.set({ errorRate: 1.5 })).toThrow(/errorRate/);
    expect(() => f.set({ errorRate: 0.6, resetRate: 0.6 })).toThrow(/must not exceed 1/);
    expect(() => f.set({ latencyMs: { min: 10, max: 5 } })).toThrow(/latencyMs/);
    expect(() => f.set({ errorStatuses: [418 as never] })).toThrow(/errorStatuses/);
    expect(() => f.set({ outages: [{ from: new Date(2), until: new Date(1), mode: 'refuse' }] })).toThrow(/until after from/);
  });

  it('over HTTP, two simulators with the same seed fail the same requests the same way', async () => {
    const run = async () => {
      const sim = await startFatooraSimulator({ seed: 2024, faults: { errorRate: 0.5, errorStatuses: [500, 503, 429] } });
      try {
        const out: number[] = [];
        for (let i = 0; i < 30; i++) out.push((await call(`${sim.urls.simulation}/compliance`, { body: {} })).status);
        return out;
      } finally {
        await sim.close();
      }
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(new Set(a)).toEqual(new Set([400, 500, 503, 429]));
  });

  it('added latency beyond the client deadline turns an answer into unknown-outcome; faults can change at run time', async () => {
    const sim = await startFatooraSimulator({ faults: { latencyMs: 400 } });
    try {
      const client = clientFor(sim, 'simulation', { timeoutMs: 150 });
      const csr = newEgs('simulation').csr.pem;
      const slow = expectKind(await client.requestComplianceCsid({ csr, otp: new Secret('123345') }), 'unknown-outcome');
      expect(slow.reason).toBe('timeout');
      sim.faults.update({ latencyMs: 0 });
      // the slow request was still handled after the client gave up: its OTP is spent
      await new Promise((r) => setTimeout(r, 400));
      expect(expectKind(await client.requestComplianceCsid({ csr, otp: new Secret('123345') }), 'rejected').errors[0]?.code).toBe('Invalid-OTP');
      expect(sim.records.csids()).toHaveLength(1);
    } finally {
      await sim.close();
    }
  });
});

describe('compliance documents for a CCSID of another VAT', () => {
  it('a document whose seller VAT differs from the certificate UID → certificate-permissions', async () => {
    const sim = await startFatooraSimulator();
    try {
      const client = clientFor(sim);
      const egs = newEgs('simulation', { organizationIdentifier: '311111111100003' });
      const ccsid = expectKind(await client.requestComplianceCsid({ csr: egs.csr.pem, otp: new Secret('123345') }), 'accepted').value;
      const [invoice] = complianceDocuments(sim.clock.now());
      const doc = await signWith(ccsid.credentials, egs, invoice!);
      const r = expectKind(await client.checkCompliance(ccsid.credentials, submissionOf(doc)), 'rejected');
      expect(r.errors.find((e) => e.code === 'certificate-permissions')?.message).toBe(
        'User only allowed to use the vat number that exists in the authentication certificate',
      );
      expect(sim.records.complianceSteps(ccsid.requestId).passed).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
