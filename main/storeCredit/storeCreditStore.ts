// SPDX-License-Identifier: UNLICENSED
// Store-credit vouchers and their uses (migration 0100-tenders). Balances are whole halalas so that the statement
// that takes from a voucher can itself refuse to go below zero: `balance_halalas >= ?` in the UPDATE's WHERE, run
// inside the sale's issuance transaction (Ledger.issue's withinCommit). Two tabs or two processes racing on one
// voucher are serialised by that IMMEDIATE transaction, and the second finds the balance the first left; the
// table's CHECK (balance_halalas >= 0) is the last word even for a statement written wrong.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface VoucherRow {
  code: string;
  issued_document_id: number;
  amount_halalas: number;
  balance_halalas: number;
  issued_at: number;
}

export class StoreCreditStore {
  private readonly q;

  constructor(db: SqliteDatabase) {
    this.q = {
      byCode: db.prepare<[string], VoucherRow>('SELECT * FROM store_credit_vouchers WHERE code = ?'),
      insert: db.prepare<[string, number, number, number, number]>(
        'INSERT INTO store_credit_vouchers (code, issued_document_id, amount_halalas, balance_halalas, issued_at) VALUES (?, ?, ?, ?, ?)',
      ),
      take: db.prepare<[number, string, number]>(
        'UPDATE store_credit_vouchers SET balance_halalas = balance_halalas - ? WHERE code = ? AND balance_halalas >= ?',
      ),
      insertUse: db.prepare<[number, string, number, number]>(
        'INSERT INTO store_credit_redemptions (document_id, code, amount_halalas, at) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  voucher(code: string): VoucherRow | undefined {
    return this.q.byCode.get(code);
  }

  /** A new voucher for the credit note `documentId`, with its whole amount as balance. */
  issue(code: string, documentId: number, halalas: number, at: Date): void {
    this.q.insert.run(code, documentId, halalas, halalas, at.getTime());
  }

  /**
   * Takes `halalas` from the voucher for the sale `documentId`, only if its balance covers them; the balance after,
   * or undefined when nothing was taken (unknown code, or a balance too small — the caller says which).
   */
  redeem(code: string, documentId: number, halalas: number, at: Date): number | undefined {
    if (!(halalas > 0) || this.q.take.run(halalas, code, halalas).changes !== 1) return undefined;
    this.q.insertUse.run(documentId, code, halalas, at.getTime());
    return this.q.byCode.get(code)!.balance_halalas;
  }
}
