// SPDX-License-Identifier: UNLICENSED
// Property: for random days of cash and card sales, cash and card refunds and paid-in/paid-out, the drawer's expected
// cash recomputed from the ledger equals the figure the test keeps from what each call answered, the running figure
// kept sale by sale, the X report's shift row and, after a random blind count, the Z report's and the shift record's.
// Real app in training mode: every sale and refund is a signed document in a real SQLite ledger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Decimal } from '../../app/money/decimal';
import type { DukkanApp } from '../../main/app/openApp';
import type { Client } from '../app/support';
import { openTillAndOffice } from './support';

type Op =
  | { readonly type: 'sale'; readonly method: 'cash' | 'card'; readonly quantity: number }
  | { readonly type: 'refund'; readonly method: 'cash' | 'card' }
  | { readonly type: 'move'; readonly kind: 'paid-in' | 'paid-out'; readonly cents: number };

const amount = (cents: number) => Decimal.fromInt(cents).div(Decimal.fromInt(100), 2).toFixed(2);

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('sale' as const), method: fc.constantFrom('cash' as const, 'card' as const), quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ type: fc.constant('refund' as const), method: fc.constantFrom('cash' as const, 'card' as const) }),
  fc.record({ type: fc.constant('move' as const), kind: fc.constantFrom('paid-in' as const, 'paid-out' as const), cents: fc.integer({ min: 1, max: 5000 }) }),
);

describe('expected cash: ledger, running figure, reports and shift record agree', { timeout: 300_000 }, () => {
  let app: DukkanApp;
  let cashier: Client;
  let manager: Client;

  beforeAll(async () => {
    ({ app, cashier, manager } = await openTillAndOffice());
  });
  afterAll(() => app.close());

  it('holds for random days', async () => {
    const products = app.core.catalog.list();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 50_000 }),
        fc.array(op, { minLength: 1, maxLength: 7 }),
        fc.integer({ min: -2000, max: 2000 }),
        fc.integer({ min: 0, max: products.length - 1 }),
        async (floatCents, ops, countOffsetCents, productIndex) => {
          const shift = await cashier.call('shift.open', { openingFloat: amount(floatCents) });
          let mine = Decimal.parse(amount(floatCents));
          const sold: { number: string; total: string }[] = [];
          for (const o of ops) {
            if (o.type === 'sale') {
              const cart = { lines: [{ productId: products[productIndex]!.id, quantity: String(o.quantity) }] };
              const total = (await cashier.call('sale.quote', { ...cart, payments: [] })).total;
              // cash is tendered above the total: the drawer keeps the total, the change goes back
              const tendered = o.method === 'cash' ? Decimal.parse(total).add(Decimal.fromInt(7)).toFixed(2) : total;
              const r = await cashier.call('sale.complete', { ...cart, payments: [{ method: o.method, amount: tendered }], saleId: randomUUID() });
              sold.push({ number: r.document.number, total: r.document.total });
              if (o.method === 'cash') mine = mine.add(Decimal.parse(r.document.total));
            } else if (o.type === 'refund') {
              const sale = sold.shift();
              if (!sale) continue;
              const { approvalId } = await cashier.call('approval.request', { pin: '1234', purpose: 'return' });
              const lines = app.core.current().documents.lines(app.core.current().documents.byNumber(sale.number)!.id);
              const r = await cashier.call('returns.create', {
                originalNumber: sale.number,
                lines: lines.map((l) => ({ lineId: l.line_id, quantity: l.quantity })),
                reason: 'Returned',
                refundMethod: o.method,
                approvalId,
                requestId: randomUUID(),
              });
              if (o.method === 'cash') mine = mine.sub(Decimal.parse(r.document.total));
            } else {
              await cashier.call('shift.move', { kind: o.kind, amount: amount(o.cents), reason: 'Random' });
              mine = o.kind === 'paid-in' ? mine.add(Decimal.parse(amount(o.cents))) : mine.sub(Decimal.parse(amount(o.cents)));
            }
          }
          const expected = mine.toFixed(2);
          const open = (await manager.call('shift.list', {}))[0]!;
          expect(open.id).toBe(shift.id);
          expect(open.cash!.expected).toBe(expected);
          expect(app.core.current().shifts.runningCash(shift.id)).toBe(expected);
          const x = await manager.call('reports.daily', { kind: 'X' });
          expect(x.cashControl!.shifts.find((s) => s.id === shift.id)!.expected).toBe(expected);

          const counted = Decimal.parse(expected).add(Decimal.fromInt(countOffsetCents).div(Decimal.fromInt(100), 2));
          const total = counted.isNegative() ? '0.00' : counted.toFixed(2);
          await cashier.call('shift.close', { total });
          const difference = Decimal.parse(total).sub(Decimal.parse(expected)).toFixed(2);
          const z = await manager.call('reports.daily', { kind: 'Z' });
          expect(z.cashControl!.shifts).toEqual([{ id: shift.id, cashier: 'Cashier', expected, counted: total, difference }]);
          expect(z.cashControl!.overShort).toBe(difference);
          const record = (await manager.call('shift.list', {}))[0]!;
          expect(record).toMatchObject({ id: shift.id, counted: total, difference, zNumber: z.number, cash: { expected } });
          expect(app.core.current().shifts.runningCash(shift.id)).toBe(expected);
        },
      ),
      { numRuns: 12 },
    );
  });
});
