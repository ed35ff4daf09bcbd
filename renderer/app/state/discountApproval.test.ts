// SPDX-License-Identifier: UNLICENSED
// A discount at the till asks a manager only when main says it is above what a cashier may give
// (docs/cash-control.md): the amount is typed first, then the quote decides. Refused or cancelled, the line goes
// back to what it was; approved, the approval goes with every later quote of the sale.
import { describe, expect, it } from 'vitest';
import { CASHIER, fakeApi, manualTimers, MILK, quoteFor, session, settle } from '../testing/fakes';
import { AppStore } from './appStore';
import { CashierStore } from './cashierStore';

/** A till whose main lets a cashier discount up to 1.00 a line without a manager. */
function till() {
  const fake = fakeApi({
    'sale.quote': (input) => {
      const q = quoteFor(input);
      const above = input.lines.some((l) => Number(l.discount ?? '0') > 1) && !input.approvalId;
      return { ...q, needsApproval: above, complete: q.complete || (!above && q.paid >= q.total) };
    },
    'status.get': () => new Promise(() => undefined),
    'approval.request': ({ pin }) => ({ approvalId: `approval-${pin}`, managerName: 'Manager', expiresAt: '2099-01-01T00:00:00Z' }),
  });
  const app = new AppStore(fake.api, session({ user: CASHIER, locale: 'en' }), manualTimers());
  const store = new CashierStore(app, { newSaleId: () => 'sale-1', now: () => 1000 });
  const prompt = () => {
    const d = app.dialog.value;
    return d?.kind === 'prompt' ? d : null;
  };
  return { fake, app, store, prompt };
}

describe('a discount and the manager', () => {
  it('asks no manager for a discount within the limit', async () => {
    const { fake, app, store, prompt } = till();
    await store.addProduct(MILK, '1');
    const editing = store.editSelected('discount');
    await settle();
    expect(prompt()?.options.test).toBe('discount-input'); // the amount first, no PIN
    app.closeDialog(prompt()!.id, '1.00');
    await editing;
    expect(app.dialog.value).toBeNull();
    expect(store.cart.value[0]!.discount).toBe('1.00');
    expect(store.quote?.needsApproval).toBe(false);
    expect(fake.callsOf('approval.request')).toEqual([]);
  });

  it('asks for a manager above the limit, and puts the line back when nobody approves', async () => {
    const { fake, app, store, prompt } = till();
    await store.addProduct(MILK, '1');
    const editing = store.editSelected('discount');
    await settle();
    app.closeDialog(prompt()!.id, '1.50');
    await settle();
    expect(prompt()?.options.test).toBe('manager-pin');
    app.closeDialog(prompt()!.id, null);
    await editing;
    expect(store.cart.value[0]!.discount).toBeUndefined();
    expect(store.quote?.needsApproval).toBe(false);
    expect(fake.callsOf('sale.quote').at(-1)!.lines).toEqual([{ productId: MILK.id, quantity: '1' }]);
  });

  it('keeps a discount above the limit once a manager approves it, and quotes with the approval', async () => {
    const { app, fake, store, prompt } = till();
    await store.addProduct(MILK, '1');
    const editing = store.editSelected('discount');
    await settle();
    app.closeDialog(prompt()!.id, '1.50');
    await settle();
    app.closeDialog(prompt()!.id, '1234');
    await editing;
    expect(store.cart.value[0]!.discount).toBe('1.50');
    expect(store.quote?.needsApproval).toBe(false);
    expect(fake.callsOf('approval.request')).toEqual([{ pin: '1234', purpose: 'discount' }]);
    expect(fake.callsOf('sale.quote').at(-1)!.approvalId).toBe('approval-1234');
  });
});
