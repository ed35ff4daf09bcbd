// SPDX-License-Identifier: UNLICENSED
// What happens at the counter: quote a cart, complete a sale, find a receipt, return lines (credit note), charge an
// undercharge (debit note), reprint, preview. The order is always: validate → issue through the Ledger (durable:
// the document, its chain position and its reporting job in one committed transaction) → record the payment →
// print. A receipt is never printed for a document that is not committed, and a printing failure never undoes one.
import type { DocumentSummary, IssueResult, PrintOutcome, Quote, ReceiptDetails, ReceiptPreview } from '../../app/contract/types';
import type { DocumentInput, DocumentInputJson } from '../../app/document/documentInput';
import type { Signing } from '../../app/engine/buildAndStamp';
import { Decimal } from '../../app/money/decimal';
import type { CatalogStore } from '../catalog/catalogStore';
import { ApiFailure } from '../ipc/apiFailure';
import type { IssuedDocument, Ledger, SaleInput } from '../ledger/ledger';
import type { DocumentRow } from '../ledger/ledgerStore';
import type { Logger } from '../log/logger';
import type { ClientSession, SessionStore } from '../users/sessions';
import type { DocumentStore, PaymentRow } from './documentStore';
import type { PrintingService } from './printingService';
import { receiptModelOf } from './receiptModelOf';
import { paymentMeansOf, priceCart, quoteOf, settle, totalsOf, type Cart } from './saleBuilder';

export interface CounterOptions {
  readonly ledger: Ledger;
  readonly documents: DocumentStore;
  readonly catalog: CatalogStore;
  readonly printing: PrintingService;
  readonly sessions: SessionStore;
  /** The production certificate and signer of the active environment (refused when expired). */
  readonly signing: () => Promise<Signing>;
  readonly seller: () => DocumentInputJson['seller'];
  readonly branch: () => string | undefined;
  readonly training: boolean;
  /** A document was issued: report it now if online. */
  readonly issued: () => void;
  readonly clock: () => Date;
  readonly logger: Logger;
}

const NOT_FOUND = (number: string) =>
  new ApiFailure('not-found', `no document ${number} was issued by this terminal`, { messageAr: `لم يصدر هذا الجهاز المستند ${number}` });

export class Counter {
  /** Completions under way by request id: a double click waits for the first instead of issuing twice. */
  private readonly inFlight = new Map<string, Promise<IssueResult>>();
  /** Request ids whose document was committed but whose payment row could not be written. */

  constructor(private readonly o: CounterOptions) {}

  quote(cart: Cart & { readonly approvalId?: string | undefined }, session: ClientSession): Quote {
    const priced = priceCart(cart, (id) => this.o.catalog.get(id), this.o.seller(), paymentMeansOf(cart.payments));
    const approved = this.o.sessions.approval(session, cart.approvalId, ['price-override', 'discount']) !== undefined;
    return quoteOf(priced, cart.payments, approved);
  }

  completeSale(input: Cart & { readonly saleId: string; readonly approvalId?: string | undefined }, session: ClientSession): Promise<IssueResult> {
    return this.once(input.saleId, async () => {
      const q = this.quote(input, session);
      if (!q.complete) throw new ApiFailure('rejected', `the sale cannot be completed yet: ${q.problems.join('; ')}`);
      const s = settle(Decimal.parse(q.total), input.payments);
      const priced = priceCart(input, (id) => this.o.catalog.get(id), this.o.seller(), paymentMeansOf(s.settled));
      return this.issue(
        priced.sale,
        input.saleId,
        session,
        s.settled,
        s.change.toFixed(2),
        s.settled.some((p) => p.method === 'cash'),
      );
    });
  }

  /** Returns chosen lines of an invoice of this terminal: a credit note referencing it, refunded by cash or card. */
  creditNote(
    input: {
      originalNumber: string;
      lines: readonly { lineId: number; quantity: string }[];
      reason: string;
      refundMethod: 'cash' | 'card';
      approvalId: string;
      requestId: string;
    },
    session: ClientSession,
  ): Promise<IssueResult> {
    return this.once(input.requestId, async () => {
      this.requireApproval(session, input.approvalId, 'return');
      const { row, doc } = this.invoice(input.originalNumber);
      const lines = input.lines.map(({ lineId, quantity }, i): DocumentInputJson['lines'][number] => {
        const line = this.originalLine(doc, lineId, i);
        const q = Decimal.parse(quantity);
        // a discounted line is refunded at what was paid for it: the discount in proportion to the quantity returned
        const discount = line.discount ? Decimal.parse(line.discount.amount).mul(q).div(Decimal.parse(line.quantity), 2) : undefined;
        return {
          name: line.name,
          quantity: q.toMinimal(),
          unitCode: line.unitCode,
          unitPrice: line.unitPrice,
          vat: line.vat,
          originalLine: lineId,
          ...(line.itemCode ? { itemCode: line.itemCode } : {}),
          ...(discount && !discount.isZero() ? { discount: { amount: discount.toFixed(2), reason: line.discount!.reason } } : {}),
        };
      });
      const sale = this.noteOf('credit-note', doc, row, lines, input.reason, input.refundMethod);
      return this.issue(
        sale,
        input.requestId,
        session,
        [{ method: input.refundMethod, amount: totalsOf(sale).payable.toFixed(2) }],
        '0.00',
        input.refundMethod === 'cash',
      );
    });
  }

  /** An undercharge on an invoice of this terminal: a debit note for the difference per unit. */
  debitNote(
    input: {
      originalNumber: string;
      lines: readonly { lineId: number; quantity: string; unitAmount: string }[];
      reason: string;
      paymentMethod: 'cash' | 'card';
      approvalId: string;
      requestId: string;
    },
    session: ClientSession,
  ): Promise<IssueResult> {
    return this.once(input.requestId, async () => {
      this.requireApproval(session, input.approvalId, 'debit-note');
      const { row, doc } = this.invoice(input.originalNumber);
      const lines = input.lines.map(({ lineId, quantity, unitAmount }, i): DocumentInputJson['lines'][number] => {
        const line = this.originalLine(doc, lineId, i);
        return {
          name: line.name,
          quantity: Decimal.parse(quantity).toMinimal(),
          unitCode: line.unitCode,
          unitPrice: Decimal.parse(unitAmount).toMinimal(2),
          vat: line.vat,
          originalLine: lineId,
        };
      });
      const sale = this.noteOf('debit-note', doc, row, lines, input.reason, input.paymentMethod);
      return this.issue(
        sale,
        input.requestId,
        session,
        [{ method: input.paymentMethod, amount: totalsOf(sale).payable.toFixed(2) }],
        '0.00',
        input.paymentMethod === 'cash',
      );
    });
  }

  /** By number (T1-000123) or by the text a 2D scanner reads from the receipt's QR code. */
  find(query: string): ReceiptDetails | null {
    const q = query.trim();
    const row = /^[A-Za-z0-9]{1,10}-\d{1,12}$/.test(q) ? this.o.documents.byNumber(q) : this.o.documents.byQr(q);
    if (!row) return null;
    const doc = this.o.documents.documentOf(row);
    const returned = new Map<number, Decimal>();
    for (const r of this.o.documents.returnedQuantities(row.id))
      returned.set(r.lineId, (returned.get(r.lineId) ?? Decimal.ZERO).add(Decimal.parse(r.quantity)));
    return {
      document: this.summary(row),
      pricesIncludeVat: doc.pricesIncludeVat,
      lines: this.o.documents.lines(row.id).map((l) => {
        const back = returned.get(l.line_id) ?? Decimal.ZERO;
        const left = Decimal.parse(l.quantity).sub(back);
        return {
          lineId: l.line_id,
          name: l.name,
          quantity: l.quantity,
          unitPrice: l.unit_price,
          vatRate: l.vat_rate,
          vatCategory: l.vat_category as 'S',
          returned: back.toMinimal(),
          returnable: left.isNegative() ? '0' : left.toMinimal(),
        };
      }),
      payments: this.o.documents.payments(row.id),
      originalNumber: row.billing_reference,
      reason: doc.reason ?? null,
      notes: row.kind === 'invoice' ? this.o.documents.notesOf(row.id).map((n) => ({ number: n.number, kind: n.kind, total: n.payable })) : [],
      reporting: this.o.documents.reportingState(row.id) as ReceiptDetails['reporting'],
    };
  }

  reprint(number: string): Promise<PrintOutcome> {
    const row = this.o.documents.byNumber(number);
    if (!row) throw NOT_FOUND(number);
    return this.o.printing.print(this.modelOf(row), { copy: true });
  }

  async preview(number: string): Promise<ReceiptPreview> {
    const row = this.o.documents.byNumber(number);
    if (!row) throw NOT_FOUND(number);
    return { dataUrl: await this.o.printing.preview(this.modelOf(row)) };
  }

  // ---------------------------------------------------------------------------------------------------------------

  private once(requestId: string, work: () => Promise<IssueResult>): Promise<IssueResult> {
    const done = this.o.documents.request(requestId);
    const documentId = done?.document_id;
    if (documentId !== undefined) {
      const row = this.o.documents.get(documentId)!;
      return Promise.resolve({
        document: this.summary(row),
        change: done?.change ?? '0.00',
        print: { state: 'failed', message: `this was already completed as ${row.number}; reprint it from the receipts screen if no receipt came out` },
      });
    }
    const running = this.inFlight.get(requestId);
    if (running) return running;
    const run = work().finally(() => this.inFlight.delete(requestId));
    this.inFlight.set(requestId, run);
    return run;
  }

  private requireApproval(session: ClientSession, approvalId: string, purpose: 'return' | 'debit-note'): void {
    if (!this.o.sessions.approval(session, approvalId, [purpose])) {
      throw new ApiFailure('forbidden', 'a manager must approve this (the approval is missing or expired)', {
        messageAr: 'يجب أن يوافق المدير على هذا (الموافقة غير موجودة أو منتهية)',
      });
    }
  }

  private invoice(number: string): { row: DocumentRow; doc: DocumentInput } {
    const row = this.o.documents.byNumber(number);
    if (!row) throw NOT_FOUND(number);
    if (row.kind !== 'invoice')
      throw new ApiFailure('rejected', `${number} is a ${row.kind}; notes are issued against the invoice`, {
        messageAr: `${number} ليس فاتورة؛ تصدر الإشعارات على الفاتورة`,
      });
    return { row, doc: this.o.documents.documentOf(row) };
  }

  private originalLine(doc: DocumentInput, lineId: number, i: number): DocumentInput['lines'][number] {
    const line = doc.lines[lineId - 1];
    if (!line)
      throw new ApiFailure('invalid-input', `invoice ${doc.number} has no line ${lineId}`, {
        fields: [{ path: `lines.${i}.lineId`, message: 'no such line' }],
      });
    return line;
  }

  private noteOf(
    kind: 'credit-note' | 'debit-note',
    doc: DocumentInput,
    row: DocumentRow,
    lines: DocumentInputJson['lines'],
    reason: string,
    method: 'cash' | 'card',
  ): SaleInput {
    return {
      kind,
      profile: doc.profile,
      pricesIncludeVat: doc.pricesIncludeVat,
      seller: this.o.seller(),
      ...(doc.buyer ? { buyer: doc.buyer } : {}),
      lines,
      paymentMeans: [method],
      billingReference: { number: row.number, issueDate: row.issue_date },
      reason,
    };
  }

  private async issue(
    sale: SaleInput,
    requestId: string,
    session: ClientSession,
    payments: readonly PaymentRow[],
    change: string,
    openDrawer: boolean,
  ): Promise<IssueResult> {
    const signing = await this.o.signing();
    // the payment and the request id are written in the ledger's own transaction: a sale is issued with them or not at all
    const issued: IssuedDocument = await this.o.ledger.issue(sale, signing, {
      withinCommit: (documentId) => this.o.documents.recordPayment(requestId, documentId, session.user?.id ?? null, change, payments, this.o.clock()),
    });
    // committed: from here on the document exists whatever happens next, so nothing below may report a failed sale
    this.o.issued();
    const row = this.o.documents.get(issued.id)!;
    const print = await this.o.printing.print(this.modelOf(row), { openDrawer });
    return { document: this.summary(row), change, print };
  }

  private modelOf(row: DocumentRow) {
    const request = this.o.documents.requestOf(row.id);
    return receiptModelOf(
      { document: this.o.documents.documentOf(row), qr: row.qr },
      { payments: this.o.documents.payments(row.id), change: request?.change ?? null, branch: this.o.branch(), training: this.o.training },
    );
  }

  private summary(row: DocumentRow): DocumentSummary {
    return {
      number: row.number,
      kind: row.kind,
      issueDate: row.issue_date,
      issueTime: row.issue_time,
      total: row.payable,
      vat: row.vat,
      training: this.o.training,
    };
  }
}
