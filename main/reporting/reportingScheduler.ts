// SPDX-License-Identifier: UNLICENSED
// The reporting worker's scheduler: decides what is sent next and when, and hands each job to the sender.
// - New documents go in ICV order per chain, the oldest chain first, read a buffer at a time. Submission order is
//   free for ZATCA (reference §11), so a document that must wait (its backoff, a Retry-After) never blocks the
//   documents after it: it simply is not due yet.
// - While the connection is unknown one request goes as a canary; online, up to `concurrency` at once; offline none
//   — instead a cheap probe runs on an exponential schedule (connectivity.ts), and an outage's end makes everything
//   that waited due at once (the back-online event of the state table).
// - A failed document waits its own backoff (exponential with jitter, backoff.ts) or the server's Retry-After,
//   whichever is longer, capped so a bogus header cannot hide it past its deadline; 429 pauses everything until
//   Retry-After, since the limit is on this client (reference §9 status table).
// - One wake timer: the earliest of the next due document, the next probe, the end of a rate limit, and a poll for
//   documents issued without a `nudge()`.
import type { Logger } from '../log/index';
import { errorFields } from '../log/index';
import { ConnectivityTracker, type ConnectivityFailure } from './connectivity';
import type { JobStore } from './jobStore';
import type { JobTransition } from './jobTransition';
import type { DueJobRow } from './reportingStore';
import type { ReportingTime, TimerHandle } from './reportingTime';
import { backoffDelay, type BackoffPolicy } from './backoff';

/** The sender, as the scheduler sees it. */
export interface Dispatcher {
  readonly inFlightCount: number;
  isInFlight(documentId: number): boolean;
  /** Sends one due job; when its request ends the sender asks for another pass. */
  dispatch(job: DueJobRow): void;
  /** Requeues jobs whose answer could not be stored, once storage works again. */
  requeueStranded(now: number): void;
}

/** What the scheduler reads and writes in the outbox (jobStore.ts). */
export type SchedulerStore = Pick<JobStore, 'dueJobs' | 'nextDueAt' | 'makeDueNow'>;

export interface SchedulerOptions {
  readonly store: SchedulerStore;
  readonly time: ReportingTime;
  readonly random: () => number;
  readonly log: Logger;
  readonly concurrency: number;
  readonly pollIntervalMs: number;
  /** Per-document resend schedule. */
  readonly retry: BackoffPolicy;
  readonly failuresToOffline: number;
  readonly probe: BackoffPolicy;
  readonly probeConnectivity: () => Promise<boolean>;
  /** Only a running worker sends (not paused, halted, stopping or stopped). */
  readonly isRunning: () => boolean;
  readonly statusChanged: () => void;
}

/** How many due jobs one read of the queue takes. */
const BUFFER_SIZE = 64;

export class ReportingScheduler {
  readonly connectivity: ConnectivityTracker;
  private buffer: DueJobRow[] = [];
  private rateLimitedAt = 0;
  private probing = false;
  private pumping = false;
  private pumpAgain = false;
  private wakeTimer: { handle: TimerHandle; at: number } | undefined;

  constructor(
    private readonly options: SchedulerOptions,
    private readonly sender: Dispatcher,
  ) {
    this.connectivity = new ConnectivityTracker({ failuresToOffline: options.failuresToOffline, probe: options.probe }, options.random);
  }

  /** 429 Retry-After: nothing is sent before this (epoch ms; 0 when never limited). */
  get rateLimitedUntil(): number {
    return this.rateLimitedAt;
  }

  /** Sends what is due now, as far as connectivity and the rate limit allow; re-entrant calls run one more pass. */
  pump(): void {
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
      this.options.log.error('reporting.pump-failed', errorFields(err));
      this.wakeAt(this.options.time.now() + this.options.pollIntervalMs);
    } finally {
      this.pumping = false;
    }
  }

  /** The queue may have changed under the buffer: the next pass reads it again. */
  rescan(): void {
    this.buffer = [];
  }

  /** A document was issued, or the network is back: offline, probe now; online, look for due documents now. */
  nudge(): void {
    this.connectivity.nudge(this.options.time.now());
    this.rescan();
    this.pump();
  }

  /** The server answered. Returns true when that ends an outage: everything that waited is then due at once. */
  answered(now: number): boolean {
    if (!this.connectivity.answered()) return false;
    const madeDue = this.options.store.makeDueNow(now);
    this.rescan();
    this.options.log.info('reporting.online', { madeDue });
    return true;
  }

  /** A request got no answer from the server. Returns true when that takes the worker offline. */
  failed(kind: ConnectivityFailure, t: JobTransition, now: number): boolean {
    const c = this.connectivity;
    if (!c.failed(kind, now, t.retryAfterMs)) return false;
    this.options.log.warn('reporting.offline', { after: t.outcome, reason: t.reason, httpStatus: t.httpStatus, nextProbeInMs: (c.nextProbeAt ?? now) - now });
    this.rescan();
    return true;
  }

  /**
   * How long a document that failed `attempt` times waits before it is resent, and the longest a Retry-After may
   * park it (both go into its transition, jobTransition.ts).
   */
  retryDelay(attempt: number): { readonly backoffMs: number; readonly maxWaitMs: number } {
    const { retry, random } = this.options;
    return { backoffMs: backoffDelay(attempt, retry, random), maxWaitMs: retry.maxMs };
  }

  /** 429: nothing leaves before `until`. */
  rateLimit(until: number): void {
    this.rateLimitedAt = Math.max(this.rateLimitedAt, until);
  }

  cancelWake(): void {
    if (this.wakeTimer) this.options.time.clearTimeout(this.wakeTimer.handle);
    this.wakeTimer = undefined;
  }

  private pumpOnce(): void {
    if (!this.options.isRunning()) return;
    const now = this.options.time.now();
    this.sender.requeueStranded(now);
    const c = this.connectivity;
    if (c.state === 'offline') {
      if (this.probing) return; // the probe's end pumps
      const at = c.nextProbeAt ?? now;
      if (now >= at) this.runProbe();
      else this.wakeAt(at);
      return;
    }
    if (now < this.rateLimitedAt) {
      this.wakeAt(this.rateLimitedAt);
      return;
    }
    const limit = c.limit(this.options.concurrency);
    while (this.sender.inFlightCount < limit) {
      const job = this.nextJob(now);
      if (!job) break;
      this.sender.dispatch(job);
    }
    if (this.sender.inFlightCount < limit) {
      // nothing due: sleep until the next document is due, or poll for new ones
      const next = this.options.store.nextDueAt();
      this.wakeAt(Math.min(next ?? Infinity, now + this.options.pollIntervalMs));
    }
  }

  private nextJob(now: number): DueJobRow | undefined {
    const s = this.sender;
    for (;;) {
      if (this.buffer.length === 0) this.buffer = this.options.store.dueJobs(now, BUFFER_SIZE + s.inFlightCount).filter((j) => !s.isInFlight(j.document_id));
      const job = this.buffer.shift();
      if (!job || !s.isInFlight(job.document_id)) return job;
    }
  }

  private wakeAt(at: number): void {
    const time = this.options.time;
    if (this.wakeTimer && this.wakeTimer.at <= at && this.wakeTimer.at > time.now()) return;
    this.cancelWake();
    const handle = time.setTimeout(
      () => {
        this.wakeTimer = undefined;
        this.pump();
      },
      Math.max(0, at - time.now()),
    );
    this.wakeTimer = { handle, at };
  }

  private runProbe(): void {
    this.probing = true;
    this.options
      .probeConnectivity()
      .catch(() => false)
      .then((reachable) => {
        this.probing = false;
        const now = this.options.time.now();
        if (reachable) this.connectivity.probeSucceeded();
        else this.connectivity.probeFailed(now);
        this.options.log.info('reporting.probe', { reachable, probes: this.connectivity.probes });
        this.options.statusChanged();
        this.pump();
      });
  }
}
