// SPDX-License-Identifier: UNLICENSED
// The discount a cashier may give without a manager (docs/cash-control.md), through the contract on a real training
// ledger: by default every discount needs a manager; the manager sets a percent of the line, exact to the halala
// (10% of 3 × 6.50 is 1.95: 1.95 passes, 1.96 needs a manager); a change of the limit is in the trail; bad
// percents and a cashier's try are refused, changing nothing; a price override still always needs a manager.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { tillAndOffice } from './support';

describe('the discount a cashier gives without a manager', { timeout: 60_000 }, () => {
  const till = tillAndOffice();

  const milk = () => till.app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!; // 6.50
  const cart = (discount: string, extra: { unitPrice?: string } = {}) => ({
    lines: [{ productId: milk().id, quantity: '3', discount, ...extra }],
    payments: [{ method: 'cash' as const, amount: '50' }],
  });
  const needs = async (discount: string, extra: { unitPrice?: string } = {}) => (await till.cashier.call('sale.quote', cart(discount, extra))).needsApproval;

  it('needs a manager for every discount until one sets a limit', async () => {
    expect(await till.cashier.call('discount.limit', {})).toEqual({ percent: '0' });
    expect(await needs('0.01')).toBe(true);
    expect(await needs('0')).toBe(false);
  });

  it('refuses bad percents and a cashier, naming the field, and changes nothing', async () => {
    for (const percent of ['101', '100.5', '-1', '1,5', '12.345', 'ten', ''])
      expect(await till.manager.refusal('discount.limitSave', { percent }), percent).toMatchObject({
        fields: [expect.objectContaining({ path: 'percent' })],
      });
    expect(await till.cashier.refusal('discount.limitSave', { percent: '50' })).toMatchObject({ code: 'forbidden' });
    expect(await till.cashier.call('discount.limit', {})).toEqual({ percent: '0' });
    expect(await till.manager.call('audit.list', { kind: 'discount-limit' })).toEqual([]);
  });

  it('lets a cashier give up to the limit exactly, and records the change and the discount in the trail', async () => {
    expect(await till.manager.call('discount.limitSave', { percent: '10.00' })).toEqual({ percent: '10' });
    expect(await till.cashier.call('discount.limit', {})).toEqual({ percent: '10' });
    expect(await needs('1.95')).toBe(false); // 10% of 19.50
    expect(await needs('1.96')).toBe(true);
    // a price override is not a discount: it still needs a manager, whatever the limit
    expect(await needs('0', { unitPrice: '6.00' })).toBe(true);

    const r = await till.cashier.call('sale.complete', { ...cart('1.95'), saleId: randomUUID() });
    expect(r.document.total).toBe('17.55');
    const above = await till.cashier.refusal('sale.complete', { ...cart('1.96'), saleId: randomUUID() });
    expect(above).toMatchObject({ reason: 'sale.incomplete' });

    const changes = await till.manager.call('audit.list', { kind: 'discount-limit' });
    expect(changes.map((e) => [e.user, e.before, e.after])).toEqual([['Manager', '0%', '10%']]);
    const discounts = await till.manager.call('audit.list', { kind: 'discount' });
    expect(discounts).toEqual([expect.objectContaining({ user: 'Cashier', approvedBy: null, document: r.document.number })]);
    // saving the same limit again is not a change
    await till.manager.call('discount.limitSave', { percent: '10' });
    expect(await till.manager.call('audit.list', { kind: 'discount-limit' })).toHaveLength(1);
  });
});
