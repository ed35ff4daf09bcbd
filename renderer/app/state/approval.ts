// SPDX-License-Identifier: UNLICENSED
// A manager's approval at the till: their PIN asked in a dialog, checked by main, which answers with an approval
// for one purpose that expires. Price overrides, discounts, returns and debit notes need one.
import type { Approval } from '../../../app/contract/types';
import type { Services } from './services';

export type ApprovalPurpose = 'price-override' | 'discount' | 'return' | 'debit-note';

/** Asks for a manager's PIN; undefined when cancelled or refused (main's reason is shown). */
export async function askManagerApproval(services: Services, purpose: ApprovalPurpose): Promise<Approval | undefined> {
  const { t } = services.tr;
  const pin = await services.prompt({
    title: t('managerPin'),
    label: t('pin'),
    type: 'password',
    inputMode: 'numeric',
    pattern: /^\d{4,8}$/,
    test: 'manager-pin',
  });
  if (!pin) return undefined;
  return services.attempt(() => services.api['approval.request']({ pin, purpose }));
}
