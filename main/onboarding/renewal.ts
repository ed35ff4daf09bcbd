// SPDX-License-Identifier: UNLICENSED
// Renewal of the production CSID (reference §10 step 5), before or at expiry, with the same key: a new CSR, then
// PATCH /production/csids with a new OTP, authenticated with the current production CSID (with the compliance CSID
// it would be refused). Fatoora answers 200 with the new production CSID — ready — or 428 with a renewed compliance
// CSID, after which the compliance checks and the production CSID request run as in onboarding.
import type { CsrRequest, FatooraClient, FatooraCredentials } from '../fatoora/index';
import { credentialsOf, storeCsidAnswer } from './csidStorage';
import type { OnboardingContext } from './onboardingContext';
import { busy, OnboardingError } from './onboardingError';
import type { OnboardingRow } from './onboardingStore';
import { renewalStarted } from './rowTransitions';

/** Starts a renewal on an idle, onboarded row; the procedure then runs from step "csr". */
export function beginRenewal(ctx: OnboardingContext, row: OnboardingRow): void {
  if (row.procedure !== null) throw busy(row.environment, row.procedure);
  if (!row.production_token) throw new OnboardingError('onboarding.not-onboarded', { environment: row.environment });
  ctx.apply(row.environment, renewalStarted());
  ctx.log.info('onboarding.renewal-started', { environment: row.environment, serial: row.production_serial });
}

/** The current production CSID, which authenticates the renewal request. */
export function renewalCredentials(ctx: OnboardingContext, row: OnboardingRow): Promise<FatooraCredentials> {
  return credentialsOf(ctx, row, 'production');
}

/** The renewal request of step "csid": a new production CSID, or (428) a renewed compliance CSID. */
export async function requestRenewedCsid(
  ctx: OnboardingContext,
  row: OnboardingRow,
  client: FatooraClient,
  current: FatooraCredentials,
  request: CsrRequest,
): Promise<void> {
  return storeCsidAnswer(ctx, row, await client.renewProductionCsid(current, request), 'production');
}
