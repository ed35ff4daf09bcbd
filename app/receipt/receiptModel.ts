// SPDX-License-Identifier: UNLICENSED
// What a printed receipt shows, derived from a committed document (never from the cart): the same model feeds
// printing, preview, reprint and PDF/PNG export. Amounts are decimal strings exactly as in the signed XML.

export type ReceiptDocumentKind = 'invoice' | 'credit-note' | 'debit-note';

export interface ReceiptLine {
  readonly name: string;
  /** Decimal string, e.g. "2" or "0.375". */
  readonly quantity: string;
  /** Unit price as the shop shows it (VAT-inclusive when the shop prices include VAT), decimal string. */
  readonly unitPrice: string;
  /** Line total as the shop shows it (VAT-inclusive when prices include VAT), decimal string. */
  readonly lineTotal: string;
  /** Line discount, when any, decimal string. */
  readonly discount?: string;
  /** VAT rate in percent, e.g. "15". */
  readonly vatRate: string;
  readonly vatCategory: 'S' | 'Z' | 'E' | 'O';
}

export interface ReceiptVatRow {
  readonly category: 'S' | 'Z' | 'E' | 'O';
  readonly rate: string;
  readonly taxable: string;
  readonly vat: string;
}

export type ReceiptCardNetwork = 'mada' | 'visa' | 'mastercard' | 'amex' | 'other';

export interface ReceiptPayment {
  readonly method: 'cash' | 'card' | 'store-credit' | 'other';
  readonly amount: string;
  /** The card's network when the cashier chose it: "Card · mada". */
  readonly network?: ReceiptCardNetwork;
  /** Store credit: the voucher as printed (SC-7K3M-9QXD) and its balance after this document. */
  readonly voucher?: { readonly code: string; readonly balance: string };
}

export interface ReceiptModel {
  readonly kind: ReceiptDocumentKind;
  readonly shop: {
    readonly nameAr: string;
    readonly nameEn: string;
    readonly vatNumber: string;
    readonly branch?: string;
    readonly address?: string;
  };
  /** Human invoice number (cbc:ID), e.g. "T1-000123". */
  readonly number: string;
  /** Issue date and time as written in the XML (Riyadh local time): "2026-11-23" and "14:05:09". */
  readonly issueDate: string;
  readonly issueTime: string;
  readonly lines: readonly ReceiptLine[];
  /** Document-level discount, if any. */
  readonly documentDiscount?: string;
  readonly vatBreakdown: readonly ReceiptVatRow[];
  readonly totals: {
    readonly taxExclusive: string;
    readonly vat: string;
    readonly taxInclusive: string;
    /** What the customer pays (PayableAmount), may differ from taxInclusive by a rounding adjustment. */
    readonly payable: string;
  };
  readonly payments: readonly ReceiptPayment[];
  /** Change given back for cash, decimal string. */
  readonly change?: string;
  /** The cash the customer handed over, when change was given (what the cash settles plus the change). */
  readonly tendered?: string;
  /** Who sold it: the signed-in user's name. */
  readonly cashier?: string;
  /** How many items the customer takes: whole quantities counted, a weighed line counted once. */
  readonly itemCount?: string;
  /** For credit and debit notes: the original invoice number and the reason. */
  readonly originalInvoice?: string;
  readonly reason?: string;
  /** The base64 TLV text stored in the signed XML (QR tags 1–9); printed exactly as is. */
  readonly qr: string;
  /** Training mode (local simulator): every receipt says so. */
  readonly training?: boolean;
  /** Reprints say "copy" (نسخة / COPY). */
  readonly copy?: boolean;
  readonly footer?: string;
}
