// SPDX-License-Identifier: UNLICENSED
// The selected line's buttons, for a touch terminal: one less, one more, quantity, price, discount, remove. Each
// does what its key does (F2, F3, F4, Delete), and says the key, so a cashier learns the keyboard from the screen.
import { useI18n } from '../../components/hooks';
import type { CashierStore } from '../../state/cashierStore';

export function LineActions({ store }: { readonly store: CashierStore }) {
  const { t } = useI18n();
  const none = !store.cart.value[store.selected.value];
  return (
    <div class="line-actions touch-row" role="toolbar" aria-label={t('lineActions')}>
      <button type="button" class="touch" data-test="line-minus" aria-label={t('oneLess')} disabled={none} onClick={() => void store.step(-1)}>
        −
      </button>
      <button type="button" class="touch" data-test="line-plus" aria-label={t('oneMore')} disabled={none} onClick={() => void store.step(1)}>
        +
      </button>
      <button type="button" class="touch" data-test="line-qty" disabled={none} onClick={() => void store.editSelected('quantity')}>
        {`${t('qty')} (F2)`}
      </button>
      <button type="button" class="touch" data-test="line-price" disabled={none} onClick={() => void store.editSelected('price')}>
        {`${t('price')} (F3)`}
      </button>
      <button type="button" class="touch" data-test="line-discount" disabled={none} onClick={() => void store.editSelected('discount')}>
        {`${t('discount')} (F4)`}
      </button>
      <button type="button" class="touch danger" data-test="line-remove" disabled={none} onClick={() => void store.removeSelected()}>
        {`${t('remove')} (Del)`}
      </button>
    </div>
  );
}
