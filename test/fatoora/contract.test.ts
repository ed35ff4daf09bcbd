// SPDX-License-Identifier: UNLICENSED
// Contract tests: the real client against the real simulator over HTTP on 127.0.0.1, through every endpoint of
// reference §9 and every outcome class of the client's result type. Documents are built and signed by the engine
// with the CSIDs the simulator issued; failures come from the simulator's own checks or its fault injection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { DocumentInputJson } from '../../app/document/documentInput';
import type { StampedDocument } from '../../app/engine/buildAndStamp';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { Secret } from '../../main/log/secret';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import type { FatooraClient, FatooraCredentials } from '../../main/fatoora/index';
import { simplifiedInvoice, standardInvoice } from '../fixtures/documents';
import { clientFor, complianceDocuments, expectKind, newEgs, onboard, riyadhDateTime, signWith, submissionOf, type Onboarded } from './support';

/** Issues documents for one EGS the way the app does: one ICV/PIH chain, fresh number and UUID each time. */
function documentSource(sim: FatooraSimulator, unit: Onboarded) {
  let icv = 3;
  let pih = INITIAL_PIH;
  return async (
    make: (base: Partial<DocumentInputJson>) => DocumentInputJson = (b) => simplifiedInvoice(b),
    credentials: FatooraCredentials = unit.production.credentials,
  ): Promise<StampedDocument> => {
    icv += 1;
    const doc = await signWith(
      credentials,
      unit.egs,
      make({ ...riyadhDateTime(sim.clock.now()), number: `T1-${String(icv).padStart(6, '0')}`, uuid: randomUUID() }),
      { icv, pih },
    );
    pih = doc.hash;
    return doc;
  };
}

function tamper(doc: StampedDocument): StampedDocument {
  // one digit of the payable amount changed after signing: the hash no longer matches (reference §1)
  const xml = doc.xml.replace(
    /(<cbc:PayableAmount currencyID="SAR">)(\d)/,
    (_m, open: string, d: string) => `${open}${d === '9' ? '1' : String(Number(d) + 1)}`,
  );
  expect(xml).not.toBe(doc.xml);
  return { ...doc, xml, bytes: new TextEncoder().encode(xml) };
}

describe('client ↔ simulator: simplified unit', () => {
  let sim: FatooraSimulator;
  let client: FatooraClient;
  let unit: Onboarded;
  let next: ReturnType<typeof documentSource>;

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: ['123345', '222222', '333333', '444444'], seed: 7 });
    client = clientFor(sim);
    unit = await onboard(client, sim);
    next = documentSource(sim, unit);
  });
  afterAll(() => sim.close());

  it('compliance CSID: accepted once per OTP; a used OTP is rejected with Invalid-OTP', async () => {
    const egs = newEgs('simulation');
    const first = expectKind(await client.requestComplianceCsid({ csr: egs.csr.apiBase64, otp: new Secret('222222') }), 'accepted');
    expect(first.value.dispositionMessage).toBe('ISSUED');
    expect(first.value.requestId).toMatch(/^\d{13,}$/);
    const again = expectKind(await client.requestComplianceCsid({ csr: newEgs('simulation').csr.pem, otp: new Secret('222222') }), 'rejected');
    expect(again.httpStatus).toBe(400);
    expect(again.errors.map((e) => e.code)).toEqual(['Invalid-OTP']);
  });

  it('compliance CSID: a CSR made for another environment is NOT_COMPLIANT (template name, reference §12 item 20)', async () => {
    const egs = newEgs('production');
    const r = expectKind(await client.requestComplianceCsid({ csr: egs.csr.pem, otp: new Secret('333333') }), 'rejected');
    expect(r.errors.map((e) => e.code)).toEqual(['Invalid-CSR']);
    expect(r.errors[0]!.message).toMatch(/PREZATCA-Code-Signing/);
  });

  it('production CSID before the compliance steps → rejected Missing-ComplianceSteps naming the missing steps', async () => {
    const egs = newEgs('simulation');
    const ccsid = expectKind(await client.requestComplianceCsid({ csr: egs.csr.pem, otp: new Secret('444444') }), 'accepted').value;
    const [invoice] = complianceDocuments(sim.clock.now());
    const doc = await signWith(ccsid.credentials, egs, invoice!);
    expectKind(await client.checkCompliance(ccsid.credentials, submissionOf(doc)), 'accepted');
    expect(sim.records.complianceSteps(ccsid.requestId)).toEqual({
      passed: ['simplified-compliant'],
      missing: ['simplified-credit-note-compliant', 'simplified-debit-note-compliant'],
    });
    const r = expectKind(await client.requestProductionCsid(ccsid.credentials), 'rejected');
    expect(r.errors[0]).toMatchObject({ code: 'Missing-ComplianceSteps' });
    expect(r.errors[0]!.message).toContain('[simplified-credit-note-compliant,simplified-debit-note-compliant]');
    // a production CSID does not authenticate compliance endpoints
    expectKind(await client.checkCompliance(unit.production.credentials, submissionOf(doc)), 'unauthorized');
    expectKind(await client.requestProductionCsid({ ...unit.production.credentials, requestId: ccsid.requestId }), 'unauthorized');
  });

  it('compliance check: a tampered document is rejected with invalid-invoice-hash', async () => {
    const [invoice] = complianceDocuments(sim.clock.now());
    const doc = tamper(await signWith(unit.compliance.credentials, unit.egs, invoice!));
    const r = expectKind(await client.checkCompliance(unit.compliance.credentials, submissionOf(doc)), 'rejected');
    expect(r.errors.map((e) => e.code)).toContain('invalid-invoice-hash');
    expect(r.validation?.status).toBe('ERROR');
  });

  it('reporting: accepted, then already-done (409) for the same payload; the simulator holds it once', async () => {
    const doc = await next();
    const a = expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'accepted');
    expect(a.value.reportingStatus).toBe('REPORTED');
    expect(a.value.validation.infoMessages.map((m) => m.code)).toEqual(['XSD_ZATCA_VALID']);
    const b = expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'already-done');
    expect(b.httpStatus).toBe(409);
    expect(sim.records.reported().filter((s) => s.invoiceHash === doc.hash)).toHaveLength(1);
    expect(sim.records.reported().find((s) => s.invoiceHash === doc.hash)).toMatchObject({
      uuid: doc.uuid,
      number: doc.number,
      documentKind: 'invoice',
      profile: 'simplified',
      httpStatus: 200,
    });
  });

  it('reporting: a tampered invoice is rejected (400, NOT_REPORTED, invalid-invoice-hash)', async () => {
    const doc = tamper(await next());
    const r = expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'rejected');
    expect(r.httpStatus).toBe(400);
    expect(r.errors.map((e) => e.code)).toContain('invalid-invoice-hash');
    expect(sim.records.reported().some((s) => s.invoiceHash === doc.hash)).toBe(false);
    expect(sim.records.submissions().at(-1)).toMatchObject({ endpoint: 'reporting', httpStatus: 400, validationStatus: 'ERROR' });
  });

  it('reporting: unauthorized for a wrong secret, a compliance CSID, and credentials of another environment', async () => {
    const doc = await next();
    const wrongSecret = { ...unit.production.credentials, secret: new Secret('d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldC13cm9uZw==') };
    expectKind(await client.reportInvoice(wrongSecret, submissionOf(doc)), 'unauthorized');
    const signedByCcsid = await next(undefined, unit.compliance.credentials);
    expectKind(await client.reportInvoice(unit.compliance.credentials, submissionOf(signedByCcsid)), 'unauthorized');
    const core = clientFor(sim, 'production');
    expectKind(await core.reportInvoice(unit.production.credentials, submissionOf(doc)), 'unauthorized');
    expect(sim.records.reported().some((s) => s.invoiceHash === doc.hash || s.invoiceHash === signedByCcsid.hash)).toBe(false);
  });

  it('reporting: a document signed with another certificate is recorded with a warning (invalid-signing-certificate, reference §9.1)', async () => {
    const doc = await next(undefined, unit.compliance.credentials);
    const r = expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'accepted-with-warnings');
    expect(r.warnings.map((e) => e.code)).toEqual(['invalid-signing-certificate']);
  });

  it('reporting: a standard invoice is sent to clearance (303), or refused while clearance is off; the certificate must cover its profile', async () => {
    const doc = await next((b) => standardInvoice(b));
    const moved = expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'wrong-endpoint');
    expect([moved.httpStatus, moved.use]).toEqual([303, 'clearance']);
    sim.settings.clearanceEnabled = false;
    const r = expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'rejected');
    sim.settings.clearanceEnabled = true;
    expect(r.errors.map((e) => e.code).sort()).toEqual(['certificate-permissions', 'invalid-invoice-type']);
    expect(r.errors.find((e) => e.code === 'certificate-permissions')?.message).toBe('Production CSID does not cover Standard documents');
  });

  it('reporting: retryable for 429 (with Retry-After); unknown outcome for 500, 503 and an HTML 502; nothing recorded', async () => {
    const doc = await next();
    sim.faults.enqueue({ kind: 'status', status: 429, retryAfterSeconds: 3 }, { endpoint: 'reporting' });
    sim.faults.enqueue({ kind: 'status', status: 500 }, { endpoint: 'reporting' });
    sim.faults.enqueue({ kind: 'status', status: 503, retryAfterSeconds: 2 }, { endpoint: 'reporting' });
    sim.faults.enqueue({ kind: 'status', status: 502, format: 'html' }, { endpoint: 'reporting' });
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await client.reportInvoice(unit.production.credentials, submissionOf(doc)));
    expect(outcomes.map((o) => (o.kind === 'retryable' || o.kind === 'unknown-outcome' ? [o.reason, o.httpStatus, o.retryAfterMs] : o.kind))).toEqual([
      ['rate-limited', 429, 3000],
      ['server-error', 500, undefined],
      ['server-error', 503, 2000],
      ['server-error', 502, undefined],
    ]);
    expect(outcomes[3]!.kind === 'unknown-outcome' && outcomes[3]!.detail).toMatch(/HTML page: 502 Bad Gateway/);
    expect(sim.records.submissions().some((s) => s.invoiceHash === doc.hash)).toBe(false);
    expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'accepted');
  });

  it('reporting: timeout and reset → unknown-outcome; resending the identical payload then succeeds', async () => {
    const doc = await next();
    sim.faults.enqueue({ kind: 'timeout' }, { endpoint: 'reporting' });
    const t = expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc), { timeoutMs: 300 }), 'unknown-outcome');
    expect(t.reason).toBe('timeout');
    sim.faults.enqueue({ kind: 'reset' }, { endpoint: 'reporting' });
    expect(expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'unknown-outcome').reason).toBe('network');
    expect(sim.records.submissions().some((s) => s.invoiceHash === doc.hash)).toBe(false);
    expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'accepted');
  });

  it('reporting: a lost response is recorded though the client cannot know; the resend gets already-done, no duplicate', async () => {
    const doc = await next();
    sim.faults.enqueue({ kind: 'lost-response' }, { endpoint: 'reporting' });
    const lost = expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'unknown-outcome');
    expect(lost.reason).toBe('network');
    expect(sim.records.reported().filter((s) => s.invoiceHash === doc.hash)).toHaveLength(1);
    expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'already-done');
    expect(sim.records.reported().filter((s) => s.invoiceHash === doc.hash)).toHaveLength(1);
    expect(sim.faults.injected['lost-response']).toBe(1);
  });

  it('clearance of a simplified document is refused, and an unknown path is a failed outcome', async () => {
    const doc = await next();
    const r = expectKind(await client.clearInvoice(unit.production.credentials, submissionOf(doc)), 'rejected');
    expect(r.errors.map((e) => e.code)).toContain('invalid-invoice-type');
    const nowhere = clientFor(sim, 'simulation', { baseUrl: `${sim.url}/e-invoicing/nowhere` });
    expect(expectKind(await nowhere.reportInvoice(unit.production.credentials, submissionOf(doc)), 'failed').httpStatus).toBe(404);
  });
});

describe('client ↔ simulator: standard + simplified unit (title 1100)', () => {
  let sim: FatooraSimulator;
  let client: FatooraClient;
  let unit: Onboarded;

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: ['123345', '555555', '666666'] });
    client = clientFor(sim);
    unit = await onboard(client, sim, 'simulation', '1100');
  });
  afterAll(() => sim.close());

  it('needed all six compliance steps', () => {
    expect(sim.records.complianceSteps(unit.compliance.requestId).passed).toHaveLength(6);
    expect(sim.records.complianceSteps(unit.compliance.requestId).missing).toEqual([]);
  });

  it('clearance: accepted with the cleared invoice, 208 → already-done, 303 → wrong-endpoint (use reporting)', async () => {
    const when = riyadhDateTime(sim.clock.now());
    const doc = await signWith(unit.production.credentials, unit.egs, standardInvoice({ ...when, number: 'B1-000100', uuid: randomUUID() }), {
      icv: 7,
      pih: INITIAL_PIH,
    });
    const a = expectKind(await client.clearInvoice(unit.production.credentials, submissionOf(doc)), 'accepted');
    expect(a.value.clearanceStatus).toBe('CLEARED');
    expect(Buffer.from(a.value.clearedInvoice!, 'base64').toString('utf8')).toBe(doc.xml);
    const b = expectKind(await client.clearInvoice(unit.production.credentials, submissionOf(doc)), 'already-done');
    expect(b.httpStatus).toBe(208);
    expect(b.value?.clearedInvoice).toBe(a.value.clearedInvoice);
    sim.settings.clearanceEnabled = false;
    try {
      const c = expectKind(await client.clearInvoice(unit.production.credentials, submissionOf(doc)), 'wrong-endpoint');
      expect([c.use, c.httpStatus]).toEqual(['reporting', 303]);
    } finally {
      sim.settings.clearanceEnabled = true;
    }
    expect(sim.records.cleared().filter((s) => s.invoiceHash === doc.hash)).toHaveLength(1);
  });

  it('renewal with 428: renewed compliance CSID → compliance steps → new production CSID that reports', async () => {
    const egs = newEgs('simulation', { invoiceType: '0100' });
    const renewed = expectKind(
      await client.renewProductionCsid(unit.production.credentials, { csr: egs.csr.pem, otp: new Secret('555555') }),
      'needs-compliance',
    );
    expect(renewed.httpStatus).toBe(428);
    expect(renewed.csid.dispositionMessage).toBe('NOT_COMPLIANT');
    const ccsid = renewed.csid.credentials;
    expectKind(await client.requestProductionCsid(ccsid), 'rejected');
    for (const [i, json] of complianceDocuments(sim.clock.now()).entries()) {
      const doc = await signWith(ccsid, egs, json, { icv: i + 1, pih: INITIAL_PIH });
      expectKind(await client.checkCompliance(ccsid, submissionOf(doc)), 'accepted');
    }
    const pcsid = expectKind(await client.requestProductionCsid(ccsid), 'accepted').value;
    const doc = await signWith(pcsid.credentials, egs, simplifiedInvoice({ ...riyadhDateTime(sim.clock.now()), number: 'T1-000200', uuid: randomUUID() }), {
      icv: 4,
      pih: INITIAL_PIH,
    });
    expectKind(await client.reportInvoice(pcsid.credentials, submissionOf(doc)), 'accepted');
    expect(sim.records.csids().find((c) => c.requestId === renewed.csid.requestId)).toMatchObject({ kind: 'compliance', renewalOf: unit.production.requestId });
  });

  it('renewal: a compliance CSID is unauthorized (reference §12 item 22); direct mode answers 200 with a production CSID', async () => {
    const egs = newEgs('simulation');
    expectKind(await client.renewProductionCsid(unit.compliance.credentials, { csr: egs.csr.pem, otp: new Secret('666666') }), 'unauthorized');
    sim.settings.renewal = 'direct';
    try {
      const r = expectKind(await client.renewProductionCsid(unit.production.credentials, { csr: egs.csr.pem, otp: new Secret('666666') }), 'accepted');
      expect(r.value.dispositionMessage).toBe('ISSUED');
      expect(sim.records.csids().find((c) => c.requestId === r.value.requestId)?.kind).toBe('production');
      const reuse = expectKind(await client.renewProductionCsid(unit.production.credentials, { csr: egs.csr.pem, otp: new Secret('666666') }), 'rejected');
      expect(reuse.errors[0]?.code).toBe('Invalid-OTP');
    } finally {
      sim.settings.renewal = 'compliance-required';
    }
  });
});

describe('client ↔ simulator: time and availability', () => {
  let sim: FatooraSimulator;
  let client: FatooraClient;
  let unit: Onboarded;

  beforeAll(async () => {
    sim = await startFatooraSimulator({ clock: { start: new Date('2026-11-20T09:00:00Z') } });
    client = clientFor(sim);
    unit = await onboard(client, sim);
  });
  afterAll(() => sim.close());

  it('accepted-with-warnings: a simplified invoice reported more than 24 h after issue gets BR-KSA-98 (202)', async () => {
    const doc = await signWith(
      unit.production.credentials,
      unit.egs,
      simplifiedInvoice({ ...riyadhDateTime(sim.clock.now()), number: 'T1-000050', uuid: randomUUID() }),
      { icv: 4, pih: INITIAL_PIH },
    );
    sim.clock.advance(25 * 3600 * 1000);
    const w = expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'accepted-with-warnings');
    expect(w.httpStatus).toBe(202);
    expect(w.warnings.map((m) => m.code)).toEqual(['BR-KSA-98']);
    expect(sim.records.reported().find((s) => s.invoiceHash === doc.hash)?.httpStatus).toBe(202);
  });

  it('outage "unavailable" → 503 (outcome unknown) with Retry-After until the window ends', async () => {
    const doc = await signWith(
      unit.production.credentials,
      unit.egs,
      simplifiedInvoice({ ...riyadhDateTime(sim.clock.now()), number: 'T1-000051', uuid: randomUUID() }),
      { icv: 5, pih: INITIAL_PIH },
    );
    const now = sim.clock.now();
    sim.faults.set({ outages: [{ from: new Date(now.getTime() - 1000), until: new Date(now.getTime() + 120_000), mode: 'unavailable' }] });
    const r = expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'unknown-outcome');
    expect([r.reason, r.httpStatus]).toEqual(['server-error', 503]);
    expect(r.retryAfterMs).toBeGreaterThanOrEqual(100_000);
    sim.clock.advance(121_000);
    expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'accepted');
    sim.faults.clear();
  });

  it('outage "refuse" → the port stops listening (retryable unreachable), and listens again after the window', async () => {
    const doc = await signWith(
      unit.production.credentials,
      unit.egs,
      simplifiedInvoice({ ...riyadhDateTime(sim.clock.now()), number: 'T1-000052', uuid: randomUUID() }),
      { icv: 6, pih: INITIAL_PIH },
    );
    const now = sim.clock.now();
    sim.faults.set({ outages: [{ from: new Date(now.getTime() - 1000), until: new Date(now.getTime() + 60_000), mode: 'refuse' }] });
    await new Promise((r) => setTimeout(r, 50));
    const r = expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'retryable');
    expect(r.reason).toBe('unreachable');
    expect(r.detail).toMatch(/ECONNREFUSED/);
    sim.clock.advance(61_000);
    await new Promise((res) => setTimeout(res, 250));
    expectKind(await client.reportInvoice(unit.production.credentials, submissionOf(doc)), 'accepted');
    sim.faults.clear();
  });

  it('compliance CSID with an OTP older than one hour → rejected Invalid-OTP', async () => {
    sim.otps.add('777777');
    sim.clock.advance(61 * 60 * 1000);
    const r = expectKind(await client.requestComplianceCsid({ csr: newEgs('simulation').csr.pem, otp: new Secret('777777') }), 'rejected');
    expect(r.errors[0]).toMatchObject({ code: 'Invalid-OTP', message: 'The provided OTP is invalid' });
  });
});

describe('client ↔ simulator: payload size', () => {
  it('a body over the limit → retryable payload-too-large (413)', async () => {
    const sim = await startFatooraSimulator({ maxBodyBytes: 2048 });
    try {
      const client = clientFor(sim);
      const creds: FatooraCredentials = { environment: 'local-simulator', binarySecurityToken: 'TUlJQg==', secret: new Secret('eA==') };
      const r = expectKind(
        await client.reportInvoice(creds, { invoiceHash: 'NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzk=', uuid: randomUUID(), invoice: 'x'.repeat(4000) }),
        'retryable',
      );
      expect([r.reason, r.httpStatus]).toEqual(['payload-too-large', 413]);
    } finally {
      await sim.close();
    }
  });
});
