// SPDX-License-Identifier: UNLICENSED
// SQL of the consolidated day report (docs/store-server.md, "Manager page"): one Riyadh business day of every till,
// by branch, till, cashier, payment means and VAT category. Credit notes count negative, as on the till's own Z.
// Sums are numeric in PostgreSQL and leave as decimal strings: money is never a float.
import type { Queryable } from '../db/storage';

export interface DayRow {
  readonly key: string;
  readonly documents: number;
  readonly net: string;
  readonly vat: string;
  readonly total: string;
}

const SIGNED = (column: string) => `CASE d.kind WHEN 'credit-note' THEN -${column} ELSE ${column} END`;
const TOTALS = `count(*)::int AS documents, coalesce(sum(${SIGNED('d.tax_exclusive')}), 0)::text AS net,
                coalesce(sum(${SIGNED('d.vat')}), 0)::text AS vat, coalesce(sum(${SIGNED('d.tax_inclusive')}), 0)::text AS total`;
// $1 the day; $2 a branch or null for all
const DAY = `d.issue_date = $1::date AND ($2::text IS NULL OR d.branch = $2)`;

export type DayDimension = 'branch' | 'till' | 'cashier' | 'payment' | 'vat';

const QUERIES: Record<DayDimension, string> = {
  branch: `SELECT d.branch AS key, ${TOTALS} FROM documents d WHERE ${DAY} GROUP BY d.branch ORDER BY 1`,
  till: `SELECT t.branch || ' / ' || t.name AS key, ${TOTALS} FROM documents d JOIN terminals t ON t.id = d.terminal_id
          WHERE ${DAY} GROUP BY t.branch, t.name ORDER BY 1`,
  cashier: `SELECT d.cashier AS key, ${TOTALS} FROM documents d WHERE ${DAY} GROUP BY d.cashier ORDER BY 1`,
  payment: `SELECT p.means AS key, count(DISTINCT (p.terminal_id, p.chain, p.icv))::int AS documents, '' AS net, '' AS vat,
                   sum(${SIGNED('p.amount')})::text AS total
              FROM document_payments p JOIN documents d USING (terminal_id, chain, icv) WHERE ${DAY} GROUP BY p.means ORDER BY 1`,
  vat: `SELECT v.category || ' ' || v.rate::text || '%' AS key, count(*)::int AS documents, sum(${SIGNED('v.taxable')})::text AS net,
               sum(${SIGNED('v.vat')})::text AS vat, sum(${SIGNED('(v.taxable + v.vat)')})::text AS total
          FROM document_vat v JOIN documents d USING (terminal_id, chain, icv) WHERE ${DAY} GROUP BY v.category, v.rate ORDER BY 1`,
};

export const dayReportStore = {
  async rows(db: Queryable, dimension: DayDimension, day: string, branch: string | null): Promise<DayRow[]> {
    return db.query<DayRow>(QUERIES[dimension], [day, branch]);
  },
};
