// SPDX-License-Identifier: UNLICENSED
// Clearance at the counter (reference §9 #6): a standard tax invoice or note is sent to ZATCA right after it is
// committed, and handed over only once ZATCA has cleared it — the buyer gets the XML ZATCA returned, with its QR
// (main/clearance/clearedFiles.ts), never the document as we signed it. The order mirrors reporting's: the state moves
// to in-flight before a byte is sent and settles once with the answer (clearanceStore.ts); the stored bytes are sent
// unchanged on every retry (reference §11, §12 item 25), so a retry after a lost answer gets ZATCA's duplicate answer.
import type { ClearanceMessage, ClearanceView } from '../../app/contract/b2bTypes';
import { DukkanError } from '../../app/errors/index';
import type { FatooraClient, FatooraCredentials, FatooraOutcome, InvoiceResult } from '../fatoora/index';
import type { DocumentRow } from '../ledger/ledgerStore';
import type { Logger } from '../log/logger';
import { settlementOf } from './clearanceOutcome';
import type { ClearanceRow, ClearanceStore } from './clearanceStore';

export interface ClearanceAccess {
  readonly client: FatooraClient;
  /** The production CSID, or undefined when the keychain cannot give it. */
  readonly credentials: () => Promise<FatooraCredentials | undefined>;
}

export interface ClearanceDeskOptions {
  readonly store: ClearanceStore;
  readonly documents: { get(id: number): DocumentRow | undefined };
  readonly access: () => ClearanceAccess | null;
  readonly clock: () => Date;
  readonly log: Logger;
  /** How long the cashier waits for one answer; a timeout leaves the document awaiting (it may have arrived). */
  readonly timeoutMs?: number;
  /** An attempt settled: the status strip's counts may have changed (main/app/openApp.ts sends a status event). */
  readonly settled?: () => void;
}

export class ClearanceDesk {
  private readonly running = new Map<number, Promise<ClearanceRow>>();

  constructor(private readonly o: ClearanceDeskOptions) {
    // a clearance left in flight by a crash may have reached ZATCA: it is retried, never withdrawn
    o.store.requeueInFlight(o.clock());
  }

  /** Sends an awaiting document to clearance now (or joins the attempt under way); answers its state after. */
  clear(document: DocumentRow): Promise<ClearanceRow> {
    const row = this.o.store.get(document.id);
    if (!row || document.profile !== 'standard') throw new DukkanError('b2b.not-standard', { number: document.number });
    const running = this.running.get(document.id);
    if (running) return running;
    if (row.state !== 'awaiting') return Promise.resolve(row);
    const attempt = this.attempt(document).finally(() => this.running.delete(document.id));
    this.running.set(document.id, attempt);
    return attempt;
  }

  private async attempt(document: DocumentRow): Promise<ClearanceRow> {
    const { store, clock } = this.o;
    const access = this.o.access();
    const credentials = access ? await access.credentials().catch(() => undefined) : undefined;
    if (!store.claim(document.id, clock())) return store.get(document.id)!;
    let outcome: FatooraOutcome<InvoiceResult>;
    if (!access || !credentials) {
      outcome = { kind: 'unauthorized', httpStatus: 0, errors: [] };
    } else {
      try {
        const invoice = new Uint8Array(document.xml.buffer, document.xml.byteOffset, document.xml.byteLength);
        outcome = await access.client.clearInvoice(
          credentials,
          { invoiceHash: document.hash, uuid: document.uuid, invoice },
          this.o.timeoutMs !== undefined ? { timeoutMs: this.o.timeoutMs } : {},
        );
      } catch (err) {
        // refused before sending (credentials of another environment, an invalid body): nothing left the device
        outcome = { kind: 'failed', httpStatus: 0, errors: [], detail: err instanceof Error ? err.message : String(err) };
      }
    }
    const settlement = settlementOf(outcome, document);
    store.settle(document.id, settlement, clock());
    this.o.settled?.();
    const settled = store.get(document.id)!;
    this.o.log.info('clearance.outcome', {
      documentId: document.id,
      number: document.number,
      attempt: settled.attempts,
      outcome: settlement.outcome,
      state: settled.state,
      httpStatus: settlement.httpStatus ?? undefined,
    });
    return settled;
  }
}

/** What the cashier sees of a document's clearance. */
export function clearanceView(row: ClearanceRow, number: string, numberOf: (id: number) => string | undefined): ClearanceView {
  const messages = row.last_messages ? (JSON.parse(row.last_messages) as ClearanceMessage[]) : [];
  const mayHaveArrived = row.may_have_arrived === 1;
  const waiting = row.state === 'awaiting' && row.last_outcome !== null;
  return {
    number,
    state: row.state,
    attempts: row.attempts,
    mayHaveArrived,
    canIssueSimplified: row.state === 'rejected' || (row.state === 'awaiting' && !mayHaveArrived),
    reason:
      row.last_outcome === 'cleared-unreadable'
        ? { reason: 'b2b.cleared-unreadable', params: { number, why: row.last_detail ?? '' } }
        : waiting && mayHaveArrived
          ? { reason: 'b2b.withdraw-may-be-cleared', params: { number } }
          : null,
    messages,
    replacedBy: row.replaced_by !== null ? (numberOf(row.replaced_by) ?? null) : null,
  };
}
