// SPDX-License-Identifier: UNLICENSED
// Evidence for ZATCA's failure notification (reference §11: when reporting within 24 hours is impossible, notify
// ZATCA through its form and report when possible). Lists every simplified document that is or was overdue, with
// its issue time, deadline, every attempt (time, outcome, HTTP status, reason, ZATCA's message codes) and when
// Fatoora finally recorded it — as JSON for systems and CSV for the form and the accountant. Nothing secret is in it: attempts hold only what the client already scrubbed.
import path from 'node:path';
import { PRIVATE_FILE_MODE } from '../fs/privateFiles';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import type { DeadlinePolicy } from './deadlineWatchdog';
import { reportFromRow, type AttemptRecord } from './documentReport';
import type { JobState, ReportingStatements } from './reportingStore';

export interface EvidenceAttempt {
  readonly attempt: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly outcome: string;
  readonly httpStatus: number | null;
  readonly reason: string | null;
  readonly detail: string | null;
  readonly messageCodes: readonly string[];
}

export interface EvidenceDocument {
  readonly number: string;
  readonly uuid: string;
  readonly icv: number;
  readonly kind: string;
  readonly invoiceHash: string;
  readonly certificateSerial: string;
  /** As in the XML, Asia/Riyadh local time. */
  readonly issueDate: string;
  readonly issueTime: string;
  /** ISO 8601 UTC. */
  readonly issuedAt: string;
  readonly deadline: string;
  readonly overdueSince: string | null;
  readonly state: JobState;
  readonly reportedAt: string | null;
  /** Hours from issue to report (or to the export, when still unreported). */
  readonly delayHours: number;
  readonly attempts: readonly EvidenceAttempt[];
}

export interface OverdueEvidence {
  readonly generatedAt: string;
  readonly deadlineHours: number;
  readonly documents: readonly EvidenceDocument[];
}

const iso = (d: Date | undefined): string | null => (d ? d.toISOString() : null);

function evidenceAttempt(a: AttemptRecord): EvidenceAttempt {
  return {
    attempt: a.attempt,
    startedAt: a.startedAt.toISOString(),
    finishedAt: iso(a.finishedAt),
    outcome: a.outcome,
    httpStatus: a.httpStatus ?? null,
    reason: a.reason ?? null,
    detail: a.detail ?? null,
    messageCodes: a.messages.map((m) => m.code ?? m.message),
  };
}

export function buildOverdueEvidence(q: ReportingStatements, policy: DeadlinePolicy, now: number): OverdueEvidence {
  const documents = q.overdueDocuments.all(now - policy.deadlineMs).map((row): EvidenceDocument => {
    const r = reportFromRow(q, row, policy);
    const end = r.reportedAt?.getTime() ?? now;
    return {
      number: r.number,
      uuid: r.uuid,
      icv: r.icv,
      kind: r.kind,
      invoiceHash: r.invoiceHash,
      certificateSerial: r.certificateSerial,
      issueDate: r.issueDate,
      issueTime: r.issueTime,
      issuedAt: r.issuedAt.toISOString(),
      deadline: r.deadline.toISOString(),
      // flagged by the watchdog, or past the deadline now even if the watchdog has not run since
      overdueSince: iso(r.overdueSince) ?? (r.reportedAt ? null : r.deadline.toISOString()),
      state: r.state,
      reportedAt: iso(r.reportedAt),
      delayHours: Math.round(((end - r.issuedAt.getTime()) / 3600_000) * 100) / 100,
      attempts: r.history.map(evidenceAttempt),
    };
  });
  return { generatedAt: new Date(now).toISOString(), deadlineHours: policy.deadlineMs / 3600_000, documents };
}

export function evidenceJson(e: OverdueEvidence): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}

/** RFC 4180 field; text a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection). */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const EVIDENCE_CSV_COLUMNS = [
  'number',
  'uuid',
  'icv',
  'kind',
  'issue_date_riyadh',
  'issue_time_riyadh',
  'issued_at_utc',
  'deadline_utc',
  'overdue_since_utc',
  'state',
  'reported_at_utc',
  'delay_hours',
  'attempts',
  'attempt_log',
] as const;

/** One line per document; `attempt_log` lists each attempt as "time outcome [HTTP status] [reason] [codes]". */
export function evidenceCsv(e: OverdueEvidence): string {
  const lines = [EVIDENCE_CSV_COLUMNS.join(',')];
  for (const d of e.documents) {
    const log = d.attempts
      .map((a) =>
        [a.startedAt, a.outcome, a.httpStatus !== null ? `HTTP ${a.httpStatus}` : '', a.reason ?? '', a.messageCodes.join(' ')]
          .filter((x) => x !== '')
          .join(' '),
      )
      .join('; ');
    const fields = [
      d.number,
      d.uuid,
      d.icv,
      d.kind,
      d.issueDate,
      d.issueTime,
      d.issuedAt,
      d.deadline,
      d.overdueSince,
      d.state,
      d.reportedAt,
      d.delayHours,
      d.attempts.length,
      log,
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Writes `<stem>.json` and `<stem>.csv` atomically into `dir`; returns their paths. */
export function writeOverdueEvidence(
  e: OverdueEvidence,
  dir: string,
  stem = `overdue-evidence-${e.generatedAt.replace(/[:.]/g, '-')}`,
): { json: string; csv: string } {
  const json = path.join(dir, `${stem}.json`);
  const csv = path.join(dir, `${stem}.csv`);
  writeFileAtomic(json, evidenceJson(e), PRIVATE_FILE_MODE);
  writeFileAtomic(csv, evidenceCsv(e), PRIVATE_FILE_MODE);
  return { json, csv };
}
