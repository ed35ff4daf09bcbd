// SPDX-License-Identifier: UNLICENSED
// Step "production-csid" (reference §10 step 4): POST /production/csids with the compliance request id,
// authenticated with the compliance CSID, for the production CSID that signs and reports from then on (the key
// does not change). When Fatoora says compliance steps are missing its list wins over ours: those documents are
// sent again, once per run (reference §12 item 21).
import type { FatooraMessage } from '../fatoora/index';
import { adoptPending, credentialsOf, storeCsidAnswer } from './csidStorage';
import type { OnboardingContext } from './onboardingContext';
import { OnboardingError } from './onboardingError';
import type { RunState } from './onboardingProcedure';
import type { OnboardingRow } from './onboardingStore';
import { complianceCsidLost, complianceStepsMissing } from './rowTransitions';
import { credentialsRefused, messageProblems, transportError } from './stepFailures';

/** The steps a Missing-ComplianceSteps answer lists ("… [a, b]"), or undefined for another refusal. */
export function missingSteps(errors: readonly FatooraMessage[]): string[] | undefined {
  const e = errors.find((m) => m.code === 'Missing-ComplianceSteps' || /compliance steps/i.test(m.message));
  if (!e) return undefined;
  const list = /\[([^\]]*)\]/.exec(e.message)?.[1];
  return list === undefined
    ? []
    : list
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

export async function productionCsidStep(ctx: OnboardingContext, row: OnboardingRow, run: RunState): Promise<void> {
  if (await adoptPending(ctx, row)) return;
  const credentials = await credentialsOf(ctx, row, 'compliance');
  const client = ctx.clientFor(row.environment);
  await ctx.progress(row, 'sending');
  const outcome = await client.requestProductionCsid(credentials, { complianceRequestId: row.compliance_request_id! });
  switch (outcome.kind) {
    case 'rejected': {
      const missing = missingSteps(outcome.errors);
      if (!missing) throw new OnboardingError('onboarding.production-csid-refused', {}, { problems: messageProblems(outcome.errors) });
      const passed = (JSON.parse(row.compliance_passed) as string[]).filter((s) => !missing.includes(s));
      ctx.apply(row.environment, complianceStepsMissing(passed));
      if (run.missingStepRetries++ === 0 && missing.length > 0) return;
      throw new OnboardingError('onboarding.missing-compliance-steps', { steps: missing.join(', ') }, { problems: messageProblems(outcome.errors) });
    }
    case 'unauthorized':
      ctx.apply(row.environment, complianceCsidLost());
      throw credentialsRefused(row.environment);
    case 'accepted':
    case 'accepted-with-warnings':
      return storeCsidAnswer(ctx, row, outcome, 'production');
    default:
      throw transportError(outcome);
  }
}
