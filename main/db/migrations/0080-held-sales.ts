// SPDX-License-Identifier: UNLICENSED
// Held (parked) sales: a cart put aside with a label so the till can serve the next customer, recalled later —
// several at once, and they survive a restart. A held sale is only a cart: it is never signed, numbered or
// reported (the ledger's tables are untouched); recalling it deletes the row and puts the cart back on the till.
import type { Migration } from './types';

export const heldSalesMigration: Migration = {
  version: 80,
  name: '0080-held-sales',
  up(db) {
    db.exec(`
      CREATE TABLE held_sales (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        -- the cart's lines as the till sends them to sale.quote: [{ productId, quantity, unitPrice?, discount? }]
        lines_json TEXT NOT NULL,
        -- who held it (a user of the terminal's database)
        user_id INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
