// SPDX-License-Identifier: UNLICENSED
// The desktop app's Fatoora transport (main/fatoora/chromiumFetch.ts over Electron's net.request) against the default
// one (Node's fetch), through the real Fatoora client, on a real HTTP server on 127.0.0.1. Electron's net is played
// by the stand-in module of the shell tests (test/app/fakeElectron/electron.cjs), which runs requests over Node's
// fetch but answers as Electron's ClientRequest does: a manual redirect is a `redirect` event that kills the request
// unless followed, errors are bare `net::ERR_…` messages, and an aborted response ends without 'end' or 'error'.
// Every case must give the same outcome on both stacks: same answers, same deadlines, same failure classes, the
// same request on the wire, and no secret in any log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromiumFetch, type NetRequestFactory } from '../../main/fatoora/chromiumFetch';
import { createFatooraClient, type FatooraCredentials, type FetchLike, type InvoiceSubmission } from '../../main/fatoora/index';
import { createLogger, memoryLogSink } from '../../main/log/logger';
import { Secret } from '../../main/log/secret';

const fakeElectron = createRequire(import.meta.url)('../app/fakeElectron/electron.cjs') as {
  net: { request: NetRequestFactory };
  __fake: { ready(): void };
};
fakeElectron.__fake.ready();

/** What the server does for a path: an answer, or one of the ways an exchange breaks. */
type Behaviour = { status: number; body?: string; headers?: Record<string, string> } | 'hang' | 'stall-body' | 'reset';

const SECRET = 'c2VjcmV0LXZhbHVlLW9mLXRoZS1jc2lkLTEyMzQ1Ng==';
const TOKEN = Buffer.from('MIIBkzCCATmgAwIBAgIGAZMx').toString('base64');
const AUTHORIZATION = `Basic ${Buffer.from(`${TOKEN}:${SECRET}`).toString('base64')}`;
const creds: FatooraCredentials = { environment: 'local-simulator', binarySecurityToken: TOKEN, secret: new Secret(SECRET), requestId: '1730365866069' };
const submission: InvoiceSubmission = {
  invoiceHash: 'NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzk=',
  uuid: '3cf5ee18-ee25-44ea-a444-2c37ba7f28be',
  invoice: '<Invoice/>',
};
const reported = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ validationResults: { status: 'PASS', infoMessages: [], warningMessages: [], errorMessages: [] }, reportingStatus: 'REPORTED', ...extra });

let server: http.Server;
let origin: string;
let behaviour: Behaviour = { status: 200 };
const seen: { url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (behaviour === 'reset') req.socket.resetAndDestroy();
      else if (behaviour === 'stall-body') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
        res.write('{"validationResults":');
      } else if (behaviour !== 'hang') {
        res.writeHead(behaviour.status, { 'Content-Type': 'application/json', ...behaviour.headers });
        res.end(behaviour.body ?? '');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const TRANSPORTS: Record<string, FetchLike | undefined> = {
  node: undefined,
  chromium: chromiumFetch((options) => fakeElectron.net.request(options)),
};

/** The deadline of calls that must time out; every other call has one no loaded machine reaches. */
const SHORT_MS = 400;

/** Runs one call on each transport; returns each outcome, the requests the server saw and the log lines. */
async function onBoth<T>(
  b: Behaviour,
  call: (client: ReturnType<typeof createFatooraClient>) => Promise<T>,
  options: { base?: string; timeoutMs?: number } = {},
) {
  const base = options.base ?? `${origin}/e-invoicing/simulation`;
  behaviour = b;
  const results: Record<string, { outcome: T; seen: typeof seen; lines: string[] }> = {};
  for (const [name, fetch] of Object.entries(TRANSPORTS)) {
    seen.length = 0;
    const memory = memoryLogSink();
    const client = createFatooraClient({
      environment: 'local-simulator',
      baseUrl: base,
      timeoutMs: options.timeoutMs ?? 30_000,
      logger: createLogger({ sink: memory.sink, minLevel: 'debug' }),
      ...(fetch ? { fetch } : {}),
    });
    const outcome = await call(client);
    results[name] = { outcome, seen: [...seen], lines: memory.lines };
  }
  return { node: results.node!, chromium: results.chromium! };
}

describe('Chromium transport and Node transport give the same outcome', () => {
  it('an accepted report, with the same request on the wire (headers, Basic auth, body)', async () => {
    const { node, chromium } = await onBoth({ status: 200, body: reported() }, (c) => c.reportInvoice(creds, submission));
    expect(node.outcome.kind).toBe('accepted');
    expect(chromium.outcome).toEqual(node.outcome);
    const wire = (s: typeof seen) =>
      s.map((r) => ({
        url: r.url,
        body: r.body,
        ...Object.fromEntries(
          ['authorization', 'accept-version', 'accept-language', 'accept', 'content-type', 'clearance-status', 'content-length'].map((h) => [h, r.headers[h]]),
        ),
      }));
    expect(wire(chromium.seen)).toEqual(wire(node.seen));
    expect(node.seen[0]!.headers.authorization).toBe(AUTHORIZATION);
  });

  it("clearance's 303 is an answer (clearance is off), and its Location is never followed", async () => {
    const { node, chromium } = await onBoth({ status: 303, headers: { Location: '/elsewhere' } }, (c) => c.clearInvoice(creds, submission));
    expect(node.outcome).toMatchObject({ kind: 'wrong-endpoint', use: 'reporting', httpStatus: 303 });
    expect(chromium.outcome).toEqual(node.outcome);
    for (const r of [node, chromium]) expect(r.seen.map((s) => s.url)).toEqual(['/e-invoicing/simulation/invoices/clearance/single']);
  });

  it.each([
    ['401 unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="zatca"' }, body: '' }],
    ['429 with Retry-After', { status: 429, headers: { 'Retry-After': '7' }, body: '{}' }],
    [
      '400 rejected',
      { status: 400, body: JSON.stringify({ validationResults: { status: 'ERROR', errorMessages: [{ code: 'BR-KSA-03', message: 'bad uuid' }] } }) },
    ],
    ['204 without a body', { status: 204 }],
    ['a 3 MB answer, read whole', { status: 200, body: reported({ padding: 'x'.repeat(3 * 1024 * 1024) }) }],
  ] as const)('%s', async (_name, b) => {
    const { node, chromium } = await onBoth(b, (c) => c.reportInvoice(creds, submission));
    expect(chromium.outcome).toEqual(node.outcome);
  });

  it.each([
    ['no answer at all', 'timeout', 'hang'],
    ['headers, then a body that stops coming', 'timeout', 'stall-body'],
    ['the connection reset after the request', 'network', 'reset'],
  ] as const)('%s → unknown outcome (%s)', async (_name, reason, b) => {
    const { node, chromium } = await onBoth(b, (c) => c.reportInvoice(creds, submission), { timeoutMs: reason === 'timeout' ? SHORT_MS : 30_000 });
    expect(node.outcome).toMatchObject({ kind: 'unknown-outcome', reason });
    expect(chromium.outcome).toMatchObject({ kind: 'unknown-outcome', reason });
    if (reason === 'timeout') expect(chromium.outcome).toEqual(node.outcome); // the same "no complete answer within" detail
  });

  it('a refused connection → retryable, unreachable (nothing was sent) on both', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const { node, chromium } = await onBoth({ status: 200 }, (c) => c.reportInvoice(creds, submission), {
      base: `http://127.0.0.1:${port}/e-invoicing/simulation`,
    });
    expect(node.outcome).toMatchObject({ kind: 'retryable', reason: 'unreachable' });
    expect(chromium.outcome).toMatchObject({ kind: 'retryable', reason: 'unreachable', detail: 'ERR_CONNECTION_REFUSED: net::ERR_CONNECTION_REFUSED' });
  });

  it("the caller's abort → unknown outcome, aborted", async () => {
    const { node, chromium } = await onBoth('hang', (c) => {
      const controller = new AbortController();
      const call = c.reportInvoice(creds, submission, { signal: controller.signal, timeoutMs: 60_000 });
      const wait = setInterval(() => {
        if (seen.length > 0) {
          clearInterval(wait);
          controller.abort();
        }
      }, 5);
      return call;
    });
    expect(node.outcome).toEqual({ kind: 'unknown-outcome', reason: 'aborted', detail: 'aborted by the caller' });
    expect(chromium.outcome).toEqual(node.outcome);
  });

  it('no log line of either transport holds the secret or the Authorization value', async () => {
    const cases: Behaviour[] = [{ status: 200, body: reported() }, { status: 401 }, 'reset', 'hang'];
    for (const b of cases) {
      const { node, chromium } = await onBoth(b, (c) => c.reportInvoice(creds, submission), { timeoutMs: b === 'hang' ? SHORT_MS : 30_000 });
      for (const line of [...node.lines, ...chromium.lines]) {
        expect(line).not.toContain(SECRET);
        expect(line).not.toContain(AUTHORIZATION.slice(6));
      }
      expect(chromium.lines.length).toBe(node.lines.length);
    }
  });
});
