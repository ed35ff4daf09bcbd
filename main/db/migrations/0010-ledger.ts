// SPDX-License-Identifier: UNLICENSED
// The invoice ledger: chains (one per CSID, reference §11: ICV starts at 1 for each new CSID), documents with their
// immutable signed bytes, their lines (for return limits), human numbering, and the reporting outbox.
import type { Migration } from './types';

export const ledgerMigration: Migration = {
  version: 10,
  name: '0010-ledger',
  up(db) {
    db.exec(`
      CREATE TABLE chains (
        id INTEGER PRIMARY KEY,
        -- the CSID this chain is signed with: ICV restarts at 1 and PIH at the initial value for each (reference §11)
        certificate_serial TEXT NOT NULL,
        certificate_issuer TEXT NOT NULL,
        certificate TEXT NOT NULL,            -- one-line base64 DER (public)
        environment TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (certificate_issuer, certificate_serial)
      ) STRICT;

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        chain_id INTEGER NOT NULL REFERENCES chains (id),
        icv INTEGER NOT NULL CHECK (icv >= 1),
        uuid TEXT NOT NULL UNIQUE,
        number TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit-note', 'debit-note')),
        profile TEXT NOT NULL CHECK (profile IN ('simplified', 'standard')),
        issue_date TEXT NOT NULL,             -- Riyadh local, as in the XML
        issue_time TEXT NOT NULL,
        issued_at INTEGER NOT NULL,           -- the same instant, epoch ms (UTC)
        pih TEXT NOT NULL,
        hash TEXT NOT NULL,
        qr TEXT NOT NULL,
        xml BLOB NOT NULL,                    -- the exact signed bytes: stored, sent and audited as they are
        input_json TEXT NOT NULL,             -- the validated sale, to rebuild a corrected document after a rejection
        tax_exclusive TEXT NOT NULL,
        vat TEXT NOT NULL,
        tax_inclusive TEXT NOT NULL,
        payable TEXT NOT NULL,
        billing_reference TEXT,
        original_document_id INTEGER REFERENCES documents (id),   -- notes: the invoice of this device they adjust
        corrects_document_id INTEGER REFERENCES documents (id),   -- a re-issue after a 400 rejection (reference §11)
        committed_at INTEGER NOT NULL,
        UNIQUE (chain_id, icv)
      ) STRICT;
      -- IRNs are never reused, except by the corrected re-issue of a rejected document, which keeps the number
      CREATE UNIQUE INDEX documents_number ON documents (number) WHERE corrects_document_id IS NULL;
      CREATE INDEX documents_issued_at ON documents (issued_at);
      CREATE INDEX documents_committed_at ON documents (committed_at); -- the clock guard reads MAX(committed_at) per issuance
      CREATE INDEX documents_original ON documents (original_document_id) WHERE original_document_id IS NOT NULL;

      -- Signed documents cannot change or disappear (GUIDE §5.6: invoices cannot be deleted or edited).
      CREATE TRIGGER documents_immutable BEFORE UPDATE ON documents
      BEGIN SELECT RAISE(ABORT, 'documents are immutable once signed'); END;
      CREATE TRIGGER documents_undeletable BEFORE DELETE ON documents
      BEGIN SELECT RAISE(ABORT, 'documents cannot be deleted'); END;

      CREATE TABLE document_lines (
        document_id INTEGER NOT NULL REFERENCES documents (id),
        line_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        quantity TEXT NOT NULL,
        unit_price TEXT NOT NULL,
        vat_category TEXT NOT NULL,
        vat_rate TEXT NOT NULL,
        original_line_id INTEGER,             -- credit/debit note lines: the invoice line they adjust
        PRIMARY KEY (document_id, line_id)
      ) STRICT;
      CREATE TRIGGER document_lines_immutable BEFORE UPDATE ON document_lines
      BEGIN SELECT RAISE(ABORT, 'document lines are immutable'); END;

      -- Human numbers per device: prefix + counter, never reused (a rolled-back issuance releases nothing).
      CREATE TABLE number_sequences (
        prefix TEXT PRIMARY KEY,
        next_value INTEGER NOT NULL CHECK (next_value >= 1)
      ) STRICT;

      -- Reporting outbox: written in the same transaction as the document (never a document without its job).
      CREATE TABLE reporting_jobs (
        document_id INTEGER PRIMARY KEY REFERENCES documents (id),
        state TEXT NOT NULL CHECK (state IN ('queued', 'in-flight', 'reported', 'reported-with-warnings', 'rejected', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_attempt_at INTEGER,
        last_status INTEGER,
        last_messages TEXT,                   -- JSON: ZATCA's validation messages of the last answer
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX reporting_jobs_due ON reporting_jobs (state, next_attempt_at);
    `);
  },
};
