// SPDX-License-Identifier: UNLICENSED
// What the cash-control and audit-trail methods answer (main/shifts, main/audit): a till's shift with its cash
// figures, the drawer's movements, and the audit trail's events. Amounts are decimal strings, exact.

/** The drawer's figures of a shift, recomputed from the ledger's payments and the cash movements. */
export interface ShiftCash {
  readonly openingFloat: string;
  readonly cashSales: string;
  readonly cashRefunds: string;
  readonly paidIn: string;
  readonly paidOut: string;
  /** float + cash sales − cash refunds + paid-in − paid-out */
  readonly expected: string;
}

export interface CashMovement {
  readonly kind: 'paid-in' | 'paid-out';
  readonly amount: string;
  readonly reason: string;
  readonly at: string;
}

export interface ShiftNote {
  readonly by: string;
  readonly note: string;
  readonly at: string;
}

export interface ShiftView {
  readonly id: number;
  readonly till: string;
  readonly cashier: string;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly openingFloat: string;
  readonly documents: number;
  /**
   * The cash figures: for a manager always; for a cashier never while the shift is open (the count is blind) and,
   * once closed, only what they counted.
   */
  readonly cash: ShiftCash | null;
  readonly counted: string | null;
  /** counted − expected: negative is short, positive over (null while open, or for a cashier). */
  readonly difference: string | null;
  readonly movements: readonly CashMovement[];
  readonly notes: readonly ShiftNote[];
  readonly zNumber: number | null;
}

export type AuditKind =
  | 'sign-in'
  | 'approval-session'
  | 'void'
  | 'price-override'
  | 'discount'
  | 'refund'
  | 'drawer-open'
  | 'paid-in'
  | 'paid-out'
  | 'shift-open'
  | 'shift-close'
  | 'shift-note'
  | 'z-report'
  /** A backup run and a restore of the ledger (main/backup, docs/backups.md). */
  | 'backup'
  | 'restore'
  /** The discount a cashier may give without a manager was changed (docs/cash-control.md). */
  | 'discount-limit';

export interface AuditEvent {
  readonly id: number;
  readonly at: string;
  readonly kind: AuditKind;
  readonly till: string;
  readonly user: string | null;
  readonly approvedBy: string | null;
  readonly shiftId: number | null;
  readonly document: string | null;
  readonly before: string | null;
  readonly after: string | null;
  readonly reason: string | null;
}

/** A closed Z report in the list: its number, when and what it covered. */
export interface ZReportEntry {
  readonly number: number;
  readonly closedAt: string;
  readonly net: string;
  readonly documents: number;
}

/** What the X and Z reports add for cash control: per cashier, the shifts' over/short, voids, discounts. */
export interface DailyCashControl {
  /** Net sales per cashier who issued them (documents issued outside the till, e.g. by the CLI, under null). */
  readonly cashiers: readonly { readonly cashier: string | null; readonly documents: number; readonly net: string }[];
  /** Shifts closed in the period (and the open one, for an X), with their blind count and over/short. */
  readonly shifts: readonly {
    readonly id: number;
    readonly cashier: string;
    readonly expected: string;
    readonly counted: string | null;
    readonly difference: string | null;
  }[];
  readonly overShort: string;
  readonly voids: number;
  readonly priceOverrides: number;
  readonly discounts: number;
  readonly refunds: number;
  readonly paidIn: string;
  readonly paidOut: string;
}
