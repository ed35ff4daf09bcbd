// The till's state without a DOM: scans, quotes (only the latest answer counts, and the table and totals always
// show one answer), the payment split, completing a sale once and only once, and the till's keys.
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../app/contract/types';
import { BREAD, CASHIER, DATES, fakeApi, issued, manualTimers, MILK, quoteFor, refused, session, settle } from '../testing/fakes';
import { AppStore } from './appStore';
import { CashierStore } from './cashierStore';

const CATALOG = [MILK, BREAD, DATES];
const key = (k: string, altKey = false) => ({ key: k, altKey });

function till(options: { locale?: 'en' | 'ar' } = {}) {
  const fake = fakeApi({
    'catalog.lookup': ({ barcode }) => CATALOG.find((p) => p.barcodes.includes(barcode)) ?? null,
    'catalog.search': ({ query }) => CATALOG.filter((p) => p.name.toLowerCase().includes(query.toLowerCase())),
    'sale.quote': (input) => quoteFor(input),
    'status.get': () => {
      throw refused('internal', 'api.internal');
    },
  });
  const app = new AppStore(fake.api, session({ user: CASHIER, locale: options.locale ?? 'en' }), manualTimers());
  let ids = 0;
  const store = new CashierStore(app, { newSaleId: () => `sale-${++ids}`, now: () => 1000 });
  const scan = async (text: string) => {
    store.scanText.value = text;
    await store.scan();
    await settle();
  };
  return { fake, app, store, scan };
}

describe('the till', () => {
  it('starts empty with the scan field ready', () => {
    const { store } = till();
    expect(store.rows.value).toEqual([]);
    expect(store.totals.value.find((r) => r.test === 'total')!.value).toBe('0.00');
    expect(store.focus.request.value).toMatchObject({ target: 'scan', select: false });
  });

  it('rings up barcodes, merges the same product and shows the quoted cart', async () => {
    const { store, scan, fake } = till();
    await scan(MILK.barcodes[0]!);
    await scan(BREAD.barcodes[0]!);
    await scan(`2*${MILK.barcodes[0]!}`);
    expect(store.rows.value.map((r) => [r.name, r.quantity, r.lineTotal, r.selected])).toEqual([
      ['Fresh milk', '3', '19.50', true],
      ['Bread', '1', '3.00', false],
    ]);
    expect(store.totals.value.find((r) => r.test === 'total')!.value).toBe('22.50');
    expect(store.scanText.value).toBe('');
    expect(fake.callsOf('sale.quote').at(-1)).toEqual({
      lines: [
        { productId: 1, quantity: '3' },
        { productId: 2, quantity: '1' },
      ],
      payments: [],
    });
  });

  it('shows a new line only with the quote that includes it, and ignores an answer overtaken by a newer one', async () => {
    const { store, fake } = till();
    const answers: ((q: Quote) => void)[] = [];
    fake.answer({ 'sale.quote': () => new Promise<Quote>((resolve) => answers.push(resolve)) });
    const first = store.addProduct(MILK, '1');
    const second = store.addProduct(BREAD, '1');
    expect(store.rows.value).toEqual([]); // nothing quoted yet: nothing half-shown
    answers[1]!(
      quoteFor({
        lines: [
          { productId: 1, quantity: '1' },
          { productId: 2, quantity: '1' },
        ],
        payments: [],
      }),
    );
    await second;
    expect(store.rows.value.map((r) => r.name)).toEqual(['Fresh milk', 'Bread']);
    answers[0]!(quoteFor({ lines: [{ productId: 1, quantity: '1' }], payments: [] }));
    await first;
    expect(store.rows.value.map((r) => r.name)).toEqual(['Fresh milk', 'Bread']);
    expect(store.quote!.total).toBe('9.50');
  });

  it('puts an unknown code back in the scan field, selected, and says so', async () => {
    const { store, scan, app } = till();
    await scan('nothing-like-this');
    expect(store.scanText.value).toBe('nothing-like-this');
    expect(store.focus.request.value).toMatchObject({ target: 'scan', select: true });
    expect(app.toastState.value).toMatchObject({ visible: true, kind: 'error', text: 'Nothing found for "nothing-like-this"' });
  });

  it('lists several matches; ↓ and Enter take the highlighted one with the quantity typed', async () => {
    const { store, scan } = till();
    await scan('2*e'); // Fresh milk, Bread, Dates
    expect(store.results.value.map((p) => p.name)).toEqual(['Fresh milk', 'Bread', 'Dates 1 kg']);
    expect(store.keydown(key('ArrowDown'), true)).toBe(true);
    expect(store.keydown(key('ArrowDown'), true)).toBe(true);
    expect(store.activeResult.value).toBe(2);
    await store.scan(); // Enter again on the same text
    await settle();
    expect(store.results.value).toEqual([]);
    expect(store.rows.value.map((r) => [r.name, r.quantity])).toEqual([['Dates 1 kg', '2']]);
  });

  it('Esc closes the results, then empties the scan field, and from elsewhere brings the keyboard back', async () => {
    const { store, scan } = till();
    await scan('e');
    store.keydown(key('Escape'), true);
    expect(store.results.value).toEqual([]);
    expect(store.scanText.value).toBe('e');
    store.keydown(key('Escape'), true);
    expect(store.scanText.value).toBe('');
    store.keydown(key('Escape'), false);
    expect(store.focus.request.value).toMatchObject({ target: 'scan' });
  });

  it('Del removes the selected line when the scan field is empty', async () => {
    const { store, scan, app, fake } = till();
    fake.answer({ 'audit.void': async () => ({ recorded: true }) });
    await scan(MILK.barcodes[0]!);
    await scan(BREAD.barcodes[0]!);
    store.keydown(key('ArrowUp'), true);
    expect(store.selected.value).toBe(0);
    store.scanText.value = 'x';
    expect(store.keydown(key('Delete'), true)).toBe(false);
    store.scanText.value = '';
    expect(store.keydown(key('Delete'), true)).toBe(true);
    // the reason comes first (voidTrail.test.ts)
    app.closeDialog(app.dialog.value!.id, 'Scanned twice');
    await settle();
    expect(store.rows.value.map((r) => r.name)).toEqual(['Bread']);
    expect(store.selected.value).toBe(0);
  });
});

describe('paying', () => {
  async function withMilk() {
    const t = till();
    await t.scan(`3*${MILK.barcodes[0]!}`);
    return t;
  }

  it('F8: the total in cash, selected so the amount handed over replaces it', async () => {
    const { store } = await withMilk();
    store.card.value = '5.00';
    store.keydown(key('F8'), true);
    expect([store.cash.value, store.card.value]).toEqual(['19.50', '']);
    expect(store.focus.request.value).toMatchObject({ target: 'cash', select: true });
    store.setPayment('cash', '20');
    await settle();
    expect(store.totals.value.find((r) => r.test === 'change')!.value).toBe('0.50');
    expect(store.totals.value.find((r) => r.test === 'due')!.value).toBe('0.00');
  });

  it('F9: all by card, the card field takes the keyboard once requoted', async () => {
    const { store, fake } = await withMilk();
    store.cash.value = '50';
    store.keydown(key('F9'), true);
    expect([store.cash.value, store.card.value]).toEqual(['', '19.50']);
    await settle();
    expect(store.focus.request.value).toMatchObject({ target: 'card', select: false });
    expect(fake.callsOf('sale.quote').at(-1)!.payments).toEqual([{ method: 'card', amount: '19.50' }]);
  });

  it('F10: split — the card amount stays, cash is typed for the rest, and both are sent', async () => {
    const { store, fake } = await withMilk();
    store.setPayment('card', '10.00');
    store.cash.value = '99';
    store.keydown(key('F10'), true);
    expect([store.cash.value, store.card.value]).toEqual(['', '10.00']);
    expect(store.focus.request.value).toMatchObject({ target: 'cash', select: true });
    await settle();
    expect(store.problems.value).toEqual([{ reason: 'sale.amount-due', params: { due: '9.50' } }]);
    store.setPayment('cash', '9.50');
    await settle();
    expect(fake.callsOf('sale.quote').at(-1)!.payments).toEqual([
      { method: 'cash', amount: '9.50' },
      { method: 'card', amount: '10.00' },
    ]);
    expect(store.quote!.complete).toBe(true);
    expect(store.problems.value).toEqual([]);
  });

  it('a code still being looked up when F8 is pressed joins the sale; the cash field keeps the keyboard', async () => {
    const { store, fake } = await withMilk();
    let answer: (p: typeof BREAD) => void = () => undefined;
    fake.answer({ 'catalog.lookup': () => new Promise<typeof BREAD>((resolve) => (answer = resolve)) });
    store.scanText.value = BREAD.barcodes[0]!;
    const scanned = store.scan();
    store.keydown(key('F8'), true);
    expect(store.focus.request.value).toMatchObject({ target: 'cash' });
    answer(BREAD);
    await scanned;
    await settle();
    expect(store.rows.value.map((r) => r.name)).toEqual(['Fresh milk', 'Bread']);
    expect(store.paying.value).toBe(true);
    expect(store.focus.request.value).toMatchObject({ target: 'cash' });
    // the cash typed for the old total no longer covers the sale: main's quote says what is still due
    store.setPayment('cash', '19.50');
    await settle();
    expect(store.totals.value.find((r) => r.test === 'due')!.value).toBe('3.00');
  });

  it('does nothing on F8 before anything is quoted', () => {
    const { store } = till();
    store.keydown(key('F8'), true);
    expect([store.cash.value, store.card.value]).toEqual(['', '']);
  });
});

describe('completing a sale', () => {
  it('refuses while something is still to pay, with main’s reason', async () => {
    const { store, scan, app, fake } = till();
    await scan(MILK.barcodes[0]!);
    store.setPayment('cash', '5');
    await store.complete();
    expect(app.toastState.value).toMatchObject({ kind: 'error', text: '1.50 still to pay.' });
    expect(fake.callsOf('sale.complete')).toEqual([]);
  });

  it('issues once, shows the last sale and starts a new, empty sale with a new id', async () => {
    const { store, scan, app, fake } = till();
    fake.answer({ 'sale.complete': () => issued('T1-000007', '6.50', '3.50') });
    await scan(MILK.barcodes[0]!);
    store.setPayment('cash', '10');
    const done = store.complete();
    void store.complete(); // Enter pressed twice: still one sale
    await done;
    expect(fake.callsOf('sale.complete')).toEqual([
      { lines: [{ productId: 1, quantity: '1' }], payments: [{ method: 'cash', amount: '10' }], saleId: 'sale-1' },
    ]);
    expect(app.toastState.value).toMatchObject({ kind: 'ok', text: 'Sale T1-000007 done · Change to give: 3.50 · Receipt printed' });
    expect(store.lastSale.value?.document.number).toBe('T1-000007');
    expect(store.rows.value).toEqual([]);
    expect([store.cash.value, store.card.value, store.currentSaleId]).toEqual(['', '', 'sale-2']);
    store.printed('T1-000007', { state: 'failed', message: 'paper out' });
    expect(store.lastSale.value?.print).toEqual({ state: 'failed', message: 'paper out' });
  });

  it('keeps the sale and its id when main refuses, so trying again cannot issue it twice', async () => {
    const { store, scan, app, fake } = till();
    fake.answer({
      'sale.complete': () => {
        throw refused('rejected', 'ledger.storage-full');
      },
    });
    await scan(MILK.barcodes[0]!);
    store.setPayment('cash', '10');
    await store.complete();
    expect(app.toastState.value).toMatchObject({ kind: 'error', text: expect.stringMatching(/^The disk \(or database\) is full/) });
    expect(store.rows.value).toHaveLength(1);
    expect(store.currentSaleId).toBe('sale-1');
    expect(store.busy.value).toBe(false);
  });
});

describe('manager approval and line edits', () => {
  it('asks for the manager PIN once for a price change, then the new price', async () => {
    const { store, scan, app, fake } = till();
    fake.answer({ 'approval.request': () => ({ approvalId: 'a-1', managerName: 'Manager', expiresAt: new Date(60_000).toISOString() }) });
    await scan(MILK.barcodes[0]!);
    const editing = store.keydown(key('F3'), true);
    expect(editing).toBe(true);
    await settle();
    const pin = app.dialog.value!;
    expect(pin).toMatchObject({ kind: 'prompt', options: { test: 'manager-pin', type: 'password' } });
    app.closeDialog(pin.id, '1234');
    await settle();
    const price = app.dialog.value!;
    expect(price).toMatchObject({ kind: 'prompt', options: { test: 'price-input', value: '6.50' } });
    app.closeDialog(price.id, '5.00');
    await settle();
    expect(fake.callsOf('approval.request')).toEqual([{ pin: '1234', purpose: 'price-override' }]);
    expect(fake.callsOf('sale.quote').at(-1)).toMatchObject({ lines: [{ productId: 1, quantity: '1', unitPrice: '5.00' }], approvalId: 'a-1' });
    expect(store.rows.value[0]).toMatchObject({ unitPrice: '5.00', overridden: true });
    expect(store.approval.value?.by).toBe('Manager');
  });

  it('changes nothing when the prompt is cancelled', async () => {
    const { store, scan, app, fake } = till();
    await scan(MILK.barcodes[0]!);
    const quotes = fake.callsOf('sale.quote').length;
    store.keydown(key('F2'), true);
    await settle();
    app.closeDialog(app.dialog.value!.id, null);
    await settle();
    expect(fake.callsOf('sale.quote')).toHaveLength(quotes);
    expect(store.focus.request.value).toMatchObject({ target: 'scan' });
  });

  it('Alt+N clears the sale after a yes', async () => {
    const { store, scan, app } = till();
    await scan(MILK.barcodes[0]!);
    store.keydown(key('n', true), true);
    await settle();
    app.closeDialog(app.dialog.value!.id, true);
    await settle();
    expect(store.rows.value).toEqual([]);
  });
});
