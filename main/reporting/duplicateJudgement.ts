// SPDX-License-Identifier: UNLICENSED
// Whose submission a duplicate answer (409 reporting, reference §9.1) is about. ZATCA answers "Invoice Hash
// Previously Submitted" whenever the hash reached it before; that is our own earlier submission only when an earlier
// attempt of this job may have arrived — its outcome was unknown (no answer, a broken connection, a 5xx, an answer
// that did not confirm) or the worker stopped while it was on the wire. A duplicate for a document none of our
// attempts can have delivered means something else submitted it (a copied ledger, another device with this key): the
// document is recorded all the same (resending only adds duplicates, which ZATCA flags for investigation), and the
// worker raises an alert instead of counting a quiet success.
import type { JobTransition } from './jobTransition';
import type { AttemptRow, DueJobRow } from './reportingStore';
import type { ReportingAlert } from './reportingTypes';

/** Whether one finished attempt may have delivered the document to Fatoora. */
export function mayHaveArrived(a: Pick<AttemptRow, 'outcome' | 'http_status'>): boolean {
  if (a.outcome === 'unknown-outcome' || a.outcome === 'interrupted') return true;
  // attempts recorded before a 5xx was an unknown outcome were written as `retryable` with the 5xx status
  return a.outcome === 'retryable' && a.http_status !== null && a.http_status >= 500;
}

/** Whether any attempt of the job before `attempt` may have delivered it. */
export function earlierMayHaveArrived(attempts: readonly Pick<AttemptRow, 'attempt' | 'outcome' | 'http_status'>[], attempt: number): boolean {
  return attempts.some((a) => a.attempt < attempt && mayHaveArrived(a));
}

/** The alert for a duplicate answer none of our attempts explains. */
export function unexplainedDuplicateAlert(job: Pick<DueJobRow, 'document_id' | 'number'>, t: Pick<JobTransition, 'detail'>, now: number): ReportingAlert {
  const detail = t.detail ?? 'HTTP 409';
  return {
    kind: 'unexplained-duplicate',
    at: new Date(now),
    documentId: job.document_id,
    number: job.number,
    detail,
    message: `Fatoora already had document ${job.number}, but this till had never delivered it (${detail}). It is recorded and will not be sent again; check whether another device or a copy of this till's data is reporting with the same certificate.`,
  };
}
