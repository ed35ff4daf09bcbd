// SPDX-License-Identifier: UNLICENSED
// Typed access to the ledger tables. Every statement is a constant with bound parameters: no SQL is ever built from
// data. Rows are `*Row` types; the ledger logic works with them.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface ChainRow {
  id: number;
  certificate_serial: string;
  certificate_issuer: string;
  certificate: string;
  environment: string;
  created_at: number;
}

export interface ChainHeadRow {
  icv: number;
  hash: string;
  id: number;
}

export interface DocumentRow {
  id: number;
  chain_id: number;
  icv: number;
  uuid: string;
  number: string;
  kind: 'invoice' | 'credit-note' | 'debit-note';
  profile: 'simplified' | 'standard';
  issue_date: string;
  issue_time: string;
  issued_at: number;
  pih: string;
  hash: string;
  qr: string;
  xml: Buffer;
  input_json: string;
  tax_exclusive: string;
  vat: string;
  tax_inclusive: string;
  payable: string;
  billing_reference: string | null;
  original_document_id: number | null;
  corrects_document_id: number | null;
  committed_at: number;
}

export type NewDocumentRow = Omit<DocumentRow, 'id'>;

export interface LineRow {
  document_id: number;
  line_id: number;
  name: string;
  quantity: string;
  unit_price: string;
  vat_category: string;
  vat_rate: string;
  original_line_id: number | null;
}

export interface ReturnedRow {
  original_line_id: number;
  quantity: string;
}

export type JobState = 'queued' | 'in-flight' | 'reported' | 'reported-with-warnings' | 'rejected' | 'failed';

/** Prepared statements over one connection. */
export function ledgerStatements(db: SqliteDatabase) {
  return {
    chainByCertificate: db.prepare<[string, string], ChainRow>('SELECT * FROM chains WHERE certificate_issuer = ? AND certificate_serial = ?'),
    insertChain: db.prepare<[string, string, string, string, number]>(
      'INSERT INTO chains (certificate_issuer, certificate_serial, certificate, environment, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    chainHead: db.prepare<[number], ChainHeadRow>('SELECT id, icv, hash FROM documents WHERE chain_id = ? ORDER BY icv DESC LIMIT 1'),
    lastCommittedAt: db.prepare<[], { at: number | null }>('SELECT MAX(committed_at) AS at FROM documents'),
    peekNumber: db.prepare<[string], { next_value: number }>('SELECT next_value FROM number_sequences WHERE prefix = ?'),
    startSequence: db.prepare<[string]>('INSERT INTO number_sequences (prefix, next_value) VALUES (?, 2)'),
    bumpSequence: db.prepare<[string, number]>('UPDATE number_sequences SET next_value = next_value + 1 WHERE prefix = ? AND next_value = ?'),
    insertDocument: db.prepare<[NewDocumentRow]>(
      `INSERT INTO documents (chain_id, icv, uuid, number, kind, profile, issue_date, issue_time, issued_at, pih, hash, qr, xml,
         input_json, tax_exclusive, vat, tax_inclusive, payable, billing_reference, original_document_id, corrects_document_id, committed_at)
       VALUES (@chain_id, @icv, @uuid, @number, @kind, @profile, @issue_date, @issue_time, @issued_at, @pih, @hash, @qr, @xml,
         @input_json, @tax_exclusive, @vat, @tax_inclusive, @payable, @billing_reference, @original_document_id, @corrects_document_id, @committed_at)`,
    ),
    insertLine: db.prepare<[LineRow]>(
      `INSERT INTO document_lines (document_id, line_id, name, quantity, unit_price, vat_category, vat_rate, original_line_id)
       VALUES (@document_id, @line_id, @name, @quantity, @unit_price, @vat_category, @vat_rate, @original_line_id)`,
    ),
    insertJob: db.prepare<[number, number, number]>("INSERT INTO reporting_jobs (document_id, state, next_attempt_at, updated_at) VALUES (?, 'queued', ?, ?)"),
    documentById: db.prepare<[number], DocumentRow>('SELECT * FROM documents WHERE id = ?'),
    documentByUuid: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE uuid = ?'),
    /** The document a number refers to: the latest re-issue when a rejected document was corrected. */
    documentByNumber: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE number = ? ORDER BY id DESC LIMIT 1'),
    linesOf: db.prepare<[number], LineRow>('SELECT * FROM document_lines WHERE document_id = ? ORDER BY line_id'),
    /** Quantities already credited against an invoice, per original line (credit notes only). */
    returnedQuantities: db.prepare<[number], ReturnedRow>(
      `SELECT l.original_line_id, l.quantity FROM document_lines l JOIN documents d ON d.id = l.document_id
       WHERE d.original_document_id = ? AND d.kind = 'credit-note' AND l.original_line_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM documents c WHERE c.corrects_document_id = d.id)`,
    ),
    jobState: db.prepare<[number], { state: JobState }>('SELECT state FROM reporting_jobs WHERE document_id = ?'),
    correctionOf: db.prepare<[number], { id: number }>('SELECT id FROM documents WHERE corrects_document_id = ?'),
    documentCount: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents'),
    /** Every document in chain order, for the audit (iterated, never loaded at once). */
    allInChainOrder: db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY chain_id, icv'),
    chains: db.prepare<[], ChainRow>('SELECT * FROM chains ORDER BY id'),
  };
}

export type LedgerStatements = ReturnType<typeof ledgerStatements>;

export interface ChainHeadSummary {
  icv: number;
  number: string;
  hash: string;
  issued_at: number;
  documents: number;
}

/** The newest document of a certificate's chain and how many the chain holds, for `dukkan status`. */
export function chainHeadSummary(db: SqliteDatabase, issuer: string, serial: string): ChainHeadSummary | undefined {
  return db
    .prepare<[string, string], ChainHeadSummary>(
      `SELECT d.icv, d.number, d.hash, d.issued_at, (SELECT COUNT(*) FROM documents WHERE chain_id = c.id) AS documents
       FROM chains c JOIN documents d ON d.chain_id = c.id
       WHERE c.certificate_issuer = ? AND c.certificate_serial = ? ORDER BY d.icv DESC LIMIT 1`,
    )
    .get(issuer, serial);
}

export function chainCount(db: SqliteDatabase): number {
  return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM chains').get()!.n;
}
