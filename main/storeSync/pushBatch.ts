// SPDX-License-Identifier: UNLICENSED
// The till's committed rows as the store server's push contract wants them (app/contract/storeSync.ts): each
// document's exact signed XML, hash, PIH, ICV and chain as stored, its VAT breakdown per category recomputed by the
// same computeTotals that built the XML (reference §7.6) from the stored sale, its payments and its cashier; an
// invoice's stored lines, and what a credit note returned per line of its original (docs/store-server.md, "Returns at
// another till").
import type { PushedDocument, TillRecord } from '../../app/contract/storeSync';
import { parseDocumentInput } from '../../app/document/documentInput';
import { computeTotals } from '../../app/totals/computeTotals';
import type { PushDocumentRow, PushRecordRow } from './storeSyncStore';

export function pushedDocumentOf(
  row: PushDocumentRow,
  payments: readonly { method: string; amount: string }[],
  returnedLines: () => readonly { line: number; quantity: string }[] = () => [],
): PushedDocument {
  // the stored sale lacks what the ledger assigned (number, uuid, date, time): put them back as the ledger did
  const sale = JSON.parse(row.input_json) as Record<string, unknown>;
  const input = parseDocumentInput({ ...sale, number: row.number, uuid: row.uuid, issueDate: row.issue_date, issueTime: row.issue_time });
  const totals = computeTotals(input);
  const returned = row.kind === 'credit-note' && row.original_uuid !== null ? returnedLines() : [];
  return {
    chain: row.chain,
    icv: row.icv,
    uuid: row.uuid,
    number: row.number,
    kind: row.kind,
    profile: row.profile,
    issueDate: row.issue_date,
    issueTime: row.issue_time,
    issuedAt: new Date(row.issued_at).toISOString(),
    cashier: row.cashier ?? '-',
    hash: row.hash,
    pih: row.pih,
    qr: row.qr,
    xml: row.xml.toString('utf8'),
    totals: { taxExclusive: row.tax_exclusive, vat: row.vat, taxInclusive: row.tax_inclusive },
    vatBreakdown: totals.categories.map((c) => ({
      category: c.vatKey.category,
      rate: c.vatKey.rate.toFixed(0) as '15' | '5' | '0',
      taxable: c.taxable.toFixed(2),
      vat: c.vat.toFixed(2),
    })),
    payments: payments.map((p) => ({ means: p.method, amount: p.amount })),
    ...(row.billing_reference !== null ? { billingReference: row.billing_reference } : {}),
    // an invoice's lines as stored, for a return at another till; a credit note's returns per line of its original
    ...(row.kind === 'invoice' ? { sale: { pricesIncludeVat: input.pricesIncludeVat, lines: sale.lines as Record<string, unknown>[] } } : {}),
    ...(returned.length > 0 ? { returns: { originalUuid: row.original_uuid!, lines: [...returned] } } : {}),
  };
}

export function tillRecordOf(kind: TillRecord['kind'], row: PushRecordRow): TillRecord {
  return { eventId: `${kind}:${row.id}`, kind, occurredAt: new Date(row.at).toISOString(), body: JSON.parse(row.body) as Record<string, unknown> };
}
