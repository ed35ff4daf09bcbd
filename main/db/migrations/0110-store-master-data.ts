// SPDX-License-Identifier: UNLICENSED
// Master data pulled from the store server at the till (docs/store-server.md, "Master data at the till"):
//   store_master_data  every entry the server sent, by (kind, key): the version applied, the local row it became
//                      (products.id or users.id) and its body as sent, so a later change updates the same row and the
//                      quick-key grid can be rebuilt from the server's keys
//   store_pull         how far the till has applied (the server's version cursor) and the last pull's outcome, for
//                      the manager's store-server tab
// Written in one transaction with the catalog, users and settings rows they describe: a pull applies whole or not.
import type { Migration } from './types';

export const storeMasterDataMigration: Migration = {
  version: 110,
  name: '0110-store-master-data',
  up(db) {
    db.exec(`
      CREATE TABLE store_master_data (
        kind TEXT NOT NULL CHECK (kind IN ('product', 'quick-key', 'user', 'setting')),
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        local_id INTEGER,
        body TEXT,                            -- JSON as the server sent it; NULL: deleted on the server
        PRIMARY KEY (kind, key)
      ) STRICT;

      CREATE TABLE store_pull (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL CHECK (version >= 0),
        pulled_at INTEGER,                    -- the last pull that reached the server and applied (or had nothing)
        error_code TEXT,                      -- the last pull's failure, a catalog code; NULL after a success
        error_params TEXT,
        error_at INTEGER
      ) STRICT;
    `);
  },
};
