// SPDX-License-Identifier: UNLICENSED
// The till's link to its store server (docs/store-server.md): which server and terminal id it enrolled as (its
// signing key is in the OS keychain, never here), and how far each stream has been pushed. The push worker is a
// second reader of the ledger beside the reporting worker; it writes only these tables, never the ledger's.
import type { Migration } from './types';

export const storeSyncMigration: Migration = {
  version: 90,
  name: '0090-store-sync',
  up(db) {
    db.exec(`
      CREATE TABLE store_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        name TEXT NOT NULL,
        branch TEXT NOT NULL,
        enrolled_at INTEGER NOT NULL
      ) STRICT;

      -- per stream ('documents', 'audit', 'cash', 'shifts'): the highest local row id the server has acknowledged
      CREATE TABLE store_push_cursor (
        stream TEXT PRIMARY KEY,
        position INTEGER NOT NULL CHECK (position >= 0),
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
