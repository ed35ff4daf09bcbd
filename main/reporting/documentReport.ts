// SPDX-License-Identifier: UNLICENSED
// Where one document stands with Fatoora, for the manager: its state, its countdown, every attempt with its time,
// outcome and ZATCA's messages, and — after a rejection — the corrective action (reference §11: a new document with
// the original number and issue date/time, new UUID/ICV/PIH; never a credit note, never a resend).
import type { FatooraMessage } from '../fatoora/index';
import type { DeadlinePolicy } from './deadlineWatchdog';
import type { AttemptOutcome, AttemptRow, DocumentStatusRow, JobState, ReportingStatements } from './reportingStore';

export interface AttemptRecord {
  readonly attempt: number;
  readonly startedAt: Date;
  /** Undefined while the request is in flight. */
  readonly finishedAt?: Date;
  readonly outcome: AttemptOutcome | 'in-flight';
  readonly httpStatus?: number;
  readonly reason?: string;
  readonly detail?: string;
  readonly messages: readonly FatooraMessage[];
  readonly retryAt?: Date;
}

export interface CorrectiveAction {
  readonly kind: 'reissue' | 'contact-support';
  /** Why: rejected, must be cleared rather than reported (HTTP 303), or too large to send. */
  readonly cause: 'rejected' | 'clear-not-report' | 'too-large';
  /** What the manager should do, in one sentence. */
  readonly summary: string;
  readonly originalNumber: string;
  readonly issueDate: string;
  readonly issueTime: string;
  /** The correction, once issued. */
  readonly reissuedAs?: { readonly documentId: number; readonly number: string };
}

export interface DocumentReport {
  readonly documentId: number;
  readonly number: string;
  readonly uuid: string;
  readonly icv: number;
  readonly kind: string;
  readonly profile: string;
  readonly invoiceHash: string;
  readonly certificateSerial: string;
  readonly issueDate: string;
  readonly issueTime: string;
  readonly issuedAt: Date;
  readonly deadline: Date;
  readonly state: JobState;
  readonly attempts: number;
  readonly nextAttemptAt?: Date;
  readonly lastHttpStatus?: number;
  /** ZATCA's messages of the last answer: warnings of a 202, errors of a 400. */
  readonly messages: readonly FatooraMessage[];
  /** When Fatoora recorded it (200/202/409). */
  readonly reportedAt?: Date;
  readonly alertedAt: { readonly first?: Date; readonly second?: Date };
  readonly overdueSince?: Date;
  /** For a re-issue: the rejected document it corrects. */
  readonly corrects?: number;
  readonly correctiveAction?: CorrectiveAction;
  readonly history: readonly AttemptRecord[];
}

export function parseMessages(json: string | null): FatooraMessage[] {
  if (json === null || json === '') return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as FatooraMessage[]) : [];
  } catch {
    return [];
  }
}

const date = (ms: number | null | undefined): Date | undefined => (ms === null || ms === undefined ? undefined : new Date(ms));

export function attemptRecord(row: AttemptRow): AttemptRecord {
  const finishedAt = date(row.finished_at);
  const retryAt = date(row.retry_at);
  return {
    attempt: row.attempt,
    startedAt: new Date(row.started_at),
    ...(finishedAt ? { finishedAt } : {}),
    outcome: row.outcome ?? 'in-flight',
    ...(row.http_status !== null ? { httpStatus: row.http_status } : {}),
    ...(row.reason !== null ? { reason: row.reason } : {}),
    ...(row.detail !== null ? { detail: row.detail } : {}),
    messages: parseMessages(row.messages),
    ...(retryAt ? { retryAt } : {}),
  };
}

const RECORDED: readonly AttemptOutcome[] = ['accepted', 'accepted-with-warnings', 'already-done'];

/** The document alert each settling effect raises. */
export const DOCUMENT_ALERT = { rejected: 'rejected', 'too-large': 'payload-too-large', 'wrong-endpoint': 'wrong-endpoint' } as const;
export type DocumentAlertKind = (typeof DOCUMENT_ALERT)[keyof typeof DOCUMENT_ALERT];

export function correctiveActionFor(row: DocumentStatusRow): CorrectiveAction | undefined {
  const base = { originalNumber: row.number, issueDate: row.issue_date, issueTime: row.issue_time };
  const reissuedAs = row.corrected_by !== null ? { reissuedAs: { documentId: row.corrected_by, number: row.corrected_by_number ?? row.number } } : {};
  if (row.state === 'rejected') {
    return {
      kind: 'reissue',
      cause: 'rejected',
      summary: `Fatoora rejected ${row.number}: correct the sale and issue it again as a new document with the same number ${row.number} and issue date ${row.issue_date} ${row.issue_time} (do not issue a credit note); the rejected document stays in the chain`,
      ...base,
      ...reissuedAs,
    };
  }
  if (row.state === 'failed' && row.last_status === 303) {
    // reference §9.1: reporting answers 303 for a standard document while clearance is on
    return {
      kind: 'contact-support',
      cause: 'clear-not-report',
      summary: `Fatoora answered that ${row.number} must be cleared, not reported (HTTP 303); it is not sent to reporting again. Have it cleared, and notify ZATCA if the 24-hour deadline passes`,
      ...base,
      ...reissuedAs,
    };
  }
  if (row.state === 'failed') {
    return {
      kind: 'contact-support',
      cause: 'too-large',
      summary: `${row.number} could not be delivered to Fatoora as it is (payload too large); contact support and notify ZATCA if the 24-hour deadline passes`,
      ...base,
      ...reissuedAs,
    };
  }
  return undefined;
}

export function documentReport(q: ReportingStatements, documentId: number, policy: DeadlinePolicy): DocumentReport | undefined {
  const row = q.documentStatus.get(documentId);
  if (!row) return undefined;
  return reportFromRow(q, row, policy);
}

export function reportFromRow(q: ReportingStatements, row: DocumentStatusRow, policy: DeadlinePolicy): DocumentReport {
  const history = q.attemptsOf.all(row.id).map(attemptRecord);
  const recorded = [...history].reverse().find((a) => RECORDED.includes(a.outcome as AttemptOutcome));
  const action = correctiveActionFor(row);
  const first = date(row.alerted_12h_at);
  const second = date(row.alerted_20h_at);
  const overdueSince = date(row.overdue_at);
  return {
    documentId: row.id,
    number: row.number,
    uuid: row.uuid,
    icv: row.icv,
    kind: row.kind,
    profile: row.profile,
    invoiceHash: row.hash,
    certificateSerial: row.certificate_serial,
    issueDate: row.issue_date,
    issueTime: row.issue_time,
    issuedAt: new Date(row.issued_at),
    deadline: new Date(row.issued_at + policy.deadlineMs),
    state: row.state,
    attempts: row.attempts,
    ...(row.state === 'queued' ? { nextAttemptAt: new Date(row.next_attempt_at) } : {}),
    ...(row.last_status !== null ? { lastHttpStatus: row.last_status } : {}),
    messages: parseMessages(row.last_messages),
    ...(recorded?.finishedAt ? { reportedAt: recorded.finishedAt } : {}),
    alertedAt: { ...(first ? { first } : {}), ...(second ? { second } : {}) },
    ...(overdueSince ? { overdueSince } : {}),
    ...(row.corrects_document_id !== null ? { corrects: row.corrects_document_id } : {}),
    ...(action ? { correctiveAction: action } : {}),
    history,
  };
}
