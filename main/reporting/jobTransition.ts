// SPDX-License-Identifier: UNLICENSED
// What one answer from Fatoora means for a document in the outbox, exactly as the status table says (reference §9;
// §11 for rejections and resubmission):
//   200 → reported · 202 → reported with warnings (kept and shown; never resent) · 409 → already reported → reported,
//   with an alert when no earlier attempt of ours may have delivered it (reference §9.1) · 303 → failed: the document
//   must be cleared, not reported ·
//   400 → rejected, ZATCA's messages kept; the fix is a new document (Ledger.reissueRejected), never a resend ·
//   401/403 → credentials refused: the job waits, the worker stops and alerts ·
//   429 / 5xx (outcome unknown) / unreachable / timeout / broken connection / an answer whose body does not confirm
//   it → resend the identical payload later ·
//   413 → not received and cannot be fixed by resending the same bytes: failed, surfaced to the manager.
// The client's outcome is named as an answer event; the next state, the attempt's outcome, the effect and when the
// job is due again come from the state table (jobStateTable.ts); this module adds the answer's details.
// Pure: no clock, no database; the worker applies the result.
import type { FatooraMessage, FatooraOutcome, InvoiceResult } from '../fatoora/index';
import { requireJobStep, type AnswerEvent, type TransitionEffect } from './jobStateTable';
import type { AttemptOutcome, JobState } from './reportingStore';

export type { TransitionEffect };

export interface JobTransition {
  readonly state: JobState;
  readonly outcome: AttemptOutcome;
  readonly effect: TransitionEffect;
  readonly httpStatus?: number;
  readonly reason?: string;
  readonly detail?: string;
  /** ZATCA's messages of this answer (validation errors, warnings, info), as the client parsed and scrubbed them. */
  readonly messages: readonly FatooraMessage[];
  /** For a job that stays queued: how long to wait before resending it. */
  readonly retryInMs?: number;
  /** Retry-After of the answer, when it carried one. */
  readonly retryAfterMs?: number;
}

/** What the sender knows of a job's history that the answer alone cannot say. */
export interface AnswerContext {
  /**
   * Whether an earlier attempt of this job may have reached Fatoora (its outcome was unknown, or it was interrupted):
   * only then is a duplicate answer our own earlier submission (reference §9.1). Default false: a duplicate alerts.
   */
  readonly earlierMayHaveArrived?: boolean;
}

/** The event of the state table that this outcome is. */
export function answerEvent(outcome: FatooraOutcome<InvoiceResult>, context: AnswerContext = {}): AnswerEvent {
  switch (outcome.kind) {
    case 'accepted':
    case 'accepted-with-warnings':
    case 'rejected':
    case 'unauthorized':
      return outcome.kind;
    case 'already-done':
      // 409: "same hash already reported successfully" — ours when an earlier attempt may have arrived (reference §9.1)
      return context.earlierMayHaveArrived === true ? 'already-reported' : 'unexplained-duplicate';
    case 'wrong-endpoint':
      return 'wrong-endpoint';
    case 'needs-compliance': // only a renewal answers 428; on the reporting endpoint it is outside the table
    case 'failed':
      return 'outside-table';
    case 'retryable':
      if (outcome.reason === 'payload-too-large') return 'too-large';
      if (outcome.reason === 'rate-limited' || outcome.reason === 'unreachable') return outcome.reason;
      return 'server-error';
    case 'unknown-outcome':
      // a 5xx, a timeout, a broken connection, or an answer whose body does not confirm the document (a captive
      // portal's page): all may have reached Fatoora, so all resend the identical payload
      if (outcome.reason === 'server-error') return 'server-error';
      return outcome.reason === 'aborted' ? 'aborted' : 'no-answer';
  }
}

interface AnswerDetails {
  readonly httpStatus?: number;
  readonly reason?: string;
  readonly detail?: string;
  readonly messages: readonly FatooraMessage[];
  readonly retryAfterMs?: number;
}

function resultMessages(result: InvoiceResult | undefined): FatooraMessage[] {
  if (!result) return [];
  const v = result.validation;
  return [...v.errorMessages, ...v.warningMessages, ...v.infoMessages];
}

function answerDetails(outcome: FatooraOutcome<InvoiceResult>): AnswerDetails {
  switch (outcome.kind) {
    case 'accepted':
    case 'accepted-with-warnings':
      return { httpStatus: outcome.httpStatus, messages: resultMessages(outcome.value) };
    case 'already-done':
      return { httpStatus: outcome.httpStatus, messages: outcome.messages, ...(outcome.detail !== undefined ? { detail: outcome.detail } : {}) };
    case 'wrong-endpoint':
      return { httpStatus: outcome.httpStatus, reason: `use-${outcome.use}`, detail: outcome.detail, messages: outcome.errors };
    case 'rejected':
      return { httpStatus: outcome.httpStatus, messages: outcome.validation ? resultMessages({ validation: outcome.validation }) : outcome.errors };
    case 'unauthorized':
      return { httpStatus: outcome.httpStatus, messages: outcome.errors };
    case 'needs-compliance':
      return { httpStatus: outcome.httpStatus, messages: outcome.errors, detail: 'HTTP 428 on reporting' };
    case 'retryable':
      return {
        reason: outcome.reason,
        detail: outcome.detail,
        messages: outcome.errors,
        ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
        ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
      };
    case 'unknown-outcome':
      return {
        reason: outcome.reason,
        detail: outcome.detail,
        messages: [],
        ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
        ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
      };
    case 'failed':
      return { httpStatus: outcome.httpStatus, detail: outcome.detail, messages: outcome.errors };
  }
}

/**
 * @param outcome the client's typed outcome of one reporting call
 * @param backoffMs the backoff delay for this job's failure count (exponential with jitter, see backoff.ts)
 * @param maxWaitMs the longest a Retry-After may park a document (a bogus header must not hide it for a day)
 * @param context what the job's history says (a duplicate answer is ours only after an attempt that may have arrived)
 */
export function transitionFor(outcome: FatooraOutcome<InvoiceResult>, backoffMs: number, maxWaitMs = Infinity, context: AnswerContext = {}): JobTransition {
  const step = requireJobStep('in-flight', answerEvent(outcome, context));
  if (!('close' in step.attempt) || step.effect === undefined) throw new Error('reporting job: an answer must close its attempt');
  const { retryAfterMs: asked, ...details } = answerDetails(outcome);
  // the attempt row keeps why a duplicate was not ours, so the manager's problems list shows it after a restart
  const marked = step.effect === 'unexplained-duplicate' ? { reason: 'unexplained-duplicate' } : {};
  const base = { ...details, ...marked, state: step.next, outcome: step.attempt.close, effect: step.effect };
  switch (step.due) {
    case undefined:
      return base;
    case 'at-once':
      return { ...base, retryInMs: 0 };
    case 'backoff':
      return { ...base, retryInMs: backoffMs };
    case 'backoff-or-retry-after': {
      const retryAfter = asked === undefined ? undefined : Math.min(asked, Math.max(maxWaitMs, backoffMs));
      return { ...base, retryInMs: Math.max(backoffMs, retryAfter ?? 0), ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}) };
    }
    case 'at-once-unless-retry-after':
      throw new Error('reporting job: that wait belongs to the back-online event, not to an answer');
  }
}
