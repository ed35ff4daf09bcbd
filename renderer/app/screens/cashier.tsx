// SPDX-License-Identifier: UNLICENSED
// The till, by touch or keyboard. A fixed layout: the scan field, the total and the payment never leave the screen;
// only the cart scrolls. Every action has a button of at least 44 px (renderer/app/styles.css, "Touch till") and
// keeps its key. Totals come from main's quote (the same computation that builds the signed document): the renderer
// does no money arithmetic of its own. The state is the screen's CashierStore; each panel is its own component
// under screens/till/.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp, useAppEvents, useFocusRequests, useI18n, useScreenKeys } from '../components/hooks';
import { B2bStore } from '../state/b2bStore';
import { CashierStore } from '../state/cashierStore';
import { keepCartInMain } from '../state/openCart';
import { CartTable } from './till/cartPanel';
import { B2bChoice, ClearanceDialog } from './till/clearanceDialog';
import { HeldPanel } from './till/heldPanel';
import { LastSale } from './till/lastSale';
import { LineActions } from './till/lineActions';
import { PaymentPanel } from './till/paymentPanel';
import { PreparingBanner } from './till/preparingBanner';
import { PrinterBanner } from './till/printerBanner';
import { ProductGrid } from './till/productGrid';
import { ScanForm, SearchResults } from './till/scanBar';
import { TillActions } from './till/tillActions';
import { ApprovalNote, Totals } from './till/totalsPanel';

type Store = { readonly store: CashierStore };

export function CashierScreen() {
  const app = useApp();
  const [store] = useState(() => new CashierStore(app));
  const [b2b] = useState(() => new B2bStore(app, store));
  const scan = useRef<HTMLInputElement>(null);
  const cash = useRef<HTMLInputElement>(null);
  const card = useRef<HTMLInputElement>(null);
  useFocusRequests(store.focus, (field) => ({ scan, cash, card })[field].current);
  // the B2B dialog owns the keyboard while it is open: the till's keys must not change the sale under it
  useScreenKeys((press) => !b2b.open.value && store.keydown(press, document.activeElement === scan.current));
  useAppEvents((event) => {
    if (event.type === 'print') store.printed(event.number, event.outcome);
  });
  useEffect(() => void store.extras.loadKeys(), [store]);
  // the cart lives in main: a reload or a crash gives it back (docs/catalog.md)
  useEffect(() => keepCartInMain(store, app.api), [store]);
  return (
    <section class="screen-cashier">
      <div class="till">
        <PreparingBanner />
        <PrinterBanner />
        <div class="scan-area">
          <ScanForm store={store} input={scan} />
          <SearchResults store={store} />
        </div>
        <LastSale store={store} />
        <CartTable store={store} />
        <LineActions store={store} />
        <TillActions store={store} onHold={() => void store.hold()} onRecall={() => void store.extras.openHeld()} />
      </div>
      <aside class="side">
        <Totals store={store} />
        <ApprovalNote store={store} />
        {store.paying.value ? (
          <>
            <PaymentPanel store={store} cash={cash} card={card} />
            <B2bChoice b2b={b2b} />
          </>
        ) : store.extras.held.value ? (
          <HeldPanel store={store} />
        ) : (
          <Products store={store} />
        )}
      </aside>
      {b2b.open.value ? <ClearanceDialog b2b={b2b} /> : null}
    </section>
  );
}

function Products({ store }: Store) {
  const { t } = useI18n();
  return (
    <div class="products">
      <ProductGrid store={store} />
      <button type="button" class="primary touch pay" data-test="pay" disabled={store.cart.value.length === 0} onClick={() => store.openPayment()}>
        {`${t('pay')} (F8)`}
      </button>
    </div>
  );
}
