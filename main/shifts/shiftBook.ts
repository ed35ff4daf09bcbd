// SPDX-License-Identifier: UNLICENSED
// Shifts at one till: open with a float, paid-in and paid-out with a reason, the running drawer figure kept at each
// cash sale and refund (inside the ledger's transaction, see recordSale), and a blind close: the count is recorded
// first, the expected figure is then recomputed from the ledger's payments and the cash movements — never taken from
// the running figure, which is only kept alongside so the two can be compared (test/shifts) — and counted − expected
// is stored as over/short. A closed shift is never re-opened or changed; a manager annotates it.
import type { ShiftView } from '../../app/contract/shiftTypes';
import { DukkanError } from '../../app/errors/index';
import { Decimal } from '../../app/money/decimal';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { AuditTrail } from '../audit/auditTrail';
import { countedTotal, drawerDelta, shiftCash, type DenominationCount } from './cashFigures';
import { shiftStatements, type CashPaymentRow, type ShiftRow, type ShiftStatements } from './shiftStore';

export interface ShiftUser {
  readonly id: number;
  readonly name: string;
  readonly role: 'cashier' | 'manager';
}

export interface BlindCount {
  readonly total?: string | undefined;
  readonly denominations?: readonly DenominationCount[] | undefined;
}

export class ShiftBook {
  private readonly q: ShiftStatements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly options: { readonly till: string; readonly clock: () => Date; readonly audit: AuditTrail },
  ) {
    this.q = shiftStatements(db);
  }

  /** The till's open shift, or null. */
  openShift(): ShiftRow | null {
    return this.q.open.get(this.options.till) ?? null;
  }

  current(viewer: ShiftUser): ShiftView | null {
    const open = this.openShift();
    return open ? this.view(open, viewer) : null;
  }

  open(user: ShiftUser, openingFloat: string): ShiftView {
    const float = Decimal.parse(openingFloat);
    return this.db
      .transaction(() => {
        const open = this.openShift();
        if (open) throw new DukkanError('shift.already-open', { cashier: open.cashier_name });
        const at = this.options.clock().getTime();
        const from = this.q.maxDocumentId.get()?.id ?? 0;
        const id = Number(this.q.insert.run(this.options.till, user.id, user.name, at, float.toFixed(2), from, float.toFixed(2)).lastInsertRowid);
        this.options.audit.record({ kind: 'shift-open', user, shiftId: id, after: float.toFixed(2) });
        return this.view(this.q.byId.get(id)!, user);
      })
      .immediate();
  }

  /** Paid-in or paid-out of the open shift, with its reason. */
  move(user: ShiftUser, kind: 'paid-in' | 'paid-out', amount: string, reason: string, approvedBy: string | null): ShiftView {
    const value = Decimal.parse(amount);
    if (value.isZero()) throw new DukkanError('shift.amount-zero', {}, { field: 'amount' });
    return this.db
      .transaction(() => {
        const open = this.requireOpen();
        this.q.insertMovement.run(open.id, kind, value.toFixed(2), reason, user.id, this.options.clock().getTime());
        const delta = kind === 'paid-in' ? value : value.neg();
        this.q.setRunning.run(Decimal.parse(open.running_cash).add(delta).toFixed(2), open.id);
        this.options.audit.record({ kind, user, approvedBy, shiftId: open.id, after: value.toFixed(2), reason });
        return this.view(this.q.byId.get(open.id)!, user);
      })
      .immediate();
  }

  /**
   * A document was committed with these payments: the open shift's running drawer figure follows its cash. Called
   * inside the ledger's issuance transaction (main/sale/counter), so the figure and the document commit together.
   */
  recordSale(kind: CashPaymentRow['kind'], payments: readonly { method: string; amount: string }[]): void {
    const open = this.openShift();
    if (!open) return;
    const cash = Decimal.sum(payments.filter((p) => p.method === 'cash').map((p) => Decimal.parse(p.amount)));
    if (cash.isZero()) return;
    this.q.setRunning.run(Decimal.parse(open.running_cash).add(drawerDelta(kind, cash)).toFixed(2), open.id);
  }

  /**
   * The blind close: the cashier's count is taken as given (total, or per denomination, or both when they agree),
   * then the expected cash is recomputed and the difference stored. `saleInProgress` refuses the close while a sale
   * is being completed at this till, so no cash lands in a closed shift.
   */
  close(user: ShiftUser, count: BlindCount, saleInProgress: boolean): ShiftView {
    const counted = this.countOf(count);
    if (saleInProgress) throw new DukkanError('shift.sale-in-progress');
    return this.db
      .transaction(() => {
        const open = this.requireOpen();
        const to = this.q.maxDocumentId.get()?.id ?? 0;
        const cash = this.cashOf(open, to);
        const difference = counted.sub(Decimal.parse(cash.expected)).toFixed(2);
        const denominations = count.denominations?.length ? JSON.stringify(count.denominations) : null;
        this.q.close.run(this.options.clock().getTime(), user.id, to, counted.toFixed(2), denominations, cash.expected, difference, open.id);
        this.options.audit.record({ kind: 'shift-close', user, shiftId: open.id, before: cash.expected, after: counted.toFixed(2) });
        return this.view(this.q.byId.get(open.id)!, user);
      })
      .immediate();
  }

  /** A manager's note on a closed shift (the shift itself stays as it was closed). */
  annotate(user: ShiftUser, id: number, note: string): ShiftView {
    return this.db
      .transaction(() => {
        const shift = this.get(id);
        if (shift.closed_at === null) throw new DukkanError('shift.still-open', { id }, { field: 'id' });
        this.q.insertNote.run(id, user.id, user.name, note, this.options.clock().getTime());
        this.options.audit.record({ kind: 'shift-note', user, shiftId: id, reason: note });
        return this.view(this.get(id), user);
      })
      .immediate();
  }

  list(viewer: ShiftUser, limit = 50): ShiftView[] {
    return this.q.recent.all(limit).map((row) => this.view(row, viewer));
  }

  byId(viewer: ShiftUser, id: number): ShiftView {
    return this.view(this.get(id), viewer);
  }

  /** The running drawer figure of a shift: kept for comparison with the recomputed one, never reported alone. */
  runningCash(id: number): string {
    return this.get(id).running_cash;
  }

  /** Shifts closed and not yet covered by a Z report (read by main/reports). */
  unreported(): ShiftRow[] {
    return this.q.unreported.all();
  }

  /** Marks every closed, unreported shift as covered by Z report `number` (inside the Z's transaction). */
  markReported(number: number): void {
    this.q.markReported.run(number);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private get(id: number): ShiftRow {
    const row = this.q.byId.get(id);
    if (!row) throw new DukkanError('shift.not-found', { id }, { field: 'id' });
    return row;
  }

  private requireOpen(): ShiftRow {
    const open = this.openShift();
    if (!open) throw new DukkanError('shift.none-open');
    return open;
  }

  private countOf(count: BlindCount): Decimal {
    const denominations = count.denominations ?? [];
    const seen = new Set<string>();
    for (const d of denominations) {
      const key = Decimal.parse(d.value).toFixed(2);
      if (seen.has(key)) throw new DukkanError('shift.denomination-twice', { value: key }, { field: 'denominations' });
      seen.add(key);
    }
    const sum = denominations.length > 0 ? countedTotal(denominations) : null;
    const total = count.total === undefined ? null : Decimal.parse(count.total);
    if (sum === null && total === null) throw new DukkanError('shift.count-missing', {}, { field: 'total' });
    if (sum !== null && total !== null && !sum.eq(total))
      throw new DukkanError('shift.count-disagrees', { sum: sum.toFixed(2), total: total.toFixed(2) }, { field: 'total' });
    return (total ?? sum)!;
  }

  /** The drawer's figures, recomputed from the ledger's cash payments in the shift's range and its movements. */
  cashOf(shift: ShiftRow, to: number | null = shift.to_document_id) {
    const payments = this.q.cashPayments.all(shift.from_document_id, to, to);
    return shiftCash(shift.opening_float, payments, this.q.movements.all(shift.id));
  }

  private view(row: ShiftRow, viewer: ShiftUser): ShiftView {
    const closed = row.closed_at !== null;
    // blind: a cashier sees no expected figure, neither before counting nor after; the manager sees everything
    const sees = viewer.role === 'manager';
    return {
      id: row.id,
      till: row.till,
      cashier: row.cashier_name,
      openedAt: new Date(row.opened_at).toISOString(),
      closedAt: closed ? new Date(row.closed_at!).toISOString() : null,
      openingFloat: row.opening_float,
      documents: this.q.documentCount.get(row.from_document_id, row.to_document_id, row.to_document_id)?.n ?? 0,
      cash: sees ? this.cashOf(row) : null,
      counted: row.counted,
      difference: sees ? row.difference : null,
      movements: this.q.movements.all(row.id).map((m) => ({ kind: m.kind, amount: m.amount, reason: m.reason, at: new Date(m.at).toISOString() })),
      notes: this.q.notes.all(row.id).map((n) => ({ by: n.user_name, note: n.note, at: new Date(n.at).toISOString() })),
      zNumber: row.z_number,
    };
  }
}
