// SPDX-License-Identifier: UNLICENSED
// The ReceiptModel of a committed document (app/receipt/receiptModel): built from the stored, validated sale and
// the stored QR text, never from the cart, so a reprint next year shows what was signed today.
import type { DocumentInput } from '../../app/document/documentInput';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import type { PaymentView } from '../../app/contract/types';
import { formatVoucherCode } from '../storeCredit/storeCredit';
import { Decimal } from '../../app/money/decimal';
import { computeTotals } from '../../app/totals/computeTotals';

export interface StoredDocument {
  readonly document: DocumentInput;
  readonly qr: string;
}

export interface ReceiptExtras {
  readonly payments: readonly PaymentView[];
  readonly change: string | null;
  readonly branch?: string | undefined;
  readonly training: boolean;
  readonly copy?: boolean;
  readonly footer?: string | undefined;
  /** The name of the user who sold it. */
  readonly cashier?: string | undefined;
}

/** Whole quantities counted as they are, a weighed or measured line (a decimal quantity) as one item. */
export function itemCountOf(quantities: readonly string[]): string {
  return Decimal.sum(quantities.map((q) => (/^\d+$/.test(q) ? Decimal.parse(q) : Decimal.parse('1')))).toMinimal();
}

/** The cash handed over when change was given: what the cash settles plus the change (the receipt prints both). */
function tenderedOf(payments: ReceiptExtras['payments'], change: string | undefined): string | undefined {
  if (!change) return undefined;
  const cash = Decimal.sum(payments.filter((p) => p.method === 'cash').map((p) => Decimal.parse(p.amount)));
  return cash.add(Decimal.parse(change)).toFixed(2);
}

/** "متجر الدكان | Dukkan Store" → Arabic and English halves (the seller name is Arabic first, then English). */
export function splitSellerName(name: string): { ar: string; en: string } {
  const [ar, ...rest] = name.split(' | ');
  return { ar: ar!.trim(), en: rest.join(' | ').trim() || ar!.trim() };
}

export function receiptModelOf(stored: StoredDocument, extras: ReceiptExtras): ReceiptModel {
  const doc = stored.document;
  const totals = computeTotals(doc);
  const seller = splitSellerName(doc.seller.name);
  const a = doc.seller.address;
  const change = extras.change !== null && extras.change !== '0.00' ? extras.change : undefined;
  const tendered = tenderedOf(extras.payments, change);
  return {
    kind: doc.kind,
    shop: {
      nameAr: seller.ar,
      nameEn: seller.en,
      vatNumber: doc.seller.vatNumber,
      ...(extras.branch ? { branch: extras.branch } : {}),
      address: `${a.street} ${a.building}، ${a.district}، ${a.city} ${a.postalCode}`,
    },
    number: doc.number,
    issueDate: doc.issueDate,
    issueTime: doc.issueTime,
    lines: totals.lines.map((l) => ({
      name: l.input.name,
      quantity: l.quantity.toMinimal(),
      unitPrice: l.shownUnitPrice.toMinimal(2),
      lineTotal: l.shownTotal.toFixed(2),
      ...(l.input.discount ? { discount: l.input.discount.amount } : {}),
      vatRate: l.vatKey.rate.toMinimal(),
      vatCategory: l.vatKey.category,
    })),
    vatBreakdown: totals.categories.map((c) => ({
      category: c.vatKey.category,
      rate: c.vatKey.rate.toMinimal(),
      taxable: c.taxable.toFixed(2),
      vat: c.vat.toFixed(2),
    })),
    totals: {
      taxExclusive: totals.taxExclusive.toFixed(2),
      vat: totals.vat.toFixed(2),
      taxInclusive: totals.taxInclusive.toFixed(2),
      payable: totals.payable.toFixed(2),
    },
    payments: extras.payments.map((p) => ({
      method: p.method,
      amount: p.amount,
      ...(p.network ? { network: p.network } : {}),
      ...(p.voucher ? { voucher: { code: formatVoucherCode(p.voucher.code), balance: p.voucher.balance } } : {}),
    })),
    ...(change ? { change } : {}),
    ...(tendered ? { tendered } : {}),
    ...(extras.cashier ? { cashier: extras.cashier } : {}),
    ...(doc.kind === 'invoice' ? { itemCount: itemCountOf(totals.lines.map((l) => l.quantity.toMinimal())) } : {}),
    ...(doc.billingReference ? { originalInvoice: doc.billingReference.number } : {}),
    ...(doc.reason ? { reason: doc.reason } : {}),
    qr: stored.qr,
    ...(extras.training ? { training: true } : {}),
    ...(extras.copy ? { copy: true } : {}),
    ...(extras.footer ? { footer: extras.footer } : {}),
  };
}
