// SPDX-License-Identifier: UNLICENSED
// The sale just completed: its number and total, how its receipt printed, and the change to give — once, and large,
// so the cashier reads it across the counter. The totals column shows no change of its own after the sale.
import { Num } from '../../components/common';
import { useI18n } from '../../components/hooks';
import type { CashierStore } from '../../state/cashierStore';
import { printMessage } from '../../state/printOutcome';

export function LastSale({ store }: { readonly store: CashierStore }) {
  const tr = useI18n();
  const sale = store.lastSale.value;
  const p = sale ? printMessage(sale, tr) : null;
  return (
    <section class="last-sale" aria-live="polite" data-test="last-sale">
      {sale && p ? (
        <>
          <span class="last-sale-facts">
            <strong>{tr.t('lastSale')}: </strong>
            <Num text={sale.document.number} cls="num doc-number" />
            {' · '}
            <Num text={sale.document.total} />
            {' · '}
            <span class={p.ok ? 'ok' : 'error'} data-test="print-state" data-state={sale.print.state}>
              {p.text}
            </span>
          </span>
          {sale.change !== '0.00' ? (
            <span class="change-big" data-test="change-to-give">
              {tr.t('changeLabel')} <Num text={sale.change} />
            </span>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
