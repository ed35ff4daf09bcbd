// SPDX-License-Identifier: UNLICENSED
// Credit and debit notes against an invoice of this terminal, as documents to issue: each line refers to its
// original invoice line (originalLine), keeps that line's name, unit and VAT, and the note references the invoice by
// number and issue date (BR-KSA-56) and states its reason (BR-KSA-17). Pure: the Counter looks the invoice up.
import type { DocumentInput, DocumentInputJson } from '../../app/document/documentInput';
import { Decimal } from '../../app/money/decimal';
import { DukkanError } from '../../app/errors/index';
import type { SaleInput } from '../ledger/ledger';
import type { DocumentRow } from '../ledger/ledgerStore';

type NoteLine = DocumentInputJson['lines'][number];

/** Lines of an invoice returned by the customer: a credit note, refunded by cash, card or store credit. */
export interface ReturnRequest {
  readonly originalNumber: string;
  readonly lines: readonly { readonly lineId: number; readonly quantity: string }[];
  readonly reason: string;
  readonly refundMethod: 'cash' | 'card' | 'store-credit';
  readonly approvalId: string;
  readonly requestId: string;
}

/** An undercharge on lines of an invoice: a debit note for `unitAmount` per unit, for `quantity` units. */
export interface DebitRequest {
  readonly originalNumber: string;
  readonly lines: readonly { readonly lineId: number; readonly quantity: string; readonly unitAmount: string }[];
  readonly reason: string;
  readonly paymentMethod: 'cash' | 'card';
  readonly approvalId: string;
  readonly requestId: string;
}

function originalLine(doc: DocumentInput, lineId: number, i: number): DocumentInput['lines'][number] {
  const line = doc.lines[lineId - 1];
  if (!line) throw new DukkanError('sale.no-such-line', { number: doc.number, line: lineId }, { field: `lines.${i}.lineId` });
  return line;
}

/** The returned lines: a discounted line is refunded at what was paid for it, the discount in proportion. */
export function creditNoteLines(doc: DocumentInput, lines: ReturnRequest['lines']): NoteLine[] {
  return lines.map(({ lineId, quantity }, i): NoteLine => {
    const line = originalLine(doc, lineId, i);
    const q = Decimal.parse(quantity);
    const discount = line.discount ? Decimal.parse(line.discount.amount).mul(q).div(Decimal.parse(line.quantity), 2) : undefined;
    return {
      name: line.name,
      quantity: q.toMinimal(),
      unitCode: line.unitCode,
      unitPrice: line.unitPrice,
      vat: line.vat,
      originalLine: lineId,
      ...(line.itemCode ? { itemCode: line.itemCode } : {}),
      ...(discount && !discount.isZero() ? { discount: { amount: discount.toFixed(2), reason: line.discount!.reason } } : {}),
    };
  });
}

/** The undercharged lines, priced at the difference per unit. */
export function debitNoteLines(doc: DocumentInput, lines: DebitRequest['lines']): NoteLine[] {
  return lines.map(({ lineId, quantity, unitAmount }, i): NoteLine => {
    const line = originalLine(doc, lineId, i);
    return {
      name: line.name,
      quantity: Decimal.parse(quantity).toMinimal(),
      unitCode: line.unitCode,
      unitPrice: Decimal.parse(unitAmount).toMinimal(2),
      vat: line.vat,
      originalLine: lineId,
    };
  });
}

/** The note itself: the invoice's profile, pricing and buyer, today's seller, one payment means. */
export function noteOf(
  kind: 'credit-note' | 'debit-note',
  invoice: { readonly doc: DocumentInput; readonly row: DocumentRow },
  lines: DocumentInputJson['lines'],
  reason: string,
  /** The refund's or payment's UNTDID 4461 means (main/sale/saleBuilder.ts paymentMeansOf). */
  method: 'cash' | 'card' | 'not-defined',
  seller: DocumentInputJson['seller'],
): SaleInput {
  const { doc, row } = invoice;
  return {
    kind,
    profile: doc.profile,
    pricesIncludeVat: doc.pricesIncludeVat,
    seller,
    ...(doc.buyer ? { buyer: doc.buyer } : {}),
    lines,
    paymentMeans: [method],
    billingReference: { number: row.number, issueDate: row.issue_date },
    reason,
  };
}
