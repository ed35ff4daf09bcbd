// SPDX-License-Identifier: UNLICENSED
// B2B at the till: the saved customers a cashier picks a buyer from, and the clearance of each standard tax invoice
// or note (reference §9 #6): a standard document is cleared by ZATCA before it is handed over, and the XML ZATCA
// returns — with its stamp and QR — is what the buyer gets. This step only adds tables and indexes.
import type { Migration } from './types';

export const b2bMigration: Migration = {
  version: 60,
  name: '0060-b2b',
  up(db) {
    db.exec(`
      -- Buyers for standard invoices, saved for next time. buyer_json is the validated buyer exactly as a document
      -- takes it (README "Document JSON", buyer); name and VAT number are copied out for the till's search.
      CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        vat_number TEXT,                      -- 15 digits, 3…3 (BR-KSA-44); NULL when the buyer has another id
        buyer_json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX customers_vat ON customers (vat_number) WHERE vat_number IS NOT NULL;
      CREATE INDEX customers_name ON customers (name COLLATE NOCASE);

      -- One row per standard document issued at the counter, written in the ledger's issuance transaction. A standard
      -- document is never reported (the reporting worker skips profile 'standard'); it is cleared here:
      --   awaiting ─send→ in-flight ─CLEARED→ cleared · ─NOT_CLEARED (400)→ rejected · ─no answer→ awaiting
      --   awaiting (nothing ever delivered) or rejected ─simplified instead→ withdrawn
      -- may_have_arrived is set once an attempt could have reached ZATCA (a timeout, a 5xx, an unreadable answer):
      -- from then on the document is never withdrawn, since ZATCA may hold it as cleared; a retry settles it.
      CREATE TABLE clearances (
        document_id INTEGER PRIMARY KEY REFERENCES documents (id),
        state TEXT NOT NULL CHECK (state IN ('awaiting', 'in-flight', 'cleared', 'rejected', 'withdrawn')),
        attempts INTEGER NOT NULL DEFAULT 0,
        may_have_arrived INTEGER NOT NULL DEFAULT 0 CHECK (may_have_arrived IN (0, 1)),
        last_outcome TEXT,                    -- the Fatoora client's outcome kind of the last attempt
        last_status INTEGER,
        last_detail TEXT,                     -- short, secret-free
        last_messages TEXT,                   -- JSON: ZATCA's messages of the last answer
        cleared_xml BLOB,                     -- the invoice as ZATCA cleared it (its stamp and QR), exactly as returned
        cleared_qr TEXT,                      -- the QR of cleared_xml, as printed on the A4 invoice
        cleared_at INTEGER,
        replaced_by INTEGER REFERENCES documents (id),   -- withdrawn: the simplified invoice issued instead
        customer_id INTEGER REFERENCES customers (id),
        updated_at INTEGER NOT NULL,
        CHECK ((state = 'cleared') = (cleared_xml IS NOT NULL))
      ) STRICT;
      CREATE INDEX clearances_open ON clearances (state) WHERE state IN ('awaiting', 'in-flight');
      -- a cleared or withdrawn document's clearance is final evidence
      CREATE TRIGGER clearances_final BEFORE UPDATE ON clearances WHEN OLD.state IN ('cleared', 'withdrawn')
      BEGIN SELECT RAISE(ABORT, 'a cleared or withdrawn clearance cannot change'); END;
      CREATE TRIGGER clearances_undeletable BEFORE DELETE ON clearances
      BEGIN SELECT RAISE(ABORT, 'clearances cannot be deleted'); END;
    `);
  },
};
