// SPDX-License-Identifier: UNLICENSED
// The recall panel: the held sales, oldest first, each a button with its label, item count and when it was held. A
// held sale comes back only onto an empty till, so no cart is ever lost by recalling another.
import { Num } from '../../components/common';
import { useI18n } from '../../components/hooks';
import type { CashierStore } from '../../state/cashierStore';

export function HeldPanel({ store }: { readonly store: CashierStore }) {
  const tr = useI18n();
  const { t } = tr;
  const list = store.extras.held.value ?? [];
  const busy = store.cart.value.length > 0;
  return (
    <section class="held-panel" data-test="held-panel">
      <h2>{t('heldTitle')}</h2>
      {busy ? <p class="warn-text">{t('recallNeedsEmpty')}</p> : null}
      {list.length === 0 ? <p class="muted">{t('noHeld')}</p> : null}
      <ul class="held-list">
        {list.map((h) => (
          <li key={h.id}>
            <button type="button" class="touch held-sale" data-test={`held-${h.label}`} disabled={busy} onClick={() => void store.recall(h)}>
              <strong>{h.label}</strong>
              <span class="muted">
                {t('items', { n: h.lines.length })} · <Num text={tr.dateTime(h.heldAt)} />
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="touch" data-test="held-back" onClick={() => store.extras.closeHeld()}>
        {t('backToItems')}
      </button>
    </section>
  );
}
