// SPDX-License-Identifier: UNLICENSED
// The sale's reads of the ledger tables (documents, lines, reporting jobs, attempts) and its own rows next to them
// (how each document was paid, the renderer's request id) — read as well by the status pages (chain head, sync log)
// and the daily reports of the same data folder. Reads only on the ledger's tables: the ledger is the only writer
// of documents. Every statement is a constant with bound parameters.
import { parseDocumentInput, type DocumentInput } from '../../app/document/documentInput';
import { decodeQr } from '../../app/qr/tlv';
import type { CardNetwork, PaymentMethod, PaymentView } from '../../app/contract/types';
import type { DocumentRow, LineRow } from '../ledger/ledgerStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

/** How a document was paid, as stored (migration 0100-tenders: a card's network, a voucher and its balance after). */
export interface PaymentRow {
  method: PaymentMethod;
  amount: string;
  network: CardNetwork | null;
  voucher_code: string | null;
  voucher_balance: string | null;
}

/** A document as the X and Z reports see it (main/reports/dailyReport.ts). */
export type ReportRow = Pick<DocumentRow, 'id' | 'kind' | 'payable' | 'corrects_document_id' | 'committed_at'>;

/**
 * What the reports add up: the documents after an id, without their XML or input (a report reads a document's input
 * once, by id), answered from the documents_report index alone (main/db/migrations/0130-report-index.ts). Withdrawn
 * standard invoices are among them: the report leaves them out with its other exclusions (exclusionsAfter).
 */
export const PERIOD_ROWS_AFTER = 'SELECT id, kind, payable, corrects_document_id, committed_at FROM documents WHERE id > ? ORDER BY id';

function paymentViewOf(r: PaymentRow): PaymentView {
  return {
    method: r.method,
    amount: r.amount,
    ...(r.network ? { network: r.network } : {}),
    ...(r.voucher_code !== null && r.voucher_balance !== null ? { voucher: { code: r.voucher_code, balance: r.voucher_balance } } : {}),
  };
}

export interface RequestRow {
  request_id: string;
  document_id: number;
  user_id: number | null;
  change: string;
}

export interface AttemptLogRow {
  started_at: number;
  finished_at: number | null;
  number: string;
  outcome: string | null;
  http_status: number | null;
  reason: string | null;
  detail: string | null;
  messages: string | null;
}

/** A document Fatoora already had although no attempt of this till may have delivered it (reference §9.1). */
export interface UnexplainedDuplicateRow {
  number: string;
  kind: DocumentRow['kind'];
  issued_at: number;
  finished_at: number | null;
  http_status: number | null;
}

export class DocumentStore {
  private readonly q;

  constructor(private readonly db: SqliteDatabase) {
    this.q = {
      byId: db.prepare<[number], DocumentRow>('SELECT * FROM documents WHERE id = ?'),
      /** The document a number refers to now: the latest re-issue of a rejected one. */
      byNumber: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE number = ? ORDER BY id DESC LIMIT 1'),
      byQr: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE qr = ? ORDER BY id DESC LIMIT 1'),
      byHash: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE hash = ? ORDER BY id DESC LIMIT 1'),
      lines: db.prepare<[number], LineRow>('SELECT * FROM document_lines WHERE document_id = ? ORDER BY line_id'),
      returned: db.prepare<[number], { original_line_id: number; quantity: string }>(
        `SELECT l.original_line_id, l.quantity FROM document_lines l JOIN documents d ON d.id = l.document_id
         WHERE d.original_document_id = ? AND d.kind = 'credit-note' AND l.original_line_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM documents c WHERE c.corrects_document_id = d.id)`,
      ),
      notes: db.prepare<[number, string], { number: string; kind: DocumentRow['kind']; payable: string }>(
        'SELECT number, kind, payable FROM documents WHERE original_document_id = ? AND kind != ? ORDER BY id',
      ),
      jobState: db.prepare<[number], { state: string }>('SELECT state FROM reporting_jobs WHERE document_id = ?'),
      unexplainedDuplicates: db.prepare<[number], UnexplainedDuplicateRow>(
        `SELECT d.number, d.kind, d.issued_at, a.finished_at, a.http_status FROM reporting_attempts a JOIN documents d ON d.id = a.document_id
         WHERE a.reason = 'unexplained-duplicate' ORDER BY a.id DESC LIMIT ?`,
      ),
      payments: db.prepare<[number], PaymentRow>(
        'SELECT method, amount, network, voucher_code, voucher_balance FROM document_payments WHERE document_id = ? ORDER BY seq',
      ),
      request: db.prepare<[string], RequestRow>('SELECT * FROM document_requests WHERE request_id = ?'),
      requestOf: db.prepare<[number], RequestRow>('SELECT * FROM document_requests WHERE document_id = ?'),
      insertRequest: db.prepare<[string, number, number | null, string, number]>(
        'INSERT INTO document_requests (request_id, document_id, user_id, change, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      insertPayment: db.prepare<[number, number, string, string, string | null, string | null, string | null]>(
        'INSERT INTO document_payments (document_id, seq, method, amount, network, voucher_code, voucher_balance) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      attempts: db.prepare<[number], AttemptLogRow>(
        `SELECT a.started_at, a.finished_at, d.number, a.outcome, a.http_status, a.reason, a.detail, a.messages
         FROM reporting_attempts a JOIN documents d ON d.id = a.document_id ORDER BY a.id DESC LIMIT ?`,
      ),
      head: db.prepare<[], { icv: number; number: string; hash: string }>('SELECT icv, number, hash FROM documents ORDER BY chain_id DESC, icv DESC LIMIT 1'),
      inPeriod: db.prepare<[number, number], DocumentRow>('SELECT * FROM documents WHERE issued_at >= ? AND issued_at < ? ORDER BY id'),
      periodRowsAfter: db.prepare<[number], ReportRow>(PERIOD_ROWS_AFTER),
      reportRow: db.prepare<[number], ReportRow>('SELECT id, kind, payable, corrects_document_id, committed_at FROM documents WHERE id = ?'),
      inputOf: db.prepare<[number], Pick<DocumentRow, 'input_json' | 'number' | 'uuid' | 'issue_date' | 'issue_time'>>(
        'SELECT input_json, number, uuid, issue_date, issue_time FROM documents WHERE id = ?',
      ),
      paymentsBetween: db.prepare<[number, number], PaymentRow & { document_id: number }>(
        `SELECT document_id, method, amount, network, voucher_code, voucher_balance FROM document_payments
         WHERE document_id > ? AND document_id <= ? ORDER BY document_id, seq`,
      ),
      maxId: db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM documents'),
      settledClearancesAfter: db.prepare<[number], { document_id: number; state: 'rejected' | 'withdrawn' }>(
        "SELECT document_id, state FROM clearances WHERE document_id > ? AND state IN ('rejected', 'withdrawn') ORDER BY document_id",
      ),
      correctedAfter: db.prepare<[number], { id: number }>(
        'SELECT corrects_document_id AS id FROM documents WHERE corrects_document_id IS NOT NULL AND corrects_document_id > ? ORDER BY 1',
      ),
    };
  }

  get(id: number): DocumentRow | undefined {
    return this.q.byId.get(id);
  }

  byNumber(number: string): DocumentRow | undefined {
    return this.q.byNumber.get(number);
  }

  /** A scanned receipt QR: the stored text itself, or any QR whose tag 6 (the invoice hash) is one of ours. */
  byQr(text: string): DocumentRow | undefined {
    const exact = this.q.byQr.get(text);
    if (exact) return exact;
    try {
      const hash = decodeQr(text).fields.invoiceHash;
      return hash ? this.q.byHash.get(hash) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The validated document as it was signed (the stored sale plus the fields the ledger assigned). */
  documentOf(row: Pick<DocumentRow, 'input_json' | 'number' | 'uuid' | 'issue_date' | 'issue_time'>): DocumentInput {
    return parseDocumentInput({ ...JSON.parse(row.input_json), number: row.number, uuid: row.uuid, issueDate: row.issue_date, issueTime: row.issue_time });
  }

  /** documentOf() of the document with this id (the reports read each document's input once, main/reports). */
  documentById(id: number): DocumentInput {
    const row = this.q.inputOf.get(id);
    if (!row) throw new Error(`document ${id} is not in the ledger`);
    return this.documentOf(row);
  }

  lines(documentId: number): LineRow[] {
    return this.q.lines.all(documentId);
  }

  /** Quantity already credited per original line id. */
  returnedQuantities(invoiceId: number): { lineId: number; quantity: string }[] {
    return this.q.returned.all(invoiceId).map((r) => ({ lineId: r.original_line_id, quantity: r.quantity }));
  }

  /** Newest first: documents another device or a copy of this ledger may have reported (reference §9.1). */
  unexplainedDuplicates(limit = 100): UnexplainedDuplicateRow[] {
    return this.q.unexplainedDuplicates.all(limit);
  }

  notesOf(invoiceId: number): { number: string; kind: DocumentRow['kind']; payable: string }[] {
    return this.q.notes.all(invoiceId, 'invoice');
  }

  reportingState(documentId: number): string {
    return this.q.jobState.get(documentId)?.state ?? 'unknown';
  }

  payments(documentId: number): PaymentView[] {
    return this.q.payments.all(documentId).map(paymentViewOf);
  }

  /** The payments of the documents with afterId < id <= toId, by document, in one read (the reports add up a period). */
  paymentsBetween(afterId: number, toId: number): Map<number, PaymentView[]> {
    const byDocument = new Map<number, PaymentView[]>();
    for (const r of this.q.paymentsBetween.iterate(afterId, toId)) {
      const list = byDocument.get(r.document_id);
      if (list) list.push(paymentViewOf(r));
      else byDocument.set(r.document_id, [paymentViewOf(r)]);
    }
    return byDocument;
  }

  request(requestId: string): RequestRow | undefined {
    return this.q.request.get(requestId);
  }

  requestOf(documentId: number): RequestRow | undefined {
    return this.q.requestOf.get(documentId);
  }

  /** Records how a just-committed document was paid, with the request id that makes the call idempotent. */
  recordPayment(requestId: string, documentId: number, userId: number | null, change: string, payments: readonly PaymentView[], at: Date): void {
    this.db.transaction(() => {
      this.q.insertRequest.run(requestId, documentId, userId, change, at.getTime());
      payments.forEach((p, i) =>
        this.q.insertPayment.run(documentId, i + 1, p.method, p.amount, p.network ?? null, p.voucher?.code ?? null, p.voucher?.balance ?? null),
      );
    })();
  }

  attempts(limit: number): AttemptLogRow[] {
    return this.q.attempts.all(limit);
  }

  head(): { icv: number; number: string; hash: string } | undefined {
    return this.q.head.get();
  }

  inPeriod(fromMs: number, toMs: number): IterableIterator<DocumentRow> {
    return this.q.inPeriod.iterate(fromMs, toMs);
  }

  /** Every document after `id`, in id order, as the reports pick and add them up (without their bytes). */
  periodRowsAfter(id: number): ReportRow[] {
    return this.q.periodRowsAfter.all(id);
  }

  reportRow(id: number): ReportRow | undefined {
    return this.q.reportRow.get(id);
  }

  /** The first document after `id` that is not in `skipped`, read from the index one row at a time. */
  firstAfter(id: number, skipped: ReadonlySet<number>): ReportRow | undefined {
    for (const row of this.q.periodRowsAfter.iterate(id)) if (!skipped.has(row.id)) return row;
    return undefined;
  }

  /**
   * The documents after `id` that a report does not count as sales: standard invoices withdrawn for a simplified one
   * (main/sale/b2bCounter.ts), standard documents ZATCA did not clear (NOT_CLEARED), and documents a correction
   * re-issued after a rejection (reference §11). Few: read from the clearances and a partial index of corrections.
   */
  exclusionsAfter(id: number): { withdrawn: number[]; notCleared: number[]; corrected: number[] } {
    const settled = this.q.settledClearancesAfter.all(id);
    return {
      withdrawn: settled.filter((r) => r.state === 'withdrawn').map((r) => r.document_id),
      notCleared: settled.filter((r) => r.state === 'rejected').map((r) => r.document_id),
      corrected: this.q.correctedAfter.all(id).map((r) => r.id),
    };
  }

  maxId(): number {
    return this.q.maxId.get()?.id ?? 0;
  }
}
