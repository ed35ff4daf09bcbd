// SPDX-License-Identifier: UNLICENSED
// Backups of the tills kept on the store server (docs/backups.md, "The store server as a target"): each is the
// till's own encrypted backup file, stored as it arrived in parts of bytea — in the database, so PGlite and a
// PostgreSQL server alike keep them, and the shop's database backup carries them too. The server never holds the
// passphrase: it keeps bytes, the manifest the till declared (terminal, chains and ICV ranges, in the clear in the
// file's header as well) and whether the file's own checksum verified.
import type { ServerMigration } from './types';

export const terminalBackupsMigration: ServerMigration = {
  version: 5,
  name: '0005-terminal-backups',
  sql: `
    CREATE TABLE terminal_backups (
      terminal_id text NOT NULL REFERENCES terminals (id),
      name text NOT NULL,                         -- the till's file name, dukkan-<terminal>-<time>.dkbackup
      size bigint NOT NULL CHECK (size > 0),
      manifest jsonb NOT NULL,                    -- as in the file's header: terminal, chains with ICV ranges, createdAt
      created_at timestamptz NOT NULL,            -- the manifest's createdAt
      received bigint NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= size),
      completed_at timestamptz,                   -- every byte here and the file's checksum verified
      PRIMARY KEY (terminal_id, name)
    );

    CREATE TABLE terminal_backup_parts (
      terminal_id text NOT NULL,
      name text NOT NULL,
      "offset" bigint NOT NULL CHECK ("offset" >= 0),
      bytes bytea NOT NULL,
      PRIMARY KEY (terminal_id, name, "offset"),
      FOREIGN KEY (terminal_id, name) REFERENCES terminal_backups (terminal_id, name) ON DELETE CASCADE
    );
  `,
};
