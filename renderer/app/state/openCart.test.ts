import { describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import type { OpenCart, OpenCartLine } from '../../../app/contract/catalogTypes';
import type { CartItem } from './cart';
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
    store.cart.value = [DATES];
    await settle();
    expect(m.saved.at(-1)).toEqual([DATES]);
    stop();
    store.cart.value = [];
    await settle();
    expect(m.saved.at(-1)).toEqual([DATES]);
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
});
