// SPDX-License-Identifier: UNLICENSED
// The terminal: users with hashed PINs, the product catalog with its barcodes, terminal settings, how each
// sale was paid (the ledger's documents carry the payment means but not the amount per method), the renderer's
// request id of each issued document (so a retried "complete sale" never issues twice), and closed Z reports.
import type { Migration } from './types';

export const terminalMigration: Migration = {
  version: 40,
  name: '0040-terminal',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
        -- scrypt(pin, salt) with the parameters recorded next to it (main/users/pinHash.ts); never the PIN itself
        pin_salt BLOB NOT NULL,
        pin_hash BLOB NOT NULL,
        pin_params TEXT NOT NULL,
        -- 1 while the factory PIN of a training terminal is unchanged (the sign-in screen shows it)
        default_pin INTEGER NOT NULL DEFAULT 0 CHECK (default_pin IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_ar TEXT,
        price TEXT NOT NULL,                  -- decimal string, exact
        price_includes_vat INTEGER NOT NULL CHECK (price_includes_vat IN (0, 1)),
        vat_category TEXT NOT NULL CHECK (vat_category IN ('S', 'Z', 'E', 'O')),
        vat_rate TEXT NOT NULL,
        exemption_code TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX products_name ON products (name COLLATE NOCASE);

      CREATE TABLE product_barcodes (
        barcode TEXT PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX product_barcodes_product ON product_barcodes (product_id);

      -- Small JSON values by name: printer, language.
      CREATE TABLE terminal_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- One row per issued document from the counter: the renderer's request id (idempotency), who issued it (a user
      -- of the terminal's database, which in training mode is another file: hence no foreign key), the change given. Written inside the ledger's issuance transaction (Ledger.issue hooks); a document without a row (issued outside the counter, e.g. by "dukkan issue") shows in
      -- the X/Z report as "payment not recorded" rather than vanishing from the totals.
      CREATE TABLE document_requests (
        request_id TEXT PRIMARY KEY,
        document_id INTEGER NOT NULL UNIQUE REFERENCES documents (id),
        user_id INTEGER,
        change TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE document_payments (
        document_id INTEGER NOT NULL REFERENCES documents (id),
        seq INTEGER NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('cash', 'card')),
        amount TEXT NOT NULL,                 -- what the document settles with this method (refunds for credit notes)
        PRIMARY KEY (document_id, seq)
      ) STRICT;

      -- Closed days. A Z report covers the documents after the previous Z up to to_document_id.
      CREATE TABLE z_reports (
        number INTEGER PRIMARY KEY,
        to_document_id INTEGER NOT NULL,
        closed_at INTEGER NOT NULL,
        closed_by INTEGER,                    -- a user id of the terminal's database
        report_json TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER z_reports_immutable BEFORE UPDATE ON z_reports
      BEGIN SELECT RAISE(ABORT, 'a closed Z report cannot change'); END;
    `);
  },
};
