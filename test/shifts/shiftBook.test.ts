// SPDX-License-Identifier: UNLICENSED
// Shifts on a real app in training mode (real ledger in a real SQLite file, real signed sales through the
// dispatcher): the drawer's expected cash is recomputed from the ledger's payments and the cash movements and equals
// the running figure kept sale by sale; the close is blind and records over/short; a closed shift never changes; a
// refund, a price override and a discount leave audit events with who approved them and why; and every refusal
// writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Product } from '../../app/contract/types';
import type { DukkanApp } from '../../main/app/openApp';
import type { ShiftUser } from '../../main/shifts/shiftBook';
import { clientOf, openTestApp, signIn, type Client } from '../app/support';
import { thrownBy } from '../support/thrownBy';
import { DukkanError } from '../../app/errors/index';

describe('shifts and the drawer (training mode, real ledger)', { timeout: 60_000 }, () => {
  let app: DukkanApp;
  let cashier: Client;
  let products: Product[];
  let cashierUser: ShiftUser;
  let managerUser: ShiftUser;
  const shifts = () => app.core.current().shifts;
  const tables = () => {
    const db = app.core.current().db;
    const count = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { shifts: count('shifts'), movements: count('cash_movements'), audit: count('audit_events'), notes: count('shift_notes') };
  };

  beforeAll(async () => {
    ({ app } = await openTestApp());
    cashier = clientOf(app, 'till');
    await signIn(cashier, app, 'cashier');
    products = app.core.catalog.list();
    const users = app.core.users.list();
    const u = (role: 'cashier' | 'manager') => users.find((x) => x.role === role)!;
    cashierUser = { id: u('cashier').id, name: u('cashier').name, role: 'cashier' };
    managerUser = { id: u('manager').id, name: u('manager').name, role: 'manager' };
  });
  afterAll(() => app.close());

  const sell = async (method: 'cash' | 'card', quantity: string, extra: { unitPrice?: string; discount?: string; approvalId?: string } = {}) => {
    const { approvalId, ...line } = extra;
    const cart = { lines: [{ productId: products[0]!.id, quantity, ...line }], ...(approvalId ? { approvalId } : {}) };
    // a card pays the total exactly; cash is tendered generously and the change is not the drawer's
    const amount = method === 'card' ? (await cashier.call('sale.quote', { ...cart, payments: [] })).total : '100000';
    return cashier.call('sale.complete', { ...cart, payments: [{ method, amount }], saleId: randomUUID() });
  };

  it('refuses paid-in, paid-out and a close with no open shift, writing nothing', () => {
    const before = tables();
    expect(thrownBy(DukkanError, () => shifts().move(cashierUser, 'paid-out', '5.00', 'Milk delivery', null))).toMatchObject({ code: 'shift.none-open' });
    expect(thrownBy(DukkanError, () => shifts().close(cashierUser, { total: '0' }, false))).toMatchObject({ code: 'shift.none-open' });
    expect(tables()).toEqual(before);
  });

  it('keeps the recomputed and the running drawer figures equal through cash and card sales, refunds and movements', async () => {
    const shift = shifts().open(cashierUser, '200.00');
    expect(thrownBy(DukkanError, () => shifts().open(managerUser, '50'))).toMatchObject({ code: 'shift.already-open', params: { cashier: cashierUser.name } });
    const cash1 = await sell('cash', '2');
    await sell('card', '3');
    const cash2 = await sell('cash', '1');
    shifts().move(cashierUser, 'paid-out', '35.50', 'Cleaner', null);
    shifts().move(managerUser, 'paid-in', '100', 'Change from the bank', null);
    const approval = await cashier.call('approval.request', { pin: '1234', purpose: 'return' });
    const refund = await cashier.call('returns.create', {
      originalNumber: cash1.document.number,
      lines: [{ lineId: 1, quantity: '1' }],
      reason: 'Damaged',
      refundMethod: 'cash',
      approvalId: approval.approvalId,
      requestId: randomUUID(),
    });

    const view = shifts().byId(managerUser, shift.id);
    const unit = cash2.document.total;
    const expected = (200 * 100 + 3 * Math.round(Number(unit) * 100) - Math.round(Number(refund.document.total) * 100) - 3550 + 10000) / 100;
    expect(view.cash).toEqual({
      openingFloat: '200.00',
      cashSales: (Number(cash1.document.total) + Number(unit)).toFixed(2),
      cashRefunds: refund.document.total,
      paidIn: '100.00',
      paidOut: '35.50',
      expected: expected.toFixed(2),
    });
    // the running figure, kept sale by sale inside the ledger's transaction, says the same
    expect(shifts().runningCash(shift.id)).toBe(view.cash!.expected);
    expect(view.documents).toBe(4);
    // the refund is in the trail with its reason and the approving manager
    const trail = app.core.current().audit.list({ kind: 'refund' });
    expect(trail.at(-1)).toMatchObject({
      document: refund.document.number,
      reason: 'Damaged',
      approvedBy: managerUser.name,
      user: cashierUser.name,
      before: cash1.document.number,
    });
  });

  it('hides the expected figure from the cashier and closes blind, recording the shortage', () => {
    const open = shifts().openShift()!;
    expect(shifts().current(cashierUser)).toMatchObject({ id: open.id, cash: null, difference: null });
    const expected = shifts().current(managerUser)!.cash!.expected;
    const short = (Number(expected) - 7.25).toFixed(2);
    const before = tables();
    expect(thrownBy(DukkanError, () => shifts().close(cashierUser, { total: short }, true))).toMatchObject({ code: 'shift.sale-in-progress' });
    expect(thrownBy(DukkanError, () => shifts().close(cashierUser, {}, false))).toMatchObject({ code: 'shift.count-missing' });
    expect(thrownBy(DukkanError, () => shifts().close(cashierUser, { total: '10', denominations: [{ value: '5', count: 1 }] }, false))).toMatchObject({
      code: 'shift.count-disagrees',
      params: { sum: '5.00', total: '10.00' },
    });
    expect(tables()).toEqual(before);

    const closed = shifts().close(cashierUser, { total: short }, false);
    expect(closed).toMatchObject({ counted: short, difference: null, cash: null });
    expect(shifts().byId(managerUser, open.id)).toMatchObject({ counted: short, difference: '-7.25', cash: { expected } });
    expect(shifts().openShift()).toBeNull();
  });

  it('never changes a closed shift: a manager annotates it', () => {
    const [last] = shifts().list(managerUser, 1);
    const db = app.core.current().db;
    expect(() => db.prepare('UPDATE shifts SET difference = ? WHERE id = ?').run('0.00', last!.id)).toThrow(/closed shift cannot change/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/cannot be deleted/);
    const noted = shifts().annotate(managerUser, last!.id, 'Counted again with the cashier: 7.25 short confirmed');
    expect(noted.notes).toEqual([expect.objectContaining({ by: managerUser.name, note: 'Counted again with the cashier: 7.25 short confirmed' })]);
    expect(noted.difference).toBe('-7.25');
    expect(thrownBy(DukkanError, () => shifts().annotate(managerUser, 9999, 'x'))).toMatchObject({ code: 'shift.not-found' });
  });

  it('counts per denomination, and audits price overrides and discounts with the approving manager', async () => {
    const shift = shifts().open(cashierUser, '0');
    const approval = await cashier.call('approval.request', { pin: '1234', purpose: 'price-override' });
    const catalogPrice = products[0]!.price;
    const sale = await sell('cash', '1', { unitPrice: '1.00', discount: '0.50', approvalId: approval.approvalId });
    const events = app.core
      .current()
      .audit.list({})
      .filter((e) => e.document === sale.document.number);
    expect(events.map((e) => e.kind)).toEqual(['price-override', 'discount']);
    expect(events[0]).toMatchObject({ approvedBy: managerUser.name, user: cashierUser.name, shiftId: shift.id });
    expect(events[0]!.after).toContain('1.00');
    expect(events[0]!.before).toContain(catalogPrice);
    expect(
      thrownBy(DukkanError, () =>
        shifts().close(
          cashierUser,
          {
            denominations: [
              { value: '0.50', count: 1 },
              { value: '0.5', count: 2 },
            ],
          },
          false,
        ),
      ),
    ).toMatchObject({
      code: 'shift.denomination-twice',
    });
    const closed = shifts().byId(managerUser, shifts().close(cashierUser, { denominations: [{ value: '0.50', count: 1 }] }, false).id);
    expect(closed).toMatchObject({ counted: '0.50', difference: '0.00', cash: { cashSales: '0.50', expected: '0.50' } });
  });
});
