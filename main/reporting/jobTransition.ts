// SPDX-License-Identifier: UNLICENSED
// What one answer from Fatoora means for a document in the outbox, exactly as the status table says (reference §9;
// §11 for rejections and resubmission):
//   200 → reported · 202 → reported with warnings (kept and shown; never resent) · 409 → already reported → reported ·
//   400 → rejected, ZATCA's messages kept; the fix is a new document (Ledger.reissueRejected), never a resend ·
//   401/403 → credentials refused: the job waits, the worker stops and alerts ·
//   429 / 5xx / unreachable / timeout / broken connection → resend the identical payload later ·
//   413 → not received and cannot be fixed by resending the same bytes: failed, surfaced to the manager.
// Pure: no clock, no database; the worker applies the result.
import type { FatooraMessage, FatooraOutcome, InvoiceResult } from '../fatoora/index';
import type { AttemptOutcome, JobState } from './reportingStore';

/** What the worker must do beyond updating the job. */
export type TransitionEffect =
  /** Fatoora recorded the document (200/202/409). */
  | 'recorded'
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

function resultMessages(result: InvoiceResult | undefined): FatooraMessage[] {
  if (!result) return [];
  const v = result.validation;
  return [...v.errorMessages, ...v.warningMessages, ...v.infoMessages];
}

/**
 * @param outcome the client's typed outcome of one reporting call
 * @param backoffMs the backoff delay for this job's failure count (exponential with jitter, see backoff.ts)
 * @param maxWaitMs the longest a Retry-After may park a document (a bogus header must not hide it for a day)
 */
export function transitionFor(outcome: FatooraOutcome<InvoiceResult>, backoffMs: number, maxWaitMs = Infinity): JobTransition {
  switch (outcome.kind) {
    case 'accepted':
      return { state: 'reported', outcome: outcome.kind, effect: 'recorded', httpStatus: outcome.httpStatus, messages: resultMessages(outcome.value) };
    case 'accepted-with-warnings':
      return {
        state: 'reported-with-warnings',
        outcome: outcome.kind,
        effect: 'recorded',
        httpStatus: outcome.httpStatus,
        messages: resultMessages(outcome.value),
      };
    case 'already-done':
      // 409: "same hash already reported successfully" — treat as reported (reference §9; DISC 7954)
      return { state: 'reported', outcome: outcome.kind, effect: 'recorded', httpStatus: outcome.httpStatus, messages: outcome.messages };
    case 'rejected': {
      const messages = outcome.validation
        ? [...outcome.validation.errorMessages, ...outcome.validation.warningMessages, ...outcome.validation.infoMessages]
        : outcome.errors;
      return { state: 'rejected', outcome: outcome.kind, effect: 'rejected', httpStatus: outcome.httpStatus, messages };
    }
    case 'unauthorized':
      // the document is fine; the credentials are not. It waits (due at once) until the worker is resumed.
      return { state: 'queued', outcome: outcome.kind, effect: 'halt-credentials', httpStatus: outcome.httpStatus, messages: outcome.errors, retryInMs: 0 };
    case 'needs-compliance':
      // only a renewal answers 428; on the reporting endpoint it is an answer outside the table
      return {
        state: 'queued',
        outcome: 'failed',
        effect: 'transient',
        httpStatus: outcome.httpStatus,
        messages: outcome.errors,
        retryInMs: backoffMs,
        detail: 'HTTP 428 on reporting',
      };
    case 'retryable': {
      const base = {
        outcome: outcome.kind,
        reason: outcome.reason,
        detail: outcome.detail,
        messages: outcome.errors,
        ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
      };
      if (outcome.reason === 'payload-too-large') return { ...base, state: 'failed', effect: 'too-large' };
      const retryAfter = outcome.retryAfterMs === undefined ? undefined : Math.min(outcome.retryAfterMs, Math.max(maxWaitMs, backoffMs));
      const retryInMs = Math.max(backoffMs, retryAfter ?? 0);
      const effect: TransitionEffect = outcome.reason === 'rate-limited' ? 'rate-limited' : outcome.reason === 'unreachable' ? 'unreachable' : 'transient';
      return { ...base, state: 'queued', effect, retryInMs, ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}) };
    }
    case 'unknown-outcome':
      if (outcome.reason === 'aborted') {
        // our own abort at shutdown: the request may have arrived; the next worker resends it unchanged
        return { state: 'queued', outcome: 'interrupted', effect: 'interrupted', reason: outcome.reason, detail: outcome.detail, messages: [], retryInMs: 0 };
      }
      // the request may have been processed: resend the identical payload (reference §11, §12 item 25); a 409 then
      // confirms it was recorded
      return {
        state: 'queued',
        outcome: outcome.kind,
        effect: 'transient',
        reason: outcome.reason,
        detail: outcome.detail,
        messages: [],
        retryInMs: backoffMs,
      };
    case 'failed':
      // an answer outside ZATCA's table (404 wrong URL, 406 version, unreadable body): systemic, not the document's
      // fault; keep the job and back off like an outage so a misconfiguration is not hammered
      return {
        state: 'queued',
        outcome: outcome.kind,
        effect: 'transient',
        httpStatus: outcome.httpStatus,
        detail: outcome.detail,
        messages: outcome.errors,
        retryInMs: backoffMs,
      };
  }
}
