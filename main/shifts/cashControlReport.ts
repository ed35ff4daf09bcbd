// SPDX-License-Identifier: UNLICENSED
// The cash-control part of the X and Z reports (main/reports/dailyReport): per cashier, the shifts' blind counts and
// over/short, the paid-in and paid-out, and the counts of voids, price overrides, discounts and refunds of the
// period — every figure recomputed from the ledger, the shifts' cash movements and the audit trail, never from a
// counter. Also the two refusals of a Z: while a shift is open, and when nothing happened since the last Z.
import type { DailyCashControl } from '../../app/contract/shiftTypes';
import { DukkanError } from '../../app/errors/index';
import { Decimal } from '../../app/money/decimal';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { AuditTrail } from '../audit/auditTrail';
import type { ShiftBook } from './shiftBook';
import { cashierStatements } from './shiftStore';

export interface ReportPeriod {
  /** Documents with fromId < id <= toId. */
  readonly fromId: number;
  readonly toId: number;
  /** Audit events with fromMs <= at < toMs. */
  readonly fromMs: number;
  readonly toMs: number;
}

export class CashControlReport {
  private readonly q;

  constructor(
    db: SqliteDatabase,
    private readonly options: {
      readonly shifts: Pick<ShiftBook, 'openShift' | 'unreported' | 'markReported' | 'cashOf'>;
      readonly audit: Pick<AuditTrail, 'countsBetween'>;
      /** The name of a user of the terminal's database. */
      readonly userName: (id: number) => string | undefined;
    },
  ) {
    this.q = cashierStatements(db);
  }

  /** Refuses a Z while a shift is open, or when nothing happened since the last Z (`lastNumber`). */
  checkZ(lastNumber: number | null, documents: number): void {
    const open = this.options.shifts.openShift();
    if (open) throw new DukkanError('report.shift-open', { cashier: open.cashier_name });
    if (lastNumber !== null && documents === 0 && this.options.shifts.unreported().length === 0)
      throw new DukkanError('report.nothing-new', { number: lastNumber });
  }

  of(period: ReportPeriod): DailyCashControl {
    const cashiers = this.q.perCashier.all(period.fromId, period.toId).map((r) => ({
      cashier: r.user_id === null ? null : (this.options.userName(r.user_id) ?? `#${r.user_id}`),
      documents: r.documents,
      net: Decimal.fromUnits(BigInt(r.halalas), 2).toFixed(2),
    }));
    const open = this.options.shifts.openShift();
    const rows = [...this.options.shifts.unreported(), ...(open ? [open] : [])];
    const shifts = rows.map((s) => ({
      id: s.id,
      cashier: s.cashier_name,
      expected: s.expected ?? this.options.shifts.cashOf(s).expected,
      counted: s.counted,
      difference: s.difference,
    }));
    const cash = rows.map((s) => this.options.shifts.cashOf(s));
    const counts = this.options.audit.countsBetween(period.fromMs, period.toMs);
    return {
      cashiers,
      shifts,
      overShort: Decimal.sum(shifts.map((s) => Decimal.parse(s.difference ?? '0'))).toFixed(2),
      voids: counts['void'] ?? 0,
      priceOverrides: counts['price-override'] ?? 0,
      discounts: counts['discount'] ?? 0,
      refunds: counts['refund'] ?? 0,
      paidIn: Decimal.sum(cash.map((c) => Decimal.parse(c.paidIn))).toFixed(2),
      paidOut: Decimal.sum(cash.map((c) => Decimal.parse(c.paidOut))).toFixed(2),
    };
  }

  /** Inside the Z's transaction: the closed shifts are now covered by Z `number`. */
  closed(number: number): void {
    this.options.shifts.markReported(number);
  }
}
