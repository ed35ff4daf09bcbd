// SPDX-License-Identifier: UNLICENSED
// A line removed from the cart after it was added reaches the audit trail as a void (docs/cash-control.md): the item,
// what it was (quantity × the price charged) and why — the cashier picks or types a reason, and without one the line
// stays. Sent without holding up the till.
import { describe, expect, it } from 'vitest';
import { CASHIER, fakeApi, manualTimers, MILK, BREAD, quoteFor, session, settle } from '../testing/fakes';
import { AppStore } from './appStore';
import { CashierStore } from './cashierStore';

function till(voidAnswer: () => Promise<{ recorded: true }>) {
  const fake = fakeApi({
    'catalog.lookup': ({ barcode }) => [MILK, BREAD].find((p) => p.barcodes.includes(barcode)) ?? null,
    'sale.quote': (input) => quoteFor(input),
    'status.get': () => new Promise(() => undefined),
    'audit.void': voidAnswer,
  });
  const app = new AppStore(fake.api, session({ user: CASHIER, locale: 'en' }), manualTimers());
  const store = new CashierStore(app, { newSaleId: () => 'sale-1', now: () => 1000 });
  return { fake, app, store };
}

describe('voids at the till', () => {
  it('asks why, records the removed line with its reason, and the cart moves on without waiting for main', async () => {
    let answer: (() => void) | undefined;
    // main answers late: the till does not wait for it
    const { fake, app, store } = till(() => new Promise((resolve) => (answer = () => resolve({ recorded: true }))));
    store.scanText.value = '2*' + MILK.barcodes[0]!;
    await store.scan();
    await settle();
    expect(store.cart.value).toHaveLength(1);
    const removing = store.removeSelected();
    const dialog = app.dialog.value!;
    expect(dialog).toMatchObject({ kind: 'prompt', options: { title: `Remove ${MILK.name}`, test: 'void-reason' } });
    expect(dialog.kind === 'prompt' && dialog.options.choices).toContain('Scanned twice');
    expect(store.cart.value).toHaveLength(1); // nothing leaves before the reason
    app.closeDialog(dialog.id, 'Scanned twice');
    expect(await removing).toBe(true);
    expect(store.cart.value).toHaveLength(0);
    expect(fake.callsOf('audit.void')).toEqual([{ item: MILK.name, before: `2 × ${MILK.price}`, reason: 'Scanned twice' }]);
    answer?.();
    expect(await store.removeSelected()).toBe(false);
    expect(app.dialog.value).toBeNull();
    expect(fake.callsOf('audit.void')).toHaveLength(1);
  });

  it('keeps the line when the cashier cancels, and sends a typed reason trimmed', async () => {
    const { fake, app, store } = till(async () => ({ recorded: true }));
    await store.addProduct(MILK, '1');
    await store.addProduct(BREAD, '3');
    const cancelled = store.removeSelected();
    app.closeDialog(app.dialog.value!.id, null);
    expect(await cancelled).toBe(false);
    expect(store.cart.value.map((c) => c.name)).toEqual([MILK.name, BREAD.name]);
    expect(fake.callsOf('audit.void')).toEqual([]);
    const typed = store.removeSelected();
    app.closeDialog(app.dialog.value!.id, '  Customer had no cash  ');
    expect(await typed).toBe(true);
    expect(store.cart.value.map((c) => c.name)).toEqual([MILK.name]);
    expect(fake.callsOf('audit.void')).toEqual([{ item: BREAD.name, before: `3 × ${BREAD.price}`, reason: 'Customer had no cash' }]);
  });

  it('removes nothing when the cart changed while the reason was asked', async () => {
    const { fake, app, store } = till(async () => ({ recorded: true }));
    await store.addProduct(MILK, '1');
    const removing = store.removeSelected();
    await store.step(1); // the line is another now (2 of them)
    app.closeDialog(app.dialog.value!.id, 'Wrong item');
    expect(await removing).toBe(false);
    expect(store.cart.value.map((c) => c.quantity)).toEqual(['2']);
    expect(fake.callsOf('audit.void')).toEqual([]);
  });
});
