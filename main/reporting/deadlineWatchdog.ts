// SPDX-License-Identifier: UNLICENSED
// The 24-hour deadline (reference §11: simplified invoices and their notes must be reported within 24 hours of
// generation; if that is impossible, notify ZATCA through its failure-notification form and report when possible).
// Every simplified document that Fatoora has not recorded counts down from its issue time; the manager is alerted at
// 12 h and 20 h, and past 24 h the document is flagged overdue: a queue that stalls without anyone noticing is a
// compliance risk, not just a delay. A rejected document counts until its correction is issued: the re-issue keeps the original issue time
// (Ledger.reissueRejected), so it inherits the countdown. Flags are stored once, so an alert is raised once and a
// document that was late stays on record — it is the evidence for the failure notification.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { JobState, ReportingStatements, UnsettledRow } from './reportingStore';
import type { ReportingAlert } from './reportingTypes';

const HOUR = 3600 * 1000;

export interface DeadlinePolicy {
  /** From issue time to the reporting deadline. Default 24 h (reference §11). */
  readonly deadlineMs: number;
  /** The two early alerts, from issue time. Default 12 h and 20 h. */
  readonly alertsAtMs: readonly [number, number];
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = { deadlineMs: 24 * HOUR, alertsAtMs: [12 * HOUR, 20 * HOUR] };

export function checkDeadlinePolicy(p: DeadlinePolicy): DeadlinePolicy {
  const [first, second] = p.alertsAtMs;
  if (!(first > 0 && second > first && p.deadlineMs > second)) throw new Error('deadline: alertsAtMs must be two increasing delays, both before deadlineMs');
  return p;
}

export type DeadlineLevel = 'first-alert' | 'second-alert' | 'overdue';

export interface DeadlineEntry {
  readonly documentId: number;
  readonly number: string;
  readonly uuid: string;
  readonly icv: number;
  readonly kind: string;
  readonly state: JobState;
  readonly attempts: number;
  readonly issuedAt: Date;
  readonly deadline: Date;
  /** Negative once the deadline has passed. */
  readonly remainingMs: number;
}

export interface DeadlineCrossings {
  /** Documents that crossed the first alert (12 h) since the last check (and no later threshold). */
  readonly firstAlert: readonly DeadlineEntry[];
  /** Documents that crossed the second alert (20 h) since the last check (and not the deadline). */
  readonly secondAlert: readonly DeadlineEntry[];
  /** Documents that passed the deadline since the last check. */
  readonly overdue: readonly DeadlineEntry[];
}

export function deadlineEntry(row: UnsettledRow, policy: DeadlinePolicy, now: number): DeadlineEntry {
  const deadline = row.issued_at + policy.deadlineMs;
  return {
    documentId: row.document_id,
    number: row.number,
    uuid: row.uuid,
    icv: row.icv,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    issuedAt: new Date(row.issued_at),
    deadline: new Date(deadline),
    remainingMs: deadline - now,
  };
}

export class DeadlineWatchdog {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly q: ReportingStatements,
    readonly policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
  ) {
    checkDeadlinePolicy(policy);
  }

  /** Flags every threshold crossed by `now` and returns the documents that crossed one since the last check. */
  check(now: number): DeadlineCrossings {
    const [first, second] = this.policy.alertsAtMs;
    const crossings = { firstAlert: [] as DeadlineEntry[], secondAlert: [] as DeadlineEntry[], overdue: [] as DeadlineEntry[] };
    const rows = this.q.unsettledIssuedBy.all(now - first);
    this.db
      .transaction(() => {
        for (const row of rows) {
          const age = now - row.issued_at;
          const over = age >= this.policy.deadlineMs;
          const past2 = age >= second;
          const newly = { overdue: over && row.overdue_at === null, second: past2 && row.alerted_20h_at === null, first: row.alerted_12h_at === null };
          if (!newly.overdue && !newly.second && !newly.first) continue;
          this.q.upsertWatch.run({ document_id: row.document_id, alerted_12h_at: now, alerted_20h_at: past2 ? now : null, overdue_at: over ? now : null });
          // one alert per document per check: the most urgent level it reached
          const entry = deadlineEntry(row, this.policy, now);
          if (newly.overdue) crossings.overdue.push(entry);
          else if (newly.second) crossings.secondAlert.push(entry);
          else crossings.firstAlert.push(entry);
        }
      })
      .immediate();
    return crossings;
  }

  /** When the next threshold is crossed by a document known now (undefined: no unsettled document). */
  nextCrossingAt(now: number): number | undefined {
    const [first, second] = this.policy.alertsAtMs;
    let next: number | undefined;
    for (const row of this.q.unsettled.iterate()) {
      const candidates = [
        row.alerted_12h_at === null ? row.issued_at + first : undefined,
        row.alerted_20h_at === null ? row.issued_at + second : undefined,
        row.overdue_at === null ? row.issued_at + this.policy.deadlineMs : undefined,
      ];
      for (const at of candidates) if (at !== undefined && (next === undefined || at < next)) next = Math.max(at, now);
    }
    return next;
  }
}

const hours = (ms: number): number => Math.round((ms / 3600_000) * 10) / 10;

/** The alerts for the manager that one check's crossings call for: the early alerts, then the overdue one. */
export function deadlineAlerts(crossings: DeadlineCrossings, policy: DeadlinePolicy, at: Date): ReportingAlert[] {
  const alerts: ReportingAlert[] = [];
  const levels = [
    ['first-alert', crossings.firstAlert, policy.alertsAtMs[0]],
    ['second-alert', crossings.secondAlert, policy.alertsAtMs[1]],
  ] as const;
  for (const [level, documents, afterMs] of levels) {
    if (documents.length === 0) continue;
    const afterHours = hours(afterMs);
    alerts.push({ kind: 'deadline', at, level, afterHours, documents, message: `${documents.length} document(s) not reported ${afterHours} h after issue` });
  }
  if (crossings.overdue.length > 0) {
    alerts.push({
      kind: 'overdue',
      at,
      documents: crossings.overdue,
      message: `${crossings.overdue.length} document(s) passed the ${hours(policy.deadlineMs)}-hour reporting deadline: file ZATCA's failure notification with the evidence export; they are still reported as soon as possible`,
    });
  }
  return alerts;
}
