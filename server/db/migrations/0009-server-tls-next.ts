// SPDX-License-Identifier: UNLICENSED
// The next self-signed certificate (docs/store-server.md, "Replacing the certificate"): made by
// `dukkan store-server rotate-certificate`, announced to the tills — signed with the current key — until switch_at,
// and from then on served in place of the current one. Empty columns: no replacement under way.
import type { ServerMigration } from './types';

export const serverTlsNextMigration: ServerMigration = {
  version: 9,
  name: '0009-server-tls-next',
  sql: `
    ALTER TABLE server_tls
      ADD COLUMN next_certificate text,           -- PEM
      ADD COLUMN next_private_key text,           -- PEM (SEC1, P-256)
      ADD COLUMN next_fingerprint text,
      ADD COLUMN switch_at timestamptz;
  `,
};
