// SPDX-License-Identifier: UNLICENSED
// The tables of migration 0050 that cash control owns: shifts, cash_movements, shift_notes, and the reads of the
// ledger's payments a shift's cash is recomputed from (document_payments joined to documents, read only).
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface ShiftRow {
  id: number;
  till: string;
  cashier_id: number;
  cashier_name: string;
  opened_at: number;
  opening_float: string;
  from_document_id: number;
  running_cash: string;
  closed_at: number | null;
  closed_by: number | null;
  to_document_id: number | null;
  counted: string | null;
  counted_json: string | null;
  expected: string | null;
  difference: string | null;
  z_number: number | null;
}

export interface MovementRow {
  kind: 'paid-in' | 'paid-out';
  amount: string;
  reason: string;
  user_id: number;
  at: number;
}

export interface NoteRow {
  user_name: string;
  note: string;
  at: number;
}

/** A cash payment or refund of a document: what the drawer took in or gave out for it. */
export interface CashPaymentRow {
  kind: 'invoice' | 'credit-note' | 'debit-note';
  amount: string;
}

const RANGE = 'd.id > ? AND (? IS NULL OR d.id <= ?)';

export function shiftStatements(db: SqliteDatabase) {
  return {
    open: db.prepare<[string], ShiftRow>('SELECT * FROM shifts WHERE till = ? AND closed_at IS NULL'),
    byId: db.prepare<[number], ShiftRow>('SELECT * FROM shifts WHERE id = ?'),
    recent: db.prepare<[number], ShiftRow>('SELECT * FROM shifts ORDER BY id DESC LIMIT ?'),
    insert: db.prepare<[string, number, string, number, string, number, string]>(
      `INSERT INTO shifts (till, cashier_id, cashier_name, opened_at, opening_float, from_document_id, running_cash)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    setRunning: db.prepare<[string, number]>('UPDATE shifts SET running_cash = ? WHERE id = ? AND closed_at IS NULL'),
    close: db.prepare<[number, number, number, string, string | null, string, string, number]>(
      `UPDATE shifts SET closed_at = ?, closed_by = ?, to_document_id = ?, counted = ?, counted_json = ?, expected = ?, difference = ?
       WHERE id = ? AND closed_at IS NULL`,
    ),
    /** Shifts closed since the last Z: the next Z covers them. */
    unreported: db.prepare<[], ShiftRow>('SELECT * FROM shifts WHERE closed_at IS NOT NULL AND z_number IS NULL ORDER BY id'),
    markReported: db.prepare<[number]>('UPDATE shifts SET z_number = ? WHERE closed_at IS NOT NULL AND z_number IS NULL'),
    insertMovement: db.prepare<[number, string, string, string, number, number]>(
      'INSERT INTO cash_movements (shift_id, kind, amount, reason, user_id, at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    movements: db.prepare<[number], MovementRow>('SELECT kind, amount, reason, user_id, at FROM cash_movements WHERE shift_id = ? ORDER BY id'),
    insertNote: db.prepare<[number, number, string, string, number]>('INSERT INTO shift_notes (shift_id, user_id, user_name, note, at) VALUES (?, ?, ?, ?, ?)'),
    notes: db.prepare<[number], NoteRow>('SELECT user_name, note, at FROM shift_notes WHERE shift_id = ? ORDER BY id'),
    cashPayments: db.prepare<[number, number | null, number | null], CashPaymentRow>(
      `SELECT d.kind, p.amount FROM document_payments p JOIN documents d ON d.id = p.document_id
       WHERE p.method = 'cash' AND ${RANGE} ORDER BY d.id, p.seq`,
    ),
    documentCount: db.prepare<[number, number | null, number | null], { n: number }>(`SELECT COUNT(*) AS n FROM documents d WHERE ${RANGE}`),
    maxDocumentId: db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM documents'),
  };
}

export type ShiftStatements = ReturnType<typeof shiftStatements>;

/**
 * Per cashier (document_requests.user_id) in a range of documents: how many, and their signed payable in halalas.
 * The ledger writes every payable with exactly two decimals (main/ledger/ledger.ts), so the digits without the point
 * are its halalas, summed exactly as integers by SQLite: no decimal string per document to parse and add up at each
 * X report (BENCHMARKS.md, "A long day").
 */
export function cashierStatements(db: SqliteDatabase) {
  return {
    perCashier: db.prepare<[number, number], { user_id: number | null; documents: number; halalas: number }>(
      `SELECT r.user_id, COUNT(*) AS documents,
              SUM(CASE WHEN d.kind = 'credit-note' THEN -1 ELSE 1 END * CAST(REPLACE(d.payable, '.', '') AS INTEGER)) AS halalas
       FROM documents d LEFT JOIN document_requests r ON r.document_id = d.id
       WHERE d.id > ? AND d.id <= ? GROUP BY r.user_id ORDER BY r.user_id`,
    ),
  };
}
