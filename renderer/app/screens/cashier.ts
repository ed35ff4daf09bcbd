// SPDX-License-Identifier: UNLICENSED
// The till. Keyboard first: the scan field always has focus unless a payment field does. A keyboard-wedge barcode
// scanner types the code and Enter, exactly like a person, so one path serves both. Totals come from main's quote
// (the same computation that builds the signed document): the renderer does no money arithmetic of its own.
import type { AppEvent } from '../../../app/contract/events';
import type { IssueResult, Product, Quote } from '../../../app/contract/types';
import type { AppContext, Screen } from '../app';
import { h, mount, num } from '../dom';
import { t } from '../i18n';
import { attempt, confirmBox, errorText, prompt, toast } from '../ui';

interface CartItem {
  readonly productId: number;
  readonly name: string;
  quantity: string;
  unitPrice?: string;
  discount?: string;
}

const MONEY = /^\d{1,9}(\.\d{1,2})?$/;
const QUANTITY = /^\d{1,6}(\.\d{1,3})?$/;
const BARCODE = /^[\x21-\x7E]{1,64}$/;

export function printMessage(result: IssueResult): { text: string; ok: boolean } {
  const p = result.print;
  if (p.state === 'printed') return { text: t('printed'), ok: true };
  if (p.state === 'no-printer') return { text: t('noPrinter'), ok: true };
  return { text: t('printFailed', { m: p.message ?? '' }), ok: false };
}

export function cashierScreen(ctx: AppContext): Screen {
  const api = ctx.api;
  let cart: CartItem[] = [];
  let selected = -1;
  let results: Product[] = [];
  let activeResult = 0;
  let quote: Quote | null = null;
  let quoteSeq = 0;
  let approval: { id: string; by: string; expiresAt: number } | null = null;
  let saleId = crypto.randomUUID();
  let busy = false;
  let lastSale: IssueResult | null = null;

  const scan = h('input', {
    attrs: {
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: t('scanPlaceholder'),
      'aria-label': t('scanPlaceholder'),
      'data-test': 'scan',
    },
  });
  const resultList = h('ul', { class: 'results', attrs: { role: 'listbox', 'data-test': 'results' }, hidden: true });
  const cartBody = h('tbody', { attrs: { 'data-test': 'cart' } });
  const cartTable = h(
    'table',
    { class: 'cart' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, '#'),
        h('th', {}, t('item')),
        h('th', {}, t('qty')),
        h('th', {}, t('price')),
        h('th', {}, t('discount')),
        h('th', {}, t('total')),
      ),
    ),
    cartBody,
  );
  const cash = h('input', { attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-label': t('cash'), 'data-test': 'cash', dir: 'ltr' } });
  const card = h('input', { attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-label': t('card'), 'data-test': 'card', dir: 'ltr' } });
  const totalsBox = h('dl', { class: 'totals', attrs: { 'data-test': 'totals' } });
  const problems = h('ul', { class: 'problems', attrs: { 'aria-live': 'polite' } });
  const completeButton = h('button', { class: 'primary', attrs: { type: 'submit', 'data-test': 'complete' } }, `${t('complete')} (Enter)`);
  const paymentForm = h(
    'form',
    { class: 'payment', on: { submit: (e) => (e.preventDefault(), void complete()) } },
    h('label', { class: 'field' }, h('span', {}, `${t('cash')} (F8)`), cash),
    h('label', { class: 'field' }, h('span', {}, `${t('card')} (F9)`), card),
    problems,
    completeButton,
  );
  const approvalNote = h('p', { class: 'approval', attrs: { 'data-test': 'approval' } });
  const lastSaleBox = h('section', { class: 'last-sale', attrs: { 'aria-live': 'polite', 'data-test': 'last-sale' } });

  for (const input of [cash, card]) input.addEventListener('input', () => void requote());

  const scanForm = h('form', { class: 'scan', on: { submit: (e) => (e.preventDefault(), void onScan()) } }, scan);

  function money(text: string): HTMLElement {
    return num(text);
  }

  function renderCart(): void {
    if (cart.length === 0) {
      mount(cartBody, h('tr', { class: 'empty' }, h('td', { attrs: { colspan: 6 } }, t('emptyCart'))));
      return;
    }
    mount(
      cartBody,
      cart.map((item, i) => {
        const line = quote?.lines[i];
        return h(
          'tr',
          {
            class: i === selected ? 'selected' : '',
            attrs: { 'aria-selected': i === selected ? 'true' : 'false', 'data-test': `line-${i}` },
            on: { click: () => ((selected = i), renderCart(), scan.focus()) },
          },
          h('td', {}, num(String(i + 1))),
          h('td', { class: 'name' }, item.name, line?.overridden ? h('span', { class: 'badge' }, ' ✎') : null),
          h('td', {}, num(item.quantity)),
          h('td', {}, money(line?.unitPrice ?? '…')),
          h('td', {}, line?.discount ? money(`-${line.discount}`) : ''),
          h('td', {}, money(line?.lineTotal ?? '…')),
        );
      }),
    );
    cartBody.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
  }

  function renderTotals(): void {
    const q = quote;
    const row = (label: string, value: string, cls = '', test = '') => [
      h('dt', { class: cls }, label),
      h('dd', { class: cls, attrs: { 'data-test': test || undefined } }, money(value)),
    ];
    mount(
      totalsBox,
      row(t('totalExVat'), q?.taxExclusive ?? '0.00'),
      row(t('vat'), q?.vat ?? '0.00'),
      row(t('totalDue'), q?.total ?? '0.00', 'grand', 'total'),
      row(t('paid'), q?.paid ?? '0.00'),
      row(t('due'), q?.due ?? '0.00', q && q.due !== '0.00' ? 'warn' : '', 'due'),
      row(t('change'), q?.change ?? '0.00', 'change', 'change'),
    );
    mount(problems, cart.length > 0 && q && (cash.value || card.value) ? q.problems.map((p) => h('li', {}, p)) : []);
    approvalNote.textContent = approval ? t('approved', { m: approval.by }) : '';
  }

  function renderResults(): void {
    resultList.hidden = results.length === 0;
    mount(
      resultList,
      results.map((p, i) =>
        h(
          'li',
          {
            attrs: { role: 'option', 'aria-selected': i === activeResult ? 'true' : 'false', 'data-test': `result-${i}` },
            on: { click: () => void addProduct(p, '1') },
          },
          h('span', {}, p.nameAr ? `${p.name} — ${p.nameAr}` : p.name),
          ' ',
          money(p.price),
        ),
      ),
    );
  }

  function payments(): { method: 'cash' | 'card'; amount: string }[] {
    const list: { method: 'cash' | 'card'; amount: string }[] = [];
    if (MONEY.test(cash.value.trim())) list.push({ method: 'cash', amount: cash.value.trim() });
    if (MONEY.test(card.value.trim())) list.push({ method: 'card', amount: card.value.trim() });
    return list;
  }

  function cartLines() {
    return cart.map((c) => ({
      productId: c.productId,
      quantity: c.quantity,
      ...(c.unitPrice ? { unitPrice: c.unitPrice } : {}),
      ...(c.discount ? { discount: c.discount } : {}),
    }));
  }

  function currentApproval(): string | undefined {
    if (approval && approval.expiresAt <= Date.now()) approval = null;
    return approval?.id;
  }

  async function requote(): Promise<void> {
    const seq = ++quoteSeq;
    if (cart.length === 0) {
      quote = null;
      renderCart();
      renderTotals();
      return;
    }
    try {
      const approvalId = currentApproval();
      const q = await api['sale.quote']({ lines: cartLines(), payments: payments(), ...(approvalId ? { approvalId } : {}) });
      if (seq !== quoteSeq) return; // a newer quote is on its way
      quote = q;
    } catch (e) {
      if (seq === quoteSeq) toast(errorText(e), 'error');
    }
    renderCart();
    renderTotals();
  }

  async function addProduct(product: Product, quantity: string): Promise<void> {
    if (!resultList.hidden) {
      results = [];
      renderResults();
      scan.value = '';
    }
    const existing = cart.findIndex((c) => c.productId === product.id && !c.unitPrice && !c.discount);
    const merge = existing >= 0 ? cart[existing] : undefined;
    if (merge && /^\d+$/.test(merge.quantity) && /^\d+$/.test(quantity)) {
      merge.quantity = String(Number(merge.quantity) + Number(quantity));
      selected = existing;
    } else {
      cart.push({ productId: product.id, name: product.nameAr && document.documentElement.lang === 'ar' ? product.nameAr : product.name, quantity });
      selected = cart.length - 1;
    }
    scan.focus();
    await requote();
  }

  /** Puts a code back in the scan field after a miss, unless the next scan has started typing already. */
  function restore(raw: string): void {
    if (scan.value === '') scan.value = raw;
    scan.select();
  }

  async function onScan(): Promise<void> {
    const raw = scan.value.trim();
    if (!resultList.hidden && results[activeResult] && raw === lastQuery) return addProduct(results[activeResult]!, lastQuantity);
    // cleared at once: a scanner types the next code while this one is looked up
    scan.value = '';
    const m = /^(\d{1,6}(?:\.\d{1,3})?)\*(.*)$/.exec(raw);
    const quantity = m ? m[1]! : '1';
    const query = (m ? m[2]! : raw).trim();
    if (!query) return;
    if (!QUANTITY.test(quantity) || !/[1-9]/.test(quantity)) return (toast(t('qty'), 'error'), restore(raw));
    if (BARCODE.test(query)) {
      const product = await attempt(() => api['catalog.lookup']({ barcode: query }));
      if (product) return addProduct(product, quantity);
      if (product === undefined) return restore(raw);
    }
    const found = await attempt(() => api['catalog.search']({ query }));
    if (!found) return restore(raw);
    if (found.length === 1) return addProduct(found[0]!, quantity);
    if (found.length === 0) {
      toast(t('notFound', { q: query }), 'error');
      restore(raw);
      return;
    }
    restore(raw);
    results = found;
    activeResult = 0;
    lastQuery = raw;
    lastQuantity = quantity;
    renderResults();
  }
  let lastQuery = '';
  let lastQuantity = '1';

  async function ensureApproval(purpose: 'price-override' | 'discount'): Promise<boolean> {
    if (currentApproval()) return true;
    const pin = await prompt({ title: t('managerPin'), label: t('pin'), type: 'password', inputMode: 'numeric', pattern: /^\d{4,8}$/, test: 'manager-pin' });
    if (!pin) return false;
    const granted = await attempt(() => api['approval.request']({ pin, purpose }));
    if (!granted) return false;
    approval = { id: granted.approvalId, by: granted.managerName, expiresAt: Date.parse(granted.expiresAt) };
    return true;
  }

  async function editSelected(what: 'quantity' | 'price' | 'discount'): Promise<void> {
    const item = cart[selected];
    if (!item) return;
    if (what !== 'quantity' && !(await ensureApproval(what === 'price' ? 'price-override' : 'discount'))) return scan.focus();
    const line = quote?.lines[selected];
    const value = await prompt(
      what === 'quantity'
        ? { title: item.name, label: t('newQuantity'), inputMode: 'decimal', value: item.quantity, pattern: QUANTITY, test: 'quantity-input' }
        : what === 'price'
          ? {
              title: item.name,
              label: t('newPrice'),
              inputMode: 'decimal',
              value: line?.unitPrice ?? '',
              pattern: /^\d{1,9}(\.\d{1,4})?$/,
              test: 'price-input',
            }
          : { title: item.name, label: t('discountAmount'), inputMode: 'decimal', value: item.discount ?? '', pattern: MONEY, test: 'discount-input' },
    );
    scan.focus();
    if (value === null) return;
    if (what === 'quantity') {
      if (!/[1-9]/.test(value)) return;
      item.quantity = value;
    } else if (what === 'price') item.unitPrice = value;
    else item.discount = value === '' || /^0+(\.0+)?$/.test(value) ? undefined : value;
    await requote();
  }

  function pay(mode: 'cash' | 'card' | 'split'): void {
    if (!quote) return;
    if (mode === 'card') {
      card.value = quote.total;
      cash.value = '';
      void requote().then(() => card.focus());
      return;
    }
    if (mode === 'cash') card.value = '';
    cash.value = mode === 'cash' ? quote.total : '';
    void requote();
    cash.focus();
    cash.select();
  }

  async function complete(): Promise<void> {
    if (busy || cart.length === 0) return;
    await requote();
    if (!quote?.complete) {
      toast((quote?.problems ?? []).join(' · ') || t('due'), 'error');
      return;
    }
    busy = true;
    completeButton.disabled = true;
    try {
      const approvalId = currentApproval();
      const result = await api['sale.complete']({ lines: cartLines(), payments: payments(), saleId, ...(approvalId ? { approvalId } : {}) });
      lastSale = result;
      const p = printMessage(result);
      toast(`${t('saleDone', { n: result.document.number })} · ${t('changeToGive', { c: result.change })} · ${p.text}`, p.ok ? 'ok' : 'error');
      reset();
    } catch (e) {
      // the same saleId is kept: trying again can never issue the sale twice
      toast(errorText(e), 'error');
    } finally {
      busy = false;
      completeButton.disabled = false;
    }
  }

  function renderLastSale(): void {
    if (!lastSale) return mount(lastSaleBox);
    const p = printMessage(lastSale);
    mount(
      lastSaleBox,
      h('strong', {}, t('lastSale'), ': '),
      num(lastSale.document.number, 'num doc-number'),
      ' · ',
      money(lastSale.document.total),
      ' · ',
      h('span', { class: 'change-big' }, t('changeToGive', { c: lastSale.change })),
      ' · ',
      h('span', { class: p.ok ? 'ok' : 'error', attrs: { 'data-test': 'print-state', 'data-state': lastSale.print.state } }, p.text),
    );
  }

  function reset(): void {
    cart = [];
    selected = -1;
    cash.value = '';
    card.value = '';
    approval = null;
    saleId = crypto.randomUUID();
    quote = null;
    renderCart();
    renderTotals();
    renderLastSale();
    scan.focus();
  }

  renderCart();
  renderTotals();

  const el = h(
    'section',
    { class: 'screen-cashier' },
    h('div', { class: 'till' }, scanForm, resultList, lastSaleBox, h('div', { class: 'cart-wrap' }, cartTable)),
    h('aside', { class: 'side' }, totalsBox, approvalNote, paymentForm),
  );

  return {
    el,
    keys: 'keysCashier',
    focus: () => scan.focus(),
    onEvent(event: AppEvent) {
      if (event.type === 'print' && lastSale && event.number === lastSale.document.number) {
        lastSale = { ...lastSale, print: event.outcome };
        renderLastSale();
      }
    },
    keydown(e) {
      const inScan = document.activeElement === scan;
      switch (e.key) {
        case 'F2':
          void editSelected('quantity');
          return true;
        case 'F3':
          void editSelected('price');
          return true;
        case 'F4':
          void editSelected('discount');
          return true;
        case 'F6':
          ctx.go('receipts');
          return true;
        case 'F7':
          ctx.go('manager');
          return true;
        case 'F8':
          pay('cash');
          return true;
        case 'F9':
          pay('card');
          return true;
        case 'F10':
          pay('split');
          return true;
        case 'Delete':
          if (inScan && scan.value === '' && cart[selected]) {
            cart.splice(selected, 1);
            selected = Math.min(selected, cart.length - 1);
            void requote();
            return true;
          }
          return false;
        case 'ArrowDown':
        case 'ArrowUp': {
          if (!inScan) return false;
          const step = e.key === 'ArrowDown' ? 1 : -1;
          if (!resultList.hidden && results.length > 0) {
            activeResult = (activeResult + step + results.length) % results.length;
            renderResults();
          } else if (cart.length > 0) {
            selected = Math.max(0, Math.min(cart.length - 1, selected + step));
            renderCart();
          }
          return true;
        }
        case 'Escape':
          if (!resultList.hidden) {
            results = [];
            renderResults();
          } else if (!inScan) scan.focus();
          else scan.value = '';
          return true;
        default:
          if (e.altKey && e.key.toLowerCase() === 'n') {
            if (cart.length === 0) return true;
            void confirmBox(t('newSaleConfirm')).then((yes) => (yes ? reset() : scan.focus()));
            return true;
          }
          return false;
      }
    },
  };
}
