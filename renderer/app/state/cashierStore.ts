// SPDX-License-Identifier: UNLICENSED
// The till's state, one instance per cashier screen: the cart, the quote main gave for it, the payment fields, the
// search results, the manager's approval, the last sale. Keyboard first: the scan field has the keyboard unless a
// payment field does. A keyboard-wedge barcode scanner types the code and Enter, exactly like a person, so one path
// serves both.
import { batch, computed, signal } from '@preact/signals';
import type { IssueResult, PrintOutcome, Product, Quote } from '../../../app/contract/types';
import type { HeldSale, QuickKeyView } from '../../../app/contract/tillTypes';
import type { KeyPress } from './appStore';
import { askManagerApproval } from './approval';
import { printMessage } from './printOutcome';
import {
  addToCart,
  cartLines,
  cartRows,
  cycle,
  editLine,
  MONEY,
  moveSelection,
  parseScan,
  paymentProblems,
  payments,
  payFor,
  PRICE,
  QUANTITY,
  removeLine,
  totalsRows,
  type CartItem,
  type LineEdit,
  type PayMode,
} from './cart';
import { FocusRequests } from './focus';
import { TillExtras } from './tillExtras';
import { Tenders } from './tenders';
import { askVoidReason } from './voidReason';
import { textOf, type AppServices } from './services';

export type CashierField = 'scan' | 'cash' | 'card';

interface Approval {
  readonly id: string;
  readonly by: string;
  readonly expiresAt: number;
}

export interface CashierOptions {
  readonly newSaleId?: () => string;
  readonly now?: () => number;
}

export class CashierStore {
  /** The cart as the cashier built it. */
  readonly cart = signal<readonly CartItem[]>([]);
  readonly selected = signal(-1);
  /** The cart main last quoted, with that quote: what the table and the totals show, always from one answer. */
  readonly quoted = signal<{ readonly items: readonly CartItem[]; readonly quote: Quote | null }>({ items: [], quote: null });
  readonly results = signal<readonly Product[]>([]);
  readonly activeResult = signal(0);
  readonly scanText = signal('');
  readonly cash = signal('');
  readonly card = signal('');
  readonly approval = signal<Approval | null>(null);
  readonly busy = signal(false);
  readonly lastSale = signal<IssueResult | null>(null);
  /** The payment panel is shown instead of the product grid (a tap on Pay, or F8/F9/F10). */
  readonly paying = signal(false);
  readonly focus = new FocusRequests<CashierField>();
  /** The quick-key grid and the held sales. */
  readonly extras: TillExtras;
  /** The card's network and store credit (state/tenders.ts). */
  readonly tenders: Tenders;

  readonly rows = computed(() => cartRows(this.quoted.value.items, this.quoted.value.quote, this.selected.value));
  readonly totals = computed(() => totalsRows(this.quoted.value.quote));
  readonly problems = computed(() =>
    paymentProblems(this.cart.value.length, this.quoted.value.quote, { cash: this.cash.value, card: this.card.value, credit: this.tenders.credit.value }),
  );
  readonly resultsOpen = computed(() => this.results.value.length > 0);

  /** Print outcomes that arrived before the sale's answer (the receipt prints in the background). */
  private readonly earlyPrints = new Map<string, PrintOutcome>();
  private quoteSeq = 0;
  private saleId: string;
  private lastQuery = '';
  private lastQuantity = '1';
  private readonly newSaleId: () => string;
  private readonly now: () => number;

  constructor(
    private readonly services: AppServices,
    options: CashierOptions = {},
  ) {
    this.newSaleId = options.newSaleId ?? (() => crypto.randomUUID());
    this.now = options.now ?? (() => Date.now());
    this.saleId = this.newSaleId();
    this.focus.focus('scan');
    this.extras = new TillExtras(services);
    this.tenders = new Tenders(services);
  }

  get quote(): Quote | null {
    return this.quoted.value.quote;
  }

  /** The sale's id: kept across tries, so that trying again can never issue the sale twice. */
  get currentSaleId(): string {
    return this.saleId;
  }

  private currentApproval(): string | undefined {
    const a = this.approval.peek();
    if (a && a.expiresAt <= this.now()) this.approval.value = null;
    return this.approval.peek()?.id;
  }

  private paymentFields() {
    return { cash: this.cash.peek(), card: this.card.peek(), ...this.tenders.fields() };
  }

  /** Asks main for the cart's totals; only the answer to the latest question is kept. */
  async requote(): Promise<void> {
    const seq = ++this.quoteSeq;
    const items = this.cart.peek();
    if (items.length === 0) {
      this.quoted.value = { items, quote: null };
      this.showCustomer(null);
      return;
    }
    const previous = this.quoted.peek().quote;
    try {
      const approvalId = this.currentApproval();
      const q = await this.services.api['sale.quote']({
        lines: cartLines(items),
        payments: payments(this.paymentFields()),
        ...(approvalId ? { approvalId } : {}),
      });
      if (seq !== this.quoteSeq) return; // a newer quote is on its way
      this.quoted.value = { items, quote: q };
      this.showCustomer(null);
    } catch (e) {
      if (seq !== this.quoteSeq) return;
      this.services.toast(this.services.errorText(e), 'error');
      this.quoted.value = { items, quote: previous };
    }
  }

  async addProduct(product: Pick<Product, 'id' | 'name' | 'nameAr'>, quantity: string, labelBarcode?: string): Promise<void> {
    batch(() => {
      if (this.resultsOpen.peek()) {
        this.results.value = [];
        this.scanText.value = '';
      }
      const next = addToCart(this.cart.peek(), product, quantity, this.services.tr.locale, labelBarcode);
      this.cart.value = next.cart;
      this.selected.value = next.selected;
      // a code looked up while the cashier went on to pay joins the sale; the amount being typed keeps the keyboard
      if (!this.paying.peek()) this.focus.focus('scan');
    });
    await this.requote();
  }

  /** A tap on a quick key: one of its product, as a scan of its barcode would add. */
  tapKey(key: QuickKeyView): Promise<void> {
    return this.addProduct({ id: key.productId, name: key.name, nameAr: key.nameAr }, '1');
  }

  /** Hold: the cart is put aside under a label the cashier gives (main keeps it; nothing is signed), and the till is free. */
  async hold(): Promise<void> {
    const cart = this.cart.peek();
    if (cart.length === 0) return;
    const { t } = this.services.tr;
    const label = await this.services.prompt({ title: t('holdTitle'), label: t('holdLabel'), test: 'hold-label', pattern: /^\S.{0,39}$/ });
    if (label === null) return this.focus.focus('scan');
    const held = await this.services.attempt(() => this.services.api['held.hold']({ label: label.trim(), lines: cartLines(cart) }));
    if (!held) return this.focus.focus('scan');
    this.services.toast(t('heldAs', { l: held.label }), 'ok');
    this.reset();
  }

  /** Recall: the held sale comes back as the cart (only onto an empty till, so no cart is ever lost). */
  async recall(sale: HeldSale): Promise<void> {
    if (this.cart.peek().length > 0) return;
    const taken = await this.services.attempt(() => this.services.api['held.recall']({ id: sale.id }));
    this.extras.closeHeld();
    if (!taken) return this.focus.focus('scan');
    const locale = this.services.tr.locale;
    batch(() => {
      this.cart.value = taken.lines.map((l) => ({
        productId: l.productId,
        name: l.nameAr && locale === 'ar' ? l.nameAr : l.name,
        quantity: l.quantity,
        ...(l.unitPrice !== undefined ? { unitPrice: l.unitPrice } : {}),
        ...(l.discount !== undefined ? { discount: l.discount } : {}),
        ...(l.labelBarcode !== undefined ? { labelBarcode: l.labelBarcode } : {}),
      }));
      this.selected.value = taken.lines.length - 1;
      this.focus.focus('scan');
    });
    await this.requote();
  }

  /** Puts a code back in the scan field after a miss, unless the next scan has started typing already. */
  private restore(raw: string): void {
    if (this.scanText.peek() === '') this.scanText.value = raw;
    this.focus.focus('scan', true);
  }

  /** Enter in the scan field: a barcode, a name or code to search, or the highlighted search result. */
  async scan(): Promise<void> {
    const raw = this.scanText.peek().trim();
    const results = this.results.peek();
    const active = results[this.activeResult.peek()];
    if (results.length > 0 && active && raw === this.lastQuery) return this.addProduct(active, this.lastQuantity);
    // cleared at once: a scanner types the next code while this one is looked up
    this.scanText.value = '';
    const input = parseScan(raw);
    if (input.kind === 'empty') return;
    const { t } = this.services.tr;
    if (input.kind === 'bad-quantity') return (this.services.toast(t('qty'), 'error'), this.restore(raw));
    const api = this.services.api;
    if (input.barcode) {
      const product = await this.services.attempt(() => api['catalog.lookup']({ barcode: input.query }));
      if (product) return this.addProduct(product, input.quantity);
      if (product === undefined) return this.restore(raw);
      // not a product's own code: it may be a scale label (prefix 20–29), which main reads (docs/catalog.md)
      if (/^2\d{12}$/.test(input.query)) {
        const label = await this.services.attempt(() => api['catalog.scan']({ barcode: input.query }));
        if (label) return this.addProduct(label.product, label.quantity, label.labelBarcode ?? undefined);
        if (label === undefined) return this.restore(raw);
      }
    }
    const found = await this.services.attempt(() => api['catalog.search']({ query: input.query }));
    if (!found) return this.restore(raw);
    if (found.length === 1) return this.addProduct(found[0]!, input.quantity);
    if (found.length === 0) {
      this.services.toast(t('notFound', { q: input.query }), 'error');
      this.restore(raw);
      return;
    }
    this.restore(raw);
    batch(() => {
      this.results.value = found;
      this.activeResult.value = 0;
    });
    this.lastQuery = raw;
    this.lastQuantity = input.quantity;
  }

  /** The Receipts and Manager buttons (F6, F7). */
  goTo(screen: 'receipts' | 'manager'): void {
    this.services.go(screen);
  }

  /** A click on a cart line. */
  select(index: number): void {
    this.selected.value = index;
    this.focus.focus('scan');
  }

  private async ensureApproval(purpose: 'price-override' | 'discount'): Promise<boolean> {
    if (this.currentApproval()) return true;
    const granted = await askManagerApproval(this.services, purpose);
    if (!granted) return false;
    this.approval.value = { id: granted.approvalId, by: granted.managerName, expiresAt: Date.parse(granted.expiresAt) };
    return true;
  }

  /**
   * F2 quantity, F3 price, F4 discount of the selected line. A price change needs a manager's approval first; a
   * discount only when main says it is above what a cashier may give (docs/cash-control.md), asked after it is typed.
   */
  async editSelected(what: LineEdit): Promise<void> {
    const index = this.selected.peek();
    if (!this.cart.peek()[index]) return;
    if (what === 'price' && !(await this.ensureApproval('price-override'))) return this.focus.focus('scan');
    const item = this.cart.peek()[index];
    if (!item) return;
    const line = this.quote?.lines[index];
    const { t } = this.services.tr;
    const value = await this.services.prompt(
      what === 'quantity'
        ? { title: item.name, label: t('newQuantity'), inputMode: 'decimal', value: item.quantity, pattern: QUANTITY, test: 'quantity-input' }
        : what === 'price'
          ? { title: item.name, label: t('newPrice'), inputMode: 'decimal', value: line?.unitPrice ?? '', pattern: PRICE, test: 'price-input' }
          : { title: item.name, label: t('discountAmount'), inputMode: 'decimal', value: item.discount ?? '', pattern: MONEY, test: 'discount-input' },
    );
    this.focus.focus('scan');
    if (value === null) return;
    const edited = editLine(item, what, value);
    const cart = this.cart.peek();
    if (!edited || cart[index] !== item) return;
    this.cart.value = cart.map((c, i) => (i === index ? edited : c));
    await this.requote();
    if (what === 'discount' && this.quote?.needsApproval && !this.currentApproval()) await this.approveDiscount(index, item, edited);
  }

  /** A discount above the cashier's limit: a manager approves it, or the line goes back to what it was. */
  private async approveDiscount(index: number, before: CartItem, edited: CartItem): Promise<void> {
    const approved = await this.ensureApproval('discount');
    this.focus.focus('scan');
    const cart = this.cart.peek();
    if (!approved && cart[index] === edited) this.cart.value = cart.map((c, i) => (i === index ? before : c));
    await this.requote();
  }

  /** Typing in a payment field. */
  setPayment(method: 'cash' | 'card', value: string): void {
    (method === 'cash' ? this.cash : this.card).value = value;
    void this.requote();
  }

  /** F8, F9, F10. */
  pay(mode: PayMode): void {
    const quote = this.quote;
    if (!quote) return;
    // with store credit taken, all cash or all card is what the credit leaves due, as main quotes it
    if (mode !== 'split' && this.tenders.fields().credit) {
      void this.payRest(mode);
      return;
    }
    const next = payFor(mode, quote.total, this.paymentFields());
    batch(() => {
      this.paying.value = true;
      this.cash.value = next.cash;
      this.card.value = next.card;
    });
    if (mode === 'card') {
      void this.requote().then(() => this.focus.focus('card'));
      return;
    }
    void this.requote();
    this.focus.focus('cash', true);
  }

  /** The Pay button: the payment panel, with the cash field ready for the amount handed over. */
  openPayment(): void {
    if (this.cart.peek().length === 0) return;
    this.paying.value = true;
    this.focus.focus('cash');
  }

  /** Back from the payment panel to the products; what was typed stays. */
  closePayment(): void {
    this.paying.value = false;
    this.focus.focus('scan');
  }

  /** A preset on the payment panel: the exact total, or the note handed over, as cash (a card amount stays). */
  tender(preset: 'exact' | '50' | '100' | '200' | '500'): void {
    const quote = this.quote;
    if (!quote) return;
    batch(() => {
      if (preset === 'exact') {
        this.cash.value = quote.total;
        this.card.value = '';
      } else this.cash.value = preset;
    });
    void this.requote();
  }

  /**
   * "Rest on card": whatever is still due goes on the card. The amount is main's (the quote's due with the card left
   * out), so the renderer does no arithmetic of its own.
   */
  private async payRest(mode: 'cash' | 'card'): Promise<void> {
    batch(() => {
      this.paying.value = true;
      this.cash.value = '';
      this.card.value = '';
    });
    await this.requote();
    const due = this.quote?.due;
    if (due && due !== '0.00') {
      this[mode].value = due;
      await this.requote();
    }
    this.focus.focus(mode, mode === 'cash');
  }

  async restOnCard(): Promise<void> {
    if (!this.quote) return;
    this.card.value = '';
    await this.requote();
    const due = this.quote?.due;
    if (due && due !== '0.00') {
      this.card.value = due;
      await this.requote();
    }
  }

  /**
   * "Use credit": the typed voucher pays what is still due, up to its balance (main's answer, with any credit
   * already taken left out first); the rest stays to pay by cash or card.
   */
  async useCredit(): Promise<void> {
    if (!this.quote) return;
    this.tenders.clearCredit();
    await this.requote();
    const due = this.quote?.due;
    if (due && (await this.tenders.apply(due))) await this.requote();
  }

  /** The store credit taken off the sale again. */
  async removeCredit(): Promise<void> {
    this.tenders.clearCredit();
    await this.requote();
  }

  /** A tap on a card network: a label on the card payment, sent with it. */
  async chooseNetwork(network: Parameters<Tenders['chooseNetwork']>[0]): Promise<void> {
    this.tenders.chooseNetwork(network);
    await this.requote();
  }

  /** The − and + beside a line: one less or one more of a whole quantity (a weight is changed with Qty). */
  async step(delta: 1 | -1): Promise<void> {
    const index = this.selected.peek();
    const item = this.cart.peek()[index];
    if (!item || !/^\d+$/.test(item.quantity)) return;
    const quantity = Number(item.quantity) + delta;
    if (quantity < 1 || quantity > 999_999) return;
    this.cart.value = this.cart.peek().map((c, i) => (i === index ? { ...c, quantity: String(quantity) } : c));
    this.focus.focus('scan');
    await this.requote();
  }

  /**
   * Delete, or the Remove button: the selected line leaves the cart once the cashier says why (a void, in the
   * trail with its reason — docs/cash-control.md). Cancelled, or the cart changed meanwhile: the line stays.
   */
  async removeSelected(): Promise<boolean> {
    const index = this.selected.peek();
    const removed = this.cart.peek()[index];
    if (!removed) return false;
    const reason = await askVoidReason(this.services, removed.name);
    if (reason === null || this.cart.peek()[index] !== removed) {
      this.focus.focus('scan');
      return false;
    }
    this.recordVoid(removed, reason);
    const next = removeLine(this.cart.peek(), index);
    batch(() => {
      this.cart.value = next.cart;
      this.selected.value = next.selected;
      if (next.cart.length === 0) this.paying.value = false;
      this.focus.focus('scan');
    });
    void this.requote();
    return true;
  }

  /**
   * A line removed after it was added is a void in the audit trail (docs/cash-control.md): what it was, by whom, when
   * and why. Sent without waiting, so the till never slows down for it; a failure is logged.
   */
  private recordVoid(item: CartItem, reason: string): void {
    const price = item.unitPrice ?? this.quote?.lines.find((l) => l.productId === item.productId)?.unitPrice ?? '';
    this.services.api['audit.void']({ item: item.name, before: `${item.quantity} × ${price}`.trim(), reason }).catch((e: unknown) => console.error(e));
  }

  /** The open cart could not be kept in main (state/openCart.ts): the cashier hears it, with main's reason. */
  cartNotKept(error: unknown): void {
    this.services.toast(`${this.services.tr.t('cartNotKept')} ${this.services.errorText(error)}`, 'error');
  }

  /** Enter in a payment field: issues the sale once main says it is fully paid (one sale, however often pressed). */
  async complete(): Promise<void> {
    if (this.busy.peek() || this.cart.peek().length === 0) return;
    this.busy.value = true;
    try {
      await this.requote();
      const quote = this.quote;
      const { t } = this.services.tr;
      if (!quote?.complete) {
        this.services.toast((quote?.problems ?? []).map((p) => textOf(p, this.services.tr.locale)).join(' · ') || t('due'), 'error');
        return;
      }
      const approvalId = this.currentApproval();
      const result = await this.services.api['sale.complete']({
        lines: cartLines(this.cart.peek()),
        payments: payments(this.paymentFields()),
        saleId: this.saleId,
        ...(approvalId ? { approvalId } : {}),
      });
      const p = printMessage(result, this.services.tr);
      this.services.toast(`${t('saleDone', { n: result.document.number })} · ${t('changeToGive', { c: result.change })} · ${p.text}`, p.ok ? 'ok' : 'error');
      const early = this.earlyPrints.get(result.document.number);
      this.earlyPrints.clear();
      this.showCustomer(result);
      batch(() => {
        this.lastSale.value = early ? { ...result, print: early } : result;
        this.reset();
      });
    } catch (e) {
      // the same saleId is kept: trying again can never issue the sale twice
      this.services.toast(this.services.errorText(e), 'error');
    } finally {
      this.busy.value = false;
    }
  }

  /**
   * The customer display (a second tab or window) shows what the till shows: the quoted cart, or the sale just
   * completed with its change (main adds the receipt's QR). Best effort: a display that is not there costs nothing.
   */
  private showCustomer(sale: IssueResult | null): void {
    const { items, quote } = this.quoted.peek();
    const lines = quote ? items.map((item, i) => ({ name: item.name, quantity: item.quantity, lineTotal: quote.lines[i]?.lineTotal ?? '0.00' })) : [];
    const state = sale
      ? { lines, total: sale.document.total, paid: quote?.paid ?? sale.document.total, change: sale.change, number: sale.document.number }
      : { lines, total: quote?.total ?? '0.00', paid: quote?.paid ?? '0.00', change: quote?.change ?? '0.00', number: null };
    void this.services.api['display.show'](state).catch(() => undefined);
  }

  /** A new, empty sale. */
  reset(): void {
    this.quoteSeq++;
    batch(() => {
      this.cart.value = [];
      this.selected.value = -1;
      this.paying.value = false;
      this.cash.value = '';
      this.card.value = '';
      this.tenders.reset();
      this.approval.value = null;
      this.quoted.value = { items: [], quote: null };
      this.focus.focus('scan');
    });
    this.saleId = this.newSaleId();
  }

  /** Main tells how the last sale's receipt printed (a print can end after the sale is shown). */
  printed(number: string, outcome: PrintOutcome): void {
    const last = this.lastSale.peek();
    if (last && last.document.number === number) this.lastSale.value = { ...last, print: outcome };
    else if (this.busy.peek()) this.earlyPrints.set(number, outcome);
  }

  /** Alt+N: clear the sale after a confirmation. */
  async newSale(): Promise<void> {
    if (this.cart.peek().length === 0) return;
    if (await this.services.confirm(this.services.tr.t('newSaleConfirm'))) this.reset();
    else this.focus.focus('scan');
  }

  /** The till's keys; `inScan` when the scan field has the keyboard. True when the key was used. */
  keydown(press: KeyPress, inScan: boolean): boolean {
    switch (press.key) {
      case 'F2':
        void this.editSelected('quantity');
        return true;
      case 'F3':
        void this.editSelected('price');
        return true;
      case 'F4':
        void this.editSelected('discount');
        return true;
      case 'F6':
        this.services.go('receipts');
        return true;
      case 'F7':
        this.services.go('manager');
        return true;
      case 'F8':
        this.pay('cash');
        return true;
      case 'F9':
        this.pay('card');
        return true;
      case 'F10':
        this.pay('split');
        return true;
      case 'Delete':
        if (!inScan || this.scanText.peek() !== '' || !this.cart.peek()[this.selected.peek()]) return false;
        void this.removeSelected();
        return true;
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!inScan) return false;
        const step = press.key === 'ArrowDown' ? 1 : -1;
        const results = this.results.peek();
        if (results.length > 0) this.activeResult.value = cycle(this.activeResult.peek(), step, results.length);
        else if (this.cart.peek().length > 0) this.selected.value = moveSelection(this.selected.peek(), step, this.cart.peek().length);
        return true;
      }
      case 'Escape':
        if (this.results.peek().length > 0) this.results.value = [];
        else if (!inScan) this.focus.focus('scan');
        else this.scanText.value = '';
        return true;
      default:
        if (press.altKey && press.key.toLowerCase() === 'n') {
          void this.newSale();
          return true;
        }
        return false;
    }
  }
}
