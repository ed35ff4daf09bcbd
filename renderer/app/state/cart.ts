// SPDX-License-Identifier: UNLICENSED
// The till's cart and payment rules as pure functions over plain values: what a scan means, how a product joins the
// cart, which payments are sent, what F8/F9/F10 put in the payment fields, and what the cart table and the totals
// show for a quote. Money is never computed here: every amount comes from main's quote (the same computation that
// builds the signed document); the renderer only adds whole quantities of the same product.
import type { CardNetwork, Locale, Product, ProductUnit, Quote } from '../../../app/contract/types';

export interface CartItem {
  readonly productId: number;
  readonly name: string;
  readonly quantity: string;
  readonly unitPrice?: string;
  readonly discount?: string;
  /** A scanned price label (docs/catalog.md): main prices the line from it. */
  readonly labelBarcode?: string;
}

export type PaymentMethod = 'cash' | 'card' | 'store-credit';
export type PayMode = 'cash' | 'card' | 'split';

export const MONEY = /^\d{1,9}(\.\d{1,2})?$/;
export const QUANTITY = /^\d{1,6}(\.\d{1,3})?$/;
export const PRICE = /^\d{1,9}(\.\d{1,4})?$/;
export const BARCODE = /^[\x21-\x7E]{1,64}$/;

/** A quantity or amount that is valid and not zero. */
export function positive(text: string, pattern: RegExp): boolean {
  return pattern.test(text.trim()) && /[1-9]/.test(text);
}

export type ScanInput =
  | { readonly kind: 'empty' }
  | { readonly kind: 'bad-quantity' }
  | { readonly kind: 'query'; readonly quantity: string; readonly query: string; readonly barcode: boolean };

/** What was typed or scanned: "3*milk" sells 3, a run of printable ASCII may be a barcode. */
export function parseScan(raw: string): ScanInput {
  const text = raw.trim();
  const m = /^(\d{1,6}(?:\.\d{1,3})?)\*(.*)$/.exec(text);
  const quantity = m ? m[1]! : '1';
  const query = (m ? m[2]! : text).trim();
  if (!query) return { kind: 'empty' };
  if (!QUANTITY.test(quantity) || !/[1-9]/.test(quantity)) return { kind: 'bad-quantity' };
  return { kind: 'query', quantity, query, barcode: BARCODE.test(query) };
}

/**
 * The cart with `quantity` of `product` added, and the line to select: whole quantities join a line of the same
 * product at the catalog price; anything else (a weight, an overridden price, a discount) is a line of its own.
 */
export function addToCart(
  cart: readonly CartItem[],
  product: Pick<Product, 'id' | 'name' | 'nameAr'>,
  quantity: string,
  locale: Locale,
  labelBarcode?: string,
): { cart: CartItem[]; selected: number } {
  const name = product.nameAr && locale === 'ar' ? product.nameAr : product.name;
  // a price label is one labelled item with its own price: always a line of its own
  if (labelBarcode) return { cart: [...cart, { productId: product.id, name, quantity, labelBarcode }], selected: cart.length };
  const existing = cart.findIndex((c) => c.productId === product.id && !c.unitPrice && !c.discount && !c.labelBarcode);
  const merge = existing >= 0 ? cart[existing] : undefined;
  if (merge && /^\d+$/.test(merge.quantity) && /^\d+$/.test(quantity)) {
    const next = cart.slice();
    next[existing] = { ...merge, quantity: String(Number(merge.quantity) + Number(quantity)) };
    return { cart: next, selected: existing };
  }
  return { cart: [...cart, { productId: product.id, name, quantity }], selected: cart.length };
}

/** The cart without the selected line; the selection stays on the line that took its place. */
export function removeLine(cart: readonly CartItem[], selected: number): { cart: CartItem[]; selected: number } {
  if (!cart[selected]) return { cart: cart.slice(), selected };
  const next = cart.filter((_, i) => i !== selected);
  return { cart: next, selected: Math.min(selected, next.length - 1) };
}

/** ↑/↓ in the cart: stops at the first and last line. */
export function moveSelection(selected: number, step: number, length: number): number {
  return Math.max(0, Math.min(length - 1, selected + step));
}

/** ↑/↓ in the search results: wraps around. */
export function cycle(index: number, step: number, length: number): number {
  return (index + step + length) % length;
}

export type LineEdit = 'quantity' | 'price' | 'discount';

/** The line after an edit; undefined when the value changes nothing (a zero quantity). */
export function editLine(item: CartItem, what: LineEdit, value: string): CartItem | undefined {
  if (what === 'quantity') return /[1-9]/.test(value) ? { ...item, quantity: value } : undefined;
  if (what === 'price') return { ...item, unitPrice: value };
  const { discount: _old, ...rest } = item;
  return value === '' || /^0+(\.0+)?$/.test(value) ? rest : { ...item, discount: value };
}

/** The lines as main's sale.quote and sale.complete take them. */
export function cartLines(cart: readonly CartItem[]): { productId: number; quantity: string; unitPrice?: string; discount?: string; labelBarcode?: string }[] {
  return cart.map((c) => ({
    productId: c.productId,
    quantity: c.quantity,
    ...(c.unitPrice ? { unitPrice: c.unitPrice } : {}),
    ...(c.discount ? { discount: c.discount } : {}),
    ...(c.labelBarcode ? { labelBarcode: c.labelBarcode } : {}),
  }));
}

export interface PaymentFields {
  readonly cash: string;
  readonly card: string;
  /** The card's network label, when the cashier chose one (state/tenders.ts). */
  readonly network?: CardNetwork | null;
  /** Store credit: the voucher main found and the amount taken from it. */
  readonly voucher?: string;
  readonly credit?: string;
}

export interface Payment {
  method: PaymentMethod;
  amount: string;
  network?: CardNetwork;
  voucherCode?: string;
}

/** The payments typed so far: each field that holds a valid amount (an unfinished one is left out). */
export function payments(fields: PaymentFields): Payment[] {
  const list: Payment[] = [];
  if (MONEY.test(fields.cash.trim())) list.push({ method: 'cash', amount: fields.cash.trim() });
  if (MONEY.test(fields.card.trim())) list.push({ method: 'card', amount: fields.card.trim(), ...(fields.network ? { network: fields.network } : {}) });
  const credit = fields.credit?.trim() ?? '';
  if (fields.voucher && MONEY.test(credit)) list.push({ method: 'store-credit', amount: credit, voucherCode: fields.voucher });
  return list;
}

/**
 * F8 (all cash: the total, selected so that the amount handed over can be typed over it), F9 (all by card) and F10
 * (split: the card amount stays, cash is typed for the rest): the payment fields after the key, and the field that
 * takes the keyboard.
 */
export function payFor(mode: PayMode, total: string, fields: PaymentFields): PaymentFields & { focus: 'cash' | 'card' } {
  if (mode === 'card') return { cash: '', card: total, focus: 'card' };
  if (mode === 'cash') return { cash: total, card: '', focus: 'cash' };
  return { cash: '', card: fields.card, focus: 'cash' };
}

export interface CartRow {
  readonly index: number;
  readonly name: string;
  readonly overridden: boolean;
  readonly quantity: string;
  /** The quantity's unit when it is not a count of pieces (kg, g, l), as main quoted it; null for pieces. */
  readonly unit: Exclude<ProductUnit, 'piece'> | null;
  readonly unitPrice: string;
  readonly discount: string;
  readonly lineTotal: string;
  readonly selected: boolean;
}

/** The cart table: each item with its quoted price and total ("…" while main has not quoted it). */
export function cartRows(items: readonly CartItem[], quote: Quote | null, selected: number): CartRow[] {
  return items.map((item, i) => {
    const line = quote?.lines[i];
    return {
      index: i,
      name: item.name,
      overridden: line?.overridden ?? false,
      quantity: item.quantity,
      unit: line && line.unit !== 'piece' ? line.unit : null,
      unitPrice: line?.unitPrice ?? '…',
      discount: line?.discount ? `-${line.discount}` : '',
      lineTotal: line?.lineTotal ?? '…',
      selected: i === selected,
    };
  });
}

/** The rows of the totals column (their words: cashier.tsx). */
export type TotalsLabel = 'totalExVat' | 'vat' | 'totalDue' | 'paid' | 'due' | 'change';

export interface TotalsRow {
  readonly label: TotalsLabel;
  readonly value: string;
  readonly cls: string;
  readonly test?: string;
}

/**
 * The totals column: zeros before the first quote; "still to pay" stands out while something is. The change is a
 * row only while there is change to give: after the sale it is shown once, large, with the sale (a "Change 0.00"
 * beside "Change to give: 5.00" said two things at once).
 */
export function totalsRows(q: Quote | null): TotalsRow[] {
  const rows: TotalsRow[] = [
    { label: 'totalExVat', value: q?.taxExclusive ?? '0.00', cls: '' },
    { label: 'vat', value: q?.vat ?? '0.00', cls: '' },
    { label: 'totalDue', value: q?.total ?? '0.00', cls: 'grand', test: 'total' },
    { label: 'paid', value: q?.paid ?? '0.00', cls: '' },
    { label: 'due', value: q?.due ?? '0.00', cls: q && q.due !== '0.00' ? 'warn' : '', test: 'due' },
  ];
  if (q && q.change !== '0.00') rows.push({ label: 'change', value: q.change, cls: 'change', test: 'change' });
  return rows;
}

/** Main's objections to the payment, shown once something is typed in a payment field. */
export function paymentProblems(cartSize: number, q: Quote | null, fields: PaymentFields): Quote['problems'] {
  return cartSize > 0 && q && (fields.cash || fields.card || fields.credit) ? q.problems : [];
}
