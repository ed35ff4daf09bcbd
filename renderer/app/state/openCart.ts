// SPDX-License-Identifier: UNLICENSED
// The till's cart, kept in main (docs/catalog.md, "The open cart"): when the till opens it takes back the cart its
// cashier was ringing up (a reload, a crash of the window, a restart), and every change of the cart is sent to main.
// Main clears it itself when the sale completes, so a cart that was sold never comes back. A save that fails is told
// to the cashier (once, until one succeeds again): the sale on screen is fine, but a reload would lose it.
import { effect, signal } from '@preact/signals';
import type { OpenCartLine } from '../../../app/contract/catalogTypes';
import type { DukkanApi } from '../../../app/contract/api';
import type { CartItem } from './cart';

/** What the till needs of its store: the cart, the selected line, and a new quote after a restore. */
export interface CartHolder {
  readonly cart: { value: readonly CartItem[]; peek(): readonly CartItem[] };
  readonly selected: { value: number };
  requote(): Promise<void>;
  /** Saving the cart in main failed: told once per run of failures, so the cashier knows a reload would lose it. */
  cartNotKept?(error: unknown): void;
}

const lineOf = (item: CartItem): OpenCartLine => ({ ...item });

/** Restores the cashier's open cart into `store` (if the till is still empty), then saves each change; returns the stop. */
export function keepCartInMain(store: CartHolder, api: Pick<DukkanApi, 'cart.get' | 'cart.save'>): () => void {
  const ready = signal(false);
  // the cart main holds already (the one it gave back, or none for an empty till): not sent back to it, so opening
  // the till after a sign-in makes no write of its own
  let held: readonly CartItem[] | undefined;
  // every call goes through a promise: a failure of any kind only means the till starts empty or saves nothing
  void Promise.resolve()
    .then(() => api['cart.get']({}))
    .then((open) => {
      if (store.cart.peek().length > 0) return; // rung up before main answered: the till's cart replaces main's
      if (open) {
        store.cart.value = open.lines.map((l) => ({ ...l }));
        store.selected.value = open.lines.length - 1;
      }
      held = store.cart.peek();
      return open ? store.requote() : undefined;
    })
    .catch(() => undefined)
    .finally(() => (ready.value = true));
  let failing = false;
  return effect(() => {
    const items = store.cart.value;
    if (!ready.value) return;
    const unchanged = items === held;
    held = undefined;
    if (unchanged) return;
    void Promise.resolve()
      .then(() => api['cart.save']({ lines: items.map(lineOf) }))
      .then(() => (failing = false))
      .catch((e: unknown) => {
        // the sale goes on (the cart is on screen); only its copy in main is missing until a save succeeds again
        if (!failing) store.cartNotKept?.(e);
        failing = true;
      });
  });
}
