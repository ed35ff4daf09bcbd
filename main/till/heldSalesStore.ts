// SPDX-License-Identifier: UNLICENSED
// The held_sales table of migration 0080-held-sales: carts put aside at the till. Only rows; what a held sale may
// hold and how it comes back is heldSales.ts's.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface HeldSaleRow {
  readonly id: number;
  readonly label: string;
  readonly lines_json: string;
  readonly user_id: number | null;
  readonly created_at: number;
}

export function heldSalesStatements(db: SqliteDatabase) {
  return {
    list: db.prepare<[], HeldSaleRow>('SELECT id, label, lines_json, user_id, created_at FROM held_sales ORDER BY created_at, id'),
    count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM held_sales'),
    get: db.prepare<[number], HeldSaleRow>('SELECT id, label, lines_json, user_id, created_at FROM held_sales WHERE id = ?'),
    insert: db.prepare<[string, string, number | null, number]>('INSERT INTO held_sales (label, lines_json, user_id, created_at) VALUES (?, ?, ?, ?)'),
    remove: db.prepare<[number]>('DELETE FROM held_sales WHERE id = ?'),
  };
}
