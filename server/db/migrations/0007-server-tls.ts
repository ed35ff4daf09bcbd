// SPDX-License-Identifier: UNLICENSED
// The store server's own TLS key and self-signed certificate (docs/store-server.md, "TLS and the pinned
// certificate"): made once, on the first start, and kept in the database — so PGlite in a folder and PostgreSQL
// alike keep it across restarts, several server processes on one database serve the same certificate, and the
// fingerprint the tills pinned at enrolment stays true. One row; the key is never logged or sent.
import type { ServerMigration } from './types';

export const serverTlsMigration: ServerMigration = {
  version: 7,
  name: '0007-server-tls',
  sql: `
    CREATE TABLE server_tls (
      id integer PRIMARY KEY CHECK (id = 1),
      certificate text NOT NULL,                  -- PEM
      private_key text NOT NULL,                  -- PEM (SEC1, P-256)
      fingerprint text NOT NULL,                  -- SHA-256 of the certificate's DER, AB:CD:… as the page shows it
      created_at timestamptz NOT NULL
    );
  `,
};
