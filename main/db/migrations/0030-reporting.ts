// SPDX-License-Identifier: UNLICENSED
// Background reporting: the history of every attempt to report a document, the deadline watchdog's
// flags, and the lease that keeps a second worker (another process on the same database) from sending the same
// outbox. The outbox itself is `reporting_jobs` (0010-ledger); its (state, next_attempt_at) index already serves the
// worker's queries. This step only adds tables and an index.
import type { Migration } from './types';

export const reportingMigration: Migration = {
  version: 30,
  name: '0030-reporting',
  up(db) {
    db.exec(`
      -- One row per request sent to Fatoora (or per request that may have been sent): the evidence for ZATCA's
      -- failure notification (reference §11) and the per-document history the manager sees. A row is written before
      -- the request leaves (finished_at NULL) and completed once with the answer, so a crash leaves an open row:
      -- an unknown outcome, resent with the identical payload (reference §12 item 25).
      CREATE TABLE reporting_attempts (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id),
        attempt INTEGER NOT NULL CHECK (attempt >= 1),
        started_at INTEGER NOT NULL,          -- epoch ms, the worker's clock
        finished_at INTEGER,
        outcome TEXT CHECK (outcome IN ('accepted', 'accepted-with-warnings', 'already-done', 'rejected', 'unauthorized',
          'retryable', 'unknown-outcome', 'failed', 'interrupted')),
        http_status INTEGER,
        reason TEXT,                          -- retryable / unknown-outcome reason (unreachable, timeout, …)
        detail TEXT,                          -- short, secret-free description
        messages TEXT,                        -- JSON: ZATCA's messages of this answer
        retry_at INTEGER,                     -- when the next attempt was scheduled, if any
        UNIQUE (document_id, attempt)
      ) STRICT;
      CREATE INDEX reporting_attempts_open ON reporting_attempts (document_id) WHERE finished_at IS NULL;
      -- a completed attempt is evidence: it cannot change or disappear
      CREATE TRIGGER reporting_attempts_final BEFORE UPDATE ON reporting_attempts WHEN OLD.finished_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a finished reporting attempt cannot change'); END;
      CREATE TRIGGER reporting_attempts_undeletable BEFORE DELETE ON reporting_attempts
      BEGIN SELECT RAISE(ABORT, 'reporting attempts cannot be deleted'); END;

      -- The deadline watchdog's flags (reference §11: 24 hours from generation): when each alert was raised, so
      -- alerts are raised once and a document that was late stays on record after it is finally reported.
      CREATE TABLE reporting_watch (
        document_id INTEGER PRIMARY KEY REFERENCES documents (id),
        alerted_12h_at INTEGER,
        alerted_20h_at INTEGER,
        overdue_at INTEGER
      ) STRICT;

      -- At most one reporting worker per database. Taken over when the holder's heartbeat is stale or its process
      -- is gone (a crash), never while it is alive.
      CREATE TABLE reporting_lease (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        owner TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        heartbeat_at INTEGER NOT NULL
      ) STRICT;

      -- "Has this rejected document been re-issued?" for the watchdog and the status (reference §11: the correction
      -- carries the reporting obligation of the rejected document); without it each question scans every document.
      CREATE INDEX documents_corrects ON documents (corrects_document_id) WHERE corrects_document_id IS NOT NULL;
    `);
  },
};
