// SPDX-License-Identifier: UNLICENSED
// The payment panel, shown instead of the product grid while paying: presets for the cash handed over (the exact
// total, 50, 100, 200, 500), the rest on card, the cash and card fields (F8, F9, F10 fill them from the keyboard),
// the card's network and store credit from a voucher (state/tenders.ts), main's objections, and the button that
// completes the sale. Amounts are main's: the renderer adds nothing up.
import type { RefObject } from 'preact';
import { Form } from '../../components/common';
import { useI18n } from '../../components/hooks';
import type { CashierStore } from '../../state/cashierStore';
import { textOf } from '../../state/services';
import { CARD_NETWORK } from '../../labels';
import { CARD_NETWORKS } from '../../state/tenders';

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
      <NetworkChips store={store} />
      <StoreCreditRow store={store} />
      <div class="touch-row pay-actions">
        {store.tenders.balance.value ? (
          <button type="button" class="touch" data-test="remove-credit" onClick={() => void store.removeCredit()}>
            {t('removeCredit')}
          </button>
        ) : (
          <button
            type="button"
            class="touch"
            data-test="store-credit"
            aria-expanded={store.tenders.open.value}
            onClick={() => (store.tenders.open.value = !store.tenders.open.value)}
          >
            {t('storeCredit')}
          </button>
        )}
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

/** The card's network: one tap chooses it, a second tap unchooses it; Tab and Space from the keyboard. */
function NetworkChips({ store }: { readonly store: CashierStore }) {
  const { t } = useI18n();
  const chosen = store.tenders.network.value;
  return (
    <div class="touch-row networks" role="group" aria-label={t('cardNetwork')}>
      {CARD_NETWORKS.map((n) => (
        <button key={n} type="button" class="touch network" data-test={`network-${n}`} aria-pressed={chosen === n} onClick={() => void store.chooseNetwork(n)}>
          {CARD_NETWORK[n](t)}
        </button>
      ))}
    </div>
  );
}

/**
 * Store credit, unfolded by its button: the voucher's code typed or scanned (a wedge scanner's Enter applies it rather than completing the
 * sale), then as much of its balance as the sale can take, as main answers.
 */
function StoreCreditRow({ store }: { readonly store: CashierStore }) {
  const { t } = useI18n();
  const tenders = store.tenders;
  const applied = tenders.balance.value;
  if (!applied && !tenders.open.value) return null;
  // one short line: its Remove button takes the place of "Store credit" in the row below
  if (applied)
    return (
      <p class="credit-applied" data-test="credit-applied" dir="auto">
        {t('creditApplied', { code: applied.code, amount: tenders.credit.value, balance: applied.balance })}
      </p>
    );
  return (
    <div class="touch-row credit">
      <label class="field pay-field">
        <span>{t('voucherCode')}</span>
        <input
          type="text"
          autocomplete="off"
          aria-label={t('voucherCode')}
          data-test="voucher"
          dir="ltr"
          value={tenders.voucher.value}
          onInput={(e) => (tenders.voucher.value = e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            e.stopPropagation();
            void store.useCredit();
          }}
        />
      </label>
      <button type="button" class="touch" data-test="use-credit" disabled={!store.quote} onClick={() => void store.useCredit()}>
        {t('useCredit')}
      </button>
    </div>
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
