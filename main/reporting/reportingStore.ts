// SPDX-License-Identifier: UNLICENSED
// Typed access to the reporting tables (reporting_jobs of 0010-ledger; reporting_attempts, reporting_watch,
// reporting_lease of 0030-reporting), separate from the ledger's statements so the worker never shares a prepared
// statement with the issuance path. Every statement is a constant with bound parameters; the SQL of the reporting
// worker, its watchdog and its reports is all here. The worker's writes are grouped into short transactions by
// jobStore.ts, one per transition of the job state table: nothing is ever held open across a network call.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { JobState } from '../ledger/ledgerStore';

export type { JobState };

/** What an attempt ended with: the client's outcome kinds, or `interrupted` (the worker stopped or crashed first). */
export type AttemptOutcome =
  'accepted' | 'accepted-with-warnings' | 'already-done' | 'rejected' | 'unauthorized' | 'retryable' | 'unknown-outcome' | 'failed' | 'interrupted';

/** A queued job as the worker picks it: enough to order it and to find its credentials. */
export interface DueJobRow {
  document_id: number;
  chain_id: number;
  icv: number;
  number: string;
  attempts: number;
}

/** The stored document as it is sent: never rebuilt, never re-signed (reference §11, §12 item 25). */
export interface PayloadRow {
  id: number;
  hash: string;
  uuid: string;
  xml: Buffer;
}

export interface ChainInfoRow {
  id: number;
  certificate_serial: string;
  certificate_issuer: string;
  certificate: string;
  environment: string;
}

export interface AttemptRow {
  id: number;
  document_id: number;
  attempt: number;
  started_at: number;
  finished_at: number | null;
  outcome: AttemptOutcome | null;
  http_status: number | null;
  reason: string | null;
  detail: string | null;
  messages: string | null;
  retry_at: number | null;
}

export interface FinishedAttempt {
  id: number;
  finished_at: number;
  outcome: AttemptOutcome;
  http_status: number | null;
  reason: string | null;
  detail: string | null;
  messages: string | null;
  retry_at: number | null;
}

export interface JobUpdate {
  document_id: number;
  state: JobState;
  next_attempt_at: number;
  last_status: number | null;
  last_messages: string | null;
  updated_at: number;
}

/** A simplified document not yet recorded by Fatoora, with its deadline flags (the watchdog's input). */
export interface UnsettledRow {
  document_id: number;
  number: string;
  uuid: string;
  icv: number;
  kind: string;
  issued_at: number;
  state: JobState;
  attempts: number;
  alerted_12h_at: number | null;
  alerted_20h_at: number | null;
  overdue_at: number | null;
}

export interface UnsettledSummaryRow {
  queued: number;
  in_flight: number;
  overdue: number;
  awaiting_correction: number;
  oldest_issued_at: number | null;
}

export interface DocumentStatusRow {
  id: number;
  chain_id: number;
  icv: number;
  uuid: string;
  number: string;
  kind: string;
  profile: string;
  issue_date: string;
  issue_time: string;
  issued_at: number;
  hash: string;
  corrects_document_id: number | null;
  state: JobState;
  attempts: number;
  next_attempt_at: number;
  last_attempt_at: number | null;
  last_status: number | null;
  last_messages: string | null;
  updated_at: number;
  corrected_by: number | null;
  corrected_by_number: string | null;
  alerted_12h_at: number | null;
  alerted_20h_at: number | null;
  overdue_at: number | null;
  certificate_serial: string;
}

export interface LeaseRow {
  owner: string;
  pid: number;
  host: string;
  heartbeat_at: number;
}

// Reporting is for simplified documents (reference §9 #5, §11). Standard (B2B) documents are cleared, not
// reported, and are left alone by the worker and the watchdog.
const UNSETTLED = `
  SELECT d.id AS document_id, d.number, d.uuid, d.icv, d.kind, d.issued_at, j.state, j.attempts,
         w.alerted_12h_at, w.alerted_20h_at, w.overdue_at
  FROM reporting_jobs j
  JOIN documents d ON d.id = j.document_id
  LEFT JOIN reporting_watch w ON w.document_id = j.document_id
  WHERE d.profile = 'simplified' AND (
    j.state IN ('queued', 'in-flight')
    OR (j.state IN ('rejected', 'failed') AND NOT EXISTS (SELECT 1 FROM documents c WHERE c.corrects_document_id = d.id)))`;

const DOCUMENT_STATUS = `
  SELECT d.id, d.chain_id, d.icv, d.uuid, d.number, d.kind, d.profile, d.issue_date, d.issue_time, d.issued_at, d.hash,
         d.corrects_document_id, j.state, j.attempts, j.next_attempt_at, j.last_attempt_at, j.last_status, j.last_messages,
         j.updated_at, c.id AS corrected_by, c.number AS corrected_by_number,
         w.alerted_12h_at, w.alerted_20h_at, w.overdue_at, ch.certificate_serial
  FROM documents d
  JOIN reporting_jobs j ON j.document_id = d.id
  JOIN chains ch ON ch.id = d.chain_id
  LEFT JOIN documents c ON c.corrects_document_id = d.id
  LEFT JOIN reporting_watch w ON w.document_id = d.id`;

export function reportingStatements(db: SqliteDatabase) {
  const s = {
    /** Due jobs in ICV order per chain (older chains first): the order documents were generated in. */
    dueJobs: db.prepare<[number, number], DueJobRow>(
      `SELECT j.document_id, d.chain_id, d.icv, d.number, j.attempts
       FROM reporting_jobs j JOIN documents d ON d.id = j.document_id
       WHERE j.state = 'queued' AND j.next_attempt_at <= ? AND d.profile = 'simplified'
       ORDER BY d.chain_id, d.icv LIMIT ?`,
    ),
    nextDueAt: db.prepare<[], { at: number | null }>(
      "SELECT MIN(j.next_attempt_at) AS at FROM reporting_jobs j JOIN documents d ON d.id = j.document_id WHERE j.state = 'queued' AND d.profile = 'simplified'",
    ),
    payload: db.prepare<[number], PayloadRow>('SELECT id, hash, uuid, xml FROM documents WHERE id = ?'),
    chain: db.prepare<[number], ChainInfoRow>('SELECT id, certificate_serial, certificate_issuer, certificate, environment FROM chains WHERE id = ?'),
    claimJob: db.prepare<[number, number, number]>(
      "UPDATE reporting_jobs SET state = 'in-flight', attempts = attempts + 1, last_attempt_at = ?, updated_at = ? WHERE document_id = ? AND state = 'queued'",
    ),
    jobAttempts: db.prepare<[number], { attempts: number }>('SELECT attempts FROM reporting_jobs WHERE document_id = ?'),
    insertAttempt: db.prepare<[number, number, number]>('INSERT INTO reporting_attempts (document_id, attempt, started_at) VALUES (?, ?, ?)'),
    finishAttempt: db.prepare<[FinishedAttempt]>(
      `UPDATE reporting_attempts SET finished_at = @finished_at, outcome = @outcome, http_status = @http_status, reason = @reason,
         detail = @detail, messages = @messages, retry_at = @retry_at
       WHERE id = @id AND finished_at IS NULL`,
    ),
    settleJob: db.prepare<[JobUpdate]>(
      `UPDATE reporting_jobs SET state = @state, next_attempt_at = @next_attempt_at, last_status = @last_status,
         last_messages = @last_messages, updated_at = @updated_at
       WHERE document_id = @document_id AND state = 'in-flight'`,
    ),
    /** Start-up after a crash: jobs left in flight, and attempts left open. */
    inFlightJobs: db.prepare<[], { document_id: number }>("SELECT document_id FROM reporting_jobs WHERE state = 'in-flight'"),
    openAttempts: db.prepare<[], { id: number; document_id: number }>('SELECT id, document_id FROM reporting_attempts WHERE finished_at IS NULL'),
    requeueInFlight: db.prepare<[number, number, number]>(
      "UPDATE reporting_jobs SET state = 'queued', next_attempt_at = ?, updated_at = ? WHERE document_id = ? AND state = 'in-flight'",
    ),
    /**
     * Connectivity is back: everything that waited is due now (an immediate attempt, not each job's backoff) —
     * except documents whose last answer was 429/503, the answers that carry Retry-After: those keep the wait the
     * server asked for.
     */
    dueNow: db.prepare<[number, number, number]>(
      "UPDATE reporting_jobs SET next_attempt_at = ?, updated_at = ? WHERE state = 'queued' AND next_attempt_at > ? AND (last_status IS NULL OR last_status NOT IN (429, 503))",
    ),
    /** Settled jobs per state, from the (state, next_attempt_at) index alone: read once at start. */
    countsSettled: db.prepare<[], { state: JobState; n: number }>(
      "SELECT state, COUNT(*) AS n FROM reporting_jobs WHERE state IN ('reported', 'reported-with-warnings', 'rejected', 'failed') GROUP BY state",
    ),
    /**
     * The status counts in one pass over the unsettled documents: queued, in flight, overdue (issued at or before the
     * cut-off), awaiting a correction, and the oldest issue time (the nearest deadline).
     */
    unsettledSummary: db.prepare<[number], UnsettledSummaryRow>(
      `SELECT COALESCE(SUM(u.state = 'queued'), 0) AS queued, COALESCE(SUM(u.state = 'in-flight'), 0) AS in_flight,
         COALESCE(SUM(u.issued_at <= ?), 0) AS overdue, COALESCE(SUM(u.state IN ('rejected', 'failed')), 0) AS awaiting_correction,
         MIN(u.issued_at) AS oldest_issued_at
       FROM (${UNSETTLED}) u`,
    ),
    unsettled: db.prepare<[], UnsettledRow>(`${UNSETTLED} ORDER BY d.issued_at, d.id`),
    /** Unsettled documents issued at or before the given instant (those with an alert threshold behind them). */
    unsettledIssuedBy: db.prepare<[number], UnsettledRow>(`${UNSETTLED} AND d.issued_at <= ? ORDER BY d.issued_at, d.id`),
    /** The unsettled document issued at that instant (with unsettledSummary's oldest_issued_at: the nearest deadline). */
    unsettledIssuedAt: db.prepare<[number], UnsettledRow>(`${UNSETTLED} AND d.issued_at = ? ORDER BY d.id LIMIT 1`),
    /** Flags are set once: a later check never moves the time an alert was first raised. */
    upsertWatch: db.prepare<[{ document_id: number; alerted_12h_at: number | null; alerted_20h_at: number | null; overdue_at: number | null }]>(
      `INSERT INTO reporting_watch (document_id, alerted_12h_at, alerted_20h_at, overdue_at)
       VALUES (@document_id, @alerted_12h_at, @alerted_20h_at, @overdue_at)
       ON CONFLICT (document_id) DO UPDATE SET
         alerted_12h_at = COALESCE(reporting_watch.alerted_12h_at, excluded.alerted_12h_at),
         alerted_20h_at = COALESCE(reporting_watch.alerted_20h_at, excluded.alerted_20h_at),
         overdue_at = COALESCE(reporting_watch.overdue_at, excluded.overdue_at)`,
    ),
    documentStatus: db.prepare<[number], DocumentStatusRow>(`${DOCUMENT_STATUS} WHERE d.id = ?`),
    /** Documents Fatoora rejected, newest first, with their correction if one was issued. */
    rejectedDocuments: db.prepare<[number], DocumentStatusRow>(`${DOCUMENT_STATUS} WHERE j.state IN ('rejected', 'failed') ORDER BY d.id DESC LIMIT ?`),
    /** Every document that was ever overdue, or is overdue now (issued before the cut-off and still unsettled). */
    overdueDocuments: db.prepare<[number], DocumentStatusRow>(
      `${DOCUMENT_STATUS}
       WHERE d.profile = 'simplified' AND (w.overdue_at IS NOT NULL OR (d.issued_at <= ? AND c.id IS NULL AND j.state NOT IN ('reported', 'reported-with-warnings')))
       ORDER BY d.chain_id, d.icv`,
    ),
    attemptsOf: db.prepare<[number], AttemptRow>('SELECT * FROM reporting_attempts WHERE document_id = ? ORDER BY attempt'),
    /** The newest attempt Fatoora recorded (attempt ids grow with time: read from the end). */
    lastReportedAt: db.prepare<[], { at: number | null }>(
      "SELECT finished_at AS at FROM reporting_attempts WHERE outcome IN ('accepted', 'accepted-with-warnings', 'already-done') ORDER BY id DESC LIMIT 1",
    ),
    lease: db.prepare<[], LeaseRow>('SELECT owner, pid, host, heartbeat_at FROM reporting_lease WHERE id = 1'),
    takeLease: db.prepare<[LeaseRow]>(
      `INSERT INTO reporting_lease (id, owner, pid, host, heartbeat_at) VALUES (1, @owner, @pid, @host, @heartbeat_at)
       ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, host = excluded.host, heartbeat_at = excluded.heartbeat_at`,
    ),
    heartbeat: db.prepare<[number, string]>('UPDATE reporting_lease SET heartbeat_at = ? WHERE id = 1 AND owner = ?'),
    releaseLease: db.prepare<[string]>('DELETE FROM reporting_lease WHERE id = 1 AND owner = ?'),
  };
  return s;
}

export type ReportingStatements = ReturnType<typeof reportingStatements>;

/** How many reporting jobs are in each state, for `dukkan status`. */
export function jobCountsByState(db: SqliteDatabase): Record<string, number> {
  const rows = db.prepare<[], { state: string; n: number }>('SELECT state, COUNT(*) AS n FROM reporting_jobs GROUP BY state ORDER BY state').all();
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
