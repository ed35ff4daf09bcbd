// SPDX-License-Identifier: UNLICENSED
// A past receipt found by its number or by scanning its QR code, and what can be done with it: return chosen lines
// (credit note), charge an undercharge (debit note), reprint a copy or preview it. Notes need a manager's approval.
import { batch, signal, type Signal } from '@preact/signals';
import type { IssueResult, ReceiptDetails } from '../../../app/contract/types';
import type { KeyPress } from './appStore';
import { askManagerApproval } from './approval';
import { clearanceText } from './clearanceText';
import { printMessage, printOutcomeText } from './printOutcome';
import { positive, PRICE, QUANTITY } from './cart';
import { FocusRequests } from './focus';
import { ForeignReceiptStore } from './foreignReceiptStore';
import type { AppServices } from './services';
import { DOCUMENT_KIND } from '../labels';

/** One line of the receipt, with what the cashier chose for it. */
export interface ReceiptRow {
  readonly lineId: number;
  readonly pick: Signal<boolean>;
  readonly quantity: Signal<string>;
  /** The undercharge per unit, for a debit note. */
  readonly extra: Signal<string>;
}

export type ReceiptView =
  | { readonly kind: 'none' }
  | { readonly kind: 'not-found'; readonly query: string }
  | { readonly kind: 'details'; readonly details: ReceiptDetails; readonly rows: readonly ReceiptRow[] };

export type ReceiptsField = 'query' | 'reason' | 'first-pick';

export interface ReceiptsOptions {
  readonly newRequestId?: () => string;
  readonly now?: () => Date;
}

export class ReceiptsStore {
  readonly query = signal('');
  readonly view = signal<ReceiptView>({ kind: 'none' });
  readonly reason = signal('');
  readonly refund = signal<'cash' | 'card' | 'store-credit'>('cash');
  /** The store-credit voucher the last return issued: shown until the next search (it is on the return receipt too). */
  readonly voucher = signal<{ readonly code: string; readonly amount: string } | null>(null);
  readonly preview = signal<{ readonly src: string; readonly alt: string } | null>(null);
  readonly focus = new FocusRequests<ReceiptsField>();
  /** A sale of another till, asked of the store server when this till has none (state/foreignReceiptStore.ts). */
  readonly foreign: ForeignReceiptStore;
  private requestId: string;
  private readonly newRequestId: () => string;
  private readonly now: () => Date;

  constructor(
    private readonly app: AppServices,
    options: ReceiptsOptions = {},
  ) {
    this.newRequestId = options.newRequestId ?? (() => crypto.randomUUID());
    this.now = options.now ?? (() => new Date());
    this.requestId = this.newRequestId();
    this.foreign = new ForeignReceiptStore(app);
    this.focus.focus('query');
  }

  private get details(): ReceiptDetails | null {
    const v = this.view.peek();
    return v.kind === 'details' ? v.details : null;
  }

  async find(): Promise<void> {
    const q = this.query.peek().trim();
    if (!q) return;
    const found = await this.app.attempt(() => this.app.api['receipts.find']({ query: q }));
    if (found === undefined) return;
    if (found === null) {
      if (await this.foreign.find(q)) {
        this.view.value = { kind: 'none' };
        return;
      }
      this.view.value = { kind: 'not-found', query: q.length > 40 ? `${q.slice(0, 40)}…` : q };
      return;
    }
    this.requestId = this.newRequestId();
    batch(() => {
      this.preview.value = null;
      this.foreign.clear();
      this.voucher.value = null;
      this.view.value = {
        kind: 'details',
        details: found,
        rows: found.lines.map((l) => ({ lineId: l.lineId, pick: signal(false), quantity: signal(l.returnable), extra: signal('') })),
      };
      this.focus.focus('first-pick');
    });
  }

  private issued(result: IssueResult): void {
    const { t } = this.app.tr;
    // a note against a standard invoice is cleared, not printed: what ZATCA said is the news (components/clearedFiles)
    const p = result.clearance ? clearanceText(result.clearance, this.app.tr.t) : printMessage(result, this.app.tr);
    const voucher = result.voucher ? ` · ${t('voucherIssued', { code: result.voucher.code, amount: result.voucher.amount })}` : '';
    this.app.toast(`${t('noteDone', { k: DOCUMENT_KIND[result.document.kind](t), n: result.document.number })}${voucher} · ${p.text}`, p.ok ? 'ok' : 'error');
    void this.find().then(() => (this.voucher.value = result.voucher ?? null));
  }

  /** Credit note: the chosen lines and quantities back. Debit note: the chosen lines with the undercharge per unit. */
  async issueNote(kind: 'credit' | 'debit'): Promise<void> {
    const view = this.view.peek();
    if (view.kind !== 'details') return;
    const { t } = this.app.tr;
    const picked = view.rows.filter((r) => r.pick.peek() && positive(r.quantity.peek(), QUANTITY) && (kind === 'credit' || positive(r.extra.peek(), PRICE)));
    if (picked.length === 0) return this.app.toast(t('chooseLines'), 'error');
    const reason = this.reason.peek().trim();
    if (!reason) return (this.app.toast(t('needReason'), 'error'), this.focus.focus('reason'));
    const approvalId = (await askManagerApproval(this.app, kind === 'credit' ? 'return' : 'debit-note'))?.approvalId;
    if (!approvalId) return;
    const common = { originalNumber: view.details.document.number, reason, approvalId, requestId: this.requestId };
    const method = this.refund.peek();
    // an undercharge is paid by the customer: store credit is only ever a refund
    if (kind === 'debit' && method === 'store-credit') return this.app.toast(t('debitNotStoreCredit'), 'error');
    try {
      this.issued(
        kind === 'credit'
          ? await this.app.api['returns.create']({
              ...common,
              refundMethod: method,
              lines: picked.map((r) => ({ lineId: r.lineId, quantity: r.quantity.peek().trim() })),
            })
          : await this.app.api['debitNotes.create']({
              ...common,
              paymentMethod: method === 'store-credit' ? 'cash' : method,
              lines: picked.map((r) => ({ lineId: r.lineId, quantity: r.quantity.peek().trim(), unitAmount: r.extra.peek().trim() })),
            }),
      );
    } catch (e) {
      this.app.toast(this.app.errorText(e), 'error');
    }
  }

  async reprint(): Promise<void> {
    const details = this.details;
    if (!details) return;
    const outcome = await this.app.attempt(() => this.app.api['receipts.reprint']({ number: details.document.number }));
    if (outcome) this.app.toast(printOutcomeText(outcome, this.app.tr), outcome.state === 'failed' ? 'error' : 'ok');
  }

  async showPreview(): Promise<void> {
    const details = this.details;
    if (!details) return;
    const p = await this.app.attempt(() => this.app.api['receipts.preview']({ number: details.document.number }));
    const { t, dateTime } = this.app.tr;
    if (p)
      this.preview.value = {
        src: p.dataUrl,
        alt: `${DOCUMENT_KIND[details.document.kind](t)} ${details.document.number} — ${dateTime(this.now().toISOString())}`,
      };
  }

  keydown(press: KeyPress): boolean {
    switch (press.key) {
      case 'Escape':
        this.app.go('cashier');
        return true;
      case 'F8':
        void this.issueNote('credit');
        return true;
      case 'F9':
        void this.issueNote('debit');
        return true;
      case 'F3':
        void this.reprint();
        return true;
      case 'F4':
        void this.showPreview();
        return true;
      default:
        return false;
    }
  }
}
