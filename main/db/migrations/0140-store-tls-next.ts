// SPDX-License-Identifier: UNLICENSED
// The store server's next TLS certificate, as its signed announcement told this till (docs/store-server.md,
// "Replacing the certificate"):
//   store_link.server_next_fingerprint  accepted beside server_fingerprint once the announcement's signature checked
//                                       against the pinned certificate's key; the first connection that shows it
//                                       makes it the pin and drops the old one.
//   store_link.server_next_from         when the server said it switches (ms since the epoch), for the tab.
import type { Migration } from './types';

export const storeTlsNextMigration: Migration = {
  version: 140,
  name: '0140-store-tls-next',
  up(db) {
    db.exec(`
      ALTER TABLE store_link ADD COLUMN server_next_fingerprint TEXT;
      ALTER TABLE store_link ADD COLUMN server_next_from INTEGER;
    `);
  },
};
