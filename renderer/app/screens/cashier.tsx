// SPDX-License-Identifier: UNLICENSED
// The till. Keyboard first: the scan field always has focus unless a payment field does. Totals come from main's
// quote (the same computation that builds the signed document): the renderer does no money arithmetic of its own.
// The state is the screen's CashierStore; the components below only render it and pass on what the cashier does.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { Form, Num } from '../components/common';
import { useApp, useAppEvents, useFocusRequests, useI18n, useScreenKeys } from '../components/hooks';
import type { CartRow, TotalsLabel } from '../state/cart';
import { printMessage } from '../state/printOutcome';
import { CashierStore } from '../state/cashierStore';
import { textOf } from '../state/services';
import type { Label } from '../labels';

type Store = { readonly store: CashierStore };

export function CashierScreen() {
  const app = useApp();
  const [store] = useState(() => new CashierStore(app));
  const scan = useRef<HTMLInputElement>(null);
  const cash = useRef<HTMLInputElement>(null);
  const card = useRef<HTMLInputElement>(null);
  useFocusRequests(store.focus, (field) => ({ scan, cash, card })[field].current);
  useScreenKeys((press) => store.keydown(press, document.activeElement === scan.current));
  useAppEvents((event) => {
    if (event.type === 'print') store.printed(event.number, event.outcome);
  });
  return (
    <section class="screen-cashier">
      <div class="till">
        <ScanForm store={store} input={scan} />
        <SearchResults store={store} />
        <LastSale store={store} />
        <div class="cart-wrap">
          <CartTable store={store} />
        </div>
      </div>
      <aside class="side">
        <Totals store={store} />
        <ApprovalNote store={store} />
        <PaymentForm store={store} cash={cash} card={card} />
      </aside>
    </section>
  );
}

function ScanForm({ store, input }: Store & { readonly input: RefObject<HTMLInputElement | null> }) {
  const { t } = useI18n();
  return (
    <Form class="scan" onSubmit={() => void store.scan()}>
      <input
        ref={input}
        type="text"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('scanPlaceholder')}
        aria-label={t('scanPlaceholder')}
        data-test="scan"
        value={store.scanText.value}
        onInput={(e) => (store.scanText.value = e.currentTarget.value)}
      />
    </Form>
  );
}

function SearchResults({ store }: Store) {
  const results = store.results.value;
  const active = store.activeResult.value;
  return (
    <ul class="results" role="listbox" data-test="results" hidden={results.length === 0}>
      {results.map((p, i) => (
        <li key={p.id} role="option" aria-selected={i === active ? 'true' : 'false'} data-test={`result-${i}`} onClick={() => void store.addProduct(p, '1')}>
          <span>{p.nameAr ? `${p.name} — ${p.nameAr}` : p.name}</span> <Num text={p.price} />
        </li>
      ))}
    </ul>
  );
}

function LastSale({ store }: Store) {
  const tr = useI18n();
  const sale = store.lastSale.value;
  const p = sale ? printMessage(sale, tr) : null;
  return (
    <section class="last-sale" aria-live="polite" data-test="last-sale">
      {sale && p ? (
        <>
          <strong>{tr.t('lastSale')}: </strong>
          <Num text={sale.document.number} cls="num doc-number" />
          {' · '}
          <Num text={sale.document.total} />
          {' · '}
          <span class="change-big">{tr.t('changeToGive', { c: sale.change })}</span>
          {' · '}
          <span class={p.ok ? 'ok' : 'error'} data-test="print-state" data-state={sale.print.state}>
            {p.text}
          </span>
        </>
      ) : null}
    </section>
  );
}

function CartTable({ store }: Store) {
  const { t } = useI18n();
  const rows = store.rows.value;
  const body = useRef<HTMLTableSectionElement>(null);
  useLayoutEffect(() => {
    body.current?.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
  }, [rows]);
  return (
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
      <td>
        <Num text={row.quantity} />
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

const TOTALS_LABEL: Readonly<Record<TotalsLabel, Label>> = {
  totalExVat: (t) => t('totalExVat'),
  vat: (t) => t('vat'),
  totalDue: (t) => t('totalDue'),
  paid: (t) => t('paid'),
  due: (t) => t('due'),
  change: (t) => t('change'),
};

function Totals({ store }: Store) {
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

function ApprovalNote({ store }: Store) {
  const { t } = useI18n();
  const approval = store.approval.value;
  return (
    <p class="approval" data-test="approval">
      {approval ? t('approved', { m: approval.by }) : ''}
    </p>
  );
}

function PaymentForm({ store, cash, card }: Store & { readonly cash: RefObject<HTMLInputElement | null>; readonly card: RefObject<HTMLInputElement | null> }) {
  const { t, locale } = useI18n();
  return (
    <Form class="payment" onSubmit={() => void store.complete()}>
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
      <ul class="problems" aria-live="polite">
        {store.problems.value.map((p, i) => (
          <li key={i}>{textOf(p, locale)}</li>
        ))}
      </ul>
      <button class="primary" type="submit" data-test="complete" disabled={store.busy.value}>
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
    <label class="field">
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
