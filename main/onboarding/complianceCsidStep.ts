// SPDX-License-Identifier: UNLICENSED
// Step "csid" (reference §10 step 2): the CSR goes to Fatoora with the OTP — POST /compliance for a compliance CSID
// or, in a renewal, PATCH /production/csids (renewal.ts). The CSR counts as sent, and the OTP as used, from the
// moment the request leaves, whatever comes back: after any answer that is not a CSID (or no answer) the next run
// builds a new CSR and needs a new OTP.
import type { OnboardingContext } from './onboardingContext';
import { OnboardingError } from './onboardingError';
import type { RunState } from './onboardingProcedure';
import type { OnboardingRow } from './onboardingStore';
import { renewalCredentials, requestRenewedCsid } from './renewal';
import { csrSubmitted, resetForNewCsr } from './rowTransitions';
import { adoptPending, storeCsidAnswer } from './csidStorage';

export async function csidStep(ctx: OnboardingContext, row: OnboardingRow, run: RunState): Promise<void> {
  if (await adoptPending(ctx, row)) return;
  if (row.csr_submitted === 1 || !row.csr_pem) {
    ctx.apply(row.environment, resetForNewCsr()); // this CSR was sent already: build a new one
    return;
  }
  const otp = run.otp;
  if (!otp) throw new OnboardingError('onboarding.otp-required');
  const client = ctx.clientFor(row.environment);
  const current = row.procedure === 'renew' ? await renewalCredentials(ctx, row) : undefined;
  ctx.apply(row.environment, csrSubmitted());
  await ctx.progress(row, 'sending');
  run.otp = undefined; // one request per OTP, whatever its answer
  const request = { csr: row.csr_pem, otp };
  if (current) return requestRenewedCsid(ctx, row, client, current, request);
  return storeCsidAnswer(ctx, row, await client.requestComplianceCsid(request), 'compliance');
}
