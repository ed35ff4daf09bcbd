// SPDX-License-Identifier: UNLICENSED
// What the client may believe of an answer (docs/security.md "Fatoora answers"). Against a scripted HTTP server on
// 127.0.0.1:
// - a status code alone never marks a document recorded: a 200/202/208/409 counts only with a JSON body saying
//   REPORTED / CLEARED or one of the duplicate shapes of reference §9.1; a captive portal's page, an empty or
//   cut-off body, or NOT_REPORTED leave the outcome unknown (resend the same payload);
// - an answer's body is read up to a cap: a server pushing hundreds of megabytes is cut off, not buffered.
import { beforeEach, describe, expect, it } from 'vitest';
import type http from 'node:http';
import { createFatooraClient, type FatooraCredentials, type FatooraOutcome, type InvoiceResult, type InvoiceSubmission } from '../../main/fatoora/index';
import { Secret } from '../../main/log/secret';
import { useLocalServer } from '../support/localServer';

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly type?: string;
}

let reply: Reply = { status: 200, body: '' };
/** A streamed body of this many bytes instead of `reply` (the cap test). */
let stream: { status: number; bytes: number; declare: boolean } | null = null;
/** How many body bytes the server managed to hand to the socket for the last streamed answer, and whether the client hung up. */
let streamed = { bytes: 0, closedEarly: false };

function answer(req: http.IncomingMessage, res: http.ServerResponse): void {
  req.resume();
  req.on('end', () => {
    if (stream) {
      const { status, bytes, declare } = stream;
      res.writeHead(status, { 'Content-Type': 'application/json', ...(declare ? { 'Content-Length': String(bytes) } : {}) });
      streamed = { bytes: 0, closedEarly: false };
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (streamed.bytes < bytes) {
          streamed.bytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => {
        if (!res.writableFinished) streamed.closedEarly = true;
      });
      pump();
      return;
    }
    res.writeHead(reply.status, { 'Content-Type': reply.type ?? 'application/json' });
    res.end(reply.body);
  });
}

const fatoora = useLocalServer(answer);
beforeEach(() => {
  stream = null;
});

const creds: FatooraCredentials = {
  environment: 'local-simulator',
  binarySecurityToken: Buffer.from('MIIBkzCCATmgAwIBAgIGAZMx').toString('base64'),
  secret: new Secret('c2VjcmV0LXZhbHVlLW9mLXRoZS1jc2lkLTEyMzQ1Ng=='),
  requestId: '1730365866069',
};
const submission: InvoiceSubmission = {
  invoiceHash: 'NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzk=',
  uuid: '3cf5ee18-ee25-44ea-a444-2c37ba7f28be',
  invoice: '<Invoice/>',
};
const client = (maxAnswerBytes?: number) =>
  createFatooraClient({
    environment: 'local-simulator',
    baseUrl: `${fatoora.url}/e-invoicing/simulation`,
    timeoutMs: 10_000,
    ...(maxAnswerBytes ? { maxAnswerBytes } : {}),
  });

const PORTAL = '<!DOCTYPE html><html><head><title>Hotel Wi-Fi: accept the terms</title></head><body><form>…</form></body></html>';
const passing = { infoMessages: [], warningMessages: [], errorMessages: [], status: 'PASS' };
const j = (status: number, body: unknown): Reply => ({ status, body: JSON.stringify(body) });
const duplicate2024 = {
  validationResults: {
    infoMessages: [],
    warningMessages: [],
    errorMessages: [{ type: 'ERROR', code: 'Invoice-Errors', category: 'Duplicate-Invoice', message: 'Invoice Hash Previously Submitted', status: 'ERROR' }],
    status: 'ERROR',
  },
  reportingStatus: 'NOT_REPORTED',
};
const duplicate2025 = {
  validationResults: {
    infoMessages: [],
    warningMessages: [],
    errorMessages: [{ type: 'ERROR', code: 'Invoice-Errors', message: 'Invoice was already Reported successfully earlier.', status: 'ERROR' }],
    status: 'ERROR',
  },
  reportingStatus: 'NOT_REPORTED',
};

type Case = readonly [name: string, reply: Reply, kind: FatooraOutcome<InvoiceResult>['kind']];

describe('reporting: only a body that says recorded marks a document reported (reference §9, §9.1)', () => {
  it.each<Case>([
    ['200 captive-portal HTML', { status: 200, body: PORTAL, type: 'text/html' }, 'unknown-outcome'],
    ['200 empty', { status: 200, body: '' }, 'unknown-outcome'],
    ['200 cut-off JSON', { status: 200, body: '{"validationResults": ' }, 'unknown-outcome'],
    ['200 {}', j(200, {}), 'unknown-outcome'],
    ['200 saying NOT_REPORTED', j(200, { validationResults: passing, reportingStatus: 'NOT_REPORTED' }), 'unknown-outcome'],
    ['202 without a reporting status', j(202, { validationResults: { ...passing, status: 'WARNING' } }), 'unknown-outcome'],
    ['200 a JSON array', j(200, [{ reportingStatus: 'REPORTED' }]), 'unknown-outcome'],
    ['409 captive-portal HTML', { status: 409, body: PORTAL, type: 'text/html' }, 'unknown-outcome'],
    ['409 empty', { status: 409, body: '' }, 'unknown-outcome'],
    ['409 NOT_REPORTED without a duplicate message', j(409, { validationResults: passing, reportingStatus: 'NOT_REPORTED' }), 'unknown-outcome'],
    ['200 REPORTED', j(200, { validationResults: passing, reportingStatus: 'REPORTED' }), 'accepted'],
    ['202 REPORTED with warnings', j(202, { validationResults: { ...passing, status: 'WARNING' }, reportingStatus: 'REPORTED' }), 'accepted-with-warnings'],
    ['200 swagger shape REPORTED', j(200, { invoiceHash: submission.invoiceHash, status: 'REPORTED', warnings: null, errors: [] }), 'accepted'],
    ['409 of 2024 (Duplicate-Invoice, NOT_REPORTED)', j(409, duplicate2024), 'already-done'],
    ['409 of 2025 (already Reported successfully earlier)', j(409, duplicate2025), 'already-done'],
    ['409 of 2026', j(409, { message: 'Invoice Hash Previously Submitted', reportingStatus: 'REPORTED_SUCCESSFULLY_EARLIER' }), 'already-done'],
  ])('%s → %s', async (_name, r, kind) => {
    reply = r;
    const outcome = await client().reportInvoice(creds, submission);
    expect(outcome.kind, JSON.stringify(outcome)).toBe(kind);
    if (outcome.kind === 'unknown-outcome') {
      expect(outcome.reason).toBe('unconfirmed');
      expect(outcome.httpStatus).toBe(r.status);
      expect(outcome.detail).toMatch(new RegExp(`^HTTP ${r.status} `));
    }
  });

  it('the outcome says what the body was, without copying it', async () => {
    reply = { status: 200, body: PORTAL, type: 'text/html' };
    const a = await client().reportInvoice(creds, submission);
    expect(a.kind === 'unknown-outcome' && a.detail).toBe(
      'HTTP 200 without a readable JSON body (HTML page: Hotel Wi-Fi: accept the terms): not confirmed as recorded',
    );
    reply = j(200, { validationResults: passing, reportingStatus: 'NOT_REPORTED' });
    const b = await client().reportInvoice(creds, submission);
    expect(b.kind === 'unknown-outcome' && b.detail).toBe('HTTP 200 whose body does not say the document is recorded (reportingStatus: "NOT_REPORTED")');
  });
});

describe('clearance and compliance checks: the same rule', () => {
  it.each<Case>([
    ['200 captive-portal HTML', { status: 200, body: PORTAL, type: 'text/html' }, 'unknown-outcome'],
    ['200 NOT_CLEARED', j(200, { validationResults: passing, clearanceStatus: 'NOT_CLEARED' }), 'unknown-outcome'],
    ['208 empty', { status: 208, body: '' }, 'unknown-outcome'],
    ['200 CLEARED', j(200, { validationResults: passing, clearanceStatus: 'CLEARED', clearedInvoice: 'PEludm9pY2UvPg==' }), 'accepted'],
    ['208 CLEARED', j(208, { validationResults: { ...passing, status: 'WARNING' }, clearanceStatus: 'CLEARED' }), 'already-done'],
    [
      '208 of early 2024 (Duplicate-Invoice, NOT_CLEARED)',
      j(208, { ...duplicate2024, reportingStatus: undefined, clearanceStatus: 'NOT_CLEARED', clearedInvoice: null }),
      'already-done',
    ],
  ])('clearance %s → %s', async (_name, r, kind) => {
    reply = r;
    expect((await client().clearInvoice(creds, submission)).kind).toBe(kind);
  });

  it.each<Case>([
    ['200 captive-portal HTML', { status: 200, body: PORTAL, type: 'text/html' }, 'unknown-outcome'],
    ['200 without validationResults', j(200, { reportingStatus: 'REPORTED' }), 'unknown-outcome'],
    ['200 PASS', j(200, { validationResults: passing, reportingStatus: 'REPORTED' }), 'accepted'],
  ])('compliance check %s → %s', async (_name, r, kind) => {
    reply = r;
    expect((await client().checkCompliance(creds, submission)).kind).toBe(kind);
  });
});

describe('the answer body is read up to a cap', () => {
  it('a 200 MB body (no Content-Length) is cut off after the cap: the connection is closed, the outcome unknown', async () => {
    stream = { status: 200, bytes: 200 * 1024 * 1024, declare: false };
    const before = process.memoryUsage().rss;
    const outcome = await client(1024 * 1024).reportInvoice(creds, submission);
    expect(outcome).toMatchObject({ kind: 'unknown-outcome', reason: 'oversized', httpStatus: 200 });
    await expect.poll(() => streamed.closedEarly, { timeout: 5000 }).toBe(true);
    // what the server could push before the client hung up: the cap plus socket buffers, far from 200 MB
    expect(streamed.bytes).toBeLessThan(48 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('a declared Content-Length over the cap is refused before the body is read', async () => {
    stream = { status: 200, bytes: 64 * 1024 * 1024, declare: true };
    const outcome = await client(1024 * 1024).reportInvoice(creds, submission);
    expect(outcome).toMatchObject({ kind: 'unknown-outcome', reason: 'oversized', httpStatus: 200 });
    await expect.poll(() => streamed.closedEarly, { timeout: 5000 }).toBe(true);
    expect(streamed.bytes).toBeLessThan(48 * 1024 * 1024);
  });

  it('the default cap is a few MB: a 3 MB answer is read, a 6 MB one is not', async () => {
    reply = j(200, { validationResults: passing, reportingStatus: 'REPORTED', pad: ' '.repeat(3 * 1024 * 1024) });
    expect((await client().reportInvoice(creds, submission)).kind).toBe('accepted');
    reply = j(200, { validationResults: passing, reportingStatus: 'REPORTED', pad: ' '.repeat(6 * 1024 * 1024) });
    expect(await client().reportInvoice(creds, submission)).toMatchObject({ kind: 'unknown-outcome', reason: 'oversized' });
  });
});
