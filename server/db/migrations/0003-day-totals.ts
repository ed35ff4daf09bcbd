// SPDX-License-Identifier: UNLICENSED
// The consolidated day, kept up to date by each push (docs/store-server.md, "Manager page"; docs/scaling.md): per day
// and terminal, one row per till, cashier, payment means and VAT category. A day report reads a few rows per till
// instead of aggregating every document of the day (BENCHMARKS.md). Rows are per terminal, so two tills' pushes
// never wait for each other on a shared row; the branch figure is the sum of its tills' rows.
import type { ServerMigration } from './types';

export const dayTotalsMigration: ServerMigration = {
  version: 3,
  name: '0003-day-totals',
  sql: `
    CREATE TABLE day_totals (
      issue_date date NOT NULL,
      terminal_id text NOT NULL REFERENCES terminals (id),
      branch text NOT NULL,
      dimension text NOT NULL CHECK (dimension IN ('till', 'cashier', 'payment', 'vat')),
      key text NOT NULL,
      documents integer NOT NULL,
      net numeric(18, 2),                     -- null for payments: a payment has no net or VAT of its own
      vat numeric(18, 2),
      total numeric(18, 2) NOT NULL,
      PRIMARY KEY (issue_date, terminal_id, dimension, key)
    );
    CREATE INDEX day_totals_day ON day_totals (issue_date, dimension);
  `,
};
