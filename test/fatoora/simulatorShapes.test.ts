// SPDX-License-Identifier: UNLICENSED
// The simulator answers, on demand, in every shape the real Fatoora has been seen to use (reference §9.1; the
// captured shapes are test/fixtures/fatooraAnswers.ts): each fixture is produced by driving the simulator over real
// HTTP into the situation that makes it, and the answer is compared with the fixture — status, content type, and the
// JSON's skeleton (keys, levels, codes, categories, statuses, and the wording where the wording is the point).
// Then the two modes: the developer portal's quirks (fixed requestID, no compliance steps, one shared production
// certificate), and simulation mode's strictness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { StampedDocument } from '../../app/engine/buildAndStamp';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { Secret } from '../../main/log/secret';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import type { FatooraClient, FatooraCredentials } from '../../main/fatoora/index';
import { simplifiedInvoice, standardInvoice } from '../fixtures/documents';
import { REAL_ANSWERS, type RealAnswer, type RealAnswerName } from '../fixtures/fatooraAnswers';
import { clientFor, expectKind, newEgs, onboard, riyadhDateTime, signWith, submissionOf, type Onboarded } from './support';

interface Seen {
  readonly status: number;
  readonly type: string;
  readonly text: string;
}

/** Keys whose values are compared as they are; other strings only as strings, numbers as numbers. */
const VERBATIM = new Set(['code', 'category', 'type', 'status', 'reportingStatus', 'clearanceStatus', 'dispositionMessage', 'error']);

function skeleton(value: unknown, key = '', duplicate = false): unknown {
  if (value === null) return null;
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return VERBATIM.has(key) || (key === 'message' && duplicate) ? value : 'string';
  if (Array.isArray(value)) return value.map((v) => skeleton(v, '[]', duplicate));
  const record = value as Record<string, unknown>;
  // a duplicate notice's words are the point of it; so is a top-level message (the answer's whole wording)
  const verbatimMessage = duplicate || record.category === 'Duplicate-Invoice' || key === '';
  const entries = Object.entries(record)
    // the INFO messages (XSD_ZATCA_VALID) depend on the document, not on the answer's shape
    .filter(([k]) => k !== 'infoMessages')
    .map(([k, v]) => [k, skeleton(v, k, k === 'message' && verbatimMessage)] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

function expectSameShape(seen: Seen, fixture: RealAnswer): void {
  expect(seen.status).toBe(fixture.status);
  expect(seen.type.split(';')[0]).toBe(fixture.contentType);
  if (fixture.contentType === 'application/json') expect(skeleton(JSON.parse(seen.text))).toEqual(skeleton(JSON.parse(fixture.body)));
  else if (fixture.contentType === 'text/html') expect(seen.text).toBe(fixture.body);
  else expect(seen.text).toBe(fixture.body);
}

describe('the simulator reproduces every real answer shape on demand (reference §9.1)', () => {
  let sim: FatooraSimulator;
  let seen: Seen[];
  let client: FatooraClient;
  let simple: Onboarded;
  let both: Onboarded;
  let icv = 10;

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: ['123345', '222222', '333333', '444444'], seed: 16 });
    seen = [];
    client = clientFor(sim, 'simulation', {
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        seen.push({ status: res.status, type: res.headers.get('content-type') ?? '', text: await res.clone().text() });
        return res;
      },
    });
    simple = await onboard(client, sim, 'simulation', '0100');
    both = await onboard(client, sim, 'simulation', '1100', new Secret('222222'));
  });
  afterAll(() => sim.close());

  const last = (): Seen => seen.at(-1)!;
  const doc = async (unit: Onboarded, standard = false, credentials: FatooraCredentials = unit.production.credentials): Promise<StampedDocument> => {
    icv += 1;
    const base = { ...riyadhDateTime(sim.clock.now()), number: `T1-${icv}`, uuid: randomUUID() };
    return signWith(credentials, unit.egs, standard ? standardInvoice(base) : simplifiedInvoice(base), { icv, pih: INITIAL_PIH });
  };
  const raw = async (path: string, init: RequestInit): Promise<Seen> => {
    const res = await fetch(`${sim.urls.simulation}${path}`, { method: 'POST', ...init });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  const basic = (c: FatooraCredentials) => `Basic ${Buffer.from(`${c.binarySecurityToken}:${c.secret.reveal()}`).toString('base64')}`;

  const PRODUCE: { readonly [N in RealAnswerName]: () => Promise<Seen> } = {
    reporting409of2024: () => duplicateReport('2024'),
    reporting409of2025: () => duplicateReport('2025'),
    reporting409of2026: () => duplicateReport('2026'),
    clearance208: () => duplicateClearance('208'),
    clearance409of2024: () => duplicateClearance('409-2024'),
    reporting504: () => recordedThen(504),
    reporting503: () => recordedThen(503),
    reporting500: async () => {
      sim.faults.enqueue({ kind: 'status', status: 500 }, { endpoint: 'reporting' });
      await client.reportInvoice(simple.production.credentials, submissionOf(await doc(simple)));
      return last();
    },
    clearance303: async () => {
      sim.settings.clearanceEnabled = false;
      try {
        expectKind(await client.clearInvoice(both.production.credentials, submissionOf(await doc(both, true))), 'wrong-endpoint');
      } finally {
        sim.settings.clearanceEnabled = true;
      }
      return last();
    },
    reporting303: async () => {
      expectKind(await client.reportInvoice(both.production.credentials, submissionOf(await doc(both, true))), 'wrong-endpoint');
      return last();
    },
    reporting401: async () => {
      const wrong = { ...simple.production.credentials, secret: new Secret('bm90IHRoZSBzZWNyZXQ=') };
      expectKind(await client.reportInvoice(wrong, submissionOf(await doc(simple))), 'unauthorized');
      return last();
    },
    reporting406: () => raw('/invoices/reporting/single', { headers: { 'Content-Type': 'application/json' }, body: '{}' }),
    reporting400InvalidRequest: () =>
      raw('/invoices/reporting/single', {
        headers: { 'Content-Type': 'application/json', 'Accept-Version': 'V2', Authorization: basic(simple.production.credentials) },
        body: '{"invoiceHash": ',
      }),
    reporting202ForeignCertificate: async () => {
      // signed with the compliance certificate, submitted with the production CSID: recorded, with a warning
      expectKind(
        await client.reportInvoice(simple.production.credentials, submissionOf(await doc(simple, false, simple.compliance.credentials))),
        'accepted-with-warnings',
      );
      return last();
    },
    csidMissingOtp: () =>
      raw('/compliance', {
        headers: { 'Content-Type': 'application/json', 'Accept-Version': 'V2' },
        body: JSON.stringify({ csr: newEgs('simulation').csr.apiBase64 }),
      }),
    csidInvalidOtp: async () => {
      sim.otps.expire('444444');
      expectKind(await client.requestComplianceCsid({ csr: newEgs('simulation').csr.pem, otp: new Secret('444444') }), 'rejected');
      return last();
    },
    csidMissingComplianceSteps: async () => {
      const fresh = expectKind(await client.requestComplianceCsid({ csr: newEgs('simulation').csr.pem, otp: new Secret('333333') }), 'accepted');
      expectKind(await client.requestProductionCsid(fresh.value.credentials), 'rejected');
      return last();
    },
    csidErrorStrings: async () => {
      sim.settings.csrErrors = 'strings';
      sim.otps.add('555555');
      try {
        // a CSR made for production sent to simulation: refused on content (reference §8)
        expectKind(await client.requestComplianceCsid({ csr: newEgs('production').csr.pem, otp: new Secret('555555') }), 'rejected');
      } finally {
        sim.settings.csrErrors = 'objects';
      }
      return last();
    },
    csid500: async () => {
      sim.faults.enqueue({ kind: 'status', status: 500 }, { endpoint: 'compliance-csid' });
      sim.otps.add('666666');
      expectKind(await client.requestComplianceCsid({ csr: newEgs('simulation').csr.pem, otp: new Secret('666666') }), 'unknown-outcome');
      return last();
    },
  };

  async function duplicateReport(year: '2024' | '2025' | '2026'): Promise<Seen> {
    sim.settings.duplicateShapes.reporting = year;
    const d = submissionOf(await doc(simple));
    expectKind(await client.reportInvoice(simple.production.credentials, d), 'accepted');
    expectKind(await client.reportInvoice(simple.production.credentials, d), 'already-done');
    return last();
  }

  async function duplicateClearance(shape: '208' | '409-2024'): Promise<Seen> {
    sim.settings.duplicateShapes.clearance = shape;
    const d = submissionOf(await doc(both, true));
    expectKind(await client.clearInvoice(both.production.credentials, d), 'accepted');
    expectKind(await client.clearInvoice(both.production.credentials, d), 'already-done');
    return last();
  }

  /** Recorded, then a gateway error: the resend is answered as a duplicate — the field's sequence. */
  async function recordedThen(status: 503 | 504): Promise<Seen> {
    const d = await doc(simple);
    sim.faults.enqueue({ kind: 'recorded-then-status', status }, { endpoint: 'reporting' });
    expectKind(await client.reportInvoice(simple.production.credentials, submissionOf(d)), 'unknown-outcome');
    const answer = last();
    expect(sim.records.reported().filter((s) => s.invoiceHash === d.hash)).toHaveLength(1);
    expectKind(await client.reportInvoice(simple.production.credentials, submissionOf(d)), 'already-done');
    expect(sim.records.reported().filter((s) => s.invoiceHash === d.hash)).toHaveLength(1);
    return answer;
  }

  it.each(Object.keys(REAL_ANSWERS) as RealAnswerName[])('%s', async (name) => {
    expectSameShape(await PRODUCE[name](), REAL_ANSWERS[name]);
  });
});

describe('developer-portal mode and simulation mode', () => {
  let sim: FatooraSimulator;
  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: ['123345', '222222', '333333'], settings: { mode: 'developer-portal' } });
  });
  afterAll(() => sim.close());

  it('developer portal: requestID 1234567890123 for everyone, no compliance steps, one shared production certificate', async () => {
    const client = clientFor(sim, 'developer-portal');
    const issued = [];
    for (const otp of ['123345', '222222']) {
      const compliance = expectKind(await client.requestComplianceCsid({ csr: newEgs('developer-portal').csr.pem, otp: new Secret(otp) }), 'accepted').value;
      expect(compliance.requestId).toBe('1234567890123');
      // no compliance check was run: the portal does not enforce the steps
      issued.push(expectKind(await client.requestProductionCsid(compliance.credentials), 'accepted').value);
    }
    expect(issued.map((p) => p.requestId)).toEqual(['1234567890123', '1234567890123']);
    expect(issued[1]!.credentials.binarySecurityToken).toBe(issued[0]!.credentials.binarySecurityToken);
    expect(issued[1]!.credentials.secret.reveal()).toBe(issued[0]!.credentials.secret.reveal());
  });

  it('simulation mode (the default) enforces the steps and issues each caller its own requestID', async () => {
    sim.settings.mode = 'simulation';
    try {
      const client = clientFor(sim, 'simulation');
      const compliance = expectKind(await client.requestComplianceCsid({ csr: newEgs('simulation').csr.pem, otp: new Secret('333333') }), 'accepted').value;
      expect(compliance.requestId).not.toBe('1234567890123');
      const refused = expectKind(await client.requestProductionCsid(compliance.credentials), 'rejected');
      expect(refused.errors[0]?.code).toBe('Missing-ComplianceSteps');
    } finally {
      sim.settings.mode = 'developer-portal';
    }
  });
});
