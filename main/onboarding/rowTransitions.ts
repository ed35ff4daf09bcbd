// SPDX-License-Identifier: UNLICENSED
// Every change a procedure makes to its onboarding row, named: which columns each step sets or resets is written
// here once, as a group or a transition, and the steps only say which transition happened. The service stamps
// `updated_at` when it applies one (OnboardingContext.apply); a transition never touches the row's identity
// (environment, EGS serial, common name, start time) nor the CSR counter except where a CSR is built.
import type { Certificate } from '../../app/x509/parseCertificate';
import type { CsidKind, OnboardingRow, RowChanges } from './onboardingStore';
import { invoiceTypeDigits } from './shopDocuments';
import { shopJson, type ShopProfile } from './shopProfile';

// ── column groups ────────────────────────────────────────────────────────────────────────────────────────────

/** No CSID waiting between its two writes (token in SQLite, secret in the keychain). */
const NO_PENDING_CSID = { pending_kind: null, pending_token: null, pending_request_id: null } as const satisfies RowChanges;
/** No failure to explain. */
const NO_ERROR = { last_error_code: null, last_error: null } as const satisfies RowChanges;
/** The compliance checks from their first document: nothing passed, the sample chain at its start (reference §10 step 3). */
const NO_COMPLIANCE_PROGRESS = { compliance_passed: '[]', compliance_icv: 0, compliance_pih: null } as const satisfies RowChanges;
/** No compliance CSID in use (its request id stays, for the status, until the key is rotated). */
const NO_COMPLIANCE_CSID = { compliance_token: null, compliance_serial: null, compliance_not_after: null } as const satisfies RowChanges;
const NO_PRODUCTION_CSID = {
  production_token: null,
  production_request_id: null,
  production_serial: null,
  production_issuer: null,
  production_not_before: null,
  production_not_after: null,
} as const satisfies RowChanges;

const passedList = (passed: readonly string[]): string => JSON.stringify(passed);

// ── transitions ──────────────────────────────────────────────────────────────────────────────────────────────

/** Rotation begins: the old key and every CSID are forgotten (the key may have leaked), optionally with new shop details. */
export function rotationStarted(newShop?: ShopProfile): RowChanges {
  return {
    procedure: 'rotate',
    step: 'wipe',
    ...(newShop ? { shop_json: shopJson(newShop), invoice_type: invoiceTypeDigits(newShop) } : {}),
    key_fingerprint: null,
    csr_pem: null,
    csr_submitted: 0,
    ...NO_COMPLIANCE_CSID,
    compliance_request_id: null,
    ...NO_COMPLIANCE_PROGRESS,
    ...NO_PRODUCTION_CSID,
    ...NO_PENDING_CSID,
    ...NO_ERROR,
    ready_at: null,
  };
}

/** Renewal begins: a new CSR for the same key, and the compliance checks again if Fatoora asks (reference §10 step 5). */
export function renewalStarted(): RowChanges {
  return { procedure: 'renew', step: 'csr', csr_submitted: 0, ...NO_COMPLIANCE_PROGRESS, ...NO_ERROR };
}

/** Rotation: the old key and CSID secrets are gone from the keychain. */
export const wiped = (): RowChanges => ({ step: 'key' });

/** The device key exists (generated, or adopted after a crash). */
export const keyReady = (fingerprint: string): RowChanges => ({ key_fingerprint: fingerprint, step: 'csr' });

/** A new CSR, not sent yet. */
export const csrBuilt = (row: Pick<OnboardingRow, 'csr_count'>, pem: string): RowChanges => ({
  csr_pem: pem,
  csr_submitted: 0,
  csr_count: row.csr_count + 1,
  step: 'csid',
});

/** The CSR was sent once already (a CSR is never sent twice, reference §10 step 2): build a new one. */
export const resetForNewCsr = (): RowChanges => ({ step: 'csr' });

/** The CSR is about to leave: from here on it counts as used, whatever the answer. */
export const csrSubmitted = (): RowChanges => ({ csr_submitted: 1 });

/**
 * The compliance CSID cannot be used (its secret is gone, or Fatoora refused it): a new one is requested, which
 * needs a new CSR and a new OTP.
 */
export const complianceCsidLost = (): RowChanges => ({ step: 'csid', csr_submitted: 1 });

/** First of a CSID's two writes: the (public) token, pending until its secret is in the keychain. */
export const csidPending = (kind: CsidKind, token: string, requestId: string): RowChanges => ({
  pending_kind: kind,
  pending_token: token,
  pending_request_id: requestId,
});

/** A pending CSID whose secret never reached the keychain is dropped. */
export const pendingDropped = (): RowChanges => ({ ...NO_PENDING_CSID });

/** A compliance CSID is in place: the compliance checks run with it from their first document. */
export function complianceIssued(token: string, requestId: string, certificate: Certificate): RowChanges {
  return {
    ...NO_PENDING_CSID,
    ...NO_ERROR,
    compliance_token: token,
    compliance_request_id: requestId,
    compliance_serial: certificate.serialDecimal,
    compliance_not_after: certificate.notAfter.getTime(),
    ...NO_COMPLIANCE_PROGRESS,
    step: 'compliance-checks',
  };
}

/** A production CSID is in place: the procedure is over and the compliance CSID has done its work. */
export function productionIssued(token: string, requestId: string, certificate: Certificate, at: number): RowChanges {
  return {
    ...NO_PENDING_CSID,
    ...NO_ERROR,
    production_token: token,
    production_request_id: requestId,
    production_serial: certificate.serialDecimal,
    production_issuer: certificate.issuerName,
    production_not_before: certificate.notBefore.getTime(),
    production_not_after: certificate.notAfter.getTime(),
    ...NO_COMPLIANCE_CSID,
    procedure: null,
    step: 'ready',
    ready_at: at,
  };
}

/** One more sample document passed; the sample chain moves on to its hash. */
export const compliancePassed = (passed: readonly string[], icv: number, pih: string): RowChanges => ({
  compliance_passed: passedList(passed),
  compliance_icv: icv,
  compliance_pih: pih,
});

export const complianceChecksDone = (): RowChanges => ({ step: 'production-csid' });

/** Fatoora says steps are missing: they are no longer counted as passed, and are sent again. */
export const complianceStepsMissing = (passed: readonly string[]): RowChanges => ({ compliance_passed: passedList(passed), step: 'compliance-checks' });

/** Ready, with the procedure still marked (a crash right after the last write): it is over. */
export const procedureEnded = (): RowChanges => ({ procedure: null });

/** A step failed: the failure in plain words, for the status screen. */
export const stepFailed = (code: string, message: string): RowChanges => ({ last_error_code: code, last_error: message });
