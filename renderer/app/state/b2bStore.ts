// SPDX-License-Identifier: UNLICENSED
// The till's B2B tax invoice, one instance per cashier screen beside its CashierStore: the buyer form (checked live
// by main with the engine's own rules, main/customers/buyerCheck.ts), the saved-customer search, and the clearance
// that follows the sale (main/sale/b2bCounter.ts). Steps: buyer → clearing → answer. Only a CLEARED invoice has
// files to hand over; otherwise the cashier retries or issues a simplified invoice instead (never an uncleared
// standard invoice). The sale is committed by main before clearance, so the till's cart is cleared at once.
import { batch, computed, signal } from '@preact/signals';
import type { BuyerForm, ClearanceView, ClearedFiles, CustomerSummary, StandardSaleResult } from '../../../app/contract/b2bTypes';
import type { FieldProblem } from '../../../app/errors/index';
import { ApiCallError } from '../api';
import { cartLines, payments } from './cart';
import type { CashierStore } from './cashierStore';
import type { Services } from './services';

export type B2bStep = 'closed' | 'buyer' | 'clearing' | 'answer';

export const EMPTY_BUYER: BuyerForm = {
  name: '',
  vatNumber: '',
  idScheme: '',
  idValue: '',
  street: '',
  additionalStreet: '',
  building: '',
  district: '',
  city: '',
  postalCode: '',
  country: 'SA',
};

export type BuyerField = keyof BuyerForm;

/** The inputs in the order they are shown; a buyer abroad needs neither building, district nor postal code. */
export const BUYER_FIELDS: readonly BuyerField[] = [
  'name',
  'vatNumber',
  'idScheme',
  'idValue',
  'street',
  'additionalStreet',
  'building',
  'district',
  'city',
  'postalCode',
  'country',
];

export interface B2bOptions {
  /** How long typing pauses before main checks the form (ms). */
  readonly checkDelayMs?: number;
  readonly newRequestId?: () => string;
}

export class B2bStore {
  readonly step = signal<B2bStep>('closed');
  readonly form = signal<BuyerForm>(EMPTY_BUYER);
  /** Main's last check of the form: every problem by field. */
  readonly problems = signal<readonly FieldProblem[]>([]);
  /** Fields the cashier has left (or all, after a try to issue): only their problems are shown. */
  readonly touched = signal<ReadonlySet<BuyerField>>(new Set());
  readonly query = signal('');
  readonly found = signal<readonly CustomerSummary[]>([]);
  readonly sale = signal<StandardSaleResult | null>(null);
  readonly clearance = signal<ClearanceView | null>(null);
  /** A refusal of the whole form (not of one field), in the screen's language. */
  readonly refusal = signal('');
  readonly busy = signal(false);

  readonly open = computed(() => this.step.value !== 'closed');
  /** The problems the cashier should see now, by field. */
  readonly shown = computed(() => {
    const touched = this.touched.value;
    return this.problems.value.filter((p) => touched.has(p.path as BuyerField));
  });

  private checkSeq = 0;
  private checkTimer: ReturnType<typeof setTimeout> | null = null;
  private searchSeq = 0;
  private files: ClearedFiles | null = null;
  /** The request id of the simplified invoice instead of the current standard one: a double press issues it once. */
  private simplifiedId = '';
  private readonly checkDelayMs: number;
  private readonly newRequestId: () => string;

  constructor(
    private readonly services: Services,
    private readonly till: CashierStore,
    options: B2bOptions = {},
  ) {
    this.checkDelayMs = options.checkDelayMs ?? 250;
    this.newRequestId = options.newRequestId ?? (() => crypto.randomUUID());
  }

  /** "Tax invoice (B2B)" at payment: the buyer form, with the most recent saved customers to pick from. */
  start(): void {
    if (this.till.cart.peek().length === 0) return;
    batch(() => {
      this.step.value = 'buyer';
      this.refusal.value = '';
      this.sale.value = null;
      this.clearance.value = null;
    });
    this.files = null;
    void this.search('');
  }

  /** Back to payment from the buyer form (nothing was issued yet). */
  cancel(): void {
    if (this.step.peek() !== 'buyer') return;
    this.step.value = 'closed';
    this.till.focus.focus('cash');
  }

  setField(field: BuyerField, value: string): void {
    this.form.value = { ...this.form.peek(), [field]: value };
    this.scheduleCheck();
  }

  /** The cashier left a field: its problems are shown from now on. */
  leave(field: BuyerField): void {
    if (!this.touched.peek().has(field)) this.touched.value = new Set([...this.touched.peek(), field]);
  }

  async search(query: string): Promise<void> {
    this.query.value = query;
    const seq = ++this.searchSeq;
    const found = await this.services.attempt(() => this.services.api['customers.search']({ query }));
    if (found && seq === this.searchSeq) this.found.value = found;
  }

  /** A saved customer picked: the form is theirs, checked and shown with any problem at once. */
  async pick(customer: CustomerSummary): Promise<void> {
    batch(() => {
      this.form.value = customer.form;
      this.touched.value = new Set(BUYER_FIELDS);
    });
    await this.check();
  }

  private scheduleCheck(): void {
    if (this.checkTimer !== null) clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => {
      this.checkTimer = null;
      void this.check();
    }, this.checkDelayMs);
  }

  /** Main checks the form now; only the answer to the latest form is kept. */
  async check(): Promise<void> {
    const seq = ++this.checkSeq;
    const result = await this.services.attempt(() => this.services.api['customers.check']({ buyer: this.form.peek() }));
    if (result && seq === this.checkSeq) this.problems.value = result.problems;
  }

  /**
   * Issue: main checks the buyer again (nothing is signed with a bad one), issues the standard invoice with the
   * till's cart and payments, and sends it to clearance; the answer decides what the cashier may do next.
   */
  async issue(): Promise<void> {
    if (this.busy.peek() || this.step.peek() !== 'buyer') return;
    batch(() => {
      this.busy.value = true;
      this.refusal.value = '';
      this.touched.value = new Set(BUYER_FIELDS);
      this.step.value = 'clearing';
    });
    try {
      const approvalId = this.till.approval.peek()?.id;
      const result = await this.services.api['sale.completeStandard']({
        lines: cartLines(this.till.cart.peek()),
        payments: payments({ cash: this.till.cash.peek(), card: this.till.card.peek() }),
        saleId: this.till.currentSaleId,
        buyer: this.form.peek(),
        ...(approvalId ? { approvalId } : {}),
      });
      this.simplifiedId = this.newRequestId();
      batch(() => {
        this.sale.value = result;
        this.clearance.value = result.clearance;
        this.step.value = 'answer';
        // the sale is in the ledger: the till starts the next one
        this.till.reset();
      });
    } catch (e) {
      batch(() => {
        this.step.value = 'buyer';
        if (e instanceof ApiCallError && e.error.reason === 'b2b.buyer-invalid') {
          this.problems.value = e.problems;
        }
        this.refusal.value = this.services.errorText(e);
      });
    } finally {
      this.busy.value = false;
    }
  }

  /** Wait and retry: the identical document is sent to clearance again. */
  async retry(): Promise<void> {
    const number = this.clearance.peek()?.number;
    if (!number || this.busy.peek()) return;
    this.busy.value = true;
    try {
      const view = await this.services.attempt(() => this.services.api['clearance.retry']({ number }));
      if (view) this.clearance.value = view;
    } finally {
      this.busy.value = false;
    }
  }

  /**
   * A simplified invoice for the same sale instead (offered only when ZATCA cannot hold the standard one as cleared):
   * printed as a receipt at the till; the standard invoice is withdrawn and never handed over.
   */
  async issueSimplified(): Promise<void> {
    const view = this.clearance.peek();
    if (!view?.canIssueSimplified || this.busy.peek()) return;
    this.busy.value = true;
    try {
      const requestId = this.simplifiedId;
      const issued = await this.services.attempt(() => this.services.api['clearance.issueSimplified']({ number: view.number, requestId }));
      if (!issued) {
        // refused (e.g. a retry meanwhile reached ZATCA): show the clearance as main has it now
        const now = await this.services.attempt(() => this.services.api['clearance.get']({ number: view.number }));
        if (now) this.clearance.value = now;
        return;
      }
      this.services.toast(this.services.tr.t('b2bReplaced', { s: issued.document.number, n: view.number }), 'ok');
      batch(() => {
        this.till.lastSale.value = issued;
        this.finish();
      });
    } finally {
      this.busy.value = false;
    }
  }

  /** ZATCA's cleared XML and the A4 PDF; only for a cleared invoice (main refuses anything else). */
  async clearedFiles(): Promise<ClearedFiles | undefined> {
    const view = this.clearance.peek();
    if (view?.state !== 'cleared') return undefined;
    if (this.files?.number === view.number) return this.files;
    const files = await this.services.attempt(() => this.services.api['clearance.files']({ number: view.number }));
    if (files) this.files = files;
    return files;
  }

  /** Done (cleared), or closed while awaiting or rejected: the form is cleared for the next buyer. */
  finish(): void {
    batch(() => {
      this.step.value = 'closed';
      this.form.value = EMPTY_BUYER;
      this.problems.value = [];
      this.touched.value = new Set();
      this.query.value = '';
      this.refusal.value = '';
    });
    this.files = null;
    this.till.focus.focus('scan');
  }
}
