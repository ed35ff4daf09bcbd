// SPDX-License-Identifier: UNLICENSED
// The reporting worker's public types: its options, status model, alerts and events (the UI's view of reporting).
import type { FatooraClient, FatooraCredentials, FatooraMessage } from '../fatoora/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { Logger } from '../log/index';
import type { BackoffPolicy } from './backoff';
import type { Connectivity } from './connectivity';
import type { DeadlineEntry, DeadlinePolicy } from './deadlineWatchdog';
import type { CorrectiveAction } from './documentReport';
import type { ReportingTime } from './reportingTime';
import type { AttemptOutcome, JobState } from './reportingStore';
import type { LeaseOptions } from './workerLease';

/** The chain (CSID) a document was signed with: the credentials provider may pick the CSID to report it with. */
export interface ReportingChain {
  readonly id: number;
  readonly certificateSerial: string;
  readonly certificateIssuer: string;
  /** One-line base64 DER of the signing certificate. */
  readonly certificate: string;
  readonly environment: string;
}

export type CredentialsProvider = (chain: ReportingChain) => Promise<FatooraCredentials | undefined>;

export interface ReportingWorkerOptions {
  readonly db: SqliteDatabase;
  readonly client: FatooraClient;
  /** The production CSID to report with (e.g. the keychain-backed onboarding service); undefined = not onboarded. */
  readonly credentials: CredentialsProvider;
  readonly time?: ReportingTime;
  /** [0, 1) — jitter; injectable so a run can be replayed. */
  readonly random?: () => number;
  readonly logger?: Logger;
  /** Requests in flight at once while online. Default 8 (bench/reporting.ts). */
  readonly concurrency?: number;
  /** Per-document resend schedule. Default 2 s doubling to 10 min. */
  readonly retry?: BackoffPolicy;
  /** Connectivity probe schedule while offline. Default 5 s doubling to 5 min. */
  readonly probe?: BackoffPolicy;
  /** Attempts of one document in a row without a confirming answer before an alert (unconfirmedAlert.ts). Default 5. */
  readonly unconfirmedToAlert?: number;
  /** Consecutive transient failures that mean "offline". Default 5. */
  readonly failuresToOffline?: number;
  /** The cheap reachability check used while offline. Default: the client's probe (a HEAD through its HTTP stack). */
  readonly probeConnectivity?: () => Promise<boolean>;
  /** How often an idle worker looks for documents issued without a `nudge()`. Default 5 s. */
  readonly pollIntervalMs?: number;
  /** Deadline of one reporting call. Default: the client's. */
  readonly requestTimeoutMs?: number;
  readonly deadline?: DeadlinePolicy;
  readonly lease?: LeaseOptions;
  /** Status events are coalesced to at most one per this interval. Default 250 ms. */
  readonly statusIntervalMs?: number;
}

export type WorkerMode = 'stopped' | 'running' | 'paused' | 'halted' | 'stopping';
export type HaltReason = 'credentials-refused' | 'no-credentials';

export interface ReportingCounts {
  readonly queued: number;
  readonly inFlight: number;
  readonly reported: number;
  readonly reportedWithWarnings: number;
  readonly rejected: number;
  /** Could not be delivered as it is (413). */
  readonly failed: number;
  /** Not recorded by Fatoora and past the deadline (rejected ones count until their correction is issued). */
  readonly overdue: number;
}

export interface ReportingStatus {
  readonly at: Date;
  readonly mode: WorkerMode;
  readonly connectivity: Connectivity;
  readonly halt?: { readonly reason: HaltReason; readonly since: Date; readonly message: string };
  readonly offlineSince?: Date;
  readonly nextProbeAt?: Date;
  /** Probes made during the current (or last) outage. */
  readonly probes: number;
  /** 429 Retry-After: nothing is sent before this. */
  readonly rateLimitedUntil?: Date;
  readonly counts: ReportingCounts;
  /** Rejected (or failed) documents whose correction has not been issued yet. */
  readonly awaitingCorrection: number;
  /** The unsettled document closest to (or furthest past) its deadline. */
  readonly nearestDeadline?: DeadlineEntry;
  readonly lastReportedAt?: Date;
}

export type ReportingAlert =
  | { readonly kind: 'credentials-refused'; readonly at: Date; readonly httpStatus?: number; readonly message: string }
  | { readonly kind: 'no-credentials'; readonly at: Date; readonly message: string }
  | {
      /** 400; 413; 303 — a standard document that must be cleared, not reported (reference §9.1). */
      readonly kind: 'rejected' | 'payload-too-large' | 'wrong-endpoint';
      readonly at: Date;
      readonly documentId: number;
      readonly number: string;
      readonly messages: readonly FatooraMessage[];
      readonly correctiveAction: CorrectiveAction;
      readonly message: string;
    }
  | {
      readonly kind: 'deadline';
      readonly at: Date;
      readonly level: 'first-alert' | 'second-alert';
      readonly afterHours: number;
      readonly documents: readonly DeadlineEntry[];
      readonly message: string;
    }
  | { readonly kind: 'overdue'; readonly at: Date; readonly documents: readonly DeadlineEntry[]; readonly message: string }
  | { readonly kind: 'unexpected-answer'; readonly at: Date; readonly httpStatus?: number; readonly detail: string; readonly message: string }
  /** Fatoora already held a document none of our attempts can have delivered (duplicateJudgement.ts). */
  | {
      readonly kind: 'unexplained-duplicate';
      readonly at: Date;
      readonly documentId: number;
      readonly number: string;
      readonly detail: string;
      readonly message: string;
    }
  /** A document's last attempts all ended without a confirming answer (unconfirmedAlert.ts). */
  | {
      readonly kind: 'unconfirmed-answers';
      readonly at: Date;
      readonly documentId: number;
      readonly number: string;
      readonly attempts: number;
      readonly detail: string;
      readonly message: string;
    };

/** One attempt's result for one document. */
export interface DocumentOutcome {
  readonly documentId: number;
  readonly number: string;
  readonly icv: number;
  readonly attempt: number;
  readonly state: JobState;
  readonly outcome: AttemptOutcome;
  readonly httpStatus?: number;
  readonly messages: readonly FatooraMessage[];
  readonly retryAt?: Date;
}

export interface ReportingEvents {
  status: [ReportingStatus];
  alert: [ReportingAlert];
  outcome: [DocumentOutcome];
}
