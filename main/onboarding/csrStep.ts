// SPDX-License-Identifier: UNLICENSED
// Step "csr" (reference §8, §10 step 1): a certificate signing request for the device key, with the template name
// of the environment and the shop's details, signed inside the key custody. A new CSR is built for every CSID
// request: the same CSR is never sent twice (reference §10 step 2).
import { buildCsrWithSigner } from '../../app/csr/index';
import { keyFingerprint } from '../keyCustody/index';
import type { OnboardingContext } from './onboardingContext';
import { OnboardingError } from './onboardingError';
import type { OnboardingRow } from './onboardingStore';
import { csrBuilt } from './rowTransitions';
import { csrConfigFor } from './shopDocuments';

export async function csrStep(ctx: OnboardingContext, row: OnboardingRow): Promise<void> {
  const publicKey = await ctx.custody.publicKey(row.environment);
  // the key in the keychain must still be the one this procedure started with
  if (keyFingerprint(publicKey) !== row.key_fingerprint) throw new OnboardingError('onboarding.key-missing', { environment: row.environment });
  const config = csrConfigFor(ctx.shopOf(row), { egsSerial: row.egs_serial, commonName: row.common_name }, row.environment);
  const csr = await buildCsrWithSigner(config, publicKey, ctx.custody.signer(row.environment));
  ctx.apply(row.environment, csrBuilt(row, csr.pem));
}
