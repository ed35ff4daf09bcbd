// SPDX-License-Identifier: UNLICENSED
// A credit note of this till returning another till's sale (docs/store-server.md, "Returns at another till"): the
// original is not in this ledger, so its UUID — unique across the shop's tills — is kept beside the note, written in
// the note's own issuance transaction, for the push worker to tell the store server what was returned of which sale.
import type { Migration } from './types';

export const foreignReturnsMigration: Migration = {
  version: 95,
  name: '0095-foreign-returns',
  up(db) {
    db.exec(`
      CREATE TABLE foreign_originals (
        document_id INTEGER PRIMARY KEY REFERENCES documents (id),
        original_uuid TEXT NOT NULL
      ) STRICT;
    `);
  },
};
