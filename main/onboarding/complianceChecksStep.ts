// SPDX-License-Identifier: UNLICENSED
// Step "compliance-checks" (reference §10 step 3): one sample document per required compliance step, with the
// shop's real seller data, signed with the compliance CSID's certificate and the device key, chained among
// themselves (ICV from 1, PIH from the initial constant), and sent to /compliance/invoices. PASS and WARNING both
// pass. Progress is stored after every document, so a resumed run continues at the first one not passed.
import { parseDocumentInput } from '../../app/document/documentInput';
import { buildAndStamp } from '../../app/engine/buildAndStamp';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { parseCertificate } from '../../app/x509/parseCertificate';
import { credentialsOf } from './csidStorage';
import type { OnboardingContext } from './onboardingContext';
import { OnboardingError } from './onboardingError';
import type { OnboardingRow } from './onboardingStore';
import { complianceChecksDone, complianceCsidLost, compliancePassed } from './rowTransitions';
import { complianceDocument, requiredComplianceSteps } from './shopDocuments';
import { credentialsRefused, messageProblems, transportError } from './stepFailures';

export async function complianceChecksStep(ctx: OnboardingContext, row: OnboardingRow): Promise<void> {
  const credentials = await credentialsOf(ctx, row, 'compliance');
  const certificate = parseCertificate(row.compliance_token!);
  const shop = ctx.shopOf(row);
  const client = ctx.clientFor(row.environment);
  const passed: string[] = JSON.parse(row.compliance_passed) as string[];
  let icv = row.compliance_icv;
  let pih = row.compliance_pih ?? INITIAL_PIH;
  for (const step of requiredComplianceSteps(row.invoice_type)) {
    if (passed.includes(step)) continue;
    await ctx.progress(row, 'begin', step);
    const json = complianceDocument(shop, step, ctx.clock(), icv + 1);
    const doc = await buildAndStamp(parseDocumentInput(json), { icv: icv + 1, pih }, { certificate, sign: ctx.custody.signer(row.environment) });
    await ctx.progress(row, 'sending', step);
    const outcome = await client.checkCompliance(credentials, { invoiceHash: doc.hash, uuid: doc.uuid, invoice: doc.bytes });
    if (outcome.kind === 'accepted' || outcome.kind === 'accepted-with-warnings') {
      passed.push(step);
      icv += 1;
      pih = doc.hash;
      ctx.apply(row.environment, compliancePassed(passed, icv, pih));
      ctx.log.info('onboarding.compliance-passed', { environment: row.environment, step, outcome: outcome.kind });
      await ctx.progress(row, 'done', step);
      continue;
    }
    if (outcome.kind === 'rejected') {
      if (outcome.errors.some((e) => e.code === 'certificate-permissions' && /vat/i.test(e.message))) {
        throw new OnboardingError('onboarding.vat-refused', {}, { problems: messageProblems(outcome.errors) });
      }
      throw new OnboardingError('onboarding.compliance-check-failed', { kind: step }, { problems: messageProblems(outcome.errors) });
    }
    if (outcome.kind === 'unauthorized') {
      ctx.apply(row.environment, complianceCsidLost());
      throw credentialsRefused(row.environment);
    }
    throw transportError(outcome);
  }
  ctx.apply(row.environment, complianceChecksDone());
}
