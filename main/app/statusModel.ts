// SPDX-License-Identifier: UNLICENSED
// What the screens show about the terminal's standing with ZATCA, built from the reporting worker's status model,
// the onboarding service's status and the ledger tables: the always-visible status strip, the device status page,
// the sync log with ZATCA's own messages, and the documents that need the manager with what to do about them.
import type {
  AppMode,
  DeviceStatus,
  OnboardingProgress,
  OnboardingStepId,
  ProblemAdvice,
  ProblemDocument,
  StatusSnapshot,
  SyncLogEntry,
  ZatcaMessage,
} from '../../app/contract/types';
import type { ApiError } from '../../app/contract/errors';
import { DukkanError, ERROR_CATALOG, placeholdersOf, type ErrorCode } from '../../app/errors/index';
import type { FatooraMessage } from '../fatoora/index';
import { apiErrorOf, categoryOf } from '../ipc/apiErrors';
import type { OnboardingError, OnboardingStatus } from '../onboarding/index';
import type { CorrectiveAction, ReportingStatus, ReportingWorker } from '../reporting/index';

import type { DocumentStore } from '../sale/index';
import type { BackupHealth } from '../backup/backupStatus';
import { storeTargetUrl } from '../backup/storeTargetName';
import type { BackupStatusView } from '../../app/contract/backupTypes';
import type { PrinterHealth } from './printingService';

const STEPS: readonly OnboardingStepId[] = ['key', 'csr', 'csid', 'compliance-checks', 'production-csid', 'ready'];

export function zatcaMessages(list: readonly FatooraMessage[] | undefined): ZatcaMessage[] {
  return (list ?? []).map((m) => ({ type: m.type ?? m.status ?? 'INFO', code: m.code ?? null, message: m.message }));
}

function parseMessages(json: string | null): ZatcaMessage[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? zatcaMessages(value as FatooraMessage[]) : [];
  } catch {
    return [];
  }
}

export function statusSnapshot(mode: AppMode, environment: string, reporting: ReportingStatus | null, printer: PrinterHealth, now: Date): StatusSnapshot {
  const c = reporting?.counts;
  return {
    mode,
    environment,
    connectivity: reporting?.connectivity ?? 'unknown',
    waiting: c ? c.queued + c.inFlight : 0,
    rejected: c ? reporting.awaitingCorrection : 0,
    overdue: c?.overdue ?? 0,
    nearestDeadline: reporting?.nearestDeadline ? reporting.nearestDeadline.deadline.toISOString() : null,
    printer,
    at: now.toISOString(),
  };
}

export function deviceStatus(
  mode: AppMode,
  onboarding: OnboardingStatus,
  worker: ReportingWorker | null,
  documents: DocumentStore,
  dataDir: string,
  backups: BackupHealth | null = null,
): DeviceStatus {
  const active = onboarding.active;
  const counts = worker?.status().counts;
  const head = documents.head();
  return {
    mode,
    environment: active?.environment ?? 'none',
    onboarded: active?.canSign ?? false,
    egsName: active ? `${active.commonName} (${active.egsSerial})` : null,
    certificate: active?.certificate
      ? { serial: active.certificate.serial, notAfter: active.certificate.notAfter.toISOString(), daysLeft: active.certificate.daysLeft }
      : null,
    chainHead: head ?? null,
    queue: {
      queued: counts?.queued ?? 0,
      inFlight: counts?.inFlight ?? 0,
      reported: counts?.reported ?? 0,
      warnings: counts?.reportedWithWarnings ?? 0,
      rejected: counts?.rejected ?? 0,
      failed: counts?.failed ?? 0,
      overdue: counts?.overdue ?? 0,
    },
    dataDir,
    backups: backups && backupView(backups),
  };
}

export function backupView(h: BackupHealth): BackupStatusView {
  return {
    warning: h.warning,
    targets: h.targets.map((t) => ({
      target: t.target,
      storeServer: storeTargetUrl(t.target),
      lastSuccessAt: t.lastSuccess?.at ?? null,
      // a failure older than the last success is history, not the target's state
      lastFailure:
        t.lastFailure && (!t.lastSuccess || t.lastFailure.at > t.lastSuccess.at)
          ? { code: t.lastFailure.code, at: t.lastFailure.at, params: t.lastFailure.params as Record<string, string | number> }
          : null,
      stale: t.stale,
    })),
  };
}

export function syncLog(documents: DocumentStore, limit: number): SyncLogEntry[] {
  return documents.attempts(limit).map((a) => ({
    at: new Date(a.finished_at ?? a.started_at).toISOString(),
    number: a.number,
    outcome: a.outcome === null ? 'in-flight' : a.reason ? `${a.outcome} (${a.reason})` : a.outcome,
    httpStatus: a.http_status,
    messages: parseMessages(a.messages),
  }));
}

const ADVICE_OF_CAUSE = { rejected: 'reissue', 'clear-not-report': 'clear-not-report', 'too-large': 'too-large' } as const;

/** The screen's form of a corrective action: a code and its values, said in the manager's language there. */
function adviceFor(number: string, action: CorrectiveAction | undefined): ProblemAdvice {
  if (!action) return { kind: 'contact-support', number };
  return { kind: ADVICE_OF_CAUSE[action.cause], number, issueDate: action.issueDate, issueTime: action.issueTime };
}

export function problems(worker: ReportingWorker | null, documents?: Pick<DocumentStore, 'unexplainedDuplicates'>): ProblemDocument[] {
  if (!worker) return [];
  const list: ProblemDocument[] = [];
  const seen = new Set<string>();
  for (const r of worker.rejections()) {
    if (r.correctiveAction?.reissuedAs) continue; // corrected already
    seen.add(r.uuid);
    list.push({
      number: r.number,
      kind: r.kind as ProblemDocument['kind'],
      issuedAt: r.issuedAt.toISOString(),
      problem: r.state === 'failed' ? 'failed' : 'rejected',
      attempts: r.attempts,
      messages: zatcaMessages(r.messages),
      advice: adviceFor(r.number, r.correctiveAction),
    });
  }
  for (const d of worker.overdueEvidence().documents) {
    if (seen.has(d.uuid) || d.reportedAt !== null) continue;
    list.push({
      number: d.number,
      kind: d.kind as ProblemDocument['kind'],
      issuedAt: d.issuedAt,
      problem: 'overdue',
      attempts: d.attempts.length,
      messages: [],
      advice: { kind: 'overdue', number: d.number, hoursLate: d.delayHours },
    });
  }
  for (const d of documents?.unexplainedDuplicates() ?? []) {
    list.push({
      number: d.number,
      kind: d.kind,
      issuedAt: new Date(d.issued_at).toISOString(),
      problem: 'unexplained-duplicate',
      attempts: 1,
      messages: [],
      advice: { kind: 'other-device', number: d.number },
    });
  }
  return list;
}

/**
 * A failure recorded by an earlier run (the app restarted since): the row keeps its code and English text, not its
 * parameters, so its own text is shown only when it needs none; otherwise the code is named in a general text.
 */
function storedFailure(lastError: { readonly code: string; readonly message: string }): ApiError {
  const code = lastError.code as ErrorCode;
  const known = Object.hasOwn(ERROR_CATALOG, code);
  if (known && placeholdersOf(ERROR_CATALOG[code].en).length === 0) return { code: categoryOf(code), reason: code, params: {}, message: lastError.message };
  return apiErrorOf(new DukkanError('onboarding.failed-before', { code: lastError.code }));
}

/** The wizard's view of the onboarding service: the steps of reference §10, where it stands, and any failure. */
export function onboardingProgress(status: OnboardingStatus, running: { readonly step: string } | null, failure: OnboardingError | null): OnboardingProgress {
  const env = status.active;
  const currentStep = running?.step ?? env?.step ?? null;
  const index = currentStep ? STEPS.indexOf(currentStep as OnboardingStepId) : -1;
  const done = env?.canSign === true && env.procedure === null && !running;
  const state: OnboardingProgress['state'] = done
    ? 'done'
    : running
      ? 'in-progress'
      : failure || env?.lastError
        ? 'failed'
        : env?.procedure
          ? 'failed'
          : 'not-started';
  const error =
    state !== 'failed'
      ? null
      : failure
        ? apiErrorOf(failure)
        : env?.lastError
          ? storedFailure(env.lastError)
          : apiErrorOf(new DukkanError('onboarding.stopped'));
  return {
    state,
    environment: env?.environment ?? null,
    steps: STEPS.map((id, i) => ({ id, done: done || (index >= 0 && i < index), current: !done && i === index })),
    error,
  };
}
