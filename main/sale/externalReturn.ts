// SPDX-License-Identifier: UNLICENSED
// A return without a receipt of this till: a credit note that references the sale as external (a legacy receipt,
// a sale of another till of the shop, or none at all), refunded at today's shelf price (README, "Document JSON":
// `billingReference.external` with its `issueDate`). The reference is what the customer's receipt gives: its
// number and date as typed, or its QR, whose tags 1–9 are signed data naming seller, date, total and VAT
// (reference §6); a QR of another seller is refused, and one of this till's own receipts belongs to the ordinary
// return, which checks quantities against the sale.
import type { DocumentInputJson } from '../../app/document/documentInput';
import { DukkanError } from '../../app/errors/index';
import { decodeQr } from '../../app/qr/tlv';
import type { SaleInput } from '../ledger/ledger';

export interface ExternalReference {
  readonly number: string;
  readonly issueDate: string;
}

/** The receipt's number and date as typed, or read from its QR (the number then the invoice hash, tag 6). */
export function externalReference(
  input: { readonly number?: string | undefined; readonly issueDate?: string | undefined; readonly qr?: string | undefined },
  seller: DocumentInputJson['seller'],
): ExternalReference {
  if (input.qr === undefined) {
    if (input.number === undefined || input.issueDate === undefined) throw new DukkanError('return.reference-missing', {}, { field: 'number' });
    return { number: input.number, issueDate: input.issueDate };
  }
  let fields;
  try {
    fields = decodeQr(input.qr).fields;
  } catch {
    throw new DukkanError('return.qr-unreadable', {}, { field: 'qr' });
  }
  const date = /^(\d{4}-\d{2}-\d{2})T/.exec(fields.timestamp ?? '')?.[1];
  if (!fields.vatNumber || !date || !fields.invoiceHash) throw new DukkanError('return.qr-unreadable', {}, { field: 'qr' });
  if (fields.vatNumber !== seller.vatNumber) throw new DukkanError('return.qr-other-seller', { vatNumber: fields.vatNumber }, { field: 'qr' });
  return { number: input.number ?? fields.invoiceHash.replace(/[^A-Za-z0-9]/g, '').slice(0, 40), issueDate: date };
}

/** The credit note: the priced lines at today's shelf price, referencing the external sale, with its reason. */
export function externalCreditNote(priced: SaleInput, reference: ExternalReference, reason: string): SaleInput {
  return { ...priced, kind: 'credit-note', billingReference: { number: reference.number, issueDate: reference.issueDate, external: true }, reason };
}
