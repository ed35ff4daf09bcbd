// SPDX-License-Identifier: UNLICENSED
// The receipts of documents this terminal has issued: found by number or by scanning their QR, with what is left to
// return per line; reprinted and previewed from the stored, signed document (receiptModelOf), never from a cart.
import type { ClearanceView } from '../../app/contract/b2bTypes';
import type { DocumentSummary, PrintOutcome, ReceiptDetails, ReceiptPreview } from '../../app/contract/types';
import { Decimal } from '../../app/money/decimal';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { DukkanError } from '../../app/errors/index';
import type { DocumentRow } from '../ledger/ledgerStore';
import type { DocumentStore } from './documentStore';
import { receiptModelOf } from './receiptModelOf';
import type { ArchiveShelf } from '../backup/archiveShelf';

/** The receipt printer as a sale uses it (main/app/printingService): print a committed document, or render it. */
export interface ReceiptOutput {
  /**
   * `background`: answer at once with "printing" (the outcome follows as a print event), so that a sale is complete
   * when it is committed and never waits for a printer that is off or unplugged.
   */
  print(model: ReceiptModel, options?: { readonly openDrawer?: boolean; readonly copy?: boolean; readonly background?: boolean }): Promise<PrintOutcome>;
  /** The receipt as a PNG data: URL. */
  preview(model: ReceiptModel): Promise<string>;
}

export interface ReceiptsOptions {
  readonly documents: Pick<
    DocumentStore,
    'byNumber' | 'byQr' | 'documentOf' | 'lines' | 'returnedQuantities' | 'payments' | 'notesOf' | 'reportingState' | 'requestOf'
  >;
  readonly printing: ReceiptOutput;
  readonly branch: () => string | undefined;
  /** Documents of the training folder: marked as such on the screen and on paper. */
  readonly training: boolean;
  /** The name of a user of the terminal (who sold a document), for the receipt. */
  readonly cashierName?: ((userId: number) => string | undefined) | undefined;
  /** The shop's receipt footer (return policy, phone, thank-you), when set. */
  readonly footer?: (() => string | undefined) | undefined;
  /** Archives of a terminal restored onto this computer, searched when this ledger has no such document. */
  readonly archives?: Pick<ArchiveShelf, 'find'> | undefined;
  /** The clearance of a standard (B2B) document (main/sale/b2bCounter.ts), shown with it. */
  readonly clearanceOf?: ((number: string) => ClearanceView | undefined) | undefined;
}

export function documentNotFound(number: string): DukkanError {
  return new DukkanError('receipt.not-found', { number });
}

export class Receipts {
  constructor(private readonly o: ReceiptsOptions) {}

  /**
   * By number (T1-000123) or by the text a 2D scanner reads from the receipt's QR code; a document of this ledger,
   * else one of the read-only archives of a terminal restored onto this computer (main/backup/archiveShelf.ts).
   */
  find(query: string): ReceiptDetails | null {
    const q = query.trim();
    const byNumber = /^[A-Za-z0-9]{1,10}-\d{1,12}$/.test(q);
    const row = byNumber ? this.o.documents.byNumber(q) : this.o.documents.byQr(q);
    if (row) return this.details(this.o.documents, row);
    const archived = this.o.archives?.find(byNumber ? { number: q } : { qr: q });
    return archived ? { ...this.details(archived.documents, archived.row), archive: archived.origin } : null;
  }

  private details(documents: ReceiptsOptions['documents'], row: DocumentRow): ReceiptDetails {
    const doc = documents.documentOf(row);
    const returned = new Map<number, Decimal>();
    for (const r of documents.returnedQuantities(row.id)) returned.set(r.lineId, (returned.get(r.lineId) ?? Decimal.ZERO).add(Decimal.parse(r.quantity)));
    return {
      document: this.summary(row),
      pricesIncludeVat: doc.pricesIncludeVat,
      lines: documents.lines(row.id).map((l) => {
        const back = returned.get(l.line_id) ?? Decimal.ZERO;
        const left = Decimal.parse(l.quantity).sub(back);
        return {
          lineId: l.line_id,
          name: l.name,
          quantity: l.quantity,
          unitPrice: l.unit_price,
          vatRate: l.vat_rate,
          vatCategory: l.vat_category as 'S',
          returned: back.toMinimal(),
          returnable: left.isNegative() ? '0' : left.toMinimal(),
        };
      }),
      payments: documents.payments(row.id),
      originalNumber: row.billing_reference,
      reason: doc.reason ?? null,
      notes: row.kind === 'invoice' ? documents.notesOf(row.id).map((n) => ({ number: n.number, kind: n.kind, total: n.payable })) : [],
      reporting: documents.reportingState(row.id) as ReceiptDetails['reporting'],
      ...(row.profile === 'standard' && this.o.clearanceOf ? { clearance: this.o.clearanceOf(row.number) } : {}),
    };
  }

  /** A copy of a document of this ledger or of an archive (never the original: it was handed over when issued). */
  async reprint(number: string): Promise<PrintOutcome> {
    return this.o.printing.print(this.modelOfNumber(number), { copy: true });
  }

  async preview(number: string): Promise<ReceiptPreview> {
    return { dataUrl: await this.o.printing.preview(this.modelOfNumber(number)) };
  }

  private modelOfNumber(number: string): ReceiptModel {
    const row = this.o.documents.byNumber(number);
    // a standard (B2B) document is handed over as ZATCA's cleared files, never as a receipt (reference §9 #6)
    if (row?.profile === 'standard') throw new DukkanError('b2b.receipt-is-standard', { number });
    if (row) return this.modelOf(row);
    const archived = this.o.archives?.find({ number });
    if (!archived) throw documentNotFound(number);
    return this.modelOf(archived.row, archived.documents);
  }

  /** The receipt of a committed document, with how it was paid. */
  modelOf(row: DocumentRow, documents: ReceiptsOptions['documents'] = this.o.documents): ReceiptModel {
    const request = documents.requestOf(row.id);
    return receiptModelOf(
      { document: documents.documentOf(row), qr: row.qr },
      {
        payments: documents.payments(row.id),
        change: request?.change ?? null,
        branch: this.o.branch(),
        training: this.o.training,
        // an archive's user ids are another terminal's: its cashier is not named
        cashier: request?.user_id != null && documents === this.o.documents ? this.o.cashierName?.(request.user_id) : undefined,
        footer: this.o.footer?.() || undefined,
      },
    );
  }

  summary(row: DocumentRow): DocumentSummary {
    return {
      number: row.number,
      kind: row.kind,
      issueDate: row.issue_date,
      issueTime: row.issue_time,
      total: row.payable,
      vat: row.vat,
      training: this.o.training,
    };
  }
}
