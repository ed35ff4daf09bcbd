// SPDX-License-Identifier: UNLICENSED
// The audit trail of one data folder: who did what at the till (sign-ins, voids, price overrides, discounts, refunds,
// drawer opens, paid-in and paid-out, shifts, Z reports), when, on which sale, before and after, and why. Written
// next to the action it records — inside the ledger's transaction for what a sale carries — and never changed. The
// manager reads it filtered by cashier, day and kind, and the export zip carries it as CSV.
import type { AuditEvent, AuditKind } from '../../app/contract/shiftTypes';
import { RIYADH_OFFSET_MS, riyadhDate } from '../../app/time/riyadhTime';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { auditStatements, type AuditRow } from './auditStore';

/** What the caller knows of an event; the trail adds the time and the till. */
export interface AuditRecord {
  readonly kind: AuditKind;
  readonly user?: { readonly id: number; readonly name: string } | null;
  readonly approvedBy?: string | null;
  readonly shiftId?: number | null;
  readonly document?: string | null;
  readonly before?: string | null;
  readonly after?: string | null;
  readonly reason?: string | null;
}

export interface AuditFilter {
  /** A Riyadh calendar day, YYYY-MM-DD (the day the shop lives in, reference §7's issue dates). */
  readonly day?: string | undefined;
  readonly user?: string | undefined;
  readonly kind?: AuditKind | undefined;
  readonly limit?: number | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class AuditTrail {
  private readonly q;

  constructor(
    db: SqliteDatabase,
    private readonly options: { readonly till: string; readonly clock: () => Date },
  ) {
    this.q = auditStatements(db);
  }

  get till(): string {
    return this.options.till;
  }

  record(event: AuditRecord): void {
    this.q.insert.run({
      at: this.options.clock().getTime(),
      kind: event.kind,
      till: this.options.till,
      user_id: event.user?.id ?? null,
      user_name: event.user?.name ?? null,
      approved_by: event.approvedBy ?? null,
      shift_id: event.shiftId ?? null,
      document_number: event.document ?? null,
      before_value: event.before ?? null,
      after_value: event.after ?? null,
      reason: event.reason ?? null,
    });
  }

  /** Returns without this till's receipt (refunds whose original is `external …`) on the Riyadh day of `now`. */
  externalRefundsOn(now: Date): number {
    const from = Date.parse(`${riyadhDate(now)}T00:00:00Z`) - RIYADH_OFFSET_MS;
    return this.q.externalRefundsBetween.get(from, from + DAY_MS)?.n ?? 0;
  }

  /** How many events of each kind happened in [fromMs, toMs). */
  countsBetween(fromMs: number, toMs: number): Partial<Record<AuditKind, number>> {
    return Object.fromEntries(this.q.countsBetween.all(fromMs, toMs).map((r) => [r.kind, r.n]));
  }

  list(filter: AuditFilter = {}): AuditEvent[] {
    // a Riyadh day runs from its midnight at UTC+3 (app/time/riyadhTime)
    const from = filter.day === undefined ? null : Date.parse(`${filter.day}T00:00:00Z`) - RIYADH_OFFSET_MS;
    const rows = this.q.list.all({
      from,
      to: from === null ? null : from + DAY_MS,
      user: filter.user ?? null,
      kind: filter.kind ?? null,
      limit: filter.limit ?? 5000,
    });
    return rows.map(eventOf);
  }
}

function eventOf(r: AuditRow): AuditEvent {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    kind: r.kind as AuditKind,
    till: r.till,
    user: r.user_name,
    approvedBy: r.approved_by,
    shiftId: r.shift_id,
    document: r.document_number,
    before: r.before_value,
    after: r.after_value,
    reason: r.reason,
  };
}
