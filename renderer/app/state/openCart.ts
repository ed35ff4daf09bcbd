// SPDX-License-Identifier: UNLICENSED
// The till's cart, kept in main (docs/catalog.md, "The open cart"): when the till opens it takes back the cart its
// cashier was ringing up (a reload, a crash of the window, a restart), and every change of the cart is sent to main.
// Main clears it itself when the sale completes, so a cart that was sold never comes back.
import { effect, signal } from '@preact/signals';
import type { OpenCartLine } from '../../../app/contract/catalogTypes';
import type { DukkanApi } from '../../../app/contract/api';
import type { CartItem } from './cart';

/** What the till needs of its store: the cart, the selected line, and a new quote after a restore. */
export interface CartHolder {
  readonly cart: { value: readonly CartItem[]; peek(): readonly CartItem[] };
  readonly selected: { value: number };
  requote(): Promise<void>;
}

const lineOf = (item: CartItem): OpenCartLine => ({ ...item });

/** Restores the cashier's open cart into `store` (if the till is still empty), then saves each change; returns the stop. */
export function keepCartInMain(store: CartHolder, api: Pick<DukkanApi, 'cart.get' | 'cart.save'>): () => void {
  const ready = signal(false);
  // every call goes through a promise: a failure of any kind only means the till starts empty or saves nothing
  void Promise.resolve()
    .then(() => api['cart.get']({}))
    .then((open) => {
      if (!open || store.cart.peek().length > 0) return;
      store.cart.value = open.lines.map((l) => ({ ...l }));
      store.selected.value = open.lines.length - 1;
      return store.requote();
    })
    .catch(() => undefined)
    .finally(() => (ready.value = true));
  return effect(() => {
    const items = store.cart.value;
    if (!ready.value) return;
    void Promise.resolve()
      .then(() => api['cart.save']({ lines: items.map(lineOf) }))
      .catch(() => undefined);
  });
}
