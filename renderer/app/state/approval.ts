// SPDX-License-Identifier: UNLICENSED
// A manager's approval at the till, for one purpose, which main grants for a few minutes. Price overrides,
// discounts, returns and debit notes need one. A manager signed in at this till approves with one tap (their
// sign-in was their PIN); anyone else asks the manager for their PIN in a dialog that stays open on a wrong PIN,
// saying why, until it is right or cancelled.
import type { Approval } from '../../../app/contract/types';
import type { AppServices } from './services';

export type ApprovalPurpose = 'price-override' | 'discount' | 'return' | 'debit-note' | 'drawer-open';

/** The approval; undefined when cancelled or refused (main's reason is shown). */
export async function askManagerApproval(services: AppServices, purpose: ApprovalPurpose): Promise<Approval | undefined> {
  if (services.session.peek().user?.role === 'manager') return services.attempt(() => services.api['approval.self']({ purpose }));
  const { t } = services.tr;
  let granted: Approval | undefined;
  const pin = await services.prompt({
    title: t('managerPin'),
    label: t('pin'),
    type: 'password',
    inputMode: 'numeric',
    pattern: /^\d{4,8}$/,
    test: 'manager-pin',
    check: async (value) => {
      try {
        granted = await services.api['approval.request']({ pin: value, purpose });
        return null;
      } catch (e) {
        return services.errorText(e);
      }
    },
  });
  return pin === null ? undefined : granted;
}
