// SPDX-License-Identifier: UNLICENSED
// The cart: the only part of the till that scrolls (the scan field, the total and the payment stay on screen at
// 1024×768). A tap selects a line for the line buttons below it, as ↑/↓ do from the keyboard.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Num } from '../../components/common';
import { useI18n } from '../../components/hooks';
import type { CartRow } from '../../state/cart';
import type { CashierStore } from '../../state/cashierStore';
import { UnitWord } from '../manager/csvPreview';

export function CartTable({ store }: { readonly store: CashierStore }) {
  const { t } = useI18n();
  const rows = store.rows.value;
  const body = useRef<HTMLTableSectionElement>(null);
  useLayoutEffect(() => {
    body.current?.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
  }, [rows]);
  return (
    <div class="cart-wrap" data-test="cart-scroll">
      <table class="cart">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('item')}</th>
            <th>{t('qty')}</th>
            <th>{t('price')}</th>
            <th>{t('discount')}</th>
            <th>{t('total')}</th>
          </tr>
        </thead>
        <tbody ref={body} data-test="cart">
          {rows.length === 0 ? (
            <tr class="empty">
              <td colspan={6}>{t('emptyCart')}</td>
            </tr>
          ) : (
            rows.map((row) => <CartLine key={row.index} row={row} onSelect={() => store.select(row.index)} />)
          )}
        </tbody>
      </table>
    </div>
  );
}

function CartLine({ row, onSelect }: { readonly row: CartRow; readonly onSelect: () => void }) {
  return (
    <tr class={row.selected ? 'selected' : undefined} aria-selected={row.selected ? 'true' : 'false'} data-test={`line-${row.index}`} onClick={onSelect}>
      <td>
        <Num text={String(row.index + 1)} />
      </td>
      <td class="name">
        {row.name}
        {row.overridden ? <span class="badge"> ✎</span> : null}
      </td>
      <td data-test={`qty-${row.index}`}>
        <Num text={row.quantity} />
        {row.unit ? (
          <span class="unit" data-test={`unit-${row.index}`}>
            {' '}
            <UnitWord unit={row.unit} />
          </span>
        ) : null}
      </td>
      <td>
        <Num text={row.unitPrice} />
      </td>
      <td>{row.discount ? <Num text={row.discount} /> : ''}</td>
      <td>
        <Num text={row.lineTotal} />
      </td>
    </tr>
  );
}
