// SPDX-License-Identifier: UNLICENSED
// A line removed from the cart after it was added reaches the audit trail as a void (docs/cash-control.md): the item
// and what it was (quantity × the price charged), sent without holding up the till.
import { describe, expect, it } from 'vitest';
import { CASHIER, fakeApi, manualTimers, MILK, quoteFor, session, settle } from '../testing/fakes';
import { AppStore } from './appStore';
import { CashierStore } from './cashierStore';

describe('voids at the till', () => {
  it('records each removed line with what it was, and the cart moves on at once', async () => {
    let answer: (() => void) | undefined;
    const fake = fakeApi({
      'catalog.lookup': () => MILK,
      'sale.quote': (input) => quoteFor(input),
      'status.get': () => new Promise(() => undefined),
      // main answers late: the till does not wait for it
      'audit.void': () => new Promise((resolve) => (answer = () => resolve({ recorded: true }))),
    });
    const app = new AppStore(fake.api, session({ user: CASHIER }), manualTimers());
    const store = new CashierStore(app, { newSaleId: () => 'sale-1', now: () => 1000 });
    store.scanText.value = '2*' + MILK.barcodes[0]!;
    await store.scan();
    await settle();
    expect(store.cart.value).toHaveLength(1);
    expect(store.removeSelected()).toBe(true);
    expect(store.cart.value).toHaveLength(0);
    expect(fake.callsOf('audit.void')).toEqual([{ item: MILK.name, before: `2 × ${MILK.price}` }]);
    answer?.();
    expect(store.removeSelected()).toBe(false);
    expect(fake.callsOf('audit.void')).toHaveLength(1);
  });
});
