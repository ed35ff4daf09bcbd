// SPDX-License-Identifier: UNLICENSED
// Step "key" (reference §10 step 1): the device's secp256k1 key pair, generated in the OS keychain (main/keyCustody)
// and never exported. A key this step wrote before a crash is adopted: the keychain service is this device's own.
import { keyFingerprint } from '../keyCustody/index';
import type { OnboardingContext } from './onboardingContext';
import type { OnboardingRow } from './onboardingStore';
import { keyReady } from './rowTransitions';

export async function keyStep(ctx: OnboardingContext, row: OnboardingRow): Promise<void> {
  const { custody } = ctx;
  let publicKey: Uint8Array;
  if (await custody.has(row.environment)) {
    publicKey = await custody.publicKey(row.environment);
    ctx.log.info('onboarding.key-adopted', { environment: row.environment });
  } else {
    publicKey = await custody.generate(row.environment);
    await ctx.progress(row, 'stored');
  }
  ctx.apply(row.environment, keyReady(keyFingerprint(publicKey)));
}
