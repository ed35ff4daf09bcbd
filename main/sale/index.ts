// SPDX-License-Identifier: UNLICENSED
// The sale: from the cashier's cart to a signed, committed, printed document, and back from a receipt to returns.
//   openSaleDesk   the counter and the receipts of one mode's data folder (saleDesk.ts)
//   Counter        quote, complete a sale, credit note (return), debit note (undercharge) — issued once per request
//   Receipts       find by number or scanned QR, reprint, preview — always from the stored, signed document
//   DocumentStore  the sale's reads of the ledger tables and its own rows (payments, request ids)
//   saleBuilder    cart → document lines, totals, settlement (cash, card, split) and the quote the cashier sees
//   notes          the lines and references of credit and debit notes against an invoice
//   receiptModelOf the ReceiptModel the receipt template prints, from a stored document
// Manager approvals are granted by PIN at the till (main/app/handlers/approvalHandlers) and consumed here.
export { Counter, type CounterOptions } from './counter';
export { DocumentStore, type AttemptLogRow, type PaymentRow, type RequestRow } from './documentStore';
export { creditNoteLines, debitNoteLines, noteOf, type DebitRequest, type ReturnRequest } from './notes';
export { receiptModelOf, splitSellerName, type ReceiptExtras, type StoredDocument } from './receiptModelOf';
export { documentNotFound, Receipts, type ReceiptOutput, type ReceiptsOptions } from './receipts';
export { openSaleDesk, type SaleDesk, type SaleFolder, type SaleShared } from './saleDesk';
export {
  paymentMeansOf,
  priceCart,
  quoteOf,
  settle,
  shelfPrice,
  totalsOf,
  type Cart,
  type CartLine,
  type CartPayment,
  type PricedCart,
  type Settlement,
} from './saleBuilder';
