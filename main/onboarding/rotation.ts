// SPDX-License-Identifier: UNLICENSED
// Key rotation ("the key may have leaked"): the certificates of the old key are retired at once — from then on
// nothing is signed with it — the old key and CSID secrets are wiped from the keychain (step "wipe"), and the
// device is onboarded again with a new key pair and a new OTP, optionally with new shop details.
import { credentialsEntry } from './csidSecrets';
import type { OnboardingContext } from './onboardingContext';
import type { OnboardingRow } from './onboardingStore';
import { rotationStarted, wiped } from './rowTransitions';
import type { ShopProfile } from './shopProfile';

/** Retires the row's certificates and resets it for a new key, in one transaction. */
export function beginRotation(ctx: OnboardingContext, row: OnboardingRow, newShop: ShopProfile | undefined): void {
  const at = ctx.now();
  ctx.db
    .transaction(() => {
      if (row.production_serial) ctx.q.retire.run(at, 'key-rotated', row.environment, 'production', row.production_serial);
      if (row.compliance_serial) ctx.q.retire.run(at, 'key-rotated', row.environment, 'compliance', row.compliance_serial);
      ctx.apply(row.environment, rotationStarted(newShop));
    })
    .immediate();
  ctx.log.warn('onboarding.rotation-started', { environment: row.environment, retiredSerial: row.production_serial });
}

/** Step "wipe": the old key and both CSID secrets leave the keychain. */
export async function wipeStep(ctx: OnboardingContext, row: OnboardingRow): Promise<void> {
  await ctx.custody.wipe(row.environment);
  await ctx.secrets.delete(credentialsEntry(row.environment, 'compliance'));
  await ctx.secrets.delete(credentialsEntry(row.environment, 'production'));
  ctx.log.info('onboarding.wiped', { environment: row.environment });
  ctx.apply(row.environment, wiped());
}
