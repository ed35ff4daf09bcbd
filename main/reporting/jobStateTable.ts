// SPDX-License-Identifier: UNLICENSED
// The state machine of one outbox job (a `reporting_jobs` row) as a single table: for every state and every event
// that may reach it, the next state and what goes with it — the attempt row, when the job is due again, and what the
// worker does beyond the job. A (state, event) pair missing from the table is a refused transition. The store's
// writes (jobStore.ts) carry the same guards in their SQL (`WHERE state = …`), so a refused event changes nothing;
// jobStateTable.test.ts checks those guards against this table. In short:
//
//   queued     ─claim→ in-flight · ─back-online→ queued (due at once)
//   in-flight  ─200, 202, 409→ reported or reported-with-warnings (a 409 for a document no attempt of ours may
//               have delivered: reported, and an alert) · ─400→ rejected · ─413, 303→ failed ·
//              ─401/403, 429, 5xx, unreachable, no (confirming) answer, aborted, outside the table, restart,
//               storage error→ queued
//   reported, reported-with-warnings, rejected, failed: no event
//
// A recorded document is never sent again (reference §11 "must not be submitted twice"); a rejected one stays in
// the chain untouched, and its correction is a new document (reference §11); a 413 cannot get through as it is.
// Pure: no clock, no database.
import { DukkanError } from '../../app/errors/index';
import type { AttemptOutcome, JobState } from './reportingStore';

export const JOB_STATES = ['queued', 'in-flight', 'reported', 'reported-with-warnings', 'rejected', 'failed'] as const satisfies readonly JobState[];

/** Fatoora's answer to one reporting call (or its absence), as far as the job is concerned (reference §9 status table). */
export const ANSWER_EVENTS = [
  /** 200 */
  'accepted',
  /** 202: recorded, warnings kept */
  'accepted-with-warnings',
  /** 409: this hash was recorded by an earlier attempt of ours whose outcome was unknown (reference §9.1) */
  'already-reported',
  /**
   * 409 for a document none of our attempts may have delivered: ZATCA holds it (resending only adds duplicates, which
   * ZATCA flags), but something else sent it — an alert, not a quiet success (reference §9.1)
   */
  'unexplained-duplicate',
  /** 303: a standard document sent to reporting while clearance is on; it must be cleared (reference §9.1) */
  'wrong-endpoint',
  /** 400 */
  'rejected',
  /** 413 */
  'too-large',
  /** 401/403 */
  'unauthorized',
  /** 429 */
  'rate-limited',
  /** connection refused, host unknown: nothing was sent */
  'unreachable',
  /** 5xx: the outcome is unknown (reference §9.1); the same payload is resent, Retry-After honoured */
  'server-error',
  /** timeout, broken connection, or an answer whose body does not say recorded: the request may have arrived (reference §9.1) */
  'no-answer',
  /** the worker aborted the call itself at shutdown */
  'aborted',
  /** 404, 406, 428 on reporting, an unreadable body: an answer outside the table */
  'outside-table',
] as const;
export type AnswerEvent = (typeof ANSWER_EVENTS)[number];

/** Events that come from the worker rather than from Fatoora. */
export const WORKER_EVENTS = [
  /** the sender takes a due job: it goes in flight and its attempt row is opened before a byte is sent */
  'claim',
  /** start-up found the job in flight: the previous worker stopped or crashed before the answer */
  'worker-restarted',
  /** the answer could not be written (disk full, locked): the job is requeued once storage works again */
  'storage-error',
  /** connectivity came back after an outage: everything that waited is due at once */
  'back-online',
] as const;
export type WorkerEvent = (typeof WORKER_EVENTS)[number];

export type JobEvent = AnswerEvent | WorkerEvent;
export const JOB_EVENTS: readonly JobEvent[] = [...WORKER_EVENTS, ...ANSWER_EVENTS];

/** What the worker must do beyond updating the job. */
export type TransitionEffect =
  /** Fatoora recorded the document (200/202/409). */
  | 'recorded'
  /** Fatoora holds the document, but not from an attempt of ours: recorded, and an alert. */
  | 'unexplained-duplicate'
  /** 303: the document belongs to the other endpoint; surface it, never resend it here. */
  | 'wrong-endpoint'
  /** 400: surface the messages and the corrective action. */
  | 'rejected'
  /** 401/403: stop sending, alert, wait for new credentials. */
  | 'halt-credentials'
  /** 429: the server is up but wants us to slow down: pause everything until Retry-After. */
  | 'rate-limited'
  /** Nothing was delivered (connection refused, name not resolved): the network or the server is down. */
  | 'unreachable'
  /** 5xx, timeout, broken connection, or an answer outside the table: may be a blip, may be an outage. */
  | 'transient'
  /** 413: the document cannot be delivered as it is. */
  | 'too-large'
  /** The worker aborted the call itself (shutdown): no judgement on the server. */
  | 'interrupted';

/** When a job that is queued after the event is due again. */
export type Due =
  /** now */
  | 'at-once'
  /** after the job's backoff (backoff.ts) */
  | 'backoff'
  /** after the longer of the backoff and the answer's Retry-After (capped, so a bogus header cannot hide it for a day) */
  | 'backoff-or-retry-after'
  /** now, unless the last answer was one that carries Retry-After (429, 503): that wait is kept */
  | 'at-once-unless-retry-after';

/** The attempt row: opened before a request leaves, closed once with what the request ended with. */
export type AttemptAction = { readonly open: true } | { readonly close: AttemptOutcome } | { readonly untouched: true };

export interface JobStep {
  readonly next: JobState;
  readonly attempt: AttemptAction;
  /** Set exactly when `next` is `queued`. */
  readonly due?: Due;
  /** Set exactly for answer events. */
  readonly effect?: TransitionEffect;
}

const answer = (next: JobState, close: AttemptOutcome, effect: TransitionEffect, due?: Due): JobStep => ({
  next,
  attempt: { close },
  effect,
  ...(due ? { due } : {}),
});

/** States × events → next state and effects. Absent pairs are refused. */
export const JOB_STATE_TABLE: { readonly [S in JobState]: { readonly [E in JobEvent]?: JobStep } } = {
  queued: {
    claim: { next: 'in-flight', attempt: { open: true } },
    'back-online': { next: 'queued', attempt: { untouched: true }, due: 'at-once-unless-retry-after' },
  },
  'in-flight': {
    accepted: answer('reported', 'accepted', 'recorded'),
    'accepted-with-warnings': answer('reported-with-warnings', 'accepted-with-warnings', 'recorded'),
    'already-reported': answer('reported', 'already-done', 'recorded'),
    'unexplained-duplicate': answer('reported', 'already-done', 'unexplained-duplicate'),
    'wrong-endpoint': answer('failed', 'failed', 'wrong-endpoint'),
    rejected: answer('rejected', 'rejected', 'rejected'),
    'too-large': answer('failed', 'retryable', 'too-large'),
    // the document is fine, the credentials are not: it waits, due at once, until the worker is resumed
    unauthorized: answer('queued', 'unauthorized', 'halt-credentials', 'at-once'),
    'rate-limited': answer('queued', 'retryable', 'rate-limited', 'backoff-or-retry-after'),
    unreachable: answer('queued', 'retryable', 'unreachable', 'backoff-or-retry-after'),
    // the document may have been recorded before the server failed: the attempt's outcome is unknown, so a later
    // 409 is explained by it (reference §9.1)
    'server-error': answer('queued', 'unknown-outcome', 'transient', 'backoff-or-retry-after'),
    // the request may have been processed: resend the identical payload; a 409 then confirms it (reference §11)
    'no-answer': answer('queued', 'unknown-outcome', 'transient', 'backoff'),
    // our own abort at shutdown: the request may have arrived; the next worker resends it unchanged
    aborted: answer('queued', 'interrupted', 'interrupted', 'at-once'),
    // systemic, not the document's fault: back off like an outage so a misconfiguration is not hammered
    'outside-table': answer('queued', 'failed', 'transient', 'backoff'),
    'worker-restarted': { next: 'queued', attempt: { close: 'interrupted' }, due: 'at-once' },
    'storage-error': { next: 'queued', attempt: { close: 'interrupted' }, due: 'at-once' },
  },
  reported: {},
  'reported-with-warnings': {},
  rejected: {},
  failed: {},
};

/** An event the table does not allow in a state (the store's guard should have kept it from being applied). */
export class RefusedTransitionError extends DukkanError {
  override readonly name = 'RefusedTransitionError';
  constructor(
    readonly state: JobState,
    readonly event: JobEvent,
  ) {
    super('reporting.transition-refused', { state, event });
  }
}

/** The table's entry for `event` in `state`, or undefined when the transition is refused. */
export function jobStep(state: JobState, event: JobEvent): JobStep | undefined {
  return JOB_STATE_TABLE[state][event];
}

/** As jobStep, but a refused transition throws. */
export function requireJobStep(state: JobState, event: JobEvent): JobStep {
  const step = jobStep(state, event);
  if (!step) throw new RefusedTransitionError(state, event);
  return step;
}

/** The states from which `event` is accepted (the guard of the store's write for it). */
export function statesAccepting(event: JobEvent): JobState[] {
  return JOB_STATES.filter((s) => jobStep(s, event) !== undefined);
}
