// SPDX-License-Identifier: UNLICENSED
// What a committed sale, return or debit note leaves besides the document, written inside the ledger's issuance
// transaction (main/sale/counter, Ledger.issue's withinCommit): the open shift's running drawer figure, and the
// audit events of the sale — each price override and discount (with the catalog price before and the price after,
// and the manager who approved it) and each refund (with its reason). Committed with the document or not at all.
import type { QuoteLine } from '../../app/contract/types';
import type { AuditTrail } from '../audit/auditTrail';
import type { ShiftBook } from './shiftBook';

export interface CommittedSale {
  readonly number: string;
  readonly kind: 'invoice' | 'credit-note' | 'debit-note';
  readonly payments: readonly { readonly method: string; readonly amount: string }[];
  readonly user: { readonly id: number; readonly name: string } | null;
  /** The priced lines of a sale (what the cashier saw): overridden and discounted ones are audited. */
  readonly lines?: readonly QuoteLine[] | undefined;
  /** The manager who approved the sale's changes or the note. */
  readonly approvedBy?: string | undefined;
  /** A note's reason and the invoice it refers to. */
  readonly reason?: string | undefined;
  readonly original?: string | undefined;
  readonly total: string;
}

export class SaleRecorder {
  constructor(
    private readonly shifts: Pick<ShiftBook, 'recordSale' | 'openShift'>,
    private readonly audit: Pick<AuditTrail, 'record'>,
  ) {}

  committed(sale: CommittedSale): void {
    this.shifts.recordSale(sale.kind, sale.payments);
    const shiftId = this.shifts.openShift()?.id ?? null;
    const common = { user: sale.user, approvedBy: sale.approvedBy ?? null, shiftId, document: sale.number };
    for (const line of sale.lines ?? []) {
      if (line.overridden)
        this.audit.record({ ...common, kind: 'price-override', before: `${line.name}: ${line.catalogPrice}`, after: `${line.name}: ${line.unitPrice}` });
      if (line.discount !== null)
        this.audit.record({
          ...common,
          kind: 'discount',
          before: `${line.name}: ${line.quantity} × ${line.unitPrice}`,
          after: `${line.name}: −${line.discount}`,
        });
    }
    if (sale.kind === 'credit-note') {
      const method = sale.payments.map((p) => `${p.method} ${p.amount}`).join(', ');
      this.audit.record({ ...common, kind: 'refund', before: sale.original ?? null, after: method || sale.total, reason: sale.reason ?? null });
    }
  }
}
