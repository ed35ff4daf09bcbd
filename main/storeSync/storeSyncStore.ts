// SPDX-License-Identifier: UNLICENSED
// SQL of the store-server link at the till (main/db/migrations/0090-store-sync.ts): the link itself, the push
// cursors, and the reads of what is pushed — documents with their chain, payments and cashier, audit events, cash
// movements and closed shifts, each after a cursor in local id order. Reads only on the ledger's tables.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { DocumentRow } from '../ledger/ledgerStore';

export type PushStream = 'documents' | 'audit' | 'cash' | 'shifts';

export interface StoreLinkRow {
  url: string;
  terminal_id: string;
  name: string;
  branch: string;
  enrolled_at: number;
  /** The server's TLS certificate pinned at enrolment (migration 0120); null only for http:// on this machine. */
  server_fingerprint: string | null;
}

export type PushDocumentRow = Pick<
  DocumentRow,
  | 'id'
  | 'icv'
  | 'uuid'
  | 'number'
  | 'kind'
  | 'profile'
  | 'issue_date'
  | 'issue_time'
  | 'issued_at'
  | 'pih'
  | 'hash'
  | 'qr'
  | 'xml'
  | 'input_json'
  | 'tax_exclusive'
  | 'vat'
  | 'tax_inclusive'
  | 'billing_reference'
> & {
  /** The chain's certificate serial: ICVs restart with each CSID (reference §11). */
  chain: string;
  cashier: string | null;
  /** A credit note: the UUID of the invoice it returns, of this till or (0095-foreign-returns) of another. */
  original_uuid: string | null;
};

export interface PushRecordRow {
  id: number;
  at: number;
  body: string;
}

export class StoreSyncStore {
  private readonly q;

  constructor(db: SqliteDatabase) {
    this.q = {
      link: db.prepare<[], StoreLinkRow>('SELECT url, terminal_id, name, branch, enrolled_at, server_fingerprint FROM store_link WHERE id = 1'),
      setLink: db.prepare<[string, string, string, string, number, string | null]>(
        'INSERT OR REPLACE INTO store_link (id, url, terminal_id, name, branch, enrolled_at, server_fingerprint) VALUES (1, ?, ?, ?, ?, ?, ?)',
      ),
      cursor: db.prepare<[string], { position: number }>('SELECT position FROM store_push_cursor WHERE stream = ?'),
      setCursor: db.prepare<[string, number, number]>(
        'INSERT INTO store_push_cursor (stream, position, updated_at) VALUES (?, ?, ?) ON CONFLICT (stream) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at',
      ),
      documents: db.prepare<[number, number], PushDocumentRow>(
        `SELECT d.id, c.certificate_serial AS chain, d.icv, d.uuid, d.number, d.kind, d.profile, d.issue_date, d.issue_time, d.issued_at,
                d.pih, d.hash, d.qr, d.xml, d.input_json, d.tax_exclusive, d.vat, d.tax_inclusive, d.billing_reference, u.name AS cashier,
                COALESCE(o.uuid, f.original_uuid) AS original_uuid
           FROM documents d JOIN chains c ON c.id = d.chain_id
           LEFT JOIN document_requests r ON r.document_id = d.id LEFT JOIN users u ON u.id = r.user_id
           LEFT JOIN documents o ON o.id = d.original_document_id LEFT JOIN foreign_originals f ON f.document_id = d.id
          WHERE d.id > ? ORDER BY d.id LIMIT ?`,
      ),
      payments: db.prepare<[number], { method: string; amount: string }>('SELECT method, amount FROM document_payments WHERE document_id = ? ORDER BY seq'),
      returnedLines: db.prepare<[number], { line: number; quantity: string }>(
        'SELECT original_line_id AS line, quantity FROM document_lines WHERE document_id = ? AND original_line_id IS NOT NULL ORDER BY line_id',
      ),
      documentAt: db.prepare<[string, number], { id: number }>(
        'SELECT d.id FROM documents d JOIN chains c ON c.id = d.chain_id WHERE c.certificate_serial = ? AND d.icv = ?',
      ),
      audit: db.prepare<[number, number], PushRecordRow>(
        `SELECT id, at, json_object('kind', kind, 'till', till, 'user', user_name, 'approvedBy', approved_by, 'shift', shift_id,
                'document', document_number, 'before', before_value, 'after', after_value, 'reason', reason) AS body
           FROM audit_events WHERE id > ? ORDER BY id LIMIT ?`,
      ),
      cash: db.prepare<[number, number], PushRecordRow>(
        `SELECT id, at, json_object('kind', kind, 'shift', shift_id, 'amount', amount, 'reason', reason, 'user', user_id) AS body
           FROM cash_movements WHERE id > ? ORDER BY id LIMIT ?`,
      ),
      shifts: db.prepare<[number, number], PushRecordRow>(
        `SELECT id, closed_at AS at, json_object('till', till, 'cashier', cashier_name, 'openedAt', opened_at, 'closedAt', closed_at,
                'openingFloat', opening_float, 'counted', counted, 'expected', expected, 'difference', difference) AS body
           FROM shifts WHERE id > ? AND closed_at IS NOT NULL ORDER BY id LIMIT ?`,
      ),
      // the first still-open shift: later closed ones wait for it, so the cursor never skips a shift
      firstOpenShift: db.prepare<[number], { id: number }>('SELECT min(id) AS id FROM shifts WHERE id > ? AND closed_at IS NULL'),
      queue: db.prepare<[], { queued: number; oldest: number | null }>(
        `SELECT count(*) AS queued, min(d.issued_at) AS oldest FROM reporting_jobs j JOIN documents d ON d.id = j.document_id
          WHERE j.state NOT IN ('reported', 'reported-with-warnings')`,
      ),
    };
  }

  link(): StoreLinkRow | undefined {
    return this.q.link.get();
  }

  setLink(link: StoreLinkRow): void {
    this.q.setLink.run(link.url, link.terminal_id, link.name, link.branch, link.enrolled_at, link.server_fingerprint);
  }

  cursor(stream: PushStream): number {
    return this.q.cursor.get(stream)?.position ?? 0;
  }

  setCursor(stream: PushStream, position: number, now: number): void {
    this.q.setCursor.run(stream, position, now);
  }

  documentsAfter(position: number, limit: number): PushDocumentRow[] {
    return this.q.documents.all(position, limit);
  }

  payments(documentId: number): { method: string; amount: string }[] {
    return this.q.payments.all(documentId);
  }

  /** The quantity a credit note returned per line of its original (the ledger's document_lines). */
  returnedLines(documentId: number): { line: number; quantity: string }[] {
    return this.q.returnedLines.all(documentId);
  }

  /** The local id of a chain's ICV, to resend from there when the server lacks it. */
  documentAt(chain: string, icv: number): number | undefined {
    return this.q.documentAt.get(chain, icv)?.id;
  }

  recordsAfter(stream: Exclude<PushStream, 'documents'>, position: number, limit: number): PushRecordRow[] {
    if (stream !== 'shifts') return (stream === 'audit' ? this.q.audit : this.q.cash).all(position, limit);
    const open = this.q.firstOpenShift.get(position)?.id ?? null;
    return this.q.shifts.all(position, limit).filter((r) => open === null || r.id < open);
  }

  reportingQueue(): { queued: number; oldest: number | null } {
    return this.q.queue.get() ?? { queued: 0, oldest: null };
  }
}
