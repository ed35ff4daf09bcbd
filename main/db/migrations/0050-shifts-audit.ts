// SPDX-License-Identifier: UNLICENSED
// Cash control and the audit trail (main/shifts, main/audit): till shifts with their opening float and blind count,
// the cash moved in and out of the drawer during a shift, and the trail of sensitive actions at the till. Kept in
// each data folder's own file (live, training) next to the documents whose cash they account for; user ids are of
// the terminal's database, as in document_requests, hence no foreign key.
import type { Migration } from './types';

export const shiftsAuditMigration: Migration = {
  version: 50,
  name: '0050-shifts-audit',
  up(db) {
    db.exec(`
      -- One row per shift. Documents with from_document_id < id <= to_document_id (or, while open, every later one)
      -- belong to the shift: one till has one ledger, and a till has at most one open shift (index below).
      CREATE TABLE shifts (
        id INTEGER PRIMARY KEY,
        till TEXT NOT NULL,
        cashier_id INTEGER NOT NULL,
        cashier_name TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        opening_float TEXT NOT NULL,          -- decimal string, exact
        from_document_id INTEGER NOT NULL,
        -- the drawer as counted event by event (float, cash sales, refunds, paid-in, paid-out); the close compares
        -- it with the figure recomputed from the ledger, which is the one reported
        running_cash TEXT NOT NULL,
        closed_at INTEGER,
        closed_by INTEGER,
        to_document_id INTEGER,
        counted TEXT,                          -- the blind count, decimal string
        counted_json TEXT,                     -- the count per denomination, when given that way
        expected TEXT,                         -- recomputed from the ledger and the cash movements at the close
        difference TEXT,                       -- counted − expected: negative short, positive over
        z_number INTEGER,                      -- the Z report that covered this shift
        CHECK ((closed_at IS NULL) = (to_document_id IS NULL) AND (closed_at IS NULL) = (counted IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX shifts_one_open ON shifts (till) WHERE closed_at IS NULL;

      -- Paid-in and paid-out with their reason; never edited, never deleted.
      CREATE TABLE cash_movements (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES shifts (id),
        kind TEXT NOT NULL CHECK (kind IN ('paid-in', 'paid-out')),
        amount TEXT NOT NULL,
        reason TEXT NOT NULL,
        user_id INTEGER NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX cash_movements_shift ON cash_movements (shift_id);

      -- Manager notes on a closed shift (a closed shift itself never changes: it is annotated, not re-opened).
      CREATE TABLE shift_notes (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES shifts (id),
        user_id INTEGER NOT NULL,
        user_name TEXT NOT NULL,
        note TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;

      -- Who did what at the till, when, on which sale, before and after, and why. Append-only.
      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        till TEXT NOT NULL,
        user_id INTEGER,
        user_name TEXT,
        approved_by TEXT,                      -- the approving manager's name, when a manager approved
        shift_id INTEGER,
        document_number TEXT,
        before_value TEXT,
        after_value TEXT,
        reason TEXT
      ) STRICT;
      CREATE INDEX audit_events_at ON audit_events (at);

      CREATE TRIGGER cash_movements_immutable BEFORE UPDATE ON cash_movements
      BEGIN SELECT RAISE(ABORT, 'a cash movement cannot change'); END;
      CREATE TRIGGER cash_movements_kept BEFORE DELETE ON cash_movements
      BEGIN SELECT RAISE(ABORT, 'a cash movement cannot be deleted'); END;
      CREATE TRIGGER audit_events_immutable BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'an audit event cannot change'); END;
      CREATE TRIGGER audit_events_kept BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'an audit event cannot be deleted'); END;
      -- a closed shift keeps its count and figures; only the Z number that covered it is written afterwards
      CREATE TRIGGER shifts_closed_immutable BEFORE UPDATE ON shifts
      WHEN OLD.closed_at IS NOT NULL AND (NEW.closed_at IS NOT OLD.closed_at OR NEW.counted IS NOT OLD.counted
        OR NEW.expected IS NOT OLD.expected OR NEW.difference IS NOT OLD.difference OR NEW.running_cash IS NOT OLD.running_cash
        OR NEW.to_document_id IS NOT OLD.to_document_id OR (OLD.z_number IS NOT NULL AND NEW.z_number IS NOT OLD.z_number))
      BEGIN SELECT RAISE(ABORT, 'a closed shift cannot change'); END;
    `);
  },
};
