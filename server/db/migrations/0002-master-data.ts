// SPDX-License-Identifier: UNLICENSED
// Master data the server owns and the tills pull (docs/store-server.md): catalog, prices, quick keys, users and roles
// (PIN hashes, never PINs), receipt footer. Every change takes the next value of one sequence, so a till asks for
// "everything after version N" and never misses or repeats a change.
import type { ServerMigration } from './types';

export const masterDataMigration: ServerMigration = {
  version: 2,
  name: '0002-master-data',
  sql: `
    CREATE SEQUENCE master_data_version;
    CREATE TABLE master_data (
      kind text NOT NULL CHECK (kind IN ('product', 'quick-key', 'user', 'setting')),
      key text NOT NULL,
      version bigint NOT NULL,
      body jsonb,                             -- null: deleted at this version
      PRIMARY KEY (kind, key)
    );
    CREATE INDEX master_data_version_idx ON master_data (version);
  `,
};
