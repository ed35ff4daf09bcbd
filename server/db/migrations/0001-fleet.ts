// SPDX-License-Identifier: UNLICENSED
// The fleet and what its tills push (docs/store-server.md): terminals and their enrolment, signed documents with
// their VAT breakdown and payments, shift/cash records and audit events. Every pushed row is keyed by what the till
// itself made unique — (terminal, chain, ICV) for documents (ICV restarts per CSID chain, reference §11), the event
// id for records — so a push repeated after a lost answer lands once.
import type { ServerMigration } from './types';

export const fleetMigration: ServerMigration = {
  version: 1,
  name: '0001-fleet',
  sql: `
    CREATE TABLE terminals (
      id text PRIMARY KEY,
      name text NOT NULL,
      branch text NOT NULL,
      public_key text NOT NULL UNIQUE,        -- ed25519, base64 of the 32 raw bytes
      enrolled_at timestamptz NOT NULL,
      removed_at timestamptz,                 -- a removed terminal is refused from then on
      last_seen_at timestamptz,
      status jsonb                            -- the till's last status: certificate expiry, reporting queue
    );

    CREATE TABLE enrolment_codes (
      code_hash text PRIMARY KEY,             -- sha-256 of the one-time code: the code itself is never stored
      branch text NOT NULL,
      terminal_name text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      terminal_id text REFERENCES terminals (id)
    );

    CREATE TABLE documents (
      terminal_id text NOT NULL REFERENCES terminals (id),
      chain text NOT NULL,                    -- the signing certificate's serial: ICVs restart with each CSID
      icv bigint NOT NULL CHECK (icv >= 1),
      uuid text NOT NULL,
      number text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('invoice', 'credit-note', 'debit-note')),
      profile text NOT NULL CHECK (profile IN ('simplified', 'standard')),
      issue_date date NOT NULL,               -- Riyadh local, as in the XML
      issue_time text NOT NULL,
      issued_at timestamptz NOT NULL,
      branch text NOT NULL,
      cashier text NOT NULL,
      hash text NOT NULL,
      pih text NOT NULL,
      qr text NOT NULL,
      xml text NOT NULL,                      -- the exact signed XML, as the till stored it
      tax_exclusive numeric(18, 2) NOT NULL,
      vat numeric(18, 2) NOT NULL,
      tax_inclusive numeric(18, 2) NOT NULL,
      billing_reference text,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (terminal_id, chain, icv)
    );
    CREATE INDEX documents_number ON documents (number);
    CREATE INDEX documents_day ON documents (issue_date, branch);
    CREATE INDEX documents_qr ON documents USING hash (qr);  -- a return found by scanning the receipt's QR

    CREATE TABLE document_vat (
      terminal_id text NOT NULL,
      chain text NOT NULL,
      icv bigint NOT NULL,
      category text NOT NULL,
      rate numeric(5, 2) NOT NULL,
      taxable numeric(18, 2) NOT NULL,
      vat numeric(18, 2) NOT NULL,
      PRIMARY KEY (terminal_id, chain, icv, category, rate),
      FOREIGN KEY (terminal_id, chain, icv) REFERENCES documents (terminal_id, chain, icv)
    );

    CREATE TABLE document_payments (
      terminal_id text NOT NULL,
      chain text NOT NULL,
      icv bigint NOT NULL,
      seq integer NOT NULL,
      means text NOT NULL,
      amount numeric(18, 2) NOT NULL,
      PRIMARY KEY (terminal_id, chain, icv, seq),
      FOREIGN KEY (terminal_id, chain, icv) REFERENCES documents (terminal_id, chain, icv)
    );

    CREATE TABLE till_records (
      terminal_id text NOT NULL REFERENCES terminals (id),
      event_id text NOT NULL,
      kind text NOT NULL,                     -- 'shift' | 'cash' | 'audit'
      occurred_at timestamptz NOT NULL,
      body jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (terminal_id, event_id)
    );
    CREATE INDEX till_records_kind ON till_records (kind, occurred_at);
  `,
};
