// SPDX-License-Identifier: UNLICENSED
// The totals column, always on screen: the grand total large, what is still to pay, and the change only while there
// is change to give (a "Change 0.00" beside "Change to give" after a sale said two things at once).
import { Num } from '../../components/common';
import { useI18n } from '../../components/hooks';
import type { TotalsLabel } from '../../state/cart';
import type { CashierStore } from '../../state/cashierStore';
import type { Label } from '../../labels';

const TOTALS_LABEL: Readonly<Record<TotalsLabel, Label>> = {
  totalExVat: (t) => t('totalExVat'),
  vat: (t) => t('vat'),
  totalDue: (t) => t('totalDue'),
  paid: (t) => t('paid'),
  due: (t) => t('due'),
  change: (t) => t('change'),
};

export function Totals({ store }: { readonly store: CashierStore }) {
  const { t } = useI18n();
  return (
    <dl class="totals" data-test="totals">
      {store.totals.value.map((row) => [
        <dt key={`${row.label}-t`} class={row.cls || undefined}>
          {TOTALS_LABEL[row.label](t)}
        </dt>,
        <dd key={`${row.label}-d`} class={row.cls || undefined} data-test={row.test}>
          <Num text={row.value} />
        </dd>,
      ])}
    </dl>
  );
}

export function ApprovalNote({ store }: { readonly store: CashierStore }) {
  const { t } = useI18n();
  const approval = store.approval.value;
  return (
    <p class="approval" data-test="approval">
      {approval ? t('approved', { m: approval.by }) : ''}
    </p>
  );
}
