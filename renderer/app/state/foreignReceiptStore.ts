// SPDX-License-Identifier: UNLICENSED
// A sale of another till of the shop on the receipts screen (docs/store-server.md, "Returns at another till"): when
// a number or QR is not in this till's ledger, the store server is asked; its answer shows each line with what the
// shop's tills already returned, and chosen lines are returned with a credit note of this till. The server's refusal
// (unreachable, not found, several documents with that number) is shown as the reason, in the screen's language.
import { signal } from '@preact/signals';
import type { ForeignReceipt } from '../../../app/contract/foreignReturnApi';
import type { IssueResult } from '../../../app/contract/types';
import { DOCUMENT_KIND } from '../labels';
import { askManagerApproval } from './approval';
import { positive, QUANTITY } from './cart';
import { printMessage } from './printOutcome';
import type { ReceiptRow } from './receiptsStore';
import { ApiCallError } from '../api';
import type { AppServices } from './services';

export class ForeignReceiptStore {
  readonly found = signal<{ readonly receipt: ForeignReceipt; readonly rows: readonly ReceiptRow[] } | null>(null);
  /** Why nothing was found at the store server, when it is not simply "not found". */
  readonly problem = signal<string | null>(null);
  readonly reason = signal('');
  readonly refund = signal<'cash' | 'card'>('cash');
  private query = '';
  private requestId = crypto.randomUUID();

  constructor(private readonly app: AppServices) {}

  clear(): void {
    this.found.value = null;
    this.problem.value = null;
  }

  /** Asks the store server; false when this till has no store server (the screen then says "not found"). */
  async find(query: string): Promise<boolean> {
    this.clear();
    this.query = query;
    this.requestId = crypto.randomUUID();
    try {
      const receipt = await this.app.api['returns.findForeign']({ query });
      this.found.value = {
        receipt,
        rows: receipt.lines.map((l) => ({ lineId: l.lineId, pick: signal(false), quantity: signal(l.returnable), extra: signal('') })),
      };
      return true;
    } catch (e) {
      if (e instanceof ApiCallError && e.error.reason === 'return.foreign-not-enrolled') return false;
      this.problem.value = this.app.errorText(e);
      return true;
    }
  }

  /** The chosen lines back with a credit note of this till, approved by a manager; then the sale is asked for again. */
  async issueCredit(): Promise<void> {
    const found = this.found.peek();
    if (!found) return;
    const { t } = this.app.tr;
    const picked = found.rows.filter((r) => r.pick.peek() && positive(r.quantity.peek(), QUANTITY));
    if (picked.length === 0) return this.app.toast(t('chooseLines'), 'error');
    const reason = this.reason.peek().trim();
    if (!reason) return this.app.toast(t('needReason'), 'error');
    const approvalId = (await askManagerApproval(this.app, 'return'))?.approvalId;
    if (!approvalId) return;
    let result: IssueResult;
    try {
      result = await this.app.api['returns.foreign']({
        originalUuid: found.receipt.uuid,
        lines: picked.map((r) => ({ lineId: r.lineId, quantity: r.quantity.peek().trim() })),
        reason,
        refundMethod: this.refund.peek(),
        approvalId,
        requestId: this.requestId,
      });
    } catch (e) {
      return this.app.toast(this.app.errorText(e), 'error');
    }
    const p = printMessage(result, this.app.tr);
    this.app.toast(`${t('noteDone', { k: DOCUMENT_KIND[result.document.kind](t), n: result.document.number })} · ${p.text}`, p.ok ? 'ok' : 'error');
    this.reason.value = '';
    await this.find(this.query);
  }
}
