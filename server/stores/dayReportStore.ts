// SPDX-License-Identifier: UNLICENSED
// SQL of the consolidated day report (docs/store-server.md, "Manager page"): one Riyadh business day of every till,
// by branch, till, cashier, payment means and VAT category, read from day_totals (stores/dayTotalsStore.ts).
// Sums are numeric in PostgreSQL and leave as decimal strings: money is never a float.
import type { Queryable } from '../db/storage';

export interface DayRow {
  readonly key: string;
  readonly documents: number;
  readonly net: string;
  readonly vat: string;
  readonly total: string;
}

// $1 the day; $2 a branch or null for all. Read from day_totals, which each push keeps current.
const DAY = `t.issue_date = $1::date AND ($2::text IS NULL OR t.branch = $2)`;
const SUMS = `sum(t.documents)::int AS documents, coalesce(sum(t.net)::text, '') AS net, coalesce(sum(t.vat)::text, '') AS vat, sum(t.total)::text AS total`;

export type DayDimension = 'branch' | 'till' | 'cashier' | 'payment' | 'vat';

const QUERIES: Record<DayDimension, string> = {
  branch: `SELECT t.branch AS key, ${SUMS} FROM day_totals t WHERE ${DAY} AND t.dimension = 'till' GROUP BY t.branch ORDER BY 1`,
  till: `SELECT m.branch || ' / ' || m.name AS key, ${SUMS} FROM day_totals t JOIN terminals m ON m.id = t.terminal_id
          WHERE ${DAY} AND t.dimension = 'till' GROUP BY m.branch, m.name ORDER BY 1`,
  cashier: `SELECT t.key, ${SUMS} FROM day_totals t WHERE ${DAY} AND t.dimension = 'cashier' GROUP BY t.key ORDER BY 1`,
  payment: `SELECT t.key, ${SUMS} FROM day_totals t WHERE ${DAY} AND t.dimension = 'payment' GROUP BY t.key ORDER BY 1`,
  vat: `SELECT t.key, ${SUMS} FROM day_totals t WHERE ${DAY} AND t.dimension = 'vat' GROUP BY t.key ORDER BY 1`,
};

export const dayReportStore = {
  async rows(db: Queryable, dimension: DayDimension, day: string, branch: string | null): Promise<DayRow[]> {
    return db.query<DayRow>(QUERIES[dimension], [day, branch]);
  },
};
