// SPDX-License-Identifier: UNLICENSED
// The alert for answers that never confirm. A document whose attempts keep ending with an unknown outcome — no
// answer in time, a broken connection, or an answer whose body does not say recorded (a captive portal's page, a
// proxy's error, recordedStatus.ts) — is resent unchanged, as it must be (reference §11), but it is not reported, and
// its 24-hour deadline (reference §11) keeps running. After `threshold` such attempts in a row for one document the
// worker raises one alert: the network in front of the till may be answering in Fatoora's place. One alert per
// streak: it is raised again only after an answer from Fatoora confirmed something.
import type { JobTransition } from './jobTransition';
import type { AttemptRow, DueJobRow, ReportingStatements } from './reportingStore';
import type { ReportingAlert } from './reportingTypes';

export const DEFAULT_UNCONFIRMED_TO_ALERT = 5;

/**
 * How many of the latest attempts, in a row, ended with an unknown outcome. An interrupted one, and a 5xx (Fatoora's
 * own failure, reference §9.1: the outage logic handles it, not a warning about the till's network), neither counts
 * nor breaks it.
 */
export function unconfirmedStreak(attempts: readonly Pick<AttemptRow, 'outcome' | 'reason'>[]): number {
  let streak = 0;
  for (let i = attempts.length - 1; i >= 0; i--) {
    const { outcome, reason } = attempts[i]!;
    if (outcome === 'interrupted' || reason === 'server-error') continue;
    if (outcome !== 'unknown-outcome') break;
    streak++;
  }
  return streak;
}

export class UnconfirmedWatch {
  private alerted = false;

  constructor(
    private readonly q: Pick<ReportingStatements, 'attemptsOf'>,
    private readonly threshold: number = DEFAULT_UNCONFIRMED_TO_ALERT,
  ) {
    if (!Number.isInteger(threshold) || threshold < 1) throw new Error('unconfirmedToAlert: must be a positive integer');
  }

  /** Fatoora confirmed an answer (recorded, rejected, refused…): a new streak may alert again. */
  answered(): void {
    this.alerted = false;
  }

  /** After a settled attempt: raises the alert when this document's streak of unknown outcomes reached the threshold. */
  settled(job: DueJobRow, t: JobTransition, now: number, raise: (alert: ReportingAlert) => void): void {
    if (t.outcome !== 'unknown-outcome' || t.reason === 'server-error' || this.alerted) return;
    const attempts = unconfirmedStreak(this.q.attemptsOf.all(job.document_id));
    if (attempts < this.threshold) return;
    this.alerted = true;
    const detail = t.detail ?? t.reason ?? 'no answer';
    raise({
      kind: 'unconfirmed-answers',
      at: new Date(now),
      documentId: job.document_id,
      number: job.number,
      attempts,
      detail,
      message: `Fatoora has not confirmed document ${job.number} after ${attempts} attempts (${detail}). It is resent unchanged; check the till's network — a captive portal or a proxy may be answering instead of Fatoora.`,
    });
  }
}
