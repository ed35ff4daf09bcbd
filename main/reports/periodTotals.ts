// SPDX-License-Identifier: UNLICENSED
// The running sums of an open report period (main/reports/dailyReport.ts): what the counted documents add up to per
// VAT category and rate, per payment method and card network, in store credit and in total. A document is added
// once, soon after it is issued, and subtracted again only if it stops counting (a correction re-issued it, ZATCA did
// not clear it, it was withdrawn for a simplified invoice), so an X report reads a handful of sums instead of every
// document of the day, and the process keeps no per-document figures (BENCHMARKS.md, "A long day").
// Every sum is an exact Decimal: adding a document and subtracting it again leaves the sums as they were.
import type { CardNetwork, DailyReport, DocumentKind, PaymentMethod, PaymentView, VatCategoryCode } from '../../app/contract/types';
import { Decimal } from '../../app/money/decimal';

/** What one document adds to a report: its totals from the stored input (computeTotals) and its payments. */
export interface DocumentContribution {
  readonly kind: DocumentKind;
  readonly payable: Decimal;
  readonly vat: Decimal;
  readonly categories: readonly { readonly category: VatCategoryCode; readonly rate: Decimal; readonly taxable: Decimal; readonly vat: Decimal }[];
  /** As recorded with the document, in its commit (main/sale/counter.ts): none means the payment was not recorded. */
  readonly payments: readonly PaymentView[];
}

/** A sum and how many documents' entries are in it: a line leaves the report when its last document is taken out. */
interface Line {
  amount: Decimal;
  entries: number;
}

// a fixed order of the report's lines, the same whichever document of the day came first
const CATEGORY_ORDER: readonly VatCategoryCode[] = ['S', 'Z', 'E', 'O'];
const METHOD_ORDER: readonly (PaymentMethod | 'unrecorded')[] = ['cash', 'card', 'store-credit', 'unrecorded'];
const NETWORK_ORDER: readonly (CardNetwork | 'unlabelled')[] = ['mada', 'visa', 'mastercard', 'amex', 'other', 'unlabelled'];

const ONE = Decimal.fromInt(1);
const MINUS_ONE = Decimal.fromInt(-1);

export type PeriodSums = Pick<DailyReport, 'documents' | 'vat' | 'payments' | 'cardNetworks' | 'storeCredit' | 'totals'>;

export class PeriodTotals {
  private readonly counts = { invoices: 0, creditNotes: 0, debitNotes: 0 };
  private readonly sum = { sales: Decimal.ZERO, returns: Decimal.ZERO, debits: Decimal.ZERO, vat: Decimal.ZERO };
  private readonly vat = new Map<string, { category: VatCategoryCode; rate: Decimal; taxable: Decimal; vat: Decimal; entries: number }>();
  private readonly payments = new Map<PaymentMethod | 'unrecorded', Line>();
  private readonly networks = new Map<CardNetwork | 'unlabelled', Line>();
  private readonly credit = { issued: Decimal.ZERO, redeemed: Decimal.ZERO };

  add(document: DocumentContribution): void {
    this.apply(document, 1);
  }

  /** Takes out a document added before (with the same contribution). */
  subtract(document: DocumentContribution): void {
    this.apply(document, -1);
  }

  private apply(d: DocumentContribution, direction: 1 | -1): void {
    const dir = direction === 1 ? ONE : MINUS_ONE;
    // a credit note subtracts from the period's VAT and payments (it refunds), and adds to its returns
    const signed = d.kind === 'credit-note' ? dir.neg() : dir;
    if (d.kind === 'invoice') {
      this.counts.invoices += direction;
      this.sum.sales = this.sum.sales.add(d.payable.mul(dir));
    } else if (d.kind === 'credit-note') {
      this.counts.creditNotes += direction;
      this.sum.returns = this.sum.returns.add(d.payable.mul(dir));
    } else {
      this.counts.debitNotes += direction;
      this.sum.debits = this.sum.debits.add(d.payable.mul(dir));
    }
    this.sum.vat = this.sum.vat.add(d.vat.mul(signed));
    for (const c of d.categories) {
      const key = `${c.category}|${c.rate.toFixed(2)}`;
      const entry = this.vat.get(key) ?? { category: c.category, rate: c.rate, taxable: Decimal.ZERO, vat: Decimal.ZERO, entries: 0 };
      entry.taxable = entry.taxable.add(c.taxable.mul(signed));
      entry.vat = entry.vat.add(c.vat.mul(signed));
      entry.entries += direction;
      if (entry.entries === 0) this.vat.delete(key);
      else this.vat.set(key, entry);
    }
    if (d.payments.length === 0) addTo(this.payments, 'unrecorded', d.payable.mul(signed), direction);
    for (const p of d.payments) {
      const amount = Decimal.parse(p.amount);
      addTo(this.payments, p.method, amount.mul(signed), direction);
      if (p.method === 'card') addTo(this.networks, p.network ?? 'unlabelled', amount.mul(signed), direction);
      // a return refunded as store credit issues it, a sale paid with it redeems it: shown apart, never as cash
      if (p.method === 'store-credit' && d.kind === 'credit-note') this.credit.issued = this.credit.issued.add(amount.mul(dir));
      if (p.method === 'store-credit' && d.kind !== 'credit-note') this.credit.redeemed = this.credit.redeemed.add(amount.mul(dir));
    }
  }

  /** The report's lines, amounts to two decimals (halalas). */
  sums(): PeriodSums {
    const fixed = (d: Decimal) => d.toFixed(2);
    const vat = [...this.vat.values()].sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || b.rate.cmp(a.rate));
    const payments = [...this.payments].sort(([a], [b]) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b));
    const networks = [...this.networks].sort(([a], [b]) => NETWORK_ORDER.indexOf(a) - NETWORK_ORDER.indexOf(b));
    return {
      documents: { ...this.counts },
      vat: vat.map((v) => ({ category: v.category, rate: v.rate.toMinimal(), taxable: fixed(v.taxable), vat: fixed(v.vat) })),
      payments: payments.map(([method, line]) => ({ method, amount: fixed(line.amount) })),
      ...(networks.some(([n]) => n !== 'unlabelled') ? { cardNetworks: networks.map(([network, line]) => ({ network, amount: fixed(line.amount) })) } : {}),
      ...(this.payments.has('store-credit') ? { storeCredit: { issued: fixed(this.credit.issued), redeemed: fixed(this.credit.redeemed) } } : {}),
      totals: {
        sales: fixed(this.sum.sales),
        returns: fixed(this.sum.returns),
        debits: fixed(this.sum.debits),
        net: fixed(this.sum.sales.sub(this.sum.returns).add(this.sum.debits)),
        vat: fixed(this.sum.vat),
      },
    };
  }
}

function addTo<K>(lines: Map<K, Line>, key: K, amount: Decimal, direction: 1 | -1): void {
  const line = lines.get(key) ?? { amount: Decimal.ZERO, entries: 0 };
  const next = { amount: line.amount.add(amount), entries: line.entries + direction };
  if (next.entries === 0) lines.delete(key);
  else lines.set(key, next);
}
