// SPDX-License-Identifier: UNLICENSED
// The drawer's arithmetic, in one place: what a shift's drawer should hold, from the float, the ledger's cash
// payments and refunds, and the paid-in and paid-out movements. Exact decimals (app/money), never floating point.
import type { ShiftCash } from '../../app/contract/shiftTypes';
import { Decimal } from '../../app/money/decimal';
import type { CashPaymentRow, MovementRow } from './shiftStore';

/** How one document's cash payment moves the drawer: a sale or debit note takes cash in, a credit note pays it out. */
export function drawerDelta(kind: CashPaymentRow['kind'], amount: Decimal): Decimal {
  return kind === 'credit-note' ? amount.neg() : amount;
}

export function shiftCash(openingFloat: string, payments: readonly CashPaymentRow[], movements: readonly Pick<MovementRow, 'kind' | 'amount'>[]): ShiftCash {
  const sum = (values: Decimal[]) => Decimal.sum(values);
  const cashSales = sum(payments.filter((p) => p.kind !== 'credit-note').map((p) => Decimal.parse(p.amount)));
  const cashRefunds = sum(payments.filter((p) => p.kind === 'credit-note').map((p) => Decimal.parse(p.amount)));
  const paidIn = sum(movements.filter((m) => m.kind === 'paid-in').map((m) => Decimal.parse(m.amount)));
  const paidOut = sum(movements.filter((m) => m.kind === 'paid-out').map((m) => Decimal.parse(m.amount)));
  const float = Decimal.parse(openingFloat);
  const expected = float.add(cashSales).sub(cashRefunds).add(paidIn).sub(paidOut);
  const f = (d: Decimal) => d.toFixed(2);
  return { openingFloat: f(float), cashSales: f(cashSales), cashRefunds: f(cashRefunds), paidIn: f(paidIn), paidOut: f(paidOut), expected: f(expected) };
}

/** One denomination of a count: its face value and how many of it. */
export interface DenominationCount {
  readonly value: string;
  readonly count: number;
}

export function countedTotal(denominations: readonly DenominationCount[]): Decimal {
  return Decimal.sum(denominations.map((d) => Decimal.parse(d.value).mul(Decimal.fromInt(d.count))));
}
