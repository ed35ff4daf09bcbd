// SPDX-License-Identifier: UNLICENSED
// The store server over TLS, and PIN changes that travel to it (docs/store-server.md):
//   store_link.server_fingerprint  the SHA-256 fingerprint of the server's TLS certificate, checked against the
//                                  enrolment code and pinned at enrolment; null only for a server on this machine
//                                  reached over plain http://. A link made before this step has none: it is refused
//                                  (store.tls-required) unless it is such a local one, and is enrolled again.
//   store_pin_outbox               users whose PIN changed at this till while enrolled, waiting to be sent to the
//                                  server (the hash is read from `users` when sent, so a second change sends the
//                                  latest); a row goes when the server took it.
import type { Migration } from './types';

export const storeTlsPinsMigration: Migration = {
  version: 120,
  name: '0120-store-tls-pins',
  up(db) {
    db.exec(`
      ALTER TABLE store_link ADD COLUMN server_fingerprint TEXT;

      CREATE TABLE store_pin_outbox (
        user_id INTEGER PRIMARY KEY REFERENCES users (id),
        changed_at INTEGER NOT NULL,
        last_error TEXT
      ) STRICT;
    `);
  },
};
