// SPDX-License-Identifier: UNLICENSED
// The background reporting worker (issue 6): drains the ledger's outbox (`reporting_jobs`) to Fatoora's reporting
// endpoint, in ICV order per chain, and never blocks a sale.
//
// - Separate from issuance: its own prepared statements, one short transaction before a request (claim the job,
//   open an attempt row) and one after (close the attempt, settle the job); no transaction is ever open while a
//   request is on the wire. A sale commits whatever the worker is doing.
// - The payload is the stored row: {invoiceHash, uuid, invoice: base64(stored bytes)} — never rebuilt, never
//   re-signed (reference §11 "resend the identical payload"; §12 item 25).
// - Outcomes per reference §9/§11 (jobTransition.ts). Submission order is free for ZATCA (reference §11, DISC 2080/2),
//   so a document that must wait (backoff) never blocks the documents after it; new documents are always sent in
//   ICV order, the oldest chain first.
// - Exponential backoff with jitter per document; Retry-After honoured (429 pauses the whole worker, since the limit
//   is on the client; 5xx delays the document); connectivity learned from the answers, with a cheap TCP probe on an
//   exponential schedule while offline and an immediate attempt when it comes back (`nudge()` or the probe).
// - A crash leaves jobs 'in-flight' with an open attempt: at start-up they are closed as `interrupted` (the outcome is
//   unknown) and resent unchanged; if the first request had arrived, Fatoora answers 409 and the job is reported.
// - The deadline watchdog (deadlineWatchdog.ts) runs on its own timer, also while paused, halted or offline.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { CredentialEnvironmentError, type FatooraCredentials, type FatooraMessage, type FatooraOutcome, type InvoiceResult } from '../fatoora/index';
import { errorFields, silentLogger, type Logger } from '../log/index';
import { backoffDelay, checkBackoffPolicy, type BackoffPolicy } from './backoff';
import { ConnectivityTracker } from './connectivity';
import { DEFAULT_DEADLINE_POLICY, DeadlineWatchdog, deadlineEntry, type DeadlineCrossings } from './deadlineWatchdog';
import { correctiveActionFor, documentReport, reportFromRow, type DocumentReport } from './documentReport';
import { transitionFor, type JobTransition } from './jobTransition';
import { buildOverdueEvidence, writeOverdueEvidence, type OverdueEvidence } from './overdueEvidence';
import { systemTime, type ReportingTime, type TimerHandle } from './reportingTime';
import { reportingStatements, type ChainInfoRow, type DueJobRow, type ReportingStatements } from './reportingStore';
import { acquireLease } from './workerLease';
import type { ReportingChain, ReportingWorkerOptions, WorkerMode, HaltReason, ReportingStatus, ReportingAlert, ReportingEvents } from './reportingTypes';
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

interface InFlight {
  readonly controller: AbortController;
  done?: Promise<void>;
}

interface Claim {
  readonly attemptId: number;
  readonly attempt: number;
}

const BUFFER_SIZE = 64;
const WATCHDOG_MAX_SLEEP_MS = 3600_000;

export class ReportingWorker extends EventEmitter<ReportingEvents> {
  private readonly db: SqliteDatabase;
  private readonly q: ReportingStatements;
  private readonly time: ReportingTime;
  private readonly random: () => number;
  private readonly log: Logger;
  private readonly concurrency: number;
  private readonly retry: BackoffPolicy;
  private readonly pollIntervalMs: number;
  private readonly statusIntervalMs: number;
  private readonly probeConnectivity: () => Promise<boolean>;
  private readonly watchdog: DeadlineWatchdog;
  private readonly connectivity: ConnectivityTracker;
  private readonly owner = randomUUID();

  private mode: WorkerMode = 'stopped';
  private haltInfo: { reason: HaltReason; since: number; message: string } | undefined;
  private readonly inFlight = new Map<number, InFlight>();
  /** Claimed jobs whose answer could not be written (storage error): requeued as interrupted on the next pump. */
  private readonly stranded = new Set<number>();
  private buffer: DueJobRow[] = [];
  private readonly chains = new Map<number, ReportingChain>();
  private readonly credentialCache = new Map<number, Promise<FatooraCredentials | undefined>>();
  private rateLimitedUntil = 0;
  private probing = false;
  private unexpectedAlerted = false;
  /** Counts of settled jobs, kept in memory (a full count reads every job ever issued); undefined until loaded. */
  private terminal: { reported: number; 'reported-with-warnings': number; rejected: number; failed: number } | undefined;
  private lastReportedAt: number | undefined;

  private pumping = false;
  private pumpAgain = false;
  private wakeTimer: { handle: TimerHandle; at: number } | undefined;
  private watchdogTimer: TimerHandle | undefined;
  private heartbeatTimer: TimerHandle | undefined;
  private statusTimer: TimerHandle | undefined;

  constructor(private readonly options: ReportingWorkerOptions) {
    super();
    this.db = options.db;
    this.q = reportingStatements(options.db);
    this.time = options.time ?? systemTime;
    this.random = options.random ?? Math.random;
    this.log = (options.logger ?? silentLogger).child({ component: 'reporting' });
    this.concurrency = options.concurrency ?? 8;
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1 || this.concurrency > 64) throw new Error('concurrency: must be an integer 1–64');
    this.retry = checkBackoffPolicy(options.retry ?? { initialMs: 2000, maxMs: 600_000 }, 'retry');
    const probe = checkBackoffPolicy(options.probe ?? { initialMs: 5000, maxMs: 300_000 }, 'probe');
    const failuresToOffline = options.failuresToOffline ?? 5;
    if (!Number.isInteger(failuresToOffline) || failuresToOffline < 1) throw new Error('failuresToOffline: must be a positive integer');
    this.pollIntervalMs = options.pollIntervalMs ?? 5000;
    if (!(this.pollIntervalMs > 0)) throw new Error('pollIntervalMs: must be positive');
    this.statusIntervalMs = options.statusIntervalMs ?? 250;
    // through the client's own HTTP stack: a till behind a proxy cannot open a direct TCP connection to Fatoora
    this.probeConnectivity = options.probeConnectivity ?? (() => options.client.probe());
    this.watchdog = new DeadlineWatchdog(options.db, this.q, options.deadline ?? DEFAULT_DEADLINE_POLICY);
    this.connectivity = new ConnectivityTracker({ failuresToOffline, probe }, this.random);
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────────────────────────────────────

  /** Takes the outbox (throws ReportingLeaseError if another worker holds it), recovers a crash, starts sending. */
  start(): void {
    if (this.mode !== 'stopped') throw new Error(`reporting worker: start() while ${this.mode}`);
    const now = this.time.now();
    const previous = acquireLease(this.db, this.q, this.owner, now, this.options.lease);
    if (previous) this.log.warn('reporting.lease-taken-over', { previousPid: previous.pid, previousHeartbeat: new Date(previous.heartbeat_at).toISOString() });
    try {
      this.recoverInterrupted(now);
      this.loadCounts();
    } catch (err) {
      this.q.releaseLease.run(this.owner);
      throw err;
    }
    this.mode = 'running';
    this.haltInfo = undefined;
    const ttl = this.options.lease?.ttlMs ?? 60_000;
    const beat = (): void => {
      if (this.mode === 'stopped') return;
      try {
        this.q.heartbeat.run(this.time.now(), this.owner);
      } catch (err) {
        this.log.warn('reporting.heartbeat-failed', errorFields(err));
      }
      this.heartbeatTimer = this.time.setTimeout(beat, ttl / 3);
    };
    this.heartbeatTimer = this.time.setTimeout(beat, ttl / 3);
    this.log.info('reporting.started', { concurrency: this.concurrency });
    this.runWatchdog();
    this.statusChanged(true);
    this.pump();
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
    const pending = [...this.inFlight.values()].map((f) => f.done);
    if (pending.length > 0) {
      const abortAll = this.time.setTimeout(() => {
        for (const f of this.inFlight.values()) f.controller.abort();
      }, options.deadlineMs ?? 10_000);
      await Promise.all(pending);
      this.time.clearTimeout(abortAll);
    }
    try {
      this.q.releaseLease.run(this.owner);
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
    this.cancelWake();
    this.statusChanged(true);
  }

  /** Resumes after pause() or a halt (new credentials): credentials are asked for again. */
  resume(): void {
    if (this.mode !== 'paused' && this.mode !== 'halted') return;
    this.mode = 'running';
    this.haltInfo = undefined;
    this.credentialCache.clear();
    this.buffer = [];
    this.statusChanged(true);
    this.pump();
  }

  /** The credentials changed (onboarding, renewal, restore): forget the cached ones, and resume if halted for them. */
  credentialsChanged(): void {
    this.credentialCache.clear();
    if (this.mode === 'halted') this.resume();
  }

  /**
   * Something changed: a document was issued, or the OS reports the network is back. Offline: probe now. Online:
   * look for due documents now.
   */
  nudge(): void {
    this.connectivity.nudge(this.time.now());
    this.buffer = [];
    this.pump();
  }

  // ── what the UI reads ──────────────────────────────────────────────────────────────────────────────────────

  status(): ReportingStatus {
    const now = this.time.now();
    const policy = this.watchdog.policy;
    const u = this.q.unsettledSummary.get(now - policy.deadlineMs)!;
    const oldest = u.oldest_issued_at === null ? undefined : this.q.unsettledIssuedAt.get(u.oldest_issued_at);
    const c = this.connectivity;
    const terminal = this.terminal ?? this.loadCounts();
    return {
      at: new Date(now),
      mode: this.mode,
      connectivity: c.state,
      ...(this.haltInfo ? { halt: { reason: this.haltInfo.reason, since: new Date(this.haltInfo.since), message: this.haltInfo.message } } : {}),
      ...(c.offlineSince !== undefined ? { offlineSince: new Date(c.offlineSince) } : {}),
      ...(c.state === 'offline' && c.nextProbeAt !== undefined ? { nextProbeAt: new Date(c.nextProbeAt) } : {}),
      probes: c.probes,
      ...(this.rateLimitedUntil > now ? { rateLimitedUntil: new Date(this.rateLimitedUntil) } : {}),
      counts: {
        queued: u.queued,
        inFlight: u.in_flight,
        reported: terminal.reported,
        reportedWithWarnings: terminal['reported-with-warnings'],
        rejected: terminal.rejected,
        failed: terminal.failed,
        overdue: u.overdue,
      },
      awaitingCorrection: u.awaiting_correction,
      ...(oldest ? { nearestDeadline: deadlineEntry(oldest, policy, now) } : {}),
      ...(this.lastReportedAt !== undefined ? { lastReportedAt: new Date(this.lastReportedAt) } : {}),
    };
  }

  /** One document's state, countdown, attempts and ZATCA's messages. */
  document(documentId: number): DocumentReport | undefined {
    return documentReport(this.q, documentId, this.watchdog.policy);
  }

  /** Rejected (and undeliverable) documents, newest first, with ZATCA's messages and the corrective action. */
  rejections(limit = 100): DocumentReport[] {
    return this.q.rejectedDocuments.all(limit).map((row) => reportFromRow(this.q, row, this.watchdog.policy));
  }

  /** Runs the deadline watchdog now (it also runs on its own timer) and returns what crossed a threshold. */
  checkDeadlines(): DeadlineCrossings {
    return this.runWatchdog();
  }

  /** Everything that is or was overdue, with attempts, for ZATCA's failure notification. */
  overdueEvidence(): OverdueEvidence {
    return buildOverdueEvidence(this.q, this.watchdog.policy, this.time.now());
  }

  /** Writes the evidence (by default: as of now) as JSON and CSV into `dir`. */
  writeOverdueEvidence(dir: string, evidence: OverdueEvidence = this.overdueEvidence()): { json: string; csv: string } {
    return writeOverdueEvidence(evidence, dir);
  }

  // ── the loop ───────────────────────────────────────────────────────────────────────────────────────────────

  private pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        this.pumpOnce();
      } while (this.pumpAgain);
    } catch (err) {
      // a storage error reading the queue: try again later rather than die
      this.log.error('reporting.pump-failed', errorFields(err));
      this.wakeAt(this.time.now() + this.pollIntervalMs);
    } finally {
      this.pumping = false;
    }
  }

  private pumpOnce(): void {
    if (this.mode !== 'running') return;
    const now = this.time.now();
    if (this.stranded.size > 0) this.requeueStranded(now);
    const c = this.connectivity;
    if (c.state === 'offline') {
      if (this.probing) return; // the probe's end pumps
      const at = c.nextProbeAt ?? now;
      if (now >= at) this.runProbe();
      else this.wakeAt(at);
      return;
    }
    if (now < this.rateLimitedUntil) {
      this.wakeAt(this.rateLimitedUntil);
      return;
    }
    const limit = c.limit(this.concurrency);
    while (this.inFlight.size < limit) {
      const job = this.nextJob(now);
      if (!job) break;
      this.dispatch(job);
    }
    if (this.inFlight.size < limit) {
      // nothing due: sleep until the next document is due, or poll for new ones
      const next = this.q.nextDueAt.get()?.at;
      this.wakeAt(Math.min(next ?? Infinity, now + this.pollIntervalMs));
    }
  }

  private nextJob(now: number): DueJobRow | undefined {
    for (;;) {
      if (this.buffer.length === 0) this.buffer = this.q.dueJobs.all(now, BUFFER_SIZE + this.inFlight.size).filter((j) => !this.inFlight.has(j.document_id));
      const job = this.buffer.shift();
      if (!job || !this.inFlight.has(job.document_id)) return job;
    }
  }

  private wakeAt(at: number): void {
    if (this.wakeTimer && this.wakeTimer.at <= at && this.wakeTimer.at > this.time.now()) return;
    this.cancelWake();
    const handle = this.time.setTimeout(
      () => {
        this.wakeTimer = undefined;
        this.pump();
      },
      Math.max(0, at - this.time.now()),
    );
    this.wakeTimer = { handle, at };
  }

  private cancelWake(): void {
    if (this.wakeTimer) this.time.clearTimeout(this.wakeTimer.handle);
    this.wakeTimer = undefined;
  }

  private runProbe(): void {
    this.probing = true;
    this.probeConnectivity()
      .catch(() => false)
      .then((reachable) => {
        this.probing = false;
        const now = this.time.now();
        if (reachable) this.connectivity.probeSucceeded();
        else this.connectivity.probeFailed(now);
        this.log.info('reporting.probe', { reachable, probes: this.connectivity.probes });
        this.statusChanged();
        this.pump();
      });
  }

  // ── one document ───────────────────────────────────────────────────────────────────────────────────────────

  private dispatch(job: DueJobRow): void {
    const entry: InFlight = { controller: new AbortController() };
    this.inFlight.set(job.document_id, entry);
    entry.done = this.send(job, entry.controller.signal)
      .catch((err: unknown) => {
        // most likely the database refused the write after the answer (disk full, locked): the job may be left in
        // flight; it is requeued as interrupted (resent unchanged) once storage works again
        this.log.error('reporting.send-failed', { documentId: job.document_id, ...errorFields(err) });
        this.stranded.add(job.document_id);
      })
      .finally(() => {
        this.inFlight.delete(job.document_id);
        this.statusChanged();
        this.pump();
      });
  }

  private async send(job: DueJobRow, signal: AbortSignal): Promise<void> {
    const chain = this.chainInfo(job.chain_id);
    const credentials = await this.credentialsFor(chain);
    if (this.mode !== 'running') return; // paused, halted or stopping meanwhile: the job was not claimed
    if (!credentials) {
      this.halt(
        'no-credentials',
        'no production CSID to report with (not onboarded, or the keychain could not be read): complete onboarding (reference §10); documents wait in the queue',
      );
      return;
    }
    const claim = this.claim(job.document_id);
    if (!claim) return;
    const row = this.q.payload.get(job.document_id);
    if (!row) throw new Error(`document ${job.document_id} vanished from the ledger`);
    // the exact stored bytes, hash and UUID (reference §9 body fields)
    const submission = { invoiceHash: row.hash, uuid: row.uuid, invoice: new Uint8Array(row.xml.buffer, row.xml.byteOffset, row.xml.byteLength) };
    let outcome: FatooraOutcome<InvoiceResult>;
    try {
      outcome = await this.options.client.reportInvoice(credentials, submission, {
        signal,
        ...(this.options.requestTimeoutMs !== undefined ? { timeoutMs: this.options.requestTimeoutMs } : {}),
      });
    } catch (err) {
      // refused before sending (credentials of another environment, invalid body): nothing left the device
      outcome =
        err instanceof CredentialEnvironmentError
          ? { kind: 'unauthorized', httpStatus: 0, errors: [{ message: err.message }] }
          : { kind: 'failed', httpStatus: 0, errors: [], detail: err instanceof Error ? err.message : String(err) };
    }
    this.settle(job, claim, outcome);
  }

  private chainInfo(chainId: number): ReportingChain {
    let chain = this.chains.get(chainId);
    if (!chain) {
      const row: ChainInfoRow | undefined = this.q.chain.get(chainId);
      if (!row) throw new Error(`chain ${chainId} does not exist`);
      chain = {
        id: row.id,
        certificateSerial: row.certificate_serial,
        certificateIssuer: row.certificate_issuer,
        certificate: row.certificate,
        environment: row.environment,
      };
      this.chains.set(chainId, chain);
    }
    return chain;
  }

  private credentialsFor(chain: ReportingChain): Promise<FatooraCredentials | undefined> {
    let pending = this.credentialCache.get(chain.id);
    if (!pending) {
      pending = this.options.credentials(chain).then(
        (c) => {
          if (!c) this.credentialCache.delete(chain.id);
          return c;
        },
        (err: unknown) => {
          this.credentialCache.delete(chain.id);
          this.log.warn('reporting.credentials-unavailable', errorFields(err));
          return undefined;
        },
      );
      this.credentialCache.set(chain.id, pending);
    }
    return pending;
  }

  /** Short transaction: the job goes in flight and its attempt row is opened before a byte is sent. */
  private claim(documentId: number): Claim | undefined {
    const now = this.time.now();
    return this.db
      .transaction((): Claim | undefined => {
        if (this.q.claimJob.run(now, now, documentId).changes !== 1) return undefined;
        const attempt = this.q.jobAttempts.get(documentId)!.attempts;
        const attemptId = Number(this.q.insertAttempt.run(documentId, attempt, now).lastInsertRowid);
        return { attemptId, attempt };
      })
      .immediate();
  }

  private settle(job: DueJobRow, claim: Claim, outcome: FatooraOutcome<InvoiceResult>): void {
    const now = this.time.now();
    const t = transitionFor(outcome, backoffDelay(claim.attempt, this.retry, this.random), this.retry.maxMs);
    const retryAt = t.state === 'queued' ? now + (t.retryInMs ?? 0) : null;
    const messages = t.messages.length > 0 ? JSON.stringify(t.messages) : null;
    this.db
      .transaction(() => {
        this.q.finishAttempt.run({
          id: claim.attemptId,
          finished_at: now,
          outcome: t.outcome,
          http_status: t.httpStatus ?? null,
          reason: t.reason ?? null,
          detail: t.detail ?? null,
          messages,
          retry_at: retryAt,
        });
        this.q.settleJob.run({
          document_id: job.document_id,
          state: t.state,
          next_attempt_at: retryAt ?? now,
          last_status: t.httpStatus ?? null,
          last_messages: messages,
          updated_at: now,
        });
      })
      .immediate();
    const terminal = this.terminal ?? this.loadCounts();
    if (t.state in terminal) terminal[t.state as keyof typeof terminal]++;
    this.log.info('reporting.outcome', {
      documentId: job.document_id,
      number: job.number,
      icv: job.icv,
      attempt: claim.attempt,
      outcome: t.outcome,
      state: t.state,
      httpStatus: t.httpStatus,
      reason: t.reason,
      retryInMs: t.retryInMs,
      codes: t.messages.map((m) => m.code ?? '?'),
    });
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
    const c = this.connectivity;
    switch (t.effect) {
      case 'recorded':
        this.lastReportedAt = now;
        this.answered(now);
        break;
      case 'rejected':
      case 'too-large': {
        this.answered(now);
        this.alertDocument(job.document_id, t.effect === 'rejected' ? 'rejected' : 'payload-too-large', t.messages, now);
        break;
      }
      case 'halt-credentials':
        this.answered(now);
        this.credentialCache.clear();
        this.halt(
          'credentials-refused',
          `Fatoora refused this terminal's credentials (HTTP ${t.httpStatus ?? '?'}): renew or re-enter the production CSID; reporting is stopped until then`,
          t.httpStatus,
        );
        break;
      case 'rate-limited':
        this.answered(now);
        // the limit is on this client: nothing is sent until Retry-After (or the backoff, without one)
        this.rateLimitedUntil = Math.max(this.rateLimitedUntil, now + (t.retryAfterMs ?? t.retryInMs ?? 0));
        break;
      case 'unreachable':
      case 'transient':
        if (c.failed(t.effect, now, t.retryAfterMs)) {
          this.log.warn('reporting.offline', { after: t.outcome, reason: t.reason, httpStatus: t.httpStatus, nextProbeInMs: (c.nextProbeAt ?? now) - now });
          this.buffer = [];
          this.statusChanged(true);
        }
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
    if (!this.connectivity.answered()) return;
    const n = this.q.dueNow.run(now, now, now).changes;
    this.buffer = [];
    this.log.info('reporting.online', { madeDue: n });
    this.statusChanged(true);
  }

  private alertDocument(documentId: number, kind: 'rejected' | 'payload-too-large', messages: readonly FatooraMessage[], now: number): void {
    const row = this.q.documentStatus.get(documentId);
    const action = row ? correctiveActionFor(row) : undefined;
    if (!row || !action) return;
    this.raise({ kind, at: new Date(now), documentId, number: row.number, messages, correctiveAction: action, message: action.summary });
  }

  private halt(reason: HaltReason, message: string, httpStatus?: number): void {
    if (this.mode !== 'running') return;
    this.mode = 'halted';
    this.haltInfo = { reason, since: this.time.now(), message };
    this.cancelWake();
    this.buffer = [];
    this.log.warn('reporting.halted', { reason, httpStatus });
    this.raise(
      reason === 'credentials-refused'
        ? { kind: 'credentials-refused', at: new Date(this.haltInfo.since), ...(httpStatus !== undefined ? { httpStatus } : {}), message }
        : { kind: 'no-credentials', at: new Date(this.haltInfo.since), message },
    );
    this.statusChanged(true);
  }

  // ── crash recovery, counts, watchdog, events ───────────────────────────────────────────────────────────────

  private requeueStranded(now: number): void {
    try {
      this.db
        .transaction(() => {
          for (const a of this.q.openAttempts.all()) {
            if (!this.stranded.has(a.document_id) || this.inFlight.has(a.document_id)) continue;
            this.q.finishAttempt.run({
              id: a.id,
              finished_at: now,
              outcome: 'interrupted',
              http_status: null,
              reason: 'storage-error',
              detail: 'the answer could not be stored; the identical payload is resent',
              messages: null,
              retry_at: now,
            });
          }
          for (const id of this.stranded) if (!this.inFlight.has(id)) this.q.requeueInFlight.run(now, now, id);
        })
        .immediate();
      this.stranded.clear();
    } catch (err) {
      this.log.error('reporting.requeue-failed', errorFields(err));
    }
  }

  /** Jobs a crashed (or killed) worker left in flight: the outcome is unknown, so they are resent unchanged. */
  private recoverInterrupted(now: number): void {
    const recovered = this.db
      .transaction(() => {
        for (const a of this.q.openAttempts.all()) {
          this.q.finishAttempt.run({
            id: a.id,
            finished_at: now,
            outcome: 'interrupted',
            http_status: null,
            reason: 'worker-stopped',
            detail: 'the worker stopped before the answer arrived; the identical payload is resent',
            messages: null,
            retry_at: now,
          });
        }
        const jobs = this.q.inFlightJobs.all();
        for (const j of jobs) this.q.requeueInFlight.run(now, now, j.document_id);
        return jobs.length;
      })
      .immediate();
    if (recovered > 0) this.log.warn('reporting.recovered-in-flight', { jobs: recovered });
  }

  private loadCounts(): NonNullable<ReportingWorker['terminal']> {
    const terminal = { reported: 0, 'reported-with-warnings': 0, rejected: 0, failed: 0 };
    for (const r of this.q.countsSettled.all()) if (r.state in terminal) terminal[r.state as keyof typeof terminal] = r.n;
    this.terminal = terminal;
    this.lastReportedAt = this.q.lastReportedAt.get()?.at ?? undefined;
    return terminal;
  }

  private runWatchdog(): DeadlineCrossings {
    if (this.watchdogTimer !== undefined) this.time.clearTimeout(this.watchdogTimer);
    this.watchdogTimer = undefined;
    const now = this.time.now();
    const crossings = this.watchdog.check(now);
    const [first, second] = this.watchdog.policy.alertsAtMs;
    const at = new Date(now);
    const hours = (ms: number): number => Math.round((ms / 3600_000) * 10) / 10;
    if (crossings.firstAlert.length > 0) {
      this.raise({
        kind: 'deadline',
        at,
        level: 'first-alert',
        afterHours: hours(first),
        documents: crossings.firstAlert,
        message: `${crossings.firstAlert.length} document(s) not reported ${hours(first)} h after issue`,
      });
    }
    if (crossings.secondAlert.length > 0) {
      this.raise({
        kind: 'deadline',
        at,
        level: 'second-alert',
        afterHours: hours(second),
        documents: crossings.secondAlert,
        message: `${crossings.secondAlert.length} document(s) not reported ${hours(second)} h after issue`,
      });
    }
    if (crossings.overdue.length > 0) {
      const deadlineHours = hours(this.watchdog.policy.deadlineMs);
      this.raise({
        kind: 'overdue',
        at,
        documents: crossings.overdue,
        message: `${crossings.overdue.length} document(s) passed the ${deadlineHours}-hour reporting deadline: file ZATCA's failure notification with the evidence export; they are still reported as soon as possible`,
      });
    }
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
    if (crossings.firstAlert.length + crossings.secondAlert.length + crossings.overdue.length > 0) this.statusChanged();
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
    this.cancelWake();
    for (const t of [this.watchdogTimer, this.heartbeatTimer, this.statusTimer]) if (t !== undefined) this.time.clearTimeout(t);
    this.watchdogTimer = this.heartbeatTimer = this.statusTimer = undefined;
  }
}
