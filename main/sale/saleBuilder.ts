// SPDX-License-Identifier: UNLICENSED
// From the cashier's cart to the document the ledger signs, and the quote the cashier sees before that. Both come
// from the same computeTotals (app/totals), so the total on the screen is the total in the signed XML.
//
// Saudi consumer prices are shown with VAT, so counter documents are always VAT-inclusive (pricesIncludeVat): a
// product priced without VAT is converted once, price × (100 + rate) / 100 rounded half-up to the halala — the shelf
// price the customer sees. Price overrides and discounts are typed VAT-inclusive as well.
import type { ErrorText } from '../../app/contract/errors';
import type { CardNetwork, PaymentMethod, Product, Quote, QuoteLine } from '../../app/contract/types';
import type { DocumentInputJson } from '../../app/document/documentInput';
import { parseDocumentInput } from '../../app/document/documentInput';
import { Decimal } from '../../app/money/decimal';
import { computeTotals, type DocumentTotals } from '../../app/totals/computeTotals';
import { DukkanError } from '../../app/errors/index';
import { checkQuantityForUnit, UNIT_CODES } from '../../app/catalog/units';
import type { SaleInput } from '../ledger/ledger';

const HUNDRED = Decimal.fromInt(100);
const ZERO = Decimal.ZERO;

export interface CartLine {
  readonly productId: number;
  readonly quantity: string;
  readonly unitPrice?: string | undefined;
  readonly discount?: string | undefined;
  /** A scanned price label (docs/catalog.md): the line is one labelled item at the label's price. */
  readonly labelBarcode?: string | undefined;
  /** The label's price as main read it from labelBarcode (main/sale/labelLines.ts); never taken from the till. */
  readonly labelPrice?: string | undefined;
}

export interface CartPayment {
  readonly method: PaymentMethod;
  readonly amount: string;
  /** A card's network label (mada, Visa, …): printed and reported, never a tender of its own. */
  readonly network?: CardNetwork | undefined;
  /** Store credit: the voucher it is taken from (main/storeCredit). */
  readonly voucherCode?: string | undefined;
}

export interface Cart {
  readonly lines: readonly CartLine[];
  readonly payments: readonly CartPayment[];
}

/** A product's price as the customer sees it: with VAT, to the halala when converted. */
export function shelfPrice(product: Pick<Product, 'price' | 'priceIncludesVat' | 'vatRate'>): Decimal {
  const price = Decimal.parse(product.price);
  if (product.priceIncludesVat) return price;
  return price.mul(HUNDRED.add(Decimal.parse(product.vatRate))).div(HUNDRED, 2);
}

function vatOf(product: Product): DocumentInputJson['lines'][number]['vat'] {
  return {
    category: product.vatCategory,
    rate: product.vatRate,
    ...(product.exemptionCode ? { exemptionCode: product.exemptionCode } : {}),
  };
}

export interface PricedCart {
  readonly sale: SaleInput;
  readonly lines: readonly QuoteLine[];
  readonly needsApproval: boolean;
}

/**
 * The document lines of a cart; refuses unknown or inactive products and discounts larger than the line. A price
 * override always needs a manager's approval; a discount only above `discountFreePercent` of its line (quantity ×
 * price), compared exactly: discount × 100 > percent × line (docs/cash-control.md).
 */
export function priceCart(
  cart: Cart,
  products: (id: number) => Product | undefined,
  seller: DocumentInputJson['seller'],
  paymentMeans: DocumentInputJson['paymentMeans'],
  discountFreePercent: Decimal = ZERO,
): PricedCart {
  let needsApproval = false;
  const quoteLines: QuoteLine[] = [];
  const lines = cart.lines.map((line, i) => {
    const product = products(line.productId);
    if (!product || !product.active) throw new DukkanError('sale.unknown-product', { line: i + 1, product: line.productId }, { field: `lines.${i}.productId` });
    if (line.labelBarcode !== undefined && line.labelPrice === undefined)
      throw new DukkanError('scale.label-product', { line: i + 1, barcode: line.labelBarcode }, { field: `lines.${i}.labelBarcode` });
    // a price label sells labelled items at the label's price, which is then the price no approval is needed for
    const labelled = line.labelPrice !== undefined;
    const catalogPrice = labelled ? Decimal.parse(line.labelPrice!) : shelfPrice(product);
    const unitPrice = line.unitPrice !== undefined ? Decimal.parse(line.unitPrice) : catalogPrice;
    const overridden = !unitPrice.eq(catalogPrice);
    const unit = labelled ? 'piece' : product.unit;
    checkQuantityForUnit(line.quantity, unit, `lines.${i}.quantity`);
    const quantity = Decimal.parse(line.quantity);
    const discount = line.discount !== undefined && !Decimal.parse(line.discount).isZero() ? Decimal.parse(line.discount) : undefined;
    if (discount && discount.cmp(quantity.mul(unitPrice).round(2)) > 0) {
      throw new DukkanError(
        'sale.discount-exceeds-line',
        { line: i + 1, discount: discount.toFixed(2), total: quantity.mul(unitPrice).toFixed(2) },
        { field: `lines.${i}.discount` },
      );
    }
    if (overridden || (discount && discount.mul(HUNDRED).cmp(discountFreePercent.mul(quantity.mul(unitPrice))) > 0)) needsApproval = true;
    quoteLines.push({
      productId: product.id,
      name: product.name,
      quantity: quantity.toMinimal(),
      unitPrice: unitPrice.toMinimal(2),
      catalogPrice: catalogPrice.toMinimal(2),
      discount: discount ? discount.toFixed(2) : null,
      lineTotal: '', // filled from the totals below
      vatRate: product.vatRate,
      overridden,
      unit,
    });
    const documentLine: DocumentInputJson['lines'][number] = {
      name: product.nameAr ? `${product.nameAr} | ${product.name}` : product.name,
      quantity: quantity.toMinimal(),
      unitCode: UNIT_CODES[unit],
      unitPrice: unitPrice.toMinimal(2),
      vat: vatOf(product),
      ...(discount ? { discount: { amount: discount.toFixed(2), reason: 'discount' } } : {}),
      ...(product.barcodes[0] ? { itemCode: product.barcodes[0] } : {}),
    };
    return documentLine;
  });
  const sale: SaleInput = { kind: 'invoice', profile: 'simplified', pricesIncludeVat: true, seller, lines, paymentMeans };
  return { sale, lines: quoteLines, needsApproval };
}

/** Totals of a sale before it is issued: the same computation the engine does when it builds the XML. */
export function totalsOf(sale: SaleInput): DocumentTotals {
  return computeTotals(
    parseDocumentInput({ ...sale, number: 'QUOTE-1', uuid: '00000000-0000-4000-8000-000000000000', issueDate: '2000-01-01', issueTime: '00:00:00' }),
  );
}

export interface Settlement {
  readonly paid: Decimal;
  readonly due: Decimal;
  readonly change: Decimal;
  /** What each method settles (cash net of change); sums to the total when fully paid. */
  readonly settled: readonly CartPayment[];
  /** Why the payments do not settle the total yet, by catalog code. */
  readonly problems: readonly ErrorText[];
}

/**
 * Cash, card, store credit or any mix; change only from cash (a card or a voucher is charged no more than what is
 * due). Card amounts are kept apart by network and store credit by voucher, so the receipt and the report can say
 * which; every card amount is still the one card tender.
 */
export function settle(total: Decimal, payments: readonly CartPayment[]): Settlement {
  const amountOf = (list: readonly CartPayment[]) => Decimal.sum(list.map((p) => Decimal.parse(p.amount)));
  const cash = amountOf(payments.filter((p) => p.method === 'cash'));
  const card = amountOf(payments.filter((p) => p.method === 'card'));
  const credit = amountOf(payments.filter((p) => p.method === 'store-credit'));
  const nonCash = card.add(credit);
  const problems: ErrorText[] = [];
  if (card.cmp(total) > 0) problems.push({ reason: 'sale.card-exceeds-total', params: { card: card.toFixed(2), total: total.toFixed(2) } });
  else if (nonCash.cmp(total) > 0) problems.push({ reason: 'store-credit.exceeds-total', params: { amount: nonCash.toFixed(2), total: total.toFixed(2) } });
  const paid = cash.add(nonCash);
  const due = paid.cmp(total) >= 0 ? ZERO : total.sub(paid);
  const change = paid.cmp(total) > 0 && nonCash.cmp(total) <= 0 ? paid.sub(total) : ZERO;
  const settled: CartPayment[] = [];
  // one card row per network, in the order typed (a network left out is a row of its own)
  const cards = new Map<CardNetwork | undefined, Decimal>();
  for (const p of payments) if (p.method === 'card') cards.set(p.network, (cards.get(p.network) ?? ZERO).add(Decimal.parse(p.amount)));
  for (const [network, amount] of cards) if (!amount.isZero()) settled.push({ method: 'card', amount: amount.toFixed(2), ...(network ? { network } : {}) });
  for (const p of payments)
    if (p.method === 'store-credit' && !Decimal.parse(p.amount).isZero())
      settled.push({ method: 'store-credit', amount: Decimal.parse(p.amount).toFixed(2), voucherCode: p.voucherCode });
  const cashKept = cash.sub(change);
  if (!cashKept.isZero()) settled.push({ method: 'cash', amount: cashKept.toFixed(2) });
  return { paid, due, change, settled, problems };
}

/**
 * UNTDID 4461 payment means of a settlement (reference §7.2, BR-KSA-16): cash 10, card 48, and store credit 1
 * ("instrument not defined"). A voucher is neither cash nor a card, 4461 has no code for one, and 1 is the one
 * code of ZATCA's own short list (10, 30, 42, 48, 1) that claims nothing untrue: 30 (credit transfer) and 42
 * (payment to a bank account) would say money moved between banks, 97 (clearing between partners) describes
 * offsetting two businesses' mutual debts.
 */
export function paymentMeansOf(payments: readonly Pick<CartPayment, 'method' | 'amount'>[]): ('cash' | 'card' | 'not-defined')[] {
  const used = (m: PaymentMethod) => payments.some((p) => p.method === m && !Decimal.parse(p.amount).isZero());
  const means = [
    ...(used('cash') ? (['cash'] as const) : []),
    ...(used('card') ? (['card'] as const) : []),
    ...(used('store-credit') ? (['not-defined'] as const) : []),
  ];
  return means.length > 0 ? means : ['cash'];
}

export function quoteOf(priced: PricedCart, payments: readonly CartPayment[], approved: boolean): Quote {
  const totals = totalsOf(priced.sale);
  const total = totals.payable;
  const s = settle(total, payments);
  const problems = [...s.problems];
  if (priced.needsApproval && !approved) problems.push({ reason: 'sale.approval-needed', params: {} });
  if (!s.due.isZero()) problems.push({ reason: 'sale.amount-due', params: { due: s.due.toFixed(2) } });
  return {
    lines: priced.lines.map((l, i) => ({ ...l, lineTotal: totals.lines[i]!.shownTotal.toFixed(2) })),
    pricesIncludeVat: true,
    taxExclusive: totals.taxExclusive.toFixed(2),
    vat: totals.vat.toFixed(2),
    total: total.toFixed(2),
    paid: s.paid.toFixed(2),
    due: s.due.toFixed(2),
    change: s.change.toFixed(2),
    needsApproval: priced.needsApproval,
    complete: problems.length === 0,
    problems,
  };
}
