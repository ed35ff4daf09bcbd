// SPDX-License-Identifier: UNLICENSED
// Returns across tills (docs/store-server.md, "Returns at another till"): each pushed invoice keeps the lines its
// till built it from, so another till can credit them exactly as the selling till would, and each pushed credit note
// records what it returned per line of its original — found by the original's UUID, unique across every till — so
// the shop's search answers what is still returnable and no sale is returned twice at two tills.
import type { ServerMigration } from './types';

export const returnsMigration: ServerMigration = {
  version: 4,
  name: '0004-returns',
  sql: `
    ALTER TABLE documents ADD COLUMN sale jsonb;    -- { pricesIncludeVat, lines } as the till stored the input
    CREATE INDEX documents_uuid ON documents (uuid);

    CREATE TABLE document_returns (
      terminal_id text NOT NULL,                    -- the credit note: (terminal, chain, ICV) and its line
      chain text NOT NULL,
      icv bigint NOT NULL,
      seq integer NOT NULL,
      original_uuid text NOT NULL,                  -- the invoice returned, of this or any other till
      original_line integer NOT NULL CHECK (original_line >= 1),
      quantity numeric(18, 6) NOT NULL CHECK (quantity > 0),
      PRIMARY KEY (terminal_id, chain, icv, seq),
      FOREIGN KEY (terminal_id, chain, icv) REFERENCES documents (terminal_id, chain, icv)
    );
    CREATE INDEX document_returns_original ON document_returns (original_uuid);
  `,
};
