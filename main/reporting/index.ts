// SPDX-License-Identifier: UNLICENSED
// Background reporting to Fatoora: the worker, its status model, the deadline watchdog and the evidence
// export for ZATCA's failure notification.
export {
  ReportingWorker,
  type CredentialsProvider,
  type DocumentOutcome,
  type HaltReason,
  type ReportingAlert,
  type ReportingChain,
  type ReportingCounts,
  type ReportingEvents,
  type ReportingStatus,
  type ReportingWorkerOptions,
  type WorkerMode,
} from './reportingWorker';
export { ReportingLeaseError, type LeaseOptions } from './workerLease';
export { systemTime, type ReportingTime, type TimerHandle } from './reportingTime';
export { backoffDelay, type BackoffPolicy } from './backoff';
export type { Connectivity } from './connectivity';
export { DEFAULT_DEADLINE_POLICY, type DeadlineCrossings, type DeadlineEntry, type DeadlinePolicy } from './deadlineWatchdog';
export type { AttemptRecord, CorrectiveAction, DocumentReport } from './documentReport';
export {
  evidenceCsv,
  evidenceJson,
  writeOverdueEvidence,
  EVIDENCE_CSV_COLUMNS,
  type EvidenceAttempt,
  type EvidenceDocument,
  type OverdueEvidence,
} from './overdueEvidence';
export type { AttemptOutcome, JobState } from './reportingStore';
