// SPDX-License-Identifier: UNLICENSED
// A full run through every path, successful and failing, with the client's and the simulator's logs captured
// (and anything written to stdout/stderr): no CSID secret, binarySecurityToken, certificate text, Authorization
// value, OTP or CA key may appear in a log line, an outcome, or an error's message / JSON / inspect text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { createLogger, memoryLogSink } from '../../main/log/logger';
import { Secret } from '../../main/log/secret';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import type { FatooraCredentials } from '../../main/fatoora/index';
import { simplifiedInvoice, standardInvoice } from '../fixtures/documents';
import { clientFor, complianceDocuments, newEgs, riyadhDateTime, signWith, submissionOf } from './support';

const OTPS = ['918273', '564738', '382910', '746352'];
const WRONG_OTP = '690417';

describe('no secret reaches a log, an outcome or an error', () => {
  const clientLog = memoryLogSink();
  const simLog = memoryLogSink();
  const printed: string[] = [];
  /** Outcomes hand the caller its new CSID: the token (the certificate) may be there, the secret only as Secret. */
  const texts: string[] = [];
  const errorTexts: string[] = [];
  const secrets = new Set<string>();
  const tokens = new Set<string>();
  let sim: FatooraSimulator;
  let stateDir: string;
  const restore: (() => void)[] = [];

  const remember = (c: FatooraCredentials): FatooraCredentials => {
    secrets.add(c.secret.reveal());
    tokens.add(c.binarySecurityToken);
    tokens.add(Buffer.from(c.binarySecurityToken, 'base64').toString('latin1').slice(0, 60));
    const authorization = Buffer.from(`${c.binarySecurityToken}:${c.secret.reveal()}`).toString('base64');
    secrets.add(authorization);
    secrets.add(authorization.slice(0, 80)); // a logger that cuts long strings would still leak this much
    secrets.add(authorization.slice(-80)); // the part that encodes the secret
    return c;
  };
  const keep = (value: unknown): void => {
    texts.push(JSON.stringify(value), inspect(value, { depth: 20 }), String(value));
  };
  const keepError = async (run: () => Promise<unknown>): Promise<void> => {
    try {
      keep(await run());
    } catch (err) {
      expect(err).toBeInstanceOf(Error);
      errorTexts.push((err as Error).message, String(err), JSON.stringify(err), inspect(err), (err as Error).stack ?? '');
    }
  };

  beforeAll(async () => {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        printed.push(String(chunk));
        return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => (stream.write = original));
    }
    stateDir = mkdtempSync(path.join(tmpdir(), 'dukkan-nosecrets-'));
    sim = await startFatooraSimulator({ otps: OTPS, stateDir, logger: createLogger({ sink: simLog.sink, minLevel: 'debug' }) });
  });
  afterAll(async () => {
    await sim.close();
    for (const r of restore) r();
  });

  it('runs every endpoint through every outcome class, then scans everything', async () => {
    const logger = createLogger({ sink: clientLog.sink, minLevel: 'debug' });
    const client = clientFor(sim, 'simulation', { logger });
    const egs = newEgs('simulation', { invoiceType: '1100' });

    // compliance CSID: wrong OTP, NOT_COMPLIANT CSR, then accepted
    await keepError(() => client.requestComplianceCsid({ csr: egs.csr.pem, otp: new Secret(WRONG_OTP) }));
    await keepError(() => client.requestComplianceCsid({ csr: newEgs('production').csr.pem, otp: new Secret(OTPS[0]!) }));
    await keepError(() => client.requestComplianceCsid({ csr: egs.csr.pem, otp: new Secret('12') }));
    const issued = await client.requestComplianceCsid({ csr: egs.csr.pem, otp: new Secret(OTPS[0]!) });
    keep(issued);
    expect(issued.kind).toBe('accepted');
    if (issued.kind !== 'accepted') return;
    const ccsid = remember(issued.value.credentials);

    // production CSID too early, then the six compliance documents (one tampered first)
    await keepError(() => client.requestProductionCsid(ccsid));
    const docs = [...complianceDocuments(sim.clock.now()), ...complianceDocuments(sim.clock.now(), 'standard')];
    const first = await signWith(ccsid, egs, docs[0]!);
    await keepError(() => client.checkCompliance(ccsid, { ...submissionOf(first), invoice: first.xml.replace('6.50', '6.51') }));
    for (const json of docs) await keepError(async () => client.checkCompliance(ccsid, submissionOf(await signWith(ccsid, egs, json))));
    const produced = await client.requestProductionCsid(ccsid);
    keep(produced);
    if (produced.kind !== 'accepted') throw new Error('no PCSID');
    const pcsid = remember(produced.value.credentials);

    const invoice = async (n: number) =>
      signWith(pcsid, egs, simplifiedInvoice({ ...riyadhDateTime(sim.clock.now()), number: `T1-${n}`, uuid: randomUUID() }), { icv: n, pih: INITIAL_PIH });

    // reporting: accepted, duplicate, rejected, unauthorized (wrong secret, CCSID), every fault
    const doc = await invoice(10);
    await keepError(() => client.reportInvoice(pcsid, submissionOf(doc)));
    await keepError(() => client.reportInvoice(pcsid, submissionOf(doc)));
    await keepError(async () => client.reportInvoice(pcsid, { ...submissionOf(await invoice(11)), invoiceHash: doc.hash }));
    const wrong = new Secret('V3JvbmdTZWNyZXRGb3JUaGVUZXN0T2ZMb2dzMTIzNA==');
    secrets.add(wrong.reveal());
    await keepError(async () => client.reportInvoice({ ...pcsid, secret: wrong }, submissionOf(await invoice(12))));
    await keepError(async () => client.reportInvoice(ccsid, submissionOf(await invoice(13))));
    for (const fault of [
      { kind: 'status', status: 429, retryAfterSeconds: 1 },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 503, format: 'html' },
      { kind: 'reset' },
      { kind: 'lost-response' },
    ] as const) {
      sim.faults.enqueue(fault);
      await keepError(async () => client.reportInvoice(pcsid, submissionOf(await invoice(20))));
    }
    sim.faults.enqueue({ kind: 'timeout' });
    await keepError(async () => client.reportInvoice(pcsid, submissionOf(await invoice(21)), { timeoutMs: 200 }));
    const now = sim.clock.now();
    sim.faults.set({ outages: [{ from: new Date(now.getTime() - 1), until: new Date(now.getTime() + 60_000), mode: 'refuse' }] });
    await new Promise((r) => setTimeout(r, 50));
    await keepError(async () => client.reportInvoice(pcsid, submissionOf(await invoice(22))));
    sim.faults.clear();
    await new Promise((r) => setTimeout(r, 250));

    // clearance: accepted, 208, 303
    const standard = await signWith(pcsid, egs, standardInvoice({ ...riyadhDateTime(sim.clock.now()), number: 'B1-9', uuid: randomUUID() }));
    await keepError(() => client.clearInvoice(pcsid, submissionOf(standard)));
    await keepError(() => client.clearInvoice(pcsid, submissionOf(standard)));
    sim.settings.clearanceEnabled = false;
    await keepError(() => client.clearInvoice(pcsid, submissionOf(standard)));
    sim.settings.clearanceEnabled = true;

    // renewal: CCSID (401), wrong OTP, 428 with a renewed CCSID, direct 200
    await keepError(() => client.renewProductionCsid(ccsid, { csr: newEgs('simulation').csr.pem, otp: new Secret(OTPS[1]!) }));
    await keepError(() => client.renewProductionCsid(pcsid, { csr: newEgs('simulation').csr.pem, otp: new Secret(WRONG_OTP) }));
    const renewed = await client.renewProductionCsid(pcsid, { csr: newEgs('simulation', { invoiceType: '1100' }).csr.pem, otp: new Secret(OTPS[1]!) });
    keep(renewed);
    if (renewed.kind === 'needs-compliance') remember(renewed.csid.credentials);
    sim.settings.renewal = 'direct';
    const direct = await client.renewProductionCsid(pcsid, { csr: newEgs('simulation', { invoiceType: '1100' }).csr.pem, otp: new Secret(OTPS[2]!) });
    keep(direct);
    if (direct.kind === 'accepted') remember(direct.value.credentials);

    // a document reported more than 24 h after issue: accepted with the BR-KSA-98 warning
    const late = await invoice(30);
    sim.clock.advance(25 * 3600 * 1000);
    await keepError(() => client.reportInvoice(pcsid, submissionOf(late)));

    // credentials of another environment, refused before sending
    await keepError(async () =>
      clientFor(sim, 'simulation', { logger, environment: 'production', baseUrl: undefined }).reportInvoice(pcsid, submissionOf(doc)),
    );

    // the outcomes above covered every class
    const kinds = new Set(texts.filter((t) => t.startsWith('{"kind":')).map((t) => (JSON.parse(t) as { kind: string }).kind));
    expect(kinds).toEqual(
      new Set([
        'accepted',
        'accepted-with-warnings',
        'already-done',
        'rejected',
        'unauthorized',
        'needs-compliance',
        'retryable',
        'unknown-outcome',
        'wrong-endpoint',
      ]),
    );

    // what must never appear
    for (const otp of [...OTPS.slice(0, 3), WRONG_OTP]) secrets.add(otp);
    secrets.add((JSON.parse(readFileSync(path.join(stateDir, 'authority.json'), 'utf8')) as { privateKeyHex: string }).privateKeyHex);
    secrets.add(Buffer.from(egs.privateKey).toString('hex'));
    expect(secrets.size).toBeGreaterThan(10);
    expect(tokens.size).toBeGreaterThan(6);

    expect(errorTexts.length).toBeGreaterThanOrEqual(10);
    const haystacks = { clientLog: clientLog.lines, simulatorLog: simLog.lines, printed, errors: errorTexts, outcomes: texts };
    expect(clientLog.lines.length).toBeGreaterThan(40);
    expect(simLog.lines.length).toBeGreaterThan(40);
    for (const [where, lines] of Object.entries(haystacks)) {
      const forbidden = where === 'outcomes' ? [...secrets] : [...secrets, ...tokens];
      for (const line of lines) {
        for (const secret of forbidden) {
          if (line.includes(secret)) throw new Error(`a secret (${secret.length} chars) appears in ${where}: ${line.slice(0, 200)}`);
        }
        expect(line).not.toMatch(/Basic [A-Za-z0-9+/]{20,}/);
      }
    }
    // the logs still say what happened
    const events = new Set([...clientLog.records, ...simLog.records].map((r) => r.event));
    for (const e of [
      'fatoora.request',
      'fatoora.response',
      'fatoora.outcome',
      'fatoora.exchange-failed',
      'simulator.request',
      'simulator.auth-refused',
      'simulator.otp-refused',
      'simulator.csid-issued',
      'simulator.duplicate',
      'simulator.outage',
    ]) {
      expect(events).toContain(e);
    }
  });
});
