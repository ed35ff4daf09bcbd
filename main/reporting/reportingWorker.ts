// SPDX-License-Identifier: UNLICENSED
// The background reporting worker: drains the ledger's outbox (`reporting_jobs`) to Fatoora's reporting endpoint and
// never blocks a sale. This module is its shell — lifecycle (lease, crash recovery, start/stop/pause/resume), the
// status and alerts the UI reads, and the effects of each settled answer — around three named parts:
// - jobStore.ts, the queries: what is due, and one short transaction per transition of the job state table
//   (jobStateTable.ts); the worker's own connection, never sharing a prepared statement with issuance;
// - reportingScheduler.ts, what to send next: ICV order per chain, backoff and Retry-After, the 429 pause,
//   connectivity gating with its probe, the wake timer;
// - reportingSender.ts, one document: claim → request with the stored bytes → settle, with its attempt rows.
// A crash leaves jobs in flight with an open attempt: at start-up they are closed as `interrupted` (the outcome is
// unknown) and resent unchanged; if the first request had arrived, Fatoora answers 409 and the job is reported.
// The deadline watchdog (deadlineWatchdog.ts) runs on its own timer, also while paused, halted or offline.
import { EventEmitter } from 'node:events';
import type { FatooraMessage } from '../fatoora/index';
import { errorFields, silentLogger, type Logger } from '../log/index';
import { checkBackoffPolicy } from './backoff';
import { DEFAULT_DEADLINE_POLICY, DeadlineWatchdog, deadlineAlerts, type DeadlineCrossings } from './deadlineWatchdog';
import { correctiveActionFor, DOCUMENT_ALERT, documentReport, reportFromRow, type DocumentAlertKind, type DocumentReport } from './documentReport';
import { unexplainedDuplicateAlert } from './duplicateJudgement';
import { JobStore, type Claim } from './jobStore';
import type { JobTransition } from './jobTransition';
import { buildOverdueEvidence, writeOverdueEvidence, type OverdueEvidence } from './overdueEvidence';
import { ReportingScheduler } from './reportingScheduler';
import { ReportingSender } from './reportingSender';
import type { DueJobRow } from './reportingStore';
import { systemTime, type ReportingTime, type TimerHandle } from './reportingTime';
import { UnconfirmedWatch } from './unconfirmedAlert';
import type { ReportingWorkerOptions, WorkerMode, HaltReason, ReportingStatus, ReportingAlert, ReportingEvents } from './reportingTypes';
import { WorkerLease } from './workerLease';
import { buildStatus, SettledCounts } from './workerStatus';
export type {
  ReportingChain,
  CredentialsProvider,
  ReportingWorkerOptions,
  WorkerMode,
  HaltReason,
  ReportingCounts,
  ReportingStatus,
  ReportingAlert,
  DocumentOutcome,
  ReportingEvents,
} from './reportingTypes';

const WATCHDOG_MAX_SLEEP_MS = 3600_000;

export class ReportingWorker extends EventEmitter<ReportingEvents> {
  private readonly store: JobStore;
  private readonly time: ReportingTime;
  private readonly log: Logger;
  private readonly concurrency: number;
  private readonly statusIntervalMs: number;
  private readonly watchdog: DeadlineWatchdog;
  private readonly scheduler: ReportingScheduler;
  private readonly sender: ReportingSender;
  private readonly settledCounts: SettledCounts;
  private readonly lease: WorkerLease;
  private readonly unconfirmed: UnconfirmedWatch;

  private mode: WorkerMode = 'stopped';
  private haltInfo: { reason: HaltReason; since: number; message: string } | undefined;
  private unexpectedAlerted = false;
  private watchdogTimer: TimerHandle | undefined;
  private statusTimer: TimerHandle | undefined;

  constructor(options: ReportingWorkerOptions) {
    super();
    this.store = new JobStore(options.db);
    this.time = options.time ?? systemTime;
    const random = options.random ?? Math.random;
    this.log = (options.logger ?? silentLogger).child({ component: 'reporting' });
    this.concurrency = options.concurrency ?? 8;
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1 || this.concurrency > 64) throw new Error('concurrency: must be an integer 1–64');
    const retry = checkBackoffPolicy(options.retry ?? { initialMs: 2000, maxMs: 600_000 }, 'retry');
    const probe = checkBackoffPolicy(options.probe ?? { initialMs: 5000, maxMs: 300_000 }, 'probe');
    const failuresToOffline = options.failuresToOffline ?? 5;
    if (!Number.isInteger(failuresToOffline) || failuresToOffline < 1) throw new Error('failuresToOffline: must be a positive integer');
    const pollIntervalMs = options.pollIntervalMs ?? 5000;
    if (!(pollIntervalMs > 0)) throw new Error('pollIntervalMs: must be positive');
    this.statusIntervalMs = options.statusIntervalMs ?? 250;
    this.watchdog = new DeadlineWatchdog(options.db, this.store.q, options.deadline ?? DEFAULT_DEADLINE_POLICY);
    this.settledCounts = new SettledCounts(this.store.q);
    this.lease = new WorkerLease(options.db, this.store.q, this.time, this.log, options.lease);
    this.unconfirmed = new UnconfirmedWatch(this.store.q, options.unconfirmedToAlert);
    const isRunning = (): boolean => this.mode === 'running';
    this.sender = new ReportingSender(
      {
        store: this.store,
        client: options.client,
        credentials: options.credentials,
        time: this.time,
        log: this.log,
        ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      },
      {
        isRunning,
        halt: (reason, message) => this.halt(reason, message),
        settled: (job, claim, t, retryAt, now) => this.settled(job, claim, t, retryAt, now),
        retryDelay: (attempt) => this.scheduler.retryDelay(attempt),
        ended: () => {
          this.statusChanged();
          this.scheduler.pump();
        },
      },
    );
    this.scheduler = new ReportingScheduler(
      {
        store: this.store,
        time: this.time,
        random,
        log: this.log,
        concurrency: this.concurrency,
        pollIntervalMs,
        retry,
        failuresToOffline,
        probe,
        // through the client's own HTTP stack: a till behind a proxy cannot open a direct TCP connection to Fatoora
        probeConnectivity: options.probeConnectivity ?? (() => options.client.probe()),
        isRunning,
        statusChanged: () => this.statusChanged(),
      },
      this.sender,
    );
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────────────────────────────────────

  /** Takes the outbox (throws ReportingLeaseError if another worker holds it), recovers a crash, starts sending. */
  start(): void {
    if (this.mode !== 'stopped') throw new Error(`reporting worker: start() while ${this.mode}`);
    const now = this.time.now();
    this.lease.acquire(now);
    try {
      const recovered = this.store.recoverInFlight(now);
      if (recovered > 0) this.log.warn('reporting.recovered-in-flight', { jobs: recovered });
      this.settledCounts.load();
    } catch (err) {
      this.lease.release();
      throw err;
    }
    this.mode = 'running';
    this.haltInfo = undefined;
    this.lease.startHeartbeat();
    this.log.info('reporting.started', { concurrency: this.concurrency });
    this.runWatchdog();
    this.statusChanged(true);
    this.scheduler.pump();
  }

  /**
   * Stops taking jobs, lets the requests in flight finish until `deadlineMs`, then aborts the rest (they are
   * recorded as interrupted and resent by the next worker), and releases the outbox.
   */
  async stop(options: { readonly deadlineMs?: number } = {}): Promise<void> {
    if (this.mode === 'stopped' || this.mode === 'stopping') return;
    this.mode = 'stopping';
    this.clearTimers();
    this.statusChanged(true);
    const pending = this.sender.pending();
    if (pending.length > 0) {
      const abortAll = this.time.setTimeout(() => this.sender.abortAll(), options.deadlineMs ?? 10_000);
      await Promise.all(pending);
      this.time.clearTimeout(abortAll);
    }
    try {
      this.lease.release();
    } catch (err) {
      this.log.warn('reporting.lease-release-failed', errorFields(err));
    }
    this.mode = 'stopped';
    this.log.info('reporting.stopped', {});
    this.emitStatus();
  }

  /** Stops sending (requests in flight finish). The watchdog keeps running. */
  pause(): void {
    if (this.mode !== 'running' && this.mode !== 'halted') return;
    this.mode = 'paused';
    this.scheduler.cancelWake();
    this.statusChanged(true);
  }

  /** Resumes after pause() or a halt (new credentials): credentials are asked for again. */
  resume(): void {
    if (this.mode !== 'paused' && this.mode !== 'halted') return;
    this.mode = 'running';
    this.haltInfo = undefined;
    this.sender.forgetCredentials();
    this.scheduler.rescan();
    this.statusChanged(true);
    this.scheduler.pump();
  }

  /** The credentials changed (onboarding, renewal, restore): forget the cached ones, and resume if halted for them. */
  credentialsChanged(): void {
    this.sender.forgetCredentials();
    if (this.mode === 'halted') this.resume();
  }

  /**
   * Something changed: a document was issued, or the OS reports the network is back. Offline: probe now. Online:
   * look for due documents now.
   */
  nudge(): void {
    this.scheduler.nudge();
  }

  // ── what the UI reads ──────────────────────────────────────────────────────────────────────────────────────

  status(): ReportingStatus {
    return buildStatus(this.store.q, this.settledCounts, {
      now: this.time.now(),
      mode: this.mode,
      halt: this.haltInfo,
      connectivity: this.scheduler.connectivity,
      rateLimitedUntil: this.scheduler.rateLimitedUntil,
      policy: this.watchdog.policy,
    });
  }

  /** One document's state, countdown, attempts and ZATCA's messages. */
  document(documentId: number): DocumentReport | undefined {
    return documentReport(this.store.q, documentId, this.watchdog.policy);
  }

  /** Rejected (and undeliverable) documents, newest first, with ZATCA's messages and the corrective action. */
  rejections(limit = 100): DocumentReport[] {
    return this.store.q.rejectedDocuments.all(limit).map((row) => reportFromRow(this.store.q, row, this.watchdog.policy));
  }

  /** Runs the deadline watchdog now (it also runs on its own timer) and returns what crossed a threshold. */
  checkDeadlines(): DeadlineCrossings {
    return this.runWatchdog();
  }

  /** Everything that is or was overdue, with attempts, for ZATCA's failure notification. */
  overdueEvidence(): OverdueEvidence {
    return buildOverdueEvidence(this.store.q, this.watchdog.policy, this.time.now());
  }

  /** Writes the evidence (by default: as of now) as JSON and CSV into `dir`. */
  writeOverdueEvidence(dir: string, evidence: OverdueEvidence = this.overdueEvidence()): { json: string; csv: string } {
    return writeOverdueEvidence(evidence, dir);
  }

  // ── the effects of a settled answer ────────────────────────────────────────────────────────────────────────

  private settled(job: DueJobRow, claim: Claim, t: JobTransition, retryAt: number | null, now: number): void {
    this.settledCounts.add(t.state);
    this.emit('outcome', {
      documentId: job.document_id,
      number: job.number,
      icv: job.icv,
      attempt: claim.attempt,
      state: t.state,
      outcome: t.outcome,
      ...(t.httpStatus !== undefined ? { httpStatus: t.httpStatus } : {}),
      messages: t.messages,
      ...(retryAt !== null ? { retryAt: new Date(retryAt) } : {}),
    });
    this.applyEffect(job, t, now);
  }

  private applyEffect(job: DueJobRow, t: JobTransition, now: number): void {
    switch (t.effect) {
      case 'recorded':
      case 'unexplained-duplicate':
        this.settledCounts.reportedAt(now);
        this.answered(now);
        if (t.effect === 'unexplained-duplicate') this.raise(unexplainedDuplicateAlert(job, t, now));
        break;
      case 'rejected':
      case 'too-large':
      case 'wrong-endpoint': {
        this.answered(now);
        this.alertDocument(job.document_id, DOCUMENT_ALERT[t.effect], t.messages, now);
        break;
      }
      case 'halt-credentials':
        this.answered(now);
        this.sender.forgetCredentials();
        this.halt(
          'credentials-refused',
          `Fatoora refused this terminal's credentials (HTTP ${t.httpStatus ?? '?'}): renew or re-enter the production CSID; reporting is stopped until then`,
          t.httpStatus,
        );
        break;
      case 'rate-limited':
        this.answered(now);
        // the limit is on this client: nothing is sent until Retry-After (or the backoff, without one)
        this.scheduler.rateLimit(now + (t.retryAfterMs ?? t.retryInMs ?? 0));
        break;
      case 'unreachable':
      case 'transient':
        if (this.scheduler.failed(t.effect, t, now)) this.statusChanged(true);
        this.unconfirmed.settled(job, t, now, (alert) => this.raise(alert));
        if (t.outcome === 'failed' && !this.unexpectedAlerted) {
          this.unexpectedAlerted = true;
          const detail = t.detail ?? 'unexpected answer';
          this.raise({
            kind: 'unexpected-answer',
            at: new Date(now),
            ...(t.httpStatus !== undefined ? { httpStatus: t.httpStatus } : {}),
            detail,
            message: `Fatoora answered outside its documented table (${detail}); check the Fatoora URL and settings. Documents wait in the queue.`,
          });
        }
        break;
      case 'interrupted':
        break;
    }
  }

  /** The server answered: if that ends an outage, everything that waited is due at once. */
  private answered(now: number): void {
    this.unexpectedAlerted = false;
    this.unconfirmed.answered();
    if (this.scheduler.answered(now)) this.statusChanged(true);
  }

  private alertDocument(documentId: number, kind: DocumentAlertKind, messages: readonly FatooraMessage[], now: number): void {
    const row = this.store.q.documentStatus.get(documentId);
    const action = row ? correctiveActionFor(row) : undefined;
    if (!row || !action) return;
    this.raise({ kind, at: new Date(now), documentId, number: row.number, messages, correctiveAction: action, message: action.summary });
  }

  private halt(reason: HaltReason, message: string, httpStatus?: number): void {
    if (this.mode !== 'running') return;
    this.mode = 'halted';
    this.haltInfo = { reason, since: this.time.now(), message };
    this.scheduler.cancelWake();
    this.scheduler.rescan();
    this.log.warn('reporting.halted', { reason, httpStatus });
    this.raise(
      reason === 'credentials-refused'
        ? { kind: 'credentials-refused', at: new Date(this.haltInfo.since), ...(httpStatus !== undefined ? { httpStatus } : {}), message }
        : { kind: 'no-credentials', at: new Date(this.haltInfo.since), message },
    );
    this.statusChanged(true);
  }

  // ── watchdog, events, timers ───────────────────────────────────────────────────────────────────────────────

  private runWatchdog(): DeadlineCrossings {
    if (this.watchdogTimer !== undefined) this.time.clearTimeout(this.watchdogTimer);
    this.watchdogTimer = undefined;
    const now = this.time.now();
    const crossings = this.watchdog.check(now);
    const alerts = deadlineAlerts(crossings, this.watchdog.policy, new Date(now));
    for (const alert of alerts) this.raise(alert);
    if (this.mode !== 'stopped' && this.mode !== 'stopping') {
      const next = this.watchdog.nextCrossingAt(now);
      const wake = Math.min(next ?? Infinity, now + WATCHDOG_MAX_SLEEP_MS);
      this.watchdogTimer = this.time.setTimeout(
        () => {
          this.watchdogTimer = undefined;
          this.runWatchdog();
        },
        Math.max(0, wake - now),
      );
    }
    if (alerts.length > 0) this.statusChanged();
    return crossings;
  }

  private raise(alert: ReportingAlert): void {
    this.log.warn('reporting.alert', { kind: alert.kind, message: alert.message });
    this.emit('alert', alert);
  }

  private statusChanged(immediate = false): void {
    if (this.listenerCount('status') === 0) return;
    if (immediate) {
      if (this.statusTimer !== undefined) this.time.clearTimeout(this.statusTimer);
      this.statusTimer = undefined;
      this.emitStatus();
      return;
    }
    if (this.statusTimer !== undefined) return;
    this.statusTimer = this.time.setTimeout(() => {
      this.statusTimer = undefined;
      this.emitStatus();
    }, this.statusIntervalMs);
  }

  private emitStatus(): void {
    try {
      this.emit('status', this.status());
    } catch (err) {
      this.log.error('reporting.status-failed', errorFields(err));
    }
  }

  private clearTimers(): void {
    this.scheduler.cancelWake();
    this.lease.stopHeartbeat();
    for (const t of [this.watchdogTimer, this.statusTimer]) if (t !== undefined) this.time.clearTimeout(t);
    this.watchdogTimer = this.statusTimer = undefined;
  }
}
