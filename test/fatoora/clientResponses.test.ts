// SPDX-License-Identifier: UNLICENSED
// The client against a scripted HTTP server on 127.0.0.1: headers it sends, and how it reads every kind of answer
// Fatoora (or a gateway in front of it) can give — including shapes our simulator never produces (the swagger
// {invoiceHash,status,warnings,errors} form, single-object message lists, HTML error pages, broken JSON).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createFatooraClient,
  CredentialEnvironmentError,
  parseRetryAfter,
  resolveBaseUrl,
  type FatooraCredentials,
  type InvoiceSubmission,
} from '../../main/fatoora/index';
import { Secret } from '../../main/log/secret';
import { createTestEgs } from '../support/testCertificate';

type Reply = { status: number; body?: string; headers?: Record<string, string> } | 'hang' | 'reset' | 'truncate';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let base: string;
let reply: Reply = { status: 200, body: '{}' };
const seen: Seen[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (reply === 'hang') return;
      if (reply === 'reset') {
        req.socket.resetAndDestroy();
        return;
      }
      if (reply === 'truncate') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
        res.write('{"validationResults":');
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/e-invoicing/simulation`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  seen.length = 0;
  reply = { status: 200, body: '{}' };
});

const SECRET = 'c2VjcmV0LXZhbHVlLW9mLXRoZS1jc2lkLTEyMzQ1Ng==';
// a real certificate, as Fatoora issues it: a CSID whose token is not one is refused (answerTrust.test.ts)
const TOKEN = Buffer.from(createTestEgs().certificate.base64Der).toString('base64');
const creds: FatooraCredentials = { environment: 'local-simulator', binarySecurityToken: TOKEN, secret: new Secret(SECRET), requestId: '1730365866069' };
const submission: InvoiceSubmission = {
  invoiceHash: 'NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzk=',
  uuid: '3cf5ee18-ee25-44ea-a444-2c37ba7f28be',
  invoice: '<Invoice/>',
};
const client = () => createFatooraClient({ environment: 'local-simulator', baseUrl: base, timeoutMs: 2000 });
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...headers },
});

describe('requests', () => {
  it('reporting sends ZATCA headers, Basic auth from token:secret, and the invoice bytes as base64', async () => {
    await client().reportInvoice(creds, submission);
    const req = seen[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/e-invoicing/simulation/invoices/reporting/single');
    expect(req.headers['accept-version']).toBe('V2');
    expect(req.headers['accept-language']).toBe('en');
    expect(req.headers['accept']).toBe('application/json');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['clearance-status']).toBe('0');
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${TOKEN}:${SECRET}`).toString('base64')}`);
    expect(JSON.parse(req.body)).toEqual({ invoiceHash: submission.invoiceHash, uuid: submission.uuid, invoice: Buffer.from('<Invoice/>').toString('base64') });
  });

  it('each endpoint uses its method, path, auth and extra headers (reference §9 table)', async () => {
    const c = createFatooraClient({ environment: 'local-simulator', baseUrl: base, language: 'ar' });
    const pem = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----';
    await c.requestComplianceCsid({ csr: pem, otp: new Secret('123345') });
    await c.checkCompliance(creds, submission);
    await c.requestProductionCsid(creds);
    await c.renewProductionCsid(creds, { csr: Buffer.from(`${pem}\n`).toString('base64'), otp: new Secret('654321') });
    await c.clearInvoice(creds, submission);
    const rows = seen.map((s) => [
      s.method,
      s.url.replace('/e-invoicing/simulation', ''),
      s.headers.authorization ? 'basic' : 'none',
      s.headers.otp ?? '-',
      s.headers['clearance-status'] ?? '-',
      s.headers['accept-language'],
    ]);
    expect(rows).toEqual([
      ['POST', '/compliance', 'none', '123345', '-', 'ar'],
      ['POST', '/compliance/invoices', 'basic', '-', '-', 'ar'],
      ['POST', '/production/csids', 'basic', '-', '-', 'ar'],
      ['PATCH', '/production/csids', 'basic', '654321', '-', 'ar'],
      ['POST', '/invoices/clearance/single', 'basic', '-', '1', 'ar'],
    ]);
    expect(JSON.parse(seen[0]!.body)).toEqual({ csr: Buffer.from(`${pem}\n`).toString('base64') });
    expect(JSON.parse(seen[2]!.body)).toEqual({ compliance_request_id: '1730365866069' });
  });

  it('refuses, before any request, credentials of another environment and malformed input', async () => {
    const prod = createFatooraClient({ environment: 'production' });
    await expect(async () => prod.reportInvoice(creds, submission)).rejects.toThrow(CredentialEnvironmentError);
    await expect(async () => client().reportInvoice({ ...creds, environment: 'simulation' }, submission)).rejects.toThrow(
      /issued by the simulation environment/,
    );
    await expect(async () => client().reportInvoice({ ...creds, secret: SECRET as unknown as Secret }, submission)).rejects.toThrow(/must be a Secret/);
    await expect(async () => client().reportInvoice(creds, { ...submission, invoiceHash: 'abc' })).rejects.toThrow(/invoiceHash/);
    await expect(async () => client().reportInvoice(creds, { ...submission, uuid: 'T1-1' })).rejects.toThrow(/uuid/);
    await expect(async () => client().reportInvoice(creds, { ...submission, invoice: '' })).rejects.toThrow(/invoice/);
    await expect(async () => client().requestComplianceCsid({ csr: 'not a csr', otp: new Secret('123345') })).rejects.toThrow(/csr/);
    await expect(async () => client().requestComplianceCsid({ csr: '-----BEGIN CERTIFICATE REQUEST-----', otp: new Secret('12345') })).rejects.toThrow(
      /otp: must be the 6 digits/,
    );
    await expect(async () => client().requestProductionCsid({ ...creds, requestId: undefined as unknown as string })).rejects.toThrow(/complianceRequestId/);
    // bad input rejects the promise; nothing throws synchronously
    const pending = client().requestComplianceCsid({ csr: 'x', otp: new Secret('1') });
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toThrow(/csr/);
    expect(seen).toHaveLength(0);
  });

  it('base URLs: official hosts by default, https-only overrides, explicit URL for the local simulator', () => {
    expect(resolveBaseUrl('production')).toBe('https://gw-fatoora.zatca.gov.sa/e-invoicing/core');
    expect(resolveBaseUrl('simulation')).toBe('https://gw-fatoora.zatca.gov.sa/e-invoicing/simulation');
    expect(resolveBaseUrl('developer-portal')).toBe('https://gw-fatoora.zatca.gov.sa/e-invoicing/developer-portal');
    expect(resolveBaseUrl('local-simulator', 'http://127.0.0.1:9/e-invoicing/core/')).toBe('http://127.0.0.1:9/e-invoicing/core');
    expect(() => resolveBaseUrl('local-simulator')).toThrow(/baseUrl is required/);
    expect(() => resolveBaseUrl('production', 'http://proxy.local/e-invoicing/core')).toThrow(/must use https/);
    expect(() => resolveBaseUrl('local-simulator', 'http://user:pw@127.0.0.1:9')).toThrow(/user:password/);
    expect(() => resolveBaseUrl('nowhere' as never)).toThrow(/environment must be one of/);
  });
});

describe('answers → outcomes (reference §9 status table)', () => {
  const vr = (status: string, extra: Record<string, unknown> = {}) => ({
    validationResults: {
      infoMessages: [{ type: 'INFO', code: 'XSD_ZATCA_VALID', category: 'XSD validation', message: 'Complied', status: 'PASS' }],
      warningMessages: [],
      errorMessages: [],
      status,
      ...extra,
    },
    reportingStatus: status === 'ERROR' ? 'NOT_REPORTED' : 'REPORTED',
  });
  const warning = { type: 'WARNING', code: 'BR-KSA-98', category: 'KSA', message: 'late', status: 'WARNING' };
  const error = { type: 'ERROR', code: 'BR-CO-15', category: 'EN_16931', message: 'totals', status: 'ERROR' };

  it.each([
    ['200 PASS', json(200, vr('PASS')), 'accepted'],
    ['202 WARNING', json(202, vr('WARNING', { warningMessages: [warning] })), 'accepted-with-warnings'],
    ['409 already reported', json(409, vr('PASS')), 'already-done'],
    ['400 ERROR', json(400, vr('ERROR', { errorMessages: [error] })), 'rejected'],
    ['401 empty', { status: 401 }, 'unauthorized'],
    ['403', json(403, { message: 'Forbidden' }), 'unauthorized'],
    ['413', { status: 413, body: '<html><title>413 Request Entity Too Large</title></html>' }, 'retryable'],
    ['429', json(429, { message: 'slow down' }, { 'Retry-After': '7' }), 'retryable'],
    // a 5xx may follow a recorded document (reference §9.1): the outcome is unknown, not "not received"
    ['500', json(500, { code: '500', message: 'oops' }), 'unknown-outcome'],
    ['502 html', { status: 502, body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>' }, 'unknown-outcome'],
    ['503', { status: 503, body: 'Service Unavailable', headers: { 'Retry-After': 'Wed, 21 Oct 2099 07:28:00 GMT' } }, 'unknown-outcome'],
    ['504', { status: 504 }, 'unknown-outcome'],
    ['404', { status: 404, body: '<html><title>Not Found</title></html>' }, 'failed'],
    ['406', json(406, { code: 'Invalid-Version', message: 'This version is not supported' }), 'failed'],
    ['208 on reporting', json(208, vr('PASS')), 'failed'],
  ] as const)('reporting: %s → %s', async (_name, r, kind) => {
    reply = r;
    const outcome = await client().reportInvoice(creds, submission);
    expect(outcome.kind).toBe(kind);
  });

  it('keeps warning messages, validation results and error codes', async () => {
    reply = json(202, vr('WARNING', { warningMessages: [warning] }));
    const w = await client().reportInvoice(creds, submission);
    expect(w.kind === 'accepted-with-warnings' && w.warnings.map((m) => m.code)).toEqual(['BR-KSA-98']);
    reply = json(400, vr('ERROR', { errorMessages: [error] }));
    const r = await client().reportInvoice(creds, submission);
    expect(r.kind === 'rejected' && r.errors.map((m) => m.code)).toEqual(['BR-CO-15']);
    expect(r.kind === 'rejected' && r.validation?.infoMessages[0]?.code).toBe('XSD_ZATCA_VALID');
  });

  it('reads Retry-After as seconds or an HTTP date', async () => {
    reply = json(429, {}, { 'Retry-After': '7' });
    const a = await client().reportInvoice(creds, submission);
    expect(a.kind === 'retryable' && [a.reason, a.retryAfterMs]).toEqual(['rate-limited', 7000]);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', new Date('2015-10-21T07:28:00Z'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
    reply = { status: 503, body: 'down', headers: { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() } };
    const b = await client().reportInvoice(creds, submission);
    expect(b.kind === 'unknown-outcome' && b.reason).toBe('server-error');
    expect(b.kind === 'unknown-outcome' && b.retryAfterMs).toBeGreaterThan(50_000);
  });

  it('tolerates the swagger shape, single-object lists and string errors', async () => {
    reply = json(400, {
      invoiceHash: submission.invoiceHash,
      status: 'NOT_REPORTED',
      warnings: null,
      errors: [{ code: 'invalid-invoice-hash', message: 'mismatch' }],
    });
    const a = await client().reportInvoice(creds, submission);
    expect(a.kind === 'rejected' && a.errors.map((e) => e.code)).toEqual(['invalid-invoice-hash']);
    expect(a.kind === 'rejected' && a.validation?.status).toBe('ERROR');
    reply = json(200, {
      validationResults: { infoMessages: { type: 'INFO', code: 'XSD_ZATCA_VALID', message: 'ok' }, warningMessages: null, status: 'PASS' },
      clearanceStatus: 'CLEARED',
      clearedInvoice: 'PEludm9pY2UvPg==',
    });
    const b = await client().clearInvoice(creds, submission);
    expect(b.kind).toBe('accepted');
    expect(b.kind === 'accepted' && b.value.validation.infoMessages[0]?.code).toBe('XSD_ZATCA_VALID');
    expect(b.kind === 'accepted' && b.value.clearedInvoice).toBe('PEludm9pY2UvPg==');
    reply = json(400, { requestID: -1, dispositionMessage: 'NOT_COMPLIANT', binarySecurityToken: '', secret: '', errors: ['Invoice type is not valid'] });
    const c = await client().requestComplianceCsid({
      csr: '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----',
      otp: new Secret('123345'),
    });
    expect(c.kind === 'rejected' && c.errors).toEqual([{ message: 'Invoice type is not valid' }]);
    reply = json(400, {
      code: 'Missing-ComplianceSteps',
      message: 'The compliance certificate is not done with the following compliance steps yet [simplified-compliant]',
    });
    const d = await client().requestProductionCsid(creds);
    expect(d.kind === 'rejected' && d.errors[0]?.code).toBe('Missing-ComplianceSteps');
  });

  it('compliance checks: a 200 whose results say ERROR is a rejection (the step did not pass)', async () => {
    reply = json(200, vr('ERROR', { errorMessages: [error] }));
    expect((await client().checkCompliance(creds, submission)).kind).toBe('rejected');
  });

  it('clearance: 208 → already-done with the cleared invoice; 303 → wrong-endpoint (use reporting), not followed', async () => {
    reply = json(208, { ...vr('PASS'), clearanceStatus: 'CLEARED', clearedInvoice: 'PEludm9pY2UvPg==' });
    const a = await client().clearInvoice(creds, submission);
    expect(a.kind === 'already-done' && a.value?.clearedInvoice).toBe('PEludm9pY2UvPg==');
    reply = { status: 303, headers: { Location: '/e-invoicing/simulation/invoices/reporting/single' } };
    const b = await client().clearInvoice(creds, submission);
    expect(b.kind === 'wrong-endpoint' && b.use).toBe('reporting');
    expect(seen.filter((s) => s.url.endsWith('/reporting/single'))).toHaveLength(0);
  });

  it('CSID answers: ISSUED → credentials with the secret wrapped; 428 on renewal → needs-compliance; 200 without token → failed', async () => {
    const csid = { requestID: 1730365866069, tokenType: 'x', dispositionMessage: 'ISSUED', binarySecurityToken: TOKEN, secret: SECRET, errors: null };
    reply = json(200, csid);
    const a = await client().requestComplianceCsid({
      csr: '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----',
      otp: new Secret('123345'),
    });
    expect(a.kind).toBe('accepted');
    if (a.kind !== 'accepted') return;
    expect(a.value.requestId).toBe('1730365866069');
    expect(a.value.credentials.environment).toBe('local-simulator');
    expect(a.value.credentials.secret).toBeInstanceOf(Secret);
    expect(a.value.credentials.secret.reveal()).toBe(SECRET);
    expect(JSON.stringify(a)).not.toContain(SECRET);
    reply = json(428, { ...csid, dispositionMessage: 'NOT_COMPLIANT' });
    const b = await client().renewProductionCsid(creds, {
      csr: '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----',
      otp: new Secret('123345'),
    });
    expect(b.kind === 'needs-compliance' && b.csid.credentials.binarySecurityToken).toBe(TOKEN);
    reply = json(200, { requestID: 1, dispositionMessage: 'ISSUED' });
    expect((await client().requestProductionCsid(creds)).kind).toBe('failed');
    reply = json(428, csid);
    expect((await client().requestProductionCsid(creds)).kind).toBe('failed');
  });

  it('never copies long base64 runs (tokens, secrets) from a body into an outcome', async () => {
    reply = { status: 500, body: `<html><title>Error for ${SECRET} ${TOKEN}</title></html>` };
    const a = await client().reportInvoice(creds, submission);
    expect(JSON.stringify(a)).not.toContain(SECRET);
    expect(JSON.stringify(a)).not.toContain(TOKEN);
    reply = json(400, { errors: [`bad secret ${SECRET}`] });
    expect(JSON.stringify(await client().reportInvoice(creds, submission))).not.toContain(SECRET);
    // a cut-off body says nothing: the document is not taken as reported (answerTrust.test.ts)
    reply = { status: 200, body: '{"validationResults": ' };
    const c = await client().reportInvoice(creds, submission);
    expect(c.kind === 'unknown-outcome' && c.reason).toBe('unconfirmed');
  });
});

describe('broken exchanges', () => {
  it('no answer within the deadline → unknown-outcome timeout', async () => {
    reply = 'hang';
    const c = createFatooraClient({ environment: 'local-simulator', baseUrl: base, timeoutMs: 150 });
    const o = await c.reportInvoice(creds, submission);
    expect(o.kind === 'unknown-outcome' && o.reason).toBe('timeout');
    expect(seen).toHaveLength(1);
  });

  it('reset after the request arrived, or a truncated body → unknown-outcome network', async () => {
    reply = 'reset';
    const a = await client().reportInvoice(creds, submission);
    expect(a.kind === 'unknown-outcome' && a.reason).toBe('network');
    reply = 'truncate';
    const b = await client().reportInvoice(creds, submission);
    expect(b.kind === 'unknown-outcome' && b.reason).toBe('network');
  });

  it('aborted by the caller → unknown-outcome aborted', async () => {
    reply = 'hang';
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const o = await client().reportInvoice(creds, submission, { signal: controller.signal });
    expect(o.kind === 'unknown-outcome' && o.reason).toBe('aborted');
  });

  it('connection refused → retryable unreachable (nothing was sent)', async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const c = createFatooraClient({ environment: 'local-simulator', baseUrl: `http://127.0.0.1:${port}/e-invoicing/core` });
    const o = await c.reportInvoice(creds, submission);
    expect(o.kind === 'retryable' && o.reason).toBe('unreachable');
  });
});
