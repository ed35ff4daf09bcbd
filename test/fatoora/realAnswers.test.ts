// SPDX-License-Identifier: UNLICENSED
// Contract: every answer shape the real Fatoora has been seen to send (test/fixtures/fatooraAnswers.ts, reference
// §9.1) through the client's classifier, and — for the reporting endpoint — on through the outbox's state table:
// - a duplicate (409 of 2024, 2025, 2026; clearance 208, and 409 of early 2024) is "recorded earlier": a success after
//   an attempt of ours that may have arrived, an alert otherwise, and never an error shown on a recorded document;
// - a 5xx leaves the outcome unknown; a 303 is the wrong endpoint, not retryable; a 400 without validationResults is
//   the request refused (systemic), not the document; 401 and 406 keep what little they say;
// - the CSID calls' three error shapes all give their messages, every OTP problem is "invalid", a CSID 500 is
//   "Fatoora failed".
import { describe, expect, it } from 'vitest';
import { classifyCsid, classifyInvoice } from '../../main/fatoora/classify';
import type { FatooraOutcome } from '../../main/fatoora/index';
import type { HttpExchange } from '../../main/fatoora/transport';
import { csidRejection, transportError } from '../../main/onboarding/stepFailures';
import { transitionFor } from '../../main/reporting/jobTransition';
import { CLEARED_INVOICE_SAMPLE, REAL_ANSWERS, type RealAnswer, type RealAnswerName } from '../fixtures/fatooraAnswers';

const NOW = new Date('2026-11-23T10:00:00Z');

function exchangeOf(a: RealAnswer): HttpExchange {
  return { ok: true, status: a.status, headers: new Headers({ 'content-type': a.contentType }), text: a.body };
}

function classify(a: RealAnswer): FatooraOutcome<unknown> {
  return a.endpoint === 'reporting' || a.endpoint === 'clearance'
    ? classifyInvoice(a.endpoint, exchangeOf(a), NOW)
    : classifyCsid(a.endpoint, exchangeOf(a), 'simulation', NOW);
}

/** No message of ERROR level, nor the duplicate notice, travels with a duplicate answer. */
function expectDuplicate(o: FatooraOutcome<unknown>, status: number, wording: RegExp): void {
  expect(o).toMatchObject({ kind: 'already-done', httpStatus: status });
  if (o.kind !== 'already-done') return;
  expect(o.messages.filter((m) => m.type === 'ERROR' || m.category === 'Duplicate-Invoice')).toEqual([]);
  expect(o.detail).toMatch(wording);
}

const EXPECTED: { readonly [N in RealAnswerName]: (o: FatooraOutcome<unknown>) => void } = {
  reporting409of2024: (o) => expectDuplicate(o, 409, /Invoice Hash Previously Submitted/),
  reporting409of2025: (o) => expectDuplicate(o, 409, /already Reported successfully earlier/),
  reporting409of2026: (o) => expectDuplicate(o, 409, /Invoice Hash Previously Submitted/),
  clearance208: (o) => {
    expectDuplicate(o, 208, /Previously submitted/);
    expect(o.kind === 'already-done' && (o.value as { clearedInvoice?: string }).clearedInvoice).toBe(CLEARED_INVOICE_SAMPLE);
  },
  clearance409of2024: (o) => expectDuplicate(o, 409, /Invoice Hash Previously Submitted/),
  reporting504: (o) =>
    expect(o).toMatchObject({ kind: 'unknown-outcome', reason: 'server-error', httpStatus: 504, detail: 'HTTP 504; HTML page: 504 Gateway Time-out' }),
  reporting503: (o) => expect(o).toMatchObject({ kind: 'unknown-outcome', reason: 'server-error', httpStatus: 503 }),
  reporting500: (o) => expect(o).toMatchObject({ kind: 'unknown-outcome', reason: 'server-error', httpStatus: 500 }),
  clearance303: (o) =>
    expect(o).toMatchObject({
      kind: 'wrong-endpoint',
      use: 'reporting',
      httpStatus: 303,
      errors: [{ message: 'Clearance is deactivated. Please use the /invoices/reporting/single endpoint instead.' }],
    }),
  reporting303: (o) => expect(o).toMatchObject({ kind: 'wrong-endpoint', use: 'clearance', httpStatus: 303 }),
  reporting401: (o) => expect(o).toEqual({ kind: 'unauthorized', httpStatus: 401, errors: [{ message: 'Unauthorized', status: '401' }] }),
  reporting406: (o) =>
    expect(o).toMatchObject({ kind: 'failed', httpStatus: 406, errors: [{ message: 'This Version is not supported or not provided in the header.' }] }),
  reporting400InvalidRequest: (o) =>
    expect(o).toMatchObject({ kind: 'failed', httpStatus: 400, errors: [{ code: 'Invalid-Request', message: 'Invalid Request' }], detail: /not the document/ }),
  reporting202ForeignCertificate: (o) =>
    expect(o).toMatchObject({
      kind: 'accepted-with-warnings',
      httpStatus: 202,
      warnings: [{ code: 'invalid-signing-certificate', category: 'CERTIFICATE_ERRORS' }],
    }),
  csidMissingOtp: (o) => expect(o).toMatchObject({ kind: 'rejected', httpStatus: 400, errors: [{ code: 'Missing-OTP', message: 'OTP is required field' }] }),
  csidInvalidOtp: (o) =>
    expect(o).toMatchObject({ kind: 'rejected', httpStatus: 400, errors: [{ code: 'Invalid-OTP', message: 'The provided OTP is invalid' }] }),
  csidMissingComplianceSteps: (o) => expect(o).toMatchObject({ kind: 'rejected', httpStatus: 400, errors: [{ code: 'Missing-ComplianceSteps' }] }),
  csidErrorStrings: (o) => expect(o).toEqual({ kind: 'rejected', httpStatus: 400, errors: [{ message: 'Invoice type is not valid' }] }),
  csid500: (o) => expect(o).toMatchObject({ kind: 'unknown-outcome', reason: 'server-error', httpStatus: 500 }),
};

describe('every real answer shape through the classifier (reference §9.1)', () => {
  it.each(Object.keys(REAL_ANSWERS) as RealAnswerName[])('%s', (name) => {
    const answer = REAL_ANSWERS[name];
    expect(answer.observed.length, 'each fixture says where it was observed').toBeGreaterThan(0);
    EXPECTED[name](classify(answer));
  });
});

describe('the reporting shapes in the outbox', () => {
  const reportingAnswers = (Object.keys(REAL_ANSWERS) as RealAnswerName[]).filter((n) => REAL_ANSWERS[n].endpoint === 'reporting');
  const transition = (name: RealAnswerName, earlierMayHaveArrived: boolean) =>
    transitionFor(classifyInvoice('reporting', exchangeOf(REAL_ANSWERS[name]), NOW), 4000, 600_000, { earlierMayHaveArrived });

  it.each(['reporting409of2024', 'reporting409of2025', 'reporting409of2026'] as const)(
    '%s after an attempt that may have arrived → reported, no error kept on it',
    (name) => {
      const t = transition(name, true);
      expect(t).toMatchObject({ state: 'reported', outcome: 'already-done', effect: 'recorded', httpStatus: 409 });
      expect(t.messages.filter((m) => m.type === 'ERROR')).toEqual([]);
    },
  );

  it.each(['reporting409of2024', 'reporting409of2025', 'reporting409of2026'] as const)(
    '%s for a document never sent before → recorded, but an alert, not a quiet success',
    (name) => expect(transition(name, false)).toMatchObject({ state: 'reported', outcome: 'already-done', effect: 'unexplained-duplicate' }),
  );

  it('5xx → resent later with the outcome unknown (so a later 409 is explained)', () => {
    for (const name of ['reporting500', 'reporting503', 'reporting504'] as const) {
      expect(transition(name, false)).toMatchObject({ state: 'queued', outcome: 'unknown-outcome', reason: 'server-error', effect: 'transient' });
    }
  });

  it('303 → failed, not resent: the document must be cleared; 400 without validationResults → systemic, not rejected', () => {
    expect(transition('reporting303', false)).toMatchObject({ state: 'failed', outcome: 'failed', effect: 'wrong-endpoint', httpStatus: 303 });
    expect(transition('reporting400InvalidRequest', false)).toMatchObject({ state: 'queued', outcome: 'failed', effect: 'transient', httpStatus: 400 });
  });

  it('every reporting fixture has a row of the state table', () => {
    for (const name of reportingAnswers) expect(() => transition(name, false), name).not.toThrow();
  });
});

describe('the CSID shapes in onboarding', () => {
  it('every OTP problem is "the OTP was not accepted": the service never says expired or used', () => {
    for (const name of ['csidMissingOtp', 'csidInvalidOtp'] as const) {
      const o = classify(REAL_ANSWERS[name]);
      expect(o.kind === 'rejected' && csidRejection(o.errors).code).toBe('onboarding.otp-invalid');
    }
    expect(csidRejection([{ code: 'Invalid-OTP', message: 'The provided OTP has expired' }]).code).toBe('onboarding.otp-invalid');
  });

  it('a CSR refused with plain strings names them; a CSID 500 is "Fatoora failed", not "unreachable"', () => {
    const refused = classify(REAL_ANSWERS.csidErrorStrings);
    const e = refused.kind === 'rejected' ? csidRejection(refused.errors) : undefined;
    expect(e?.code).toBe('onboarding.csr-rejected');
    expect(e?.problems?.map((p) => p.params?.message)).toEqual(['Invoice type is not valid']);
    const failed = transportError(classify(REAL_ANSWERS.csid500));
    expect(failed.code).toBe('onboarding.fatoora-error');
    expect(failed.message).toMatch(/HTTP 500/);
  });
});
