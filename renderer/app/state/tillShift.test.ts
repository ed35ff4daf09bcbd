// SPDX-License-Identifier: UNLICENSED
// The till's shift and drawer controls without a DOM: what each button asks, what goes to main (as typed), that a
// cashier's "no sale" needs a manager's PIN and a manager's does not, that a cancelled prompt sends nothing, and
// that the blind close shows the cashier only what they counted.
import { describe, expect, it } from 'vitest';
import { CASHIER, fakeApi, manualTimers, MANAGER, refused, session, shiftView } from '../testing/fakes';
import { AppStore } from './appStore';
import { TillShift } from './tillShift';

const SHIFT = shiftView({ id: 7, till: 'T1' });

function till(user = CASHIER) {
  const fake = fakeApi({
    'shift.current': () => null,
    'shift.open': ({ openingFloat }) => ({ ...SHIFT, openingFloat }),
    'shift.move': () => SHIFT,
    'shift.close': ({ total }) => ({ ...SHIFT, closedAt: '2026-12-04T15:00:00.000Z', counted: total ?? null }),
    'drawer.open': () => ({ opened: true }),
    'approval.request': ({ pin }) => {
      if (pin !== '1234') throw refused('wrong-pin', 'user.wrong-pin');
      return { approvalId: 'appr-1', managerName: 'Manager', expiresAt: '2026-12-04T07:00:00.000Z', session: false };
    },
    'status.get': () => new Promise(() => undefined),
  });
  const app = new AppStore(fake.api, session({ user, locale: 'en' }), manualTimers());
  const shift = new TillShift(app);
  /** Answers the open prompt (its test id is checked) and lets the store go on. */
  const answer = async (test: string, value: string | null) => {
    await Promise.resolve();
    const d = app.dialog.value;
    expect(d?.kind === 'prompt' && d.options.test).toBe(test);
    app.closeDialog(d!.id, value);
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { fake, app, shift, answer };
}

describe('shift and drawer at the till', () => {
  it('opens a shift with the float as typed, and shows it', async () => {
    const { fake, shift, answer, app } = till();
    await shift.show();
    expect(shift.shift.value).toBeNull();
    const opening = shift.openShift();
    await answer('till-float', '150.00');
    await opening;
    expect(fake.callsOf('shift.open')).toEqual([{ openingFloat: '150.00' }]);
    expect(shift.shift.value).toMatchObject({ id: 7, openingFloat: '150.00' });
    expect(app.toastState.value.text).toBe('Shift 7 is open');
  });

  it('records a paid-out with its amount and a reason picked from the list; cancelling sends nothing', async () => {
    const { fake, shift, answer, app } = till();
    const cancelled = shift.move('paid-out');
    await answer('move-amount', null);
    await cancelled;
    const moving = shift.move('paid-out');
    await answer('move-amount', '25.50');
    const d = app.dialog.value;
    expect(d?.kind === 'prompt' && d.options.choices).toEqual(['Supplier delivery', 'Shop supplies']);
    await answer('move-reason', 'Supplier delivery');
    await moving;
    expect(fake.callsOf('shift.move')).toEqual([{ kind: 'paid-out', amount: '25.50', reason: 'Supplier delivery' }]);
  });

  it("opens the drawer for a cashier only with a manager's PIN, which stays asked for until right", async () => {
    const { fake, shift, answer, app } = till();
    const opening = shift.noSale();
    await answer('drawer-reason', 'Change for a customer');
    const pin = app.dialog.value!;
    app.closeDialog(pin.id, '9999');
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(app.dialog.value).toMatchObject({ id: pin.id, problem: expect.stringContaining('PIN') });
    expect(fake.callsOf('drawer.open')).toEqual([]);
    app.closeDialog(pin.id, '1234');
    await opening;
    expect(fake.callsOf('drawer.open')).toEqual([{ reason: 'Change for a customer', approvalId: 'appr-1' }]);
    expect(fake.callsOf('approval.request')).toEqual([
      { pin: '9999', purpose: 'drawer-open' },
      { pin: '1234', purpose: 'drawer-open' },
    ]);
  });

  it('opens the drawer for a manager signed in at the till without a PIN', async () => {
    const { fake, shift, answer } = till(MANAGER);
    const opening = shift.noSale();
    await answer('drawer-reason', '  Check a note ');
    await opening;
    expect(fake.callsOf('drawer.open')).toEqual([{ reason: 'Check a note' }]);
    expect(fake.callsOf('approval.request')).toEqual([]);
  });

  it('closes blind: the count goes as typed, the cashier sees only what they counted, the dialog closes', async () => {
    const { fake, shift, answer, app } = till();
    await shift.show();
    shift.shift.value = SHIFT;
    const closing = shift.closeShift();
    await answer('close-count', '140.00');
    await closing;
    expect(fake.callsOf('shift.close')).toEqual([{ total: '140.00' }]);
    expect([shift.shift.value, shift.shown.value]).toEqual([null, false]);
    expect(app.toastState.value.text).toBe('Shift 7 closed. You counted 140.00; the manager sees the result.');
  });

  it("shows main's refusal and keeps the shift when the close is refused", async () => {
    const { fake, shift, answer, app } = till();
    fake.answer({
      'shift.close': () => {
        throw refused('rejected', 'shift.cart-open', { cashier: 'Cashier', items: 2 });
      },
    });
    shift.shift.value = SHIFT;
    const closing = shift.closeShift();
    await answer('close-count', '140.00');
    await closing;
    expect(shift.shift.value).toBe(SHIFT);
    expect(app.toastState.value).toMatchObject({ kind: 'error', text: expect.stringContaining('Cashier') });
  });
});
