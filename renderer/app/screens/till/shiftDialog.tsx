// SPDX-License-Identifier: UNLICENSED
// The till's shift and drawer dialog (state/tillShift.ts): open a shift with its float, paid-in, paid-out, "no sale"
// and the blind close, each a touch target. It owns the keyboard while open: the till's keys (F8 pay, Delete…)
// must not change the sale under it; Esc closes it.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Num } from '../../components/common';
import { useI18n } from '../../components/hooks';
import type { TillShift } from '../../state/tillShift';

export function ShiftDialog({ shift }: { readonly shift: TillShift }) {
  const { t, dateTime } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => dialog.current?.showModal(), []);
  const open = shift.shift.value;
  const busy = shift.busy.value;
  return (
    <dialog ref={dialog} class="prompt till-shift" data-test="till-shift" onClose={() => shift.hide()} onKeyDown={(e) => e.stopPropagation()}>
      <h2>{t('shiftDialogTitle')}</h2>
      {open === undefined ? null : open === null ? (
        <>
          <p data-test="till-shift-none">{t('tillShiftNone')}</p>
          <div class="touch-row">
            <button type="button" class="touch" data-test="till-shift-open" disabled={busy} onClick={() => void shift.openShift()}>
              {t('openShift')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p data-test="till-shift-current">
            {t('tillShiftOpen', { id: open.id, c: open.cashier, t: dateTime(open.openedAt) })} · {t('openingFloat')} <Num text={open.openingFloat} />
          </p>
          <div class="touch-row">
            <button type="button" class="touch" data-test="till-no-sale" disabled={busy} onClick={() => void shift.noSale()}>
              {t('noSale')}
            </button>
            <button type="button" class="touch" data-test="till-paid-in" disabled={busy} onClick={() => void shift.move('paid-in')}>
              {t('paidIn')}
            </button>
            <button type="button" class="touch" data-test="till-paid-out" disabled={busy} onClick={() => void shift.move('paid-out')}>
              {t('paidOut')}
            </button>
            <button type="button" class="touch" data-test="till-shift-close" disabled={busy} onClick={() => void shift.closeShift()}>
              {t('closeShift')}
            </button>
          </div>
        </>
      )}
      <div class="buttons">
        <button type="button" class="touch" data-test="till-shift-done" onClick={() => dialog.current?.close()}>
          {t('backToItems')}
        </button>
      </div>
    </dialog>
  );
}
