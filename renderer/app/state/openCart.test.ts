import { describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import type { OpenCart, OpenCartLine } from '../../../app/contract/catalogTypes';
import type { CartItem } from './cart';
import { errorText } from '../../../app/errors/index';
import { CASHIER, fakeApi, manualTimers, refused, session } from '../testing/fakes';
import { AppStore } from './appStore';
import { CashierStore } from './cashierStore';
import { keepCartInMain } from './openCart';

function holder(items: CartItem[] = []) {
  const quotes: (readonly CartItem[])[] = [];
  const store = {
    cart: signal<readonly CartItem[]>(items),
    selected: signal(-1),
    requote: async () => void quotes.push(store.cart.peek()),
  };
  return { store, quotes };
}

function main(open: OpenCart | null) {
  const saved: (readonly OpenCartLine[])[] = [];
  return {
    saved,
    api: {
      'cart.get': async () => open,
      'cart.save': async ({ lines }: { lines: readonly OpenCartLine[] }) => {
        saved.push(lines);
        return null;
      },
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const DATES = { productId: 3, name: 'Loose dates', quantity: '0.75' };
const CHEESE = { productId: 4, name: 'Cheese', quantity: '1', labelBarcode: '2300123012507' };

describe('the open cart kept in main', () => {
  it('restores the cashier’s cart into an empty till, quotes it, and saves each change after', async () => {
    const { store, quotes } = holder();
    const m = main({ lines: [DATES, CHEESE], savedAt: '2026-11-24T09:00:00.000Z' });
    const stop = keepCartInMain(store, m.api);
    await settle();
    expect(store.cart.value).toEqual([DATES, CHEESE]);
    expect(store.selected.value).toBe(1);
    expect(quotes).toEqual([[DATES, CHEESE]]);
    expect(m.saved).toEqual([]); // main holds this cart already
    store.cart.value = [DATES];
    await settle();
    expect(m.saved.at(-1)).toEqual([DATES]);
    stop();
    store.cart.value = [];
    await settle();
    expect(m.saved.at(-1)).toEqual([DATES]);
  });

  it('tells the cashier once when main cannot keep the cart, and again only after a save has worked', async () => {
    const { store } = holder();
    const told: unknown[] = [];
    let refuse = true;
    const saved: (readonly OpenCartLine[])[] = [];
    keepCartInMain(Object.assign(store, { cartNotKept: (e: unknown) => told.push(e) }), {
      'cart.get': async () => null,
      'cart.save': async ({ lines }) => {
        if (refuse) throw new Error('disk full');
        saved.push(lines);
        return null;
      },
    });
    await settle();
    store.cart.value = [DATES];
    await settle();
    store.cart.value = [DATES, CHEESE];
    await settle();
    expect(told.map((e) => (e as Error).message)).toEqual(['disk full']); // the first failure, not every change
    refuse = false;
    store.cart.value = [CHEESE];
    await settle();
    expect(saved).toEqual([[CHEESE]]);
    refuse = true;
    store.cart.value = [];
    await settle();
    expect(told).toHaveLength(2);
  });

  it('writes nothing when the till opens empty and main holds no cart, and saves the first line rung up', async () => {
    const { store } = holder();
    const m = main(null);
    keepCartInMain(store, m.api);
    await settle();
    expect(m.saved).toEqual([]);
    store.cart.value = [CHEESE];
    await settle();
    expect(m.saved).toEqual([[CHEESE]]);
  });

  it('saves the till’s cart as it is when main could not say what it holds', async () => {
    const { store } = holder();
    const saved: (readonly OpenCartLine[])[] = [];
    keepCartInMain(store, {
      'cart.get': async () => {
        throw new Error('main restarting');
      },
      'cart.save': async ({ lines }) => {
        saved.push(lines);
        return null;
      },
    });
    await settle();
    expect(saved).toEqual([[]]); // an empty till clears whatever main may hold
  });

  it('never overwrites a cart the cashier has started meanwhile, nor saves before the restore', async () => {
    const { store } = holder([CHEESE]);
    const m = main({ lines: [DATES], savedAt: '2026-11-24T09:00:00.000Z' });
    keepCartInMain(store, m.api);
    expect(m.saved).toEqual([]);
    await settle();
    expect(store.cart.value).toEqual([CHEESE]);
    expect(m.saved.at(-1)).toEqual([CHEESE]);
  });

  it('shows the cashier, in their language, that the sale is not kept and why', async () => {
    const fake = fakeApi({
      'cart.get': async () => null,
      'cart.save': () => {
        throw refused('internal', 'api.internal');
      },
      'status.get': () => new Promise(() => undefined),
    });
    const app = new AppStore(fake.api, session({ user: CASHIER, locale: 'ar' }), manualTimers());
    const till = new CashierStore(app, { newSaleId: () => 'sale-1' });
    keepCartInMain(till, fake.api);
    await settle();
    till.cart.value = [CHEESE];
    await settle();
    expect(app.toastState.value).toMatchObject({ kind: 'error', visible: true });
    expect(app.toastState.value.text).toContain('هذا البيع غير محفوظ على الصندوق بعد');
    expect(app.toastState.value.text).toContain(errorText('api.internal', {}, 'ar'));
  });
});
