// SPDX-License-Identifier: UNLICENSED
// The procedure loop shared by onboarding, renewal and rotation: it runs the row's current step, reads the row
// again, and goes on until the row has no procedure. Every step stores its result before the next one starts, so an
// interrupted run resumes where it stopped:
//
//   onboard:  key → csr → csid (POST /compliance, OTP) → compliance-checks → production-csid → ready
//   rotate:   wipe → key → … as onboard (the old key and CSIDs are wiped first; the key may have leaked)
//   renew:    csr → csid (PATCH /production/csids, OTP; 200 → ready, 428 → …) → compliance-checks → production-csid
//
// A failed step leaves its row where it was, records the failure in plain words, and throws it.
import { errorFields } from '../log/logger';
import type { Secret } from '../log/secret';
import type { FatooraEnvironment } from '../fatoora/index';
import { complianceChecksStep } from './complianceChecksStep';
import { csidStep } from './complianceCsidStep';
import { csrStep } from './csrStep';
import { keyStep } from './keyStep';
import type { OnboardingContext } from './onboardingContext';
import type { OnboardingRow, Step } from './onboardingStore';
import { productionCsidStep } from './productionCsidStep';
import { wipeStep } from './rotation';
import { procedureEnded, stepFailed } from './rowTransitions';
import { mapError } from './stepFailures';

/** What one run carries from step to step. */
export interface RunState {
  /** The OTP of this run: it serves one CSID request, whatever its answer. */
  otp: Secret | undefined;
  /** Times Fatoora's list of missing compliance steps sent us back to the checks in this run. */
  missingStepRetries: number;
}

type StepRunner = (ctx: OnboardingContext, row: OnboardingRow, run: RunState) => Promise<void> | void;

const STEPS: { readonly [S in Step]: StepRunner } = {
  wipe: wipeStep,
  key: keyStep,
  csr: csrStep,
  csid: csidStep,
  'compliance-checks': complianceChecksStep,
  'production-csid': productionCsidStep,
  ready: (ctx, row) => ctx.apply(row.environment, procedureEnded()),
};

/** Runs the procedure under way in `environment` to its end (or to the first failure, which it throws). */
export async function runProcedure(ctx: OnboardingContext, environment: FatooraEnvironment, otp: Secret | undefined): Promise<void> {
  const run: RunState = { otp, missingStepRetries: 0 };
  for (;;) {
    const row = ctx.rowOf(environment);
    if (!row || row.procedure === null) return;
    await ctx.progress(row, 'begin');
    try {
      await STEPS[row.step](ctx, row, run);
    } catch (err) {
      const mapped = mapError(err, environment);
      ctx.log.warn('onboarding.failed', {
        environment,
        procedure: row.procedure,
        step: row.step,
        code: mapped.code,
        ...(mapped === err ? {} : errorFields(err)),
      });
      if (ctx.rowOf(environment)) ctx.apply(environment, stepFailed(mapped.code, mapped.message));
      throw mapped;
    }
    await ctx.progress(row, 'done');
  }
}
