// SPDX-License-Identifier: UNLICENSED
// Why a line leaves the cart: every void is in the audit trail with its reason (docs/cash-control.md), picked from a
// short list with one tap or typed. The reason is required — cancelling keeps the line.
import type { AppServices } from './services';

/** A reason: something other than spaces, at most 200 characters (the contract's limit for `audit.void`). */
export const VOID_REASON = /^\S[\s\S]{0,199}$/;

/** The cashier's reason for removing `item`; null when they cancel (the line then stays). */
export async function askVoidReason(services: AppServices, item: string): Promise<string | null> {
  const { t } = services.tr;
  const reason = await services.prompt({
    title: t('voidTitle', { i: item }),
    label: t('voidReasonLabel'),
    pattern: VOID_REASON,
    test: 'void-reason',
    choices: [t('voidChangedMind'), t('voidScannedTwice'), t('voidWrongItem'), t('voidDamaged'), t('voidPriceQuery')],
  });
  return reason === null ? null : reason.trim();
}
