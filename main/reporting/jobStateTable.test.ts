// The job state table, enumerated: every state × every event, accepted or refused, written out here once more so a
// change to the table is a visible change to this list; the client outcomes that make each answer event; and the
// store's SQL guards, run against a real device database, agreeing with the table pair by pair.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FatooraOutcome, InvoiceResult } from '../fatoora/index';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import { Ledger } from '../ledger/ledger';
import { simplifiedInvoice } from '../../test/fixtures/documents';
import { createTestEgs } from '../../test/support/testCertificate';
import {
  ANSWER_EVENTS,
  JOB_EVENTS,
  JOB_STATES,
  RefusedTransitionError,
  WORKER_EVENTS,
  jobStep,
  requireJobStep,
  statesAccepting,
  type AnswerEvent,
  type JobEvent,
  type JobStep,
} from './jobStateTable';
import { JobStore } from './jobStore';
import { answerEvent, transitionFor, type AnswerContext } from './jobTransition';
import type { JobState } from './reportingStore';

/** One entry as text: next state, attempt row, due, effect. */
function show(step: JobStep | undefined): string {
  if (!step) return 'refused';
  const attempt = 'open' in step.attempt ? 'open attempt' : 'close' in step.attempt ? `close attempt as ${step.attempt.close}` : 'attempt untouched';
  return [step.next, attempt, step.due && `due ${step.due}`, step.effect && `effect ${step.effect}`].filter(Boolean).join(' · ');
}

const EXPECTED: { readonly [S in JobState]: { readonly [E in JobEvent]?: string } } = {
  queued: {
    claim: 'in-flight · open attempt',
    'back-online': 'queued · attempt untouched · due at-once-unless-retry-after',
  },
  'in-flight': {
    accepted: 'reported · close attempt as accepted · effect recorded',
    'accepted-with-warnings': 'reported-with-warnings · close attempt as accepted-with-warnings · effect recorded',
    'already-reported': 'reported · close attempt as already-done · effect recorded',
    'unexplained-duplicate': 'reported · close attempt as already-done · effect unexplained-duplicate',
    'wrong-endpoint': 'failed · close attempt as failed · effect wrong-endpoint',
    rejected: 'rejected · close attempt as rejected · effect rejected',
    'too-large': 'failed · close attempt as retryable · effect too-large',
    unauthorized: 'queued · close attempt as unauthorized · due at-once · effect halt-credentials',
    'rate-limited': 'queued · close attempt as retryable · due backoff-or-retry-after · effect rate-limited',
    unreachable: 'queued · close attempt as retryable · due backoff-or-retry-after · effect unreachable',
    'server-error': 'queued · close attempt as unknown-outcome · due backoff-or-retry-after · effect transient',
    'no-answer': 'queued · close attempt as unknown-outcome · due backoff · effect transient',
    aborted: 'queued · close attempt as interrupted · due at-once · effect interrupted',
    'outside-table': 'queued · close attempt as failed · due backoff · effect transient',
    'worker-restarted': 'queued · close attempt as interrupted · due at-once',
    'storage-error': 'queued · close attempt as interrupted · due at-once',
  },
  reported: {},
  'reported-with-warnings': {},
  rejected: {},
  failed: {},
};

const PAIRS = JOB_STATES.flatMap((state) => JOB_EVENTS.map((event) => [state, event] as const));

/** A client outcome for each answer event (reference §9 status table). */
const OUTCOMES: { readonly [E in AnswerEvent]: readonly FatooraOutcome<InvoiceResult>[] } = {
  accepted: [{ kind: 'accepted', httpStatus: 200, value: { validation: { status: 'PASS', infoMessages: [], warningMessages: [], errorMessages: [] } } }],
  'accepted-with-warnings': [
    {
      kind: 'accepted-with-warnings',
      httpStatus: 202,
      warnings: [],
      value: { validation: { status: 'WARNING', infoMessages: [], warningMessages: [], errorMessages: [] } },
    },
  ],
  'already-reported': [{ kind: 'already-done', httpStatus: 409, messages: [] }],
  'unexplained-duplicate': [{ kind: 'already-done', httpStatus: 409, messages: [], detail: 'HTTP 409: recorded earlier' }],
  'wrong-endpoint': [{ kind: 'wrong-endpoint', httpStatus: 303, use: 'clearance', errors: [], detail: 'HTTP 303' }],
  rejected: [{ kind: 'rejected', httpStatus: 400, errors: [{ code: 'BR-KSA-04', message: 'issue date in the future' }] }],
  'too-large': [{ kind: 'retryable', reason: 'payload-too-large', httpStatus: 413, errors: [], detail: 'HTTP 413' }],
  unauthorized: [{ kind: 'unauthorized', httpStatus: 401, errors: [] }],
  'rate-limited': [{ kind: 'retryable', reason: 'rate-limited', httpStatus: 429, retryAfterMs: 7000, errors: [], detail: 'HTTP 429' }],
  unreachable: [{ kind: 'retryable', reason: 'unreachable', errors: [], detail: 'ECONNREFUSED' }],
  'server-error': [
    { kind: 'unknown-outcome', reason: 'server-error', httpStatus: 503, retryAfterMs: 7000, detail: 'HTTP 503' },
    { kind: 'unknown-outcome', reason: 'server-error', httpStatus: 500, detail: 'HTTP 500' },
  ],
  'no-answer': [
    { kind: 'unknown-outcome', reason: 'timeout', detail: 'no answer' },
    { kind: 'unknown-outcome', reason: 'network', detail: 'ECONNRESET' },
  ],
  aborted: [{ kind: 'unknown-outcome', reason: 'aborted', detail: 'shutdown' }],
  'outside-table': [
    { kind: 'failed', httpStatus: 404, errors: [], detail: 'HTTP 404' },
    {
      kind: 'needs-compliance',
      httpStatus: 428,
      errors: [],
      csid: { requestId: '1', dispositionMessage: 'NOT_COMPLIANT', credentials: {} as never },
    },
  ],
};

/** The job history each answer event needs: a duplicate is ours only after an attempt that may have arrived. */
const CONTEXT: Partial<Record<AnswerEvent, AnswerContext>> = { 'already-reported': { earlierMayHaveArrived: true } };

describe('the job state table', () => {
  it.each(PAIRS)('%s + %s', (state, event) => {
    expect(show(jobStep(state, event))).toBe(EXPECTED[state][event] ?? 'refused');
  });

  it('a refused transition throws when it is required', () => {
    for (const [state, event] of PAIRS) {
      if (jobStep(state, event)) expect(requireJobStep(state, event)).toBe(jobStep(state, event));
      else expect(() => requireJobStep(state, event)).toThrow(RefusedTransitionError);
    }
  });

  it('settled states take no event; answers only reach a job in flight; a job is claimed only while queued', () => {
    for (const state of ['reported', 'reported-with-warnings', 'rejected', 'failed'] as const) expect(JOB_EVENTS.filter((e) => jobStep(state, e))).toEqual([]);
    for (const event of ANSWER_EVENTS) expect(statesAccepting(event)).toEqual(['in-flight']);
    expect(statesAccepting('claim')).toEqual(['queued']);
    expect(statesAccepting('back-online')).toEqual(['queued']);
    expect(statesAccepting('worker-restarted')).toEqual(['in-flight']);
    expect(statesAccepting('storage-error')).toEqual(['in-flight']);
  });

  it('a job that ends queued always says when it is due; only answers carry a worker effect', () => {
    for (const [state, event] of PAIRS) {
      const step = jobStep(state, event);
      if (!step) continue;
      expect(step.due !== undefined, `${state} + ${event}`).toBe(step.next === 'queued');
      expect(step.effect !== undefined, `${state} + ${event}`).toBe((ANSWER_EVENTS as readonly string[]).includes(event));
    }
    expect([...ANSWER_EVENTS, ...WORKER_EVENTS].sort()).toEqual([...JOB_EVENTS].sort());
  });

  it.each(ANSWER_EVENTS)('%s: the client outcomes that make it, and the transition built from the table', (event) => {
    const step = requireJobStep('in-flight', event);
    for (const outcome of OUTCOMES[event]) {
      expect(answerEvent(outcome, CONTEXT[event])).toBe(event);
      const t = transitionFor(outcome, 4000, 600_000, CONTEXT[event]);
      expect(t.state).toBe(step.next);
      expect({ close: t.outcome }).toEqual(step.attempt);
      expect(t.effect).toBe(step.effect);
      const retryIn = { 'at-once': 0, backoff: 4000, 'backoff-or-retry-after': Math.max(4000, t.retryAfterMs ?? 0) } as Record<string, number>;
      expect(t.retryInMs).toBe(step.due === undefined ? undefined : retryIn[step.due]);
    }
  });
});

describe("the store's SQL guards agree with the table", () => {
  const egs = createTestEgs();
  const NOW = 1_900_000_000_000;
  const LATER = NOW + 3600_000;

  async function outbox() {
    const db = openDeviceDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-jobs-')), 'dukkan.sqlite'));
    const ledger = new Ledger(db, { numberPrefix: 'T1' });
    const { number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...sale } = simplifiedInvoice();
    const ids: number[] = [];
    for (const _state of JOB_STATES) ids.push((await ledger.issue(sale, egs.signing)).id);
    const force = db.prepare<[JobState, number, number | null, number]>(
      'UPDATE reporting_jobs SET state = ?, next_attempt_at = ?, last_status = ? WHERE document_id = ?',
    );
    const job = db.prepare<[number], { state: JobState; next_attempt_at: number }>('SELECT state, next_attempt_at FROM reporting_jobs WHERE document_id = ?');
    const openAttempts = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM reporting_attempts WHERE document_id = ? AND finished_at IS NULL');
    return { db, store: new JobStore(db), ids, force, job, openAttempts };
  }

  /** Each state in turn, on its own document: the event's write, then the job as the table says it must be. */
  async function check(event: JobEvent, write: (store: JobStore, id: number) => void, lastStatus: number | null = null): Promise<void> {
    const o = await outbox();
    for (const [i, state] of JOB_STATES.entries()) {
      const id = o.ids[i]!;
      o.force.run(state, LATER, lastStatus, id);
      if (state === 'in-flight') o.db.prepare('INSERT INTO reporting_attempts (document_id, attempt, started_at) VALUES (?, 1, ?)').run(id, NOW);
      write(o.store, id);
      const step = jobStep(state, event);
      const after = o.job.get(id)!;
      expect(after.state, `${state} + ${event}`).toBe(step?.next ?? state);
      // refused: untouched; due at once: now (unless the wait came from the server's Retry-After)
      const kept = !step || (step.due === 'at-once-unless-retry-after' && (lastStatus === 429 || lastStatus === 503));
      if (kept || step?.due?.startsWith('at-once')) expect(after.next_attempt_at, `${state} + ${event}: due`).toBe(kept ? LATER : NOW);
      const open = step && 'open' in step.attempt ? 1 : step && 'close' in step.attempt ? 0 : state === 'in-flight' ? 1 : 0;
      expect(o.openAttempts.get(id)!.n, `${state} + ${event}: open attempts`).toBe(open);
    }
    o.db.close();
  }

  it('claim', () => check('claim', (store, id) => store.claim(id, NOW)));
  it('worker-restarted', () => check('worker-restarted', (store) => store.recoverInFlight(NOW)));
  it('storage-error', () => check('storage-error', (store, id) => store.requeueStranded(new Set([id]), () => false, NOW)));
  it('back-online', () => check('back-online', (store) => store.makeDueNow(NOW)));
  it('back-online keeps a wait the server asked for (429, 503)', async () => {
    await check('back-online', (store) => store.makeDueNow(NOW), 429);
    await check('back-online', (store) => store.makeDueNow(NOW), 503);
  });
  it.each(ANSWER_EVENTS)('answer %s', (event) =>
    check(event, (store, id) => {
      const attemptId = store.q.openAttempts.all().find((a) => a.document_id === id)?.id ?? -1;
      store.settle(id, { attemptId, attempt: 1 }, transitionFor(OUTCOMES[event][0]!, 0, Infinity, CONTEXT[event]), NOW);
    }),
  );
});
