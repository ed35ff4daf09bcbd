// SPDX-License-Identifier: UNLICENSED
// The signing certificate of each till's chain (docs/store-server.md, "Push"): pinned by the chain's first document
// the server stores after this step, so every later document of that chain must be signed with the same CSID, and a
// certificate signs for one active terminal's one chain only — a till cannot push documents signed with another
// till's (or anyone else's) certificate. Not unique in the table: a till whose enrolment was removed and made again
// is a new terminal pushing its ledger again, once the manager removed the old one (server/chainPins.ts). ICVs
// restart with each CSID (reference §11), so a renewed certificate opens a new chain and is pinned there.
import type { ServerMigration } from './types';

export const chainCertificatesMigration: ServerMigration = {
  version: 6,
  name: '0006-chain-certificates',
  sql: `
    CREATE TABLE chain_certificates (
      terminal_id text NOT NULL REFERENCES terminals (id),
      chain text NOT NULL,
      certificate_sha256 text NOT NULL,             -- hex SHA-256 of the certificate's DER
      serial text NOT NULL,                         -- decimal, as ds:X509SerialNumber (reference §3)
      certificate text NOT NULL,                    -- the ds:X509Certificate text (base64 DER)
      pinned_at timestamptz NOT NULL,
      PRIMARY KEY (terminal_id, chain)
    );
    CREATE INDEX chain_certificates_certificate ON chain_certificates (certificate_sha256);
  `,
};
