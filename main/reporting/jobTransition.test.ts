// Reference §9's status table, end to end through the client's own classifier: an HTTP answer (or a broken
// exchange) → the typed outcome → what happens to the document in the outbox.
import { describe, expect, it } from 'vitest';
import { classifyInvoice } from '../fatoora/classify';
import type { HttpExchange } from '../fatoora/transport';
import { transitionFor } from './jobTransition';

const NOW = new Date('2026-11-23T10:00:00Z');

function answer(status: number, body: unknown, headers: Record<string, string> = {}): HttpExchange {
  return { ok: true, status, headers: new Headers(headers), text: typeof body === 'string' ? body : JSON.stringify(body) };
}

const message = (type: string, code: string) => ({
  type,
  code,
  category: 'KSA',
  message: `${code} text`,
  status: type === 'ERROR' ? 'ERROR' : type === 'WARNING' ? 'WARNING' : 'PASS',
});
const results = (status: string, errors: unknown[] = [], warnings: unknown[] = [], infos: unknown[] = []) => ({
  validationResults: { infoMessages: infos, warningMessages: warnings, errorMessages: errors, status },
  reportingStatus: status === 'ERROR' ? 'NOT_REPORTED' : 'REPORTED',
});

const transition = (exchange: HttpExchange, backoffMs = 4000, maxWaitMs = 600_000) =>
  transitionFor(classifyInvoice('reporting', exchange, NOW), backoffMs, maxWaitMs);

describe('reporting answer → job state (reference §9, §11)', () => {
  it('200 → reported; 202 → reported with warnings, warnings kept; 409 → reported', () => {
    expect(transition(answer(200, results('PASS', [], [], [message('INFO', 'XSD_ZATCA_VALID')])))).toMatchObject({
      state: 'reported',
      effect: 'recorded',
      httpStatus: 200,
      messages: [{ code: 'XSD_ZATCA_VALID' }],
    });
    const warned = transition(answer(202, results('WARNING', [], [message('WARNING', 'BR-KSA-98')])));
    expect(warned).toMatchObject({ state: 'reported-with-warnings', effect: 'recorded', httpStatus: 202, messages: [{ code: 'BR-KSA-98' }] });
    expect(warned.retryInMs).toBeUndefined(); // never resent
    expect(transition(answer(409, results('PASS', [], [], [message('INFO', 'DUPLICATE_INVOICE')])))).toMatchObject({
      state: 'reported',
      outcome: 'already-done',
      httpStatus: 409,
    });
  });

  it("400 → rejected with ZATCA's messages, never resent", () => {
    const t = transition(answer(400, results('ERROR', [message('ERROR', 'BR-KSA-04')], [message('WARNING', 'BR-KSA-98')])));
    expect(t).toMatchObject({ state: 'rejected', effect: 'rejected', httpStatus: 400 });
    expect(t.messages.map((m) => m.code)).toEqual(['BR-KSA-04', 'BR-KSA-98']);
    expect(t.retryInMs).toBeUndefined();
  });

  it('401/403 → the job waits (due at once) and the worker halts for credentials', () => {
    for (const s of [401, 403]) expect(transition(answer(s, ''))).toMatchObject({ state: 'queued', effect: 'halt-credentials', retryInMs: 0, httpStatus: s });
  });

  it('429 → the whole worker waits Retry-After; 5xx → the document waits the longer of backoff and Retry-After', () => {
    expect(transition(answer(429, '{}', { 'retry-after': '7' }))).toMatchObject({
      state: 'queued',
      effect: 'rate-limited',
      retryAfterMs: 7000,
      retryInMs: 7000,
    });
    expect(transition(answer(503, '<html><title>503</title></html>', { 'retry-after': '2' }))).toMatchObject({
      state: 'queued',
      effect: 'transient',
      retryAfterMs: 2000,
      retryInMs: 4000,
    });
    for (const s of [500, 502, 504]) expect(transition(answer(s, ''))).toMatchObject({ state: 'queued', effect: 'transient', retryInMs: 4000 });
    // a Retry-After of a day is capped: a bogus header must not hide a document past its deadline
    expect(transition(answer(503, '', { 'retry-after': '86400' }))).toMatchObject({ retryAfterMs: 600_000, retryInMs: 600_000 });
  });

  it('unreachable, timeout and broken connections → resend the identical payload later', () => {
    expect(transition({ ok: false, failure: 'unreachable', detail: 'ECONNREFUSED' })).toMatchObject({
      state: 'queued',
      outcome: 'retryable',
      effect: 'unreachable',
      retryInMs: 4000,
    });
    expect(transition({ ok: false, failure: 'timeout', detail: 'no answer' })).toMatchObject({
      state: 'queued',
      outcome: 'unknown-outcome',
      effect: 'transient',
      reason: 'timeout',
    });
    expect(transition({ ok: false, failure: 'network', detail: 'ECONNRESET' })).toMatchObject({
      state: 'queued',
      outcome: 'unknown-outcome',
      effect: 'transient',
      reason: 'network',
    });
    expect(transition({ ok: false, failure: 'aborted', detail: 'shutdown' })).toMatchObject({
      state: 'queued',
      outcome: 'interrupted',
      effect: 'interrupted',
      retryInMs: 0,
    });
  });

  it('413 → failed (resending the same bytes cannot help); answers outside the table → wait like an outage', () => {
    expect(transition(answer(413, ''))).toMatchObject({ state: 'failed', effect: 'too-large', httpStatus: 413 });
    expect(transition(answer(404, '{"code":"Not-Found"}'))).toMatchObject({
      state: 'queued',
      outcome: 'failed',
      effect: 'transient',
      httpStatus: 404,
      retryInMs: 4000,
    });
    // a 200 whose body does not say REPORTED (a captive portal's page) proves nothing: resend the same payload
    expect(transition(answer(200, 'not json at all'))).toMatchObject({
      state: 'queued',
      outcome: 'unknown-outcome',
      effect: 'transient',
      httpStatus: 200,
      reason: 'unconfirmed',
      retryInMs: 4000,
    });
  });
});
