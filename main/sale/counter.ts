// SPDX-License-Identifier: UNLICENSED
// What happens at the counter: quote a cart, complete a sale, return lines (credit note), charge an undercharge
// (debit note). The order is always: validate → issue through the Ledger (durable: the document, its chain position,
// its reporting job and how it was paid in one committed transaction) → print. A receipt is never printed for a
// document that is not committed, and a printing failure never undoes one. Each call carries a request id: the same
// sale sent twice, even at once, is issued once.
import type { IssueResult, PaymentMethod, PaymentView, Quote } from '../../app/contract/types';
import type { DocumentInput, DocumentInputJson } from '../../app/document/documentInput';
import type { Signing } from '../../app/engine/buildAndStamp';
import { Decimal } from '../../app/money/decimal';
import type { CatalogStore } from '../catalog/catalogStore';
import { DukkanError } from '../../app/errors/index';
import type { IssuedDocument, Ledger, SaleInput } from '../ledger/ledger';
import type { DocumentRow } from '../ledger/ledgerStore';
import type { ClientSession, SessionStore } from '../users/sessions';
import type { DocumentStore } from './documentStore';
import { creditNoteLines, debitNoteLines, noteOf, type DebitRequest, type ReturnRequest } from './notes';
import { documentNotFound, type ReceiptOutput, type Receipts } from './receipts';
import { paymentMeansOf, priceCart, quoteOf, settle, totalsOf, type Cart, type CartPayment } from './saleBuilder';
import type { CommittedSale, SaleRecorder } from '../shifts/saleRecorder';
import type { StandardNotes } from './standardNotes';
import { externalCreditNote, externalReference } from './externalReturn';
import type { ForeignOriginalStore } from './foreignOriginalStore';
import { foreignCreditNote, type ForeignOriginal, type ForeignReturnRequest } from './foreignReturn';
import { formatVoucherCode, newVoucherCode, normalizeVoucherCode, type StoreCredit } from '../storeCredit/storeCredit';

/** What a return without this till's receipt asks for (the contract's `returns.external`). */
export interface ExternalReturnRequest {
  readonly lines: readonly { readonly productId: number; readonly quantity: string }[];
  readonly number?: string | undefined;
  readonly issueDate?: string | undefined;
  readonly qr?: string | undefined;
  readonly reason: string;
  readonly refundMethod: PaymentMethod;
  readonly approvalId: string;
  readonly requestId: string;
}

/** What the recorder hears of a document beyond what issue() knows itself. */
type SaleContext = Pick<CommittedSale, 'lines' | 'approvedBy' | 'reason' | 'original'> & {
  readonly approvalId?: string | undefined;
  /** A return of another till's sale: the original's UUID, kept with the note in its commit (main/sale/foreignReturn.ts). */
  readonly foreignOriginal?: string;
};

export interface CounterOptions {
  readonly ledger: Pick<Ledger, 'issue'>;
  readonly documents: Pick<DocumentStore, 'request' | 'get' | 'byNumber' | 'byQr' | 'documentOf' | 'recordPayment'>;
  readonly catalog: Pick<CatalogStore, 'get'>;
  /** The manager approvals granted at each till (main/users/sessions). */
  readonly approvals: Pick<SessionStore, 'approval' | 'consume'>;
  readonly receipts: Pick<Receipts, 'modelOf' | 'summary'>;
  readonly printing: Pick<ReceiptOutput, 'print'>;
  /** The production certificate and signer of the active environment (refused when expired). */
  readonly signing: () => Promise<Signing>;
  readonly seller: () => DocumentInputJson['seller'];
  /** A document was issued: report it now if online. */
  readonly issued: () => void;
  readonly clock: () => Date;
  /** Cash control and the audit trail (main/shifts): told of each document inside its issuance transaction. */
  readonly recorder?: Pick<SaleRecorder, 'committed'>;
  /** Notes against a standard (B2B) invoice: cleared like it, never printed as a receipt (main/sale/standardNotes.ts). */
  readonly standardNotes?: () => StandardNotes;
  /** The originals of returns of another till's sale (docs/store-server.md, "Returns at another till"). */
  readonly foreignOriginals?: Pick<ForeignOriginalStore, 'record'>;
  /** The percent of a line a cashier may discount without a manager (terminal setting; none: every discount needs one). */
  readonly discountFreePercent?: () => string;
  /** Store-credit vouchers (main/storeCredit): issued by returns refunded as store credit, redeemed at payment. */
  readonly storeCredit?: Pick<StoreCredit, 'problems' | 'redeem' | 'issue'>;
}

export class Counter {
  /** Completions under way by request id: a double click waits for the first instead of issuing twice. */
  private readonly inFlight = new Map<string, Promise<IssueResult>>();

  constructor(private readonly o: CounterOptions) {}

  private discountFree(): Decimal {
    return Decimal.parse(this.o.discountFreePercent?.() ?? '0');
  }

  /** Whether a sale, return or debit note is being completed right now (a shift does not close under it). */
  busy(): boolean {
    return this.inFlight.size > 0;
  }

  quote(cart: Cart & { readonly approvalId?: string | undefined }, session: ClientSession): Quote {
    const priced = priceCart(cart, (id) => this.o.catalog.get(id), this.o.seller(), paymentMeansOf(cart.payments), this.discountFree());
    const approved = this.o.approvals.approval(session, cart.approvalId, ['price-override', 'discount']) !== undefined;
    const q = quoteOf(priced, cart.payments, approved);
    // a voucher that is unknown, used up or too small is said before the sale (the commit checks it again in SQL)
    const vouchers = this.storeCredit(cart.payments)?.problems(cart.payments) ?? [];
    return vouchers.length > 0 ? { ...q, problems: [...q.problems, ...vouchers], complete: false } : q;
  }

  completeSale(input: Cart & { readonly saleId: string; readonly approvalId?: string | undefined }, session: ClientSession): Promise<IssueResult> {
    return this.once(input.saleId, async () => {
      const q = this.quote(input, session);
      if (!q.complete) {
        const problems = q.problems.map((p) => ({ path: '', code: p.reason, params: p.params }));
        throw new DukkanError('sale.incomplete', { count: problems.length }, { problems });
      }
      const s = settle(Decimal.parse(q.total), input.payments);
      const priced = priceCart(input, (id) => this.o.catalog.get(id), this.o.seller(), paymentMeansOf(s.settled), this.discountFree());
      const approvedBy = this.o.approvals.approval(session, input.approvalId, ['price-override', 'discount'])?.managerName;
      const fieldOf = (code: string) =>
        `payments.${Math.max(
          0,
          input.payments.findIndex((p) => p.voucherCode !== undefined && sameVoucher(p.voucherCode, code)),
        )}.voucherCode`;
      return this.issue(
        priced.sale,
        input.saleId,
        session,
        s.settled,
        s.change.toFixed(2),
        s.settled.some((p) => p.method === 'cash'),
        { lines: priced.lines, approvedBy, approvalId: input.approvalId },
        (documentId) => this.storeCredit(s.settled)?.redeem(documentId, s.settled, fieldOf) ?? s.settled,
      );
    });
  }

  /** Returns chosen lines of an invoice of this terminal: a credit note referencing it, refunded by cash, card or store credit. */
  creditNote(input: ReturnRequest, session: ClientSession): Promise<IssueResult> {
    return this.note('credit-note', input, input.refundMethod, session, (doc) => creditNoteLines(doc, input.lines));
  }

  /**
   * A return without this till's receipt (main/sale/externalReturn.ts): the lines at today's shelf price, a credit
   * note referencing the external sale, approved by a manager, refunded by one method.
   */
  externalReturn(input: ExternalReturnRequest, session: ClientSession): Promise<IssueResult> {
    return this.once(input.requestId, async () => {
      const approvedBy = this.requireApproval(session, input.approvalId, 'return');
      const seller = this.o.seller();
      const reference = externalReference(input, seller);
      if (this.o.documents.byNumber(reference.number) || (input.qr !== undefined && this.o.documents.byQr(input.qr)))
        throw new DukkanError('return.own-sale', { number: reference.number }, { field: input.qr === undefined ? 'number' : 'qr' });
      const means = paymentMeansOf([{ method: input.refundMethod, amount: '1' }]);
      const priced = priceCart({ lines: input.lines, payments: [] }, (id) => this.o.catalog.get(id), seller, means);
      const sale = externalCreditNote(priced.sale, reference, input.reason);
      const context = { approvedBy, approvalId: input.approvalId, reason: input.reason, original: `external ${reference.number} ${reference.issueDate}` };
      return this.refund(sale, input.requestId, session, input.refundMethod, context);
    });
  }

  /**
   * A return of another till's sale (main/sale/foreignReturn.ts). The original is looked up at the store server inside
   * once(): a repeated request answers the note already committed without asking the server again.
   */
  foreignReturn(input: ForeignReturnRequest, session: ClientSession, lookup: (uuid: string) => Promise<ForeignOriginal>): Promise<IssueResult> {
    return this.once(input.requestId, async () => {
      const approvedBy = this.requireApproval(session, input.approvalId, 'return');
      const original = await lookup(input.originalUuid);
      const sale = foreignCreditNote(original, input.lines, input.reason, input.refundMethod, this.o.seller());
      const refund = [{ method: input.refundMethod, amount: totalsOf(sale).payable.toFixed(2) }];
      const context = {
        approvedBy,
        approvalId: input.approvalId,
        reason: input.reason,
        original: `${original.row.number} ${original.row.terminal_name}`,
        foreignOriginal: original.row.uuid,
      };
      return this.issue(sale, input.requestId, session, refund, '0.00', input.refundMethod === 'cash', context);
    });
  }

  /** An undercharge on an invoice of this terminal: a debit note for the difference per unit. */
  debitNote(input: DebitRequest, session: ClientSession): Promise<IssueResult> {
    return this.note('debit-note', input, input.paymentMethod, session, (doc) => debitNoteLines(doc, input.lines));
  }

  // ---------------------------------------------------------------------------------------------------------------

  private once(requestId: string, work: () => Promise<IssueResult>): Promise<IssueResult> {
    const done = this.o.documents.request(requestId);
    const documentId = done?.document_id;
    if (documentId !== undefined) {
      const row = this.o.documents.get(documentId)!;
      return Promise.resolve({
        document: this.o.receipts.summary(row),
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

  /** A manager-approved note against an invoice of this terminal, paid or refunded in full by one method. */
  private note(
    kind: 'credit-note' | 'debit-note',
    input: Pick<ReturnRequest, 'originalNumber' | 'reason' | 'approvalId' | 'requestId'>,
    method: PaymentMethod,
    session: ClientSession,
    linesOf: (invoice: DocumentInput) => DocumentInputJson['lines'],
  ): Promise<IssueResult> {
    return this.once(input.requestId, async () => {
      const approvedBy = this.requireApproval(session, input.approvalId, kind === 'credit-note' ? 'return' : 'debit-note');
      const invoice = this.invoice(input.originalNumber);
      if (invoice.row.profile === 'standard') this.o.standardNotes?.().check(invoice.row);
      const sale = noteOf(kind, invoice, linesOf(invoice.doc), input.reason, paymentMeansOf([{ method, amount: '1' }])[0]!, this.o.seller());
      const context = { approvedBy, approvalId: input.approvalId, reason: input.reason, original: input.originalNumber };
      return this.refund(sale, input.requestId, session, method, context);
    });
  }

  /**
   * A note settled in full by one method. Refunded as store credit, it issues a voucher for the whole amount in
   * its own commit; the code is returned for the return receipt and the screen.
   */
  private async refund(sale: SaleInput, requestId: string, session: ClientSession, method: PaymentMethod, context: SaleContext): Promise<IssueResult> {
    const amount = totalsOf(sale).payable.toFixed(2);
    if (method !== 'store-credit') return this.issue(sale, requestId, session, [{ method, amount }], '0.00', method === 'cash', context);
    const credit = this.o.storeCredit;
    if (!credit) throw new DukkanError('input.refund-method', {}, { field: 'refundMethod' });
    const code = newVoucherCode();
    const voucher = { code, balance: amount };
    const result = await this.issue(sale, requestId, session, [{ method, amount, voucherCode: code }], '0.00', false, context, (documentId) => {
      credit.issue(documentId, code, amount);
      return [{ method, amount, voucher }];
    });
    return { ...result, voucher: { code: formatVoucherCode(code), amount } };
  }

  /** The store-credit service when the payments need it; refused when they do and there is none. */
  private storeCredit(payments: readonly CartPayment[]): CounterOptions['storeCredit'] | undefined {
    if (!payments.some((p) => p.method === 'store-credit')) return undefined;
    if (!this.o.storeCredit) throw new DukkanError('input.tender-method', {}, { field: 'payments' });
    return this.o.storeCredit;
  }

  /** The approving manager's name. */
  private requireApproval(session: ClientSession, approvalId: string, purpose: 'return' | 'debit-note'): string {
    const approval = this.o.approvals.approval(session, approvalId, [purpose]);
    if (!approval) throw new DukkanError('approval.missing', {}, { field: 'approvalId' });
    return approval.managerName;
  }

  private invoice(number: string): { row: DocumentRow; doc: DocumentInput } {
    const row = this.o.documents.byNumber(number);
    if (!row) throw documentNotFound(number);
    if (row.kind !== 'invoice') throw new DukkanError('sale.note-needs-invoice', { number }, { field: 'originalNumber' });
    return { row, doc: this.o.documents.documentOf(row) };
  }

  private async issue(
    sale: SaleInput,
    requestId: string,
    session: ClientSession,
    payments: readonly CartPayment[],
    change: string,
    openDrawer: boolean,
    context: SaleContext = {},
    /** Inside the commit: takes store credit from its vouchers or issues one; the payment rows as recorded. */
    tenders: (documentId: number) => readonly (CartPayment & { readonly voucher?: PaymentView['voucher'] })[] = () => payments,
  ): Promise<IssueResult> {
    const signing = await this.o.signing();
    // the payment, the request id, the shift's drawer figure and the audit events are written in the ledger's own
    // transaction: a sale is issued with them or not at all
    const issued: IssuedDocument = await this.o.ledger.issue(sale, signing, {
      withinCommit: (documentId) => {
        const paid = tenders(documentId).map(paymentView);
        this.o.documents.recordPayment(requestId, documentId, session.user?.id ?? null, change, paid, this.o.clock());
        const row = this.o.documents.get(documentId)!;
        if (context.foreignOriginal) this.o.foreignOriginals?.record(documentId, context.foreignOriginal);
        const user = session.user ? { id: session.user.id, name: session.user.name } : null;
        this.o.recorder?.committed({ ...context, number: row.number, kind: row.kind, payments, user, total: row.payable });
        // a note against a standard invoice awaits clearance from its commit (notes keep their invoice's profile)
        const original = sale.profile === 'standard' && sale.billingReference ? this.o.documents.byNumber(sale.billingReference.number) : undefined;
        if (original) this.o.standardNotes?.().committed(documentId, original);
      },
    });
    // committed: from here on the document exists whatever happens next, so nothing below may report a failed sale
    // one approval, one change: a one-time approval is used up by the sale or note it approved (main/users/sessions)
    this.o.approvals.consume(session, context.approvalId);
    this.o.issued();
    const row = this.o.documents.get(issued.id)!;
    const notes = row.profile === 'standard' ? this.o.standardNotes?.() : undefined;
    if (notes) {
      // handed over as ZATCA's cleared files once cleared (clearance.files), never as a receipt of the uncleared note
      const clearance = await notes.clear(row);
      return {
        document: this.o.receipts.summary(row),
        change,
        print: { state: 'no-printer', message: 'a standard note is not printed as a receipt' },
        clearance,
      };
    }
    // in the background: the customer is served when the document is committed, whatever the printer does (a dead
    // printer cost every sale 8 s before); the outcome reaches the screen as a print event, with a reprint there
    const print = await this.o.printing.print(this.o.receipts.modelOf(row), { openDrawer, background: true });
    return { document: this.o.receipts.summary(row), change, print };
  }
}

/** A tender as its payment row records it: a card's network, a voucher with its balance after this document. */
function paymentView(p: CartPayment & { readonly voucher?: PaymentView['voucher'] }): PaymentView {
  return { method: p.method, amount: p.amount, ...(p.network ? { network: p.network } : {}), ...(p.voucher ? { voucher: p.voucher } : {}) };
}

function sameVoucher(a: string, b: string): boolean {
  return normalizeVoucherCode(a) === normalizeVoucherCode(b);
}
