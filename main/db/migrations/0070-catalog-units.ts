// SPDX-License-Identifier: UNLICENSED
// Weighed goods, spelling-tolerant search and a cart that survives a reload (docs/catalog.md):
//   products.unit        what a product is sold by (piece, kg, g, l; app/catalog/units.ts), piece for every
//                        product so far, which is what they were sold as
//   products.search_key  the folded form of the product's names (app/catalog/searchText.ts) the till searches; the
//                        catalog store fills it when it opens, for these rows and whenever the folding changes
//   open_carts           the cart each cashier is ringing up, kept by main so that a reload of the screen, a crash
//                        or a restart gives it back (main/sale/openCartStore.ts)
import type { Migration } from './types';

export const catalogUnitsMigration: Migration = {
  version: 70,
  name: '0070-catalog-units',
  up(db) {
    db.exec(`
      ALTER TABLE products ADD COLUMN unit TEXT NOT NULL DEFAULT 'piece' CHECK (unit IN ('piece', 'kg', 'g', 'l'));
      ALTER TABLE products ADD COLUMN search_key TEXT NOT NULL DEFAULT '';

      CREATE TABLE open_carts (
        user_id INTEGER PRIMARY KEY,          -- a user of this database; no foreign key, as document_requests
        cart_json TEXT NOT NULL,              -- the lines as the till sends them (app/contract: cart.save), checked
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
