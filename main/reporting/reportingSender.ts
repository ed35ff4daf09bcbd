// SPDX-License-Identifier: UNLICENSED
// The reporting worker's sender: what happens to each document the scheduler hands it — claim → request → settle.
// - Claim: one short transaction puts the job in flight and opens its attempt row before a byte is sent; settle:
//   one short transaction closes the attempt and moves the job as the state table says (jobTransition.ts). No
//   transaction is open while a request is on the wire.
// - The payload is the stored row: {invoiceHash, uuid, invoice: base64(stored bytes)} — never rebuilt, never
//   re-signed (reference §11 "resend the identical payload"; §12 item 25).
// - The credentials are asked for per chain (the CSID a document was signed with) and cached until they change.
// - A job whose answer could not be written (the database refused) is "stranded": it stays in flight in the table
//   until storage works again, then it is requeued as interrupted and resent unchanged.
import { CredentialEnvironmentError, type FatooraClient, type FatooraCredentials, type FatooraOutcome, type InvoiceResult } from '../fatoora/index';
import { errorFields, type Logger } from '../log/index';
import type { Claim, JobStore } from './jobStore';
import { earlierMayHaveArrived } from './duplicateJudgement';
import { transitionFor, type JobTransition } from './jobTransition';
import type { Dispatcher } from './reportingScheduler';
import type { DueJobRow } from './reportingStore';
import type { ReportingTime } from './reportingTime';
import type { CredentialsProvider, HaltReason, ReportingChain } from './reportingTypes';

/** What the sender needs from the worker around it. */
export interface SenderHooks {
  /** Only a running worker claims a job (not paused, halted or stopping meanwhile). */
  isRunning(): boolean;
  halt(reason: HaltReason, message: string): void;
  /** A job was settled in the database: count it, tell the listeners, apply the transition's effect. */
  settled(job: DueJobRow, claim: Claim, t: JobTransition, retryAt: number | null, now: number): void;
  /** The scheduler's wait for a job that failed `attempt` times (its backoff, and the cap of a Retry-After). */
  retryDelay(attempt: number): { readonly backoffMs: number; readonly maxWaitMs: number };
  /** A request ended (whatever its outcome): time for another pass of the scheduler. */
  ended(): void;
}

export interface SenderOptions {
  readonly store: JobStore;
  readonly client: FatooraClient;
  readonly credentials: CredentialsProvider;
  readonly time: ReportingTime;
  readonly log: Logger;
  readonly requestTimeoutMs?: number;
}

interface InFlight {
  readonly controller: AbortController;
  done?: Promise<void>;
}

export class ReportingSender implements Dispatcher {
  private readonly inFlight = new Map<number, InFlight>();
  /** Claimed jobs whose answer could not be written (storage error): requeued as interrupted on the next pass. */
  private readonly stranded = new Set<number>();
  private readonly chains = new Map<number, ReportingChain>();
  private readonly credentialCache = new Map<number, Promise<FatooraCredentials | undefined>>();

  constructor(
    private readonly options: SenderOptions,
    private readonly hooks: SenderHooks,
  ) {}

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  isInFlight(documentId: number): boolean {
    return this.inFlight.has(documentId);
  }

  /** Resolves, per request on the wire, when it has ended. */
  pending(): Promise<void>[] {
    return [...this.inFlight.values()].map((f) => f.done!);
  }

  /** Aborts every request on the wire (their jobs are recorded as interrupted and resent by the next worker). */
  abortAll(): void {
    for (const f of this.inFlight.values()) f.controller.abort();
  }

  /** The credentials may have changed: ask the provider again. */
  forgetCredentials(): void {
    this.credentialCache.clear();
  }

  dispatch(job: DueJobRow): void {
    const entry: InFlight = { controller: new AbortController() };
    this.inFlight.set(job.document_id, entry);
    entry.done = this.send(job, entry.controller.signal)
      .catch((err: unknown) => {
        // most likely the database refused the write after the answer (disk full, locked): the job may be left in
        // flight; it is requeued as interrupted (resent unchanged) once storage works again
        this.options.log.error('reporting.send-failed', { documentId: job.document_id, ...errorFields(err) });
        this.stranded.add(job.document_id);
      })
      .finally(() => {
        this.inFlight.delete(job.document_id);
        this.hooks.ended();
      });
  }

  requeueStranded(now: number): void {
    if (this.stranded.size === 0) return;
    try {
      this.options.store.requeueStranded(this.stranded, (id) => this.inFlight.has(id), now);
      this.stranded.clear();
    } catch (err) {
      this.options.log.error('reporting.requeue-failed', errorFields(err));
    }
  }

  private async send(job: DueJobRow, signal: AbortSignal): Promise<void> {
    const { store, time } = this.options;
    const chain = this.chainInfo(job.chain_id);
    const credentials = await this.credentialsFor(chain);
    if (!this.hooks.isRunning()) return; // paused, halted or stopping meanwhile: the job was not claimed
    if (!credentials) {
      this.hooks.halt(
        'no-credentials',
        'no production CSID to report with (not onboarded, or the keychain could not be read): complete onboarding (reference §10); documents wait in the queue',
      );
      return;
    }
    const claim = store.claim(job.document_id, time.now());
    if (!claim) return;
    const row = store.payload(job.document_id);
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

  private settle(job: DueJobRow, claim: Claim, outcome: FatooraOutcome<InvoiceResult>): void {
    const now = this.options.time.now();
    const { backoffMs, maxWaitMs } = this.hooks.retryDelay(claim.attempt);
    // a duplicate answer is ours only after an attempt that may have arrived (duplicateJudgement.ts)
    const context =
      outcome.kind === 'already-done'
        ? { earlierMayHaveArrived: earlierMayHaveArrived(this.options.store.q.attemptsOf.all(job.document_id), claim.attempt) }
        : {};
    const t = transitionFor(outcome, backoffMs, maxWaitMs, context);
    const retryAt = this.options.store.settle(job.document_id, claim, t, now);
    this.options.log.info('reporting.outcome', {
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
    this.hooks.settled(job, claim, t, retryAt, now);
  }

  private chainInfo(chainId: number): ReportingChain {
    let chain = this.chains.get(chainId);
    if (!chain) {
      const row = this.options.store.chain(chainId);
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
          this.options.log.warn('reporting.credentials-unavailable', errorFields(err));
          return undefined;
        },
      );
      this.credentialCache.set(chain.id, pending);
    }
    return pending;
  }
}
