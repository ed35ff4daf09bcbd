// SPDX-License-Identifier: UNLICENSED
// The till's own buttons: a new sale, hold and recall, receipts and the manager screen — each what its key does —
// and the shift and drawer (shiftDialog.tsx).
import { useState } from 'preact/hooks';
import { useApp, useI18n } from '../../components/hooks';
import { customerDisplayUrl } from '../../api';
import type { CashierStore } from '../../state/cashierStore';
import { TillShift } from '../../state/tillShift';
import { ShiftDialog } from './shiftDialog';

export function TillActions({ store, onHold, onRecall }: { readonly store: CashierStore; readonly onHold: () => void; readonly onRecall: () => void }) {
  const { t } = useI18n();
  const app = useApp();
  const [shift] = useState(() => new TillShift(app));
  const empty = store.cart.value.length === 0;
  const display = customerDisplayUrl();
  return (
    <div class="till-actions touch-row" role="toolbar" aria-label={t('tillActions')}>
      <button type="button" class="touch" data-test="new-sale" disabled={empty} onClick={() => void store.newSale()}>
        {`${t('newSale')} (Alt+N)`}
      </button>
      <button type="button" class="touch" data-test="hold" disabled={empty} onClick={onHold}>
        {t('hold')}
      </button>
      <button type="button" class="touch" data-test="recall" onClick={onRecall}>
        {t('recall')}
      </button>
      <button type="button" class="touch" data-test="go-receipts" onClick={() => store.goTo('receipts')}>
        {`${t('receiptsShort')} (F6)`}
      </button>
      <button type="button" class="touch" data-test="go-manager" onClick={() => store.goTo('manager')}>
        {`${t('managerTitle')} (F7)`}
      </button>
      <button type="button" class="touch" data-test="till-shift-button" disabled={shift.shown.value} onClick={() => void shift.show()}>
        {t('shiftButton')}
      </button>
      {shift.shown.value ? <ShiftDialog shift={shift} /> : null}
      {display ? (
        <button type="button" class="touch" data-test="open-display" onClick={() => window.open(display, 'dukkan-customer-display')}>
          {t('customerDisplay')}
        </button>
      ) : null}
    </div>
  );
}
