// SPDX-License-Identifier: UNLICENSED
// Saved customers (migration 0060-b2b): the buyers of standard tax invoices, found again by name or VAT number.
// Only validated buyers are written (main/customers/buyerCheck.ts). Constant statements with bound parameters only.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface CustomerRow {
  id: number;
  name: string;
  vat_number: string | null;
  buyer_json: string;
  created_at: number;
  updated_at: number;
}

export class CustomerStore {
  private readonly q;

  constructor(private readonly db: SqliteDatabase) {
    this.q = {
      byId: db.prepare<[number], CustomerRow>('SELECT * FROM customers WHERE id = ?'),
      byVat: db.prepare<[string], CustomerRow>('SELECT * FROM customers WHERE vat_number = ?'),
      // LIKE's wildcards in the typed text are escaped by the caller (likePattern)
      search: db.prepare<[string, string, number], CustomerRow>(
        `SELECT * FROM customers WHERE name LIKE ? ESCAPE '\\' OR vat_number LIKE ? ESCAPE '\\'
         ORDER BY updated_at DESC, id DESC LIMIT ?`,
      ),
      recent: db.prepare<[number], CustomerRow>('SELECT * FROM customers ORDER BY updated_at DESC, id DESC LIMIT ?'),
      insert: db.prepare<[string, string | null, string, number, number]>(
        'INSERT INTO customers (name, vat_number, buyer_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      ),
      update: db.prepare<[string, string | null, string, number, number]>(
        'UPDATE customers SET name = ?, vat_number = ?, buyer_json = ?, updated_at = ? WHERE id = ?',
      ),
    };
  }

  get(id: number): CustomerRow | undefined {
    return this.q.byId.get(id);
  }

  /** By name (anywhere in it, any case) or VAT number (from its start); the most recently used first. */
  search(query: string, limit = 20): CustomerRow[] {
    const q = query.trim();
    if (q === '') return this.q.recent.all(limit);
    return this.q.search.all(`%${likePattern(q)}%`, `${likePattern(q)}%`, limit);
  }

  /**
   * Saves a validated buyer: the customer `id` when given, else the one with the same VAT number, else a new one.
   * Returns the customer's id.
   */
  save(buyer: { readonly name: string; readonly vatNumber?: string | undefined }, buyerJson: string, at: Date, id?: number): number {
    return this.db.transaction(() => {
      // the VAT number is unique: a buyer typed again with a saved customer's VAT number updates that customer
      const existing = (buyer.vatNumber ? this.q.byVat.get(buyer.vatNumber) : undefined) ?? (id !== undefined ? this.q.byId.get(id) : undefined);
      const vat = buyer.vatNumber ?? null;
      if (existing) {
        this.q.update.run(buyer.name, vat, buyerJson, at.getTime(), existing.id);
        return existing.id;
      }
      return Number(this.q.insert.run(buyer.name, vat, buyerJson, at.getTime(), at.getTime()).lastInsertRowid);
    })();
  }
}

function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
