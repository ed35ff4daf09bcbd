// SPDX-License-Identifier: UNLICENSED
// The open_carts table of migration 0070: the cart each cashier is ringing up, kept in main so that a reload of the
// screen, a crash of the window or a restart of the terminal gives it back (docs/catalog.md, "The open cart"). One
// row per user; an empty cart is no row. The lines are kept as the till sent them, already checked by the API's
// schema (app/contract/catalogApi.ts); a completed sale removes its user's row in main, not the till.
import type { OpenCart, OpenCartLine } from '../../app/contract/catalogTypes';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export class OpenCartStore {
  private readonly q;

  constructor(
    db: SqliteDatabase,
    private readonly now: () => Date,
  ) {
    this.q = {
      get: db.prepare<[number], { cart_json: string; updated_at: number }>('SELECT cart_json, updated_at FROM open_carts WHERE user_id = ?'),
      put: db.prepare<[number, string, number]>(
        'INSERT INTO open_carts (user_id, cart_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET cart_json = excluded.cart_json, updated_at = excluded.updated_at',
      ),
      clear: db.prepare<[number]>('DELETE FROM open_carts WHERE user_id = ?'),
      clearAll: db.prepare<[]>('DELETE FROM open_carts'),
    };
  }

  get(userId: number): OpenCart | null {
    const row = this.q.get.get(userId);
    if (!row) return null;
    return { lines: JSON.parse(row.cart_json) as OpenCartLine[], savedAt: new Date(row.updated_at).toISOString() };
  }

  save(userId: number, lines: readonly OpenCartLine[]): void {
    if (lines.length === 0) this.q.clear.run(userId);
    else this.q.put.run(userId, JSON.stringify(lines), this.now().getTime());
  }

  clear(userId: number): void {
    this.q.clear.run(userId);
  }

  /** Every user's cart (training ended: its carts were training sales). */
  clearAll(): void {
    this.q.clearAll.run();
  }
}

const stores = new WeakMap<SqliteDatabase, OpenCartStore>();

/** The open carts of a mode's database (training carts stay in the training folder, and end with it). */
export function openCartsOf(db: SqliteDatabase, now: () => Date): OpenCartStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new OpenCartStore(db, now)));
  return store;
}
