// SPDX-License-Identifier: UNLICENSED
// The B2B sale at the counter: a standard tax invoice for a business buyer, cleared by ZATCA before it is handed
// over (reference §9 #6). Order: check the buyer (nothing is signed with a bad one) → issue through the Ledger with
// its payment, the saved customer and its clearance row in one transaction → send to clearance at once
// (main/clearance). The answer decides what the cashier may do: cleared → hand over ZATCA's XML and the A4 PDF;
// not received → wait and retry, or issue a simplified invoice instead; rejected (NOT_CLEARED) → ZATCA's messages,
// nothing handed over, and the rejected document stays in the chain (reference §11). A standard invoice is never
// printed or handed over uncleared.
import type { BuyerForm, ClearanceView, StandardSaleResult } from '../../app/contract/b2bTypes';
import type { IssueResult } from '../../app/contract/types';
import { DukkanError } from '../../app/errors/index';
import { Decimal } from '../../app/money/decimal';
import type { DocumentInputJson } from '../../app/document/documentInput';
import type { Signing } from '../../app/engine/buildAndStamp';
import { clearanceView, type ClearanceDesk } from '../clearance/clearanceDesk';
import type { ClearanceRow, ClearanceStore } from '../clearance/clearanceStore';
import { requireBuyer } from '../customers/buyerCheck';
import type { CustomerStore } from '../customers/customerStore';
import type { Ledger, SaleInput } from '../ledger/ledger';
import type { DocumentRow } from '../ledger/ledgerStore';
import type { SaleRecorder } from '../shifts/saleRecorder';
import type { ClientSession } from '../users/sessions';
import type { Counter } from './counter';
import type { DocumentStore } from './documentStore';
import type { ReceiptOutput, Receipts } from './receipts';
import { paymentMeansOf, priceCart, settle, type Cart } from './saleBuilder';
import type { CatalogStore } from '../catalog/catalogStore';

export interface StandardSaleInput extends Cart {
  readonly saleId: string;
  readonly approvalId?: string | undefined;
  readonly buyer: BuyerForm;
}

export interface B2bCounterOptions {
  readonly counter: Pick<Counter, 'quote'>;
  readonly ledger: Pick<Ledger, 'issue'>;
  readonly documents: Pick<DocumentStore, 'request' | 'requestOf' | 'get' | 'byNumber' | 'recordPayment' | 'payments'>;
  readonly catalog: Pick<CatalogStore, 'get'>;
  readonly customers: Pick<CustomerStore, 'save'>;
  readonly clearances: Pick<ClearanceStore, 'insertAwaiting' | 'get' | 'withdraw'>;
  readonly desk: Pick<ClearanceDesk, 'clear'>;
  readonly receipts: Pick<Receipts, 'summary' | 'modelOf'>;
  readonly printing: Pick<ReceiptOutput, 'print'>;
  readonly signing: () => Promise<Signing>;
  readonly seller: () => DocumentInputJson['seller'];
  /** Whether the terminal was onboarded for standard invoices (CSR title 1100, reference §8). */
  readonly standardAllowed: () => boolean;
  /** The folder's cash control and audit trail (main/shifts), told of each committed standard sale like any sale. */
  readonly recorder?: Pick<SaleRecorder, 'committed'> | undefined;
  /** The manager who approved the cart's price overrides and discounts, for the audit trail. */
  readonly approvedBy?: (session: ClientSession, approvalId: string | undefined) => string | undefined;
  /** One approval, one change: a one-time approval is used up by the sale it approved (main/users/sessions). */
  readonly consumeApproval?: (session: ClientSession, approvalId: string | undefined) => void;
  /** A simplified document was issued: report it now if online. */
  readonly issued: () => void;
  readonly clock: () => Date;
}

export class B2bCounter {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly o: B2bCounterOptions) {}

  /** Whether a standard sale or its simplified replacement is being completed now (a shift does not close under it). */
  busy(): boolean {
    return this.inFlight.size > 0;
  }

  /** A standard tax invoice for the buyer, committed and sent to clearance; answers with the clearance's state. */
  completeStandard(input: StandardSaleInput, session: ClientSession): Promise<StandardSaleResult> {
    return this.once(input.saleId, async () => {
      const done = this.o.documents.request(input.saleId);
      if (done) return this.standardResult(this.o.documents.get(done.document_id)!, done.change);
      // a voucher is the shop's own promise to a consumer; a tax invoice's buyer pays in cash or by card
      const credit = input.payments.findIndex((p) => p.method === 'store-credit');
      if (credit >= 0) throw new DukkanError('store-credit.standard-invoice', {}, { field: `payments.${credit}.method` });
      if (!this.o.standardAllowed()) throw new DukkanError('b2b.standard-not-onboarded');
      const buyer = requireBuyer(input.buyer);
      const q = this.o.counter.quote(input, session);
      if (!q.complete) {
        const problems = q.problems.map((p) => ({ path: '', code: p.reason, params: p.params }));
        throw new DukkanError('sale.incomplete', { count: problems.length }, { problems });
      }
      const s = settle(Decimal.parse(q.total), input.payments);
      const priced = priceCart(input, (id) => this.o.catalog.get(id), this.o.seller(), paymentMeansOf(s.settled));
      const sale: SaleInput = { ...priced.sale, profile: 'standard', buyer };
      const change = s.change.toFixed(2);
      const now = this.o.clock();
      const issued = await this.o.ledger.issue(sale, await this.o.signing(), {
        // payment, customer and the clearance row commit with the document or not at all
        withinCommit: (documentId) => {
          this.o.documents.recordPayment(input.saleId, documentId, session.user?.id ?? null, change, s.settled, now);
          const customerId = this.o.customers.save({ name: buyer.name!, vatNumber: buyer.vatNumber }, JSON.stringify(buyer), now);
          this.o.clearances.insertAwaiting(documentId, customerId, now);
          // the shift's drawer and the audit trail hear of it as of any sale (docs/cash-control.md): the cash was taken
          const row = this.o.documents.get(documentId)!;
          this.o.recorder?.committed({
            number: row.number,
            kind: row.kind,
            payments: s.settled,
            user: session.user ? { id: session.user.id, name: session.user.name } : null,
            lines: priced.lines,
            approvedBy: this.o.approvedBy?.(session, input.approvalId),
            total: row.payable,
          });
        },
      });
      this.o.consumeApproval?.(session, input.approvalId);
      const row = this.o.documents.get(issued.id)!;
      await this.o.desk.clear(row);
      return this.standardResult(row, change);
    });
  }

  /** Sends an awaiting standard document to clearance again (the identical bytes). */
  async retry(number: string): Promise<ClearanceView> {
    const row = this.standardDocument(number);
    const state = this.o.clearances.get(row.id)!;
    if (state.state !== 'awaiting' && state.state !== 'in-flight') throw new DukkanError('b2b.clearance-settled', { number, state: state.state });
    return this.viewOf(row, await this.o.desk.clear(row));
  }

  view(number: string): ClearanceView {
    const row = this.standardDocument(number);
    return this.viewOf(row, this.o.clearances.get(row.id)!);
  }

  /**
   * The sale of a standard invoice that was rejected, or that never reached ZATCA, issued as a simplified invoice
   * instead (reported as usual) and printed as a receipt; the standard one is withdrawn in the same transaction and
   * never handed over. Refused when an attempt may have reached ZATCA: it may hold the invoice as cleared.
   */
  issueSimplified(number: string, requestId: string, session: ClientSession): Promise<IssueResult> {
    return this.once(requestId, async () => {
      const standard = this.standardDocument(number);
      const done = this.o.documents.request(requestId);
      const change = this.o.documents.requestOf(standard.id)?.change ?? '0.00';
      if (done) {
        const row = this.o.documents.get(done.document_id)!;
        return { document: this.o.receipts.summary(row), change, print: { state: 'failed', message: `already issued as ${row.number}` } };
      }
      const clearance = this.o.clearances.get(standard.id)!;
      const view = this.viewOf(standard, clearance);
      if (!view.canIssueSimplified) {
        if (clearance.state === 'awaiting' || clearance.state === 'in-flight') throw new DukkanError('b2b.withdraw-may-be-cleared', { number });
        throw new DukkanError('b2b.clearance-settled', { number, state: clearance.state });
      }
      const { buyer: _buyer, ...stored } = JSON.parse(standard.input_json) as SaleInput;
      const sale: SaleInput = { ...stored, profile: 'simplified', seller: this.o.seller() };
      const payments = this.o.documents.payments(standard.id);
      const now = this.o.clock();
      const issued = await this.o.ledger.issue(sale, await this.o.signing(), {
        withinCommit: (documentId) => {
          // the same payments, taken once: the recorder heard of them with the standard sale, so the drawer's
          // running figure is not told again (the X/Z count the withdrawn invoice's sale once, as this one)
          this.o.documents.recordPayment(requestId, documentId, session.user?.id ?? null, change, payments, now);
          // the guard again, inside the transaction: a retry meanwhile may have reached ZATCA
          if (!this.o.clearances.withdraw(standard.id, documentId, now)) throw new DukkanError('b2b.withdraw-may-be-cleared', { number });
        },
      });
      this.o.issued();
      const row = this.o.documents.get(issued.id)!;
      const print = await this.o.printing.print(this.o.receipts.modelOf(row));
      return { document: this.o.receipts.summary(row), change, print };
    });
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** One run per request id: a double press waits for the first instead of issuing twice. */
  private once<T>(requestId: string, work: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(requestId);
    if (running) return running as Promise<T>;
    const run = work().finally(() => this.inFlight.delete(requestId));
    this.inFlight.set(requestId, run);
    return run;
  }

  private standardDocument(number: string): DocumentRow {
    const row = this.o.documents.byNumber(number);
    if (!row || row.profile !== 'standard' || !this.o.clearances.get(row.id)) throw new DukkanError('b2b.not-standard', { number });
    return row;
  }

  private viewOf(row: DocumentRow, clearance: ClearanceRow): ClearanceView {
    return clearanceView(clearance, row.number, (id) => this.o.documents.get(id)?.number);
  }

  private standardResult(row: DocumentRow, change: string): StandardSaleResult {
    const clearance = this.o.clearances.get(row.id)!;
    return { document: this.o.receipts.summary(row), change, customerId: clearance.customer_id ?? 0, clearance: this.viewOf(row, clearance) };
  }
}
