// SPDX-License-Identifier: UNLICENSED
// What one clearance answer (the Fatoora client's classified outcome, main/fatoora/classify.ts) means for a standard
// document at the counter (reference §9 #6, §11): cleared with ZATCA's XML, rejected (NOT_CLEARED) with its messages,
// or still awaiting — and whether the attempt could have reached ZATCA, which decides whether the cashier may issue
// a simplified invoice instead. Pure: no clock, no database.
import { withXml } from '../../app/xml/parseXml';
import { readInvoiceFields } from '../../app/verify/readInvoiceFields';
import type { FatooraMessage, FatooraOutcome, InvoiceResult } from '../fatoora/index';
import type { ClearanceSettlement } from './clearanceStore';

export interface ClearedDocument {
  readonly uuid: string;
  readonly number: string;
}

const messagesJson = (messages: readonly FatooraMessage[]): string | null =>
  messages.length === 0 ? null : JSON.stringify(messages.map((m) => ({ type: m.type ?? null, code: m.code ?? null, message: m.message })));

/**
 * ZATCA's cleared XML, checked to be this document (same UUID and number) and carrying a QR; or why not. The QR
 * handed to the buyer is the one in this XML, never our own (ZATCA's stamp changes it on the real platform).
 */
export function readCleared(base64: string | undefined, doc: ClearedDocument): { xml: Buffer; qr: string } | { why: string } {
  if (!base64) return { why: 'no clearedInvoice in the answer' };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return { why: 'clearedInvoice is not base64' };
  const xml = Buffer.from(base64, 'base64');
  let fields;
  try {
    fields = withXml(xml, readInvoiceFields);
  } catch {
    return { why: 'clearedInvoice is not well-formed XML' };
  }
  if (fields.uuid !== doc.uuid || fields.number !== doc.number) return { why: `clearedInvoice is another document (${fields.number ?? '?'})` };
  if (!fields.qr) return { why: 'clearedInvoice carries no QR' };
  return { xml, qr: fields.qr };
}

/** The clearances row's new state after `outcome`. */
export function settlementOf(outcome: FatooraOutcome<InvoiceResult>, doc: ClearedDocument): ClearanceSettlement {
  const status = 'httpStatus' in outcome && outcome.httpStatus !== undefined && outcome.httpStatus !== 0 ? outcome.httpStatus : null;
  const base = { outcome: outcome.kind, httpStatus: status };
  switch (outcome.kind) {
    case 'accepted':
    case 'accepted-with-warnings':
    case 'already-done': {
      const cleared = readCleared(outcome.value?.clearedInvoice, doc);
      const warnings = outcome.kind === 'accepted-with-warnings' ? outcome.warnings : outcome.kind === 'already-done' ? outcome.messages : [];
      if ('why' in cleared) {
        // ZATCA said cleared but handed back nothing we can give the buyer: it holds the document, so it is never
        // withdrawn; the retry gets the cleared invoice again (208 duplicate, reference §9.1)
        return { ...base, state: 'awaiting', mayHaveArrived: true, outcome: 'cleared-unreadable', detail: cleared.why, messages: messagesJson(warnings) };
      }
      return {
        ...base,
        state: 'cleared',
        mayHaveArrived: true,
        detail: null,
        messages: messagesJson(warnings),
        clearedXml: cleared.xml,
        clearedQr: cleared.qr,
      };
    }
    case 'rejected':
      return {
        ...base,
        state: 'rejected',
        mayHaveArrived: true,
        detail: null,
        messages: messagesJson([...outcome.errors, ...(outcome.validation?.warningMessages ?? [])]),
      };
    case 'retryable':
      // 5xx: the gateway may have passed the document on before failing (an answer outside ZATCA's promise)
      return { ...base, state: 'awaiting', mayHaveArrived: outcome.reason === 'server-error', detail: outcome.detail, messages: messagesJson(outcome.errors) };
    case 'unknown-outcome':
      return { ...base, state: 'awaiting', mayHaveArrived: true, detail: outcome.detail, messages: null };
    case 'unauthorized':
      return { ...base, state: 'awaiting', mayHaveArrived: false, detail: 'the production CSID was refused', messages: messagesJson(outcome.errors) };
    case 'failed':
      // 404/406 and friends were refused at the door; a 2xx we could not read, or a 0 (refused before sending) tells
      return {
        ...base,
        state: 'awaiting',
        mayHaveArrived: status !== null && (status < 400 || status >= 500),
        detail: outcome.detail,
        messages: messagesJson(outcome.errors),
      };
    default:
      return { ...base, state: 'awaiting', mayHaveArrived: true, detail: `unexpected answer (${outcome.kind})`, messages: null };
  }
}
