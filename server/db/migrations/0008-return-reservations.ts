// SPDX-License-Identifier: UNLICENSED
// Reservations of returned quantities (docs/store-server.md, "Returns at another till"): before an enrolled till
// issues a credit note it reserves, per line of the invoice, what it returns; the server grants it only while sold −
// returned − active reservations covers it, so two tills returning the same line at once cannot both pass. The note's
// push consumes it line by line (`consumed`); a till whose issuance failed releases it; one left active past
// `expires_at` holds nothing. A till cut off from the server still returns its own sale: when such a note makes an
// invoice's line returned beyond what was sold, its push records it in `over_returns` for the manager page.
import type { ServerMigration } from './types';

export const returnReservationsMigration: ServerMigration = {
  version: 8,
  name: '0008-return-reservations',
  sql: `
    CREATE TABLE return_reservations (
      terminal_id text NOT NULL REFERENCES terminals (id),
      reservation_id text NOT NULL,                 -- the till's own id (the return's request id): a retry is the same one
      original_uuid text NOT NULL,                  -- the invoice, of this or any other till
      original_number text NOT NULL,
      state text NOT NULL CHECK (state IN ('active', 'consumed', 'released')),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,              -- an active reservation holds nothing after this
      settled_at timestamptz,                       -- consumed or released
      PRIMARY KEY (terminal_id, reservation_id)
    );
    CREATE INDEX return_reservations_active ON return_reservations (original_uuid) WHERE state = 'active';

    CREATE TABLE return_reservation_lines (
      terminal_id text NOT NULL,
      reservation_id text NOT NULL,
      original_line integer NOT NULL CHECK (original_line >= 1),
      quantity numeric(18, 6) NOT NULL CHECK (quantity > 0),
      consumed numeric(18, 6) NOT NULL DEFAULT 0 CHECK (consumed >= 0 AND consumed <= quantity),
      PRIMARY KEY (terminal_id, reservation_id, original_line),
      FOREIGN KEY (terminal_id, reservation_id) REFERENCES return_reservations (terminal_id, reservation_id) ON DELETE CASCADE
    );

    CREATE TABLE over_returns (
      terminal_id text NOT NULL,                    -- the credit note whose push took the line beyond what was sold
      chain text NOT NULL,
      icv bigint NOT NULL,
      original_line integer NOT NULL,
      original_uuid text NOT NULL,
      sold numeric(18, 6) NOT NULL,
      returned numeric(18, 6) NOT NULL,             -- by every till, this note included
      detected_at timestamptz NOT NULL,
      PRIMARY KEY (terminal_id, chain, icv, original_line),
      FOREIGN KEY (terminal_id, chain, icv) REFERENCES documents (terminal_id, chain, icv)
    );
  `,
};
