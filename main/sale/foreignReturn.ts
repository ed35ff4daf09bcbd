// SPDX-License-Identifier: UNLICENSED
// A return at this till of a sale made at another till of the shop (docs/store-server.md, "Returns at another
// till"). The original is what the store server holds: its lines as its till built them and what credit notes of
// every till have returned of each line. The credit note is this till's own document — its key, its chain — built
// from those lines as the selling till would build it (main/sale/notes.ts), and referencing the original by its
// number and issue date (BillingReference, BR-KSA-56, reference §7.2) as external to this ledger. A line is never
// returned beyond what was sold minus what the shop's tills already returned: the other tills' returns as the server
// has them, this till's own from its ledger (so a note not pushed yet counts at once). Pure: the lookup is the caller's.
import type { ReceiptLineDetails } from '../../app/contract/types';
import type { ForeignReceipt } from '../../app/contract/foreignReturnApi';
import { parseDocumentInput, type DocumentInput, type DocumentInputJson } from '../../app/document/documentInput';
import { DukkanError } from '../../app/errors/index';
import { Decimal } from '../../app/money/decimal';
import type { SaleInput } from '../ledger/ledger';
import type { ShopDocumentRow } from '../storeSync/shopSearch';
import { creditNoteLines, type ReturnRequest } from './notes';

/** Another till's invoice as this till can return it. */
export interface ForeignOriginal {
  readonly row: ShopDocumentRow;
  readonly doc: DocumentInput;
  /** Returned so far at any till, per original line. */
  readonly returned: ReadonlyMap<number, Decimal>;
}

/** The one invoice the search found, with its lines; refused when none, several, or not returnable here. */
export function foreignOriginalOf(
  found: readonly ShopDocumentRow[],
  asked: string,
  seller: DocumentInputJson['seller'],
  /** This till's own returns of it, which the server leaves out of `returned` (pushed or not: the ledger has them all). */
  ownReturns: (uuid: string) => readonly { readonly line: number; readonly quantity: string }[],
): ForeignOriginal {
  if (found.length === 0) throw new DukkanError('return.foreign-not-found', { number: asked });
  if (found.length > 1) throw new DukkanError('return.foreign-ambiguous', { number: asked, count: found.length });
  const row = found[0]!;
  const at = { number: row.number, till: row.terminal_name };
  if (row.kind !== 'invoice') throw new DukkanError('return.foreign-not-invoice', { ...at, kind: row.kind });
  if (row.profile !== 'simplified') throw new DukkanError('return.foreign-standard', at);
  if (!row.sale) throw new DukkanError('return.foreign-no-lines', at);
  // the stored input of the selling till, checked again here as any document input is
  const doc = parseDocumentInput({
    kind: 'invoice',
    profile: 'simplified',
    pricesIncludeVat: row.sale.pricesIncludeVat,
    seller,
    lines: row.sale.lines,
    number: row.number,
    uuid: row.uuid,
    issueDate: row.issue_date,
    issueTime: row.issue_time,
  });
  const returned = new Map<number, Decimal>();
  for (const r of [...row.returned, ...ownReturns(row.uuid)]) returned.set(r.line, (returned.get(r.line) ?? Decimal.ZERO).add(Decimal.parse(r.quantity)));
  return { row, doc, returned };
}

function lineDetails(original: ForeignOriginal): ReceiptLineDetails[] {
  return original.doc.lines.map((line, i) => {
    const returned = original.returned.get(i + 1) ?? Decimal.ZERO;
    const left = Decimal.parse(line.quantity).sub(returned);
    return {
      lineId: i + 1,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      vatRate: line.vat.rate,
      vatCategory: line.vat.category,
      returned: returned.toMinimal(),
      returnable: (left.cmp(Decimal.ZERO) > 0 ? left : Decimal.ZERO).toMinimal(),
    };
  });
}

/** What the receipts screen shows of another till's invoice. */
export function foreignReceiptOf(original: ForeignOriginal): ForeignReceipt {
  const { row } = original;
  return {
    uuid: row.uuid,
    number: row.number,
    till: row.terminal_name,
    branch: row.branch,
    issueDate: row.issue_date,
    issueTime: row.issue_time,
    total: row.tax_inclusive,
    pricesIncludeVat: original.doc.pricesIncludeVat,
    lines: lineDetails(original),
  };
}

/** The credit note for the chosen lines, after checking each against what is still returnable at the shop. */
export function foreignCreditNote(
  original: ForeignOriginal,
  lines: ReturnRequest['lines'],
  reason: string,
  method: 'cash' | 'card',
  seller: DocumentInputJson['seller'],
): SaleInput {
  const { row, doc } = original;
  const asked = new Map<number, Decimal>();
  lines.forEach(({ lineId, quantity }, i) => {
    const line = doc.lines[lineId - 1];
    if (!line)
      throw new DukkanError('return.foreign-no-such-line', { number: row.number, till: row.terminal_name, line: lineId }, { field: `lines.${i}.lineId` });
    const total = (asked.get(lineId) ?? Decimal.ZERO).add(Decimal.parse(quantity));
    asked.set(lineId, total);
    const returned = original.returned.get(lineId) ?? Decimal.ZERO;
    const left = Decimal.parse(line.quantity).sub(returned);
    if (total.cmp(left) > 0) {
      throw new DukkanError(
        'return.foreign-exceeds',
        {
          line: lineId,
          name: line.name,
          number: row.number,
          till: row.terminal_name,
          quantity: total.toMinimal(),
          sold: line.quantity,
          returned: returned.toMinimal(),
          left: (left.cmp(Decimal.ZERO) > 0 ? left : Decimal.ZERO).toMinimal(),
        },
        { field: `lines.${i}.quantity` },
      );
    }
  });
  return {
    kind: 'credit-note',
    profile: 'simplified',
    pricesIncludeVat: doc.pricesIncludeVat,
    seller,
    lines: creditNoteLines(doc, lines),
    paymentMeans: [method],
    billingReference: { number: row.number, issueDate: row.issue_date, external: true },
    reason,
  };
}

/** What a return of another till's sale asks for (the contract's `returns.foreign`). */
export interface ForeignReturnRequest {
  readonly originalUuid: string;
  readonly lines: ReturnRequest['lines'];
  readonly reason: string;
  readonly refundMethod: 'cash' | 'card';
  readonly approvalId: string;
  readonly requestId: string;
}
