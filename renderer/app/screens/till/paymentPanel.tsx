// SPDX-License-Identifier: UNLICENSED
// The payment panel, shown instead of the product grid while paying: presets for the cash handed over (the exact
// total, 50, 100, 200, 500), the rest on card, the cash and card fields (F8, F9, F10 fill them from the keyboard),
// main's objections, and the button that completes the sale. Amounts are main's: the renderer adds nothing up.
import type { RefObject } from 'preact';
import { Form } from '../../components/common';
import { useI18n } from '../../components/hooks';
import type { CashierStore } from '../../state/cashierStore';
import { textOf } from '../../state/services';

const NOTES = ['50', '100', '200', '500'] as const;

interface Props {
  readonly store: CashierStore;
  readonly cash: RefObject<HTMLInputElement | null>;
  readonly card: RefObject<HTMLInputElement | null>;
}

export function PaymentPanel({ store, cash, card }: Props) {
  const { t, locale } = useI18n();
  const quote = store.quote;
  return (
    <Form class="payment" data-test="payment-panel" onSubmit={() => void store.complete()}>
      <div class="presets touch-row" role="group" aria-label={t('cashHanded')}>
        <button type="button" class="touch" data-test="tender-exact" disabled={!quote} onClick={() => store.tender('exact')}>
          {t('exact')}
        </button>
        {NOTES.map((n) => (
          <button key={n} type="button" class="touch" data-test={`tender-${n}`} disabled={!quote} dir="ltr" onClick={() => store.tender(n)}>
            {n}
          </button>
        ))}
      </div>
      <PaymentField
        label={`${t('cash')} (F8)`}
        name={t('cash')}
        test="cash"
        input={cash}
        value={store.cash.value}
        onInput={(v) => store.setPayment('cash', v)}
      />
      <PaymentField
        label={`${t('card')} (F9)`}
        name={t('card')}
        test="card"
        input={card}
        value={store.card.value}
        onInput={(v) => store.setPayment('card', v)}
      />
      <div class="touch-row">
        <button type="button" class="touch" data-test="rest-on-card" disabled={!quote} onClick={() => void store.restOnCard()}>
          {t('restOnCard')}
        </button>
        <button type="button" class="touch" data-test="pay-back" onClick={() => store.closePayment()}>
          {t('backToItems')}
        </button>
      </div>
      <ul class="problems" aria-live="polite">
        {store.problems.value.map((p, i) => (
          <li key={i}>{textOf(p, locale)}</li>
        ))}
      </ul>
      <button class="primary touch complete" type="submit" data-test="complete" disabled={store.busy.value}>
        {`${t('complete')} (Enter)`}
      </button>
    </Form>
  );
}

interface PaymentFieldProps {
  readonly label: string;
  readonly name: string;
  readonly test: string;
  readonly input: RefObject<HTMLInputElement | null>;
  readonly value: string;
  readonly onInput: (value: string) => void;
}

function PaymentField({ label, name, test, input, value, onInput }: PaymentFieldProps) {
  return (
    <label class="field pay-field">
      <span>{label}</span>
      <input
        ref={input}
        type="text"
        inputMode="decimal"
        autocomplete="off"
        aria-label={name}
        data-test={test}
        dir="ltr"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </label>
  );
}
