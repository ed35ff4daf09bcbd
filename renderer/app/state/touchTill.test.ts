// The till's touch controls without a DOM: the line buttons (one more, one less, remove), the payment panel
// (presets, rest on card), and a print outcome that arrives before the sale's own answer.
import { describe, expect, it } from 'vitest';
import { BREAD, CASHIER, DATES, fakeApi, issued, manualTimers, MANAGER, MILK, quoteFor, refused, session, settle } from '../testing/fakes';
import type { HeldSale } from '../../../app/contract/tillTypes';
import { AppStore } from './appStore';
import { CashierStore } from './cashierStore';

function till() {
  const fake = fakeApi({
    'catalog.lookup': ({ barcode }) => [MILK, BREAD, DATES].find((p) => p.barcodes.includes(barcode)) ?? null,
    'sale.quote': (input) => quoteFor(input),
    'status.get': () => ({}) as never,
  });
  const app = new AppStore(fake.api, session({ user: CASHIER, locale: 'en' }), manualTimers());
  let ids = 0;
  const store = new CashierStore(app, { newSaleId: () => `sale-${++ids}`, now: () => 1000 });
  return { fake, app, store };
}

const total = (store: CashierStore) => store.totals.value.find((r) => r.test === 'total')!.value;

describe('the touch till', () => {
  it('adds one and takes one away from a whole quantity, never below one', async () => {
    const { store } = till();
    await store.addProduct(MILK, '1');
    await store.step(1);
    await store.step(1);
    expect(store.rows.value[0]!.quantity).toBe('3');
    expect(total(store)).toBe('19.50');
    await store.step(-1);
    await store.step(-1);
    await store.step(-1);
    expect(store.rows.value[0]!.quantity).toBe('1');
    expect(total(store)).toBe('6.50');
  });

  it('leaves a weighed quantity to the quantity dialog', async () => {
    const { store } = till();
    await store.addProduct(DATES, '0.750');
    await store.step(1);
    expect(store.cart.value[0]!.quantity).toBe('0.750');
  });

  it('removes the selected line, keeps the selection on its neighbour, and closes the payment panel on an empty cart', async () => {
    const { store, app, fake } = till();
    fake.answer({ 'audit.void': async () => ({ recorded: true }) });
    // each removal asks why (voidTrail.test.ts); one tap on a reason answers
    const remove = async () => {
      const removing = store.removeSelected();
      const dialog = app.dialog.value;
      if (dialog?.kind === 'prompt') app.closeDialog(dialog.id, dialog.options.choices![0]!);
      return removing;
    };
    await store.addProduct(MILK, '1');
    await store.addProduct(BREAD, '1');
    store.select(0);
    expect(await remove()).toBe(true);
    await settle();
    expect(store.rows.value.map((r) => [r.name, r.selected])).toEqual([['Bread', true]]);
    store.openPayment();
    expect(store.paying.value).toBe(true);
    await remove();
    await settle();
    expect([store.cart.value.length, store.paying.value]).toEqual([0, false]);
    expect(await remove()).toBe(false);
  });

  it('fills the cash handed over from a preset, and puts what is still due on the card', async () => {
    const { store, fake } = till();
    await store.addProduct(DATES, '2'); // 79.98
    store.openPayment();
    store.tender('exact');
    await settle();
    expect([store.cash.value, store.card.value]).toEqual(['79.98', '']);
    store.tender('100');
    await settle();
    expect(store.quote?.change).toBe('20.02');
    store.tender('50');
    await settle();
    expect(store.quote?.due).toBe('29.98');
    await store.restOnCard();
    expect([store.cash.value, store.card.value]).toEqual(['50', '29.98']);
    expect(store.quote?.due).toBe('0.00');
    expect(fake.callsOf('sale.quote').at(-1)!.payments).toEqual([
      { method: 'cash', amount: '50' },
      { method: 'card', amount: '29.98' },
    ]);
    // tapped again: the same split, not a second card amount
    await store.restOnCard();
    expect([store.cash.value, store.card.value]).toEqual(['50', '29.98']);
    // paid in full by cash: nothing goes on the card
    store.tender('100');
    await store.restOnCard();
    expect([store.cash.value, store.card.value]).toEqual(['100', '']);
  });

  it('keeps a print outcome that arrives before the sale is answered', async () => {
    const { store, fake } = till();
    let answer: (() => void) | undefined;
    fake.answer({
      'sale.complete': () =>
        new Promise((resolve) => {
          answer = () => resolve(issued('T1-000009', '6.50', '0.00', { state: 'printing', message: null }));
        }),
    });
    await store.addProduct(MILK, '1');
    store.setPayment('cash', '6.50');
    await settle();
    const done = store.complete();
    await settle();
    store.printed('T1-000009', { state: 'printed', message: null });
    answer!();
    await done;
    expect(store.lastSale.value?.print).toEqual({ state: 'printed', message: null });
    expect(store.paying.value).toBe(false);
  });

  it('adds a product from a quick key, and shows the keys of one category at a time', async () => {
    const { store, fake } = till();
    fake.answer({
      'quickKeys.get': () => [
        { productId: BREAD.id, name: BREAD.name, nameAr: BREAD.nameAr, price: BREAD.price, category: 'مخبز | Bakery', colour: 'amber' },
        { productId: MILK.id, name: MILK.name, nameAr: MILK.nameAr, price: MILK.price, category: 'ألبان | Dairy', colour: 'blue' },
      ],
    });
    await store.extras.loadKeys();
    expect(store.extras.categories.value).toEqual(['مخبز | Bakery', 'ألبان | Dairy']);
    expect(store.extras.shownKeys.value.map((k) => k.name)).toEqual(['Bread']);
    store.extras.category.value = 'ألبان | Dairy';
    const milk = store.extras.shownKeys.value[0]!;
    await store.tapKey(milk);
    await store.tapKey(milk);
    expect(store.rows.value.map((r) => [r.name, r.quantity])).toEqual([['Fresh milk', '2']]);
  });

  it('holds the cart under a label and frees the till; recalls it only onto an empty till', async () => {
    const { store, fake, app } = till();
    const held: HeldSale[] = [];
    fake.answer({
      'held.hold': ({ label, lines }) => {
        const sale = {
          id: held.length + 1,
          label,
          heldAt: '2026-11-23T10:00:00Z',
          lines: lines.map((l) => ({ ...l, name: 'Fresh milk', nameAr: 'حليب طازج' })),
        };
        held.push(sale);
        return sale;
      },
      'held.list': () => held,
      'held.recall': ({ id }) =>
        held.splice(
          held.findIndex((h) => h.id === id),
          1,
        )[0]!,
    });
    await store.addProduct(MILK, '2');
    await store.addProduct(BREAD, '1', '2300123012507'); // a price label: held and recalled as its barcode
    const holding = store.hold();
    await settle();
    const dialog = app.dialog.value!;
    expect(dialog.kind).toBe('prompt');
    app.closeDialog(dialog.id, 'Abu Khalid ');
    await holding;
    expect(fake.callsOf('held.hold')).toEqual([
      {
        label: 'Abu Khalid',
        lines: [
          { productId: MILK.id, quantity: '2' },
          { productId: BREAD.id, quantity: '1', labelBarcode: '2300123012507' },
        ],
      },
    ]);
    expect(store.cart.value).toEqual([]);
    expect(store.currentSaleId).toBe('sale-2');
    // a new customer on the till: the held sale waits
    await store.addProduct(BREAD, '1');
    await store.extras.openHeld();
    await store.recall(held[0]!);
    expect(fake.callsOf('held.recall')).toEqual([]);
    store.reset();
    await store.recall(held[0]!);
    expect(store.rows.value.map((r) => [r.name, r.quantity])).toEqual([
      ['Fresh milk', '2'],
      ['Fresh milk', '1'],
    ]);
    expect(store.cart.value[1]!.labelBarcode).toBe('2300123012507');
    expect(store.extras.held.value).toBeNull();
    expect(held).toEqual([]);
  });

  it('keeps the manager PIN dialog open on a wrong PIN, saying why, and approves on the right one', async () => {
    const { store, fake, app } = till();
    fake.answer({
      'approval.request': ({ pin }) => {
        if (pin !== '8642') throw refused('wrong-pin', 'approval.wrong-pin');
        return { approvalId: '6f1c7a52-2d6b-4f59-8b43-4c1b8f0c2a11', managerName: 'Manager', expiresAt: '2099-01-01T00:00:00Z' };
      },
    });
    await store.addProduct(MILK, '1');
    const editing = store.editSelected('price');
    await settle();
    const dialog = app.dialog.value!;
    app.closeDialog(dialog.id, '1111');
    await settle();
    expect(app.dialog.value).toMatchObject({ id: dialog.id, problem: expect.stringContaining('PIN') });
    app.closeDialog(dialog.id, '8642');
    await settle();
    // approved: the next dialog asks for the new price
    expect(app.dialog.value).toMatchObject({ kind: 'prompt', options: { test: 'price-input' } });
    expect(store.approval.value?.by).toBe('Manager');
    app.closeDialog(app.dialog.value!.id, null);
    await editing;
    expect(fake.callsOf('approval.request').map((c) => c.pin)).toEqual(['1111', '8642']);
  });

  it('lets a manager signed in at the till approve with one tap, no PIN asked', async () => {
    const fake = fakeApi({
      'sale.quote': (input) => quoteFor(input),
      'status.get': () => ({}) as never,
      'approval.self': ({ purpose }) => ({
        approvalId: `0e6f1c2a-${purpose.length}b1d-4c3e-9a7f-2b8c4d6e8f10`,
        managerName: 'Manager',
        expiresAt: '2099-01-01T00:00:00Z',
      }),
    });
    const app = new AppStore(fake.api, session({ user: MANAGER, locale: 'en' }), manualTimers());
    const store = new CashierStore(app, { newSaleId: () => 'sale-1', now: () => 1000 });
    await store.addProduct(MILK, '1');
    const editing = store.editSelected('price');
    await settle();
    expect(fake.callsOf('approval.self')).toEqual([{ purpose: 'price-override' }]);
    expect(app.dialog.value).toMatchObject({ options: { test: 'price-input' } }); // straight to the amount
    app.closeDialog(app.dialog.value!.id, null);
    await editing;
    expect(fake.callsOf('approval.request')).toEqual([]);
  });
});
