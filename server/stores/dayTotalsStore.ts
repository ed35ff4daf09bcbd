// SPDX-License-Identifier: UNLICENSED
// SQL that keeps day_totals (server/db/migrations/0003-day-totals.ts) in step with the documents: added to in the
// push's own transaction for the documents it stored, or rebuilt from every document (after a bulk load, or to
// check the running figures against the raw ones). Credit notes count negative, as on the till's own Z.
import type { Queryable } from '../db/storage';

const SIGNED = (column: string) => `CASE d.kind WHEN 'credit-note' THEN -${column} ELSE ${column} END`;
const ADD = `ON CONFLICT (issue_date, terminal_id, dimension, key) DO UPDATE SET documents = day_totals.documents + EXCLUDED.documents,
  net = day_totals.net + EXCLUDED.net, vat = day_totals.vat + EXCLUDED.vat, total = day_totals.total + EXCLUDED.total`;

/** The four statements over the documents `d` that `where` selects. */
function aggregations(where: string): string[] {
  const docs = `count(*)::int, sum(${SIGNED('d.tax_exclusive')}), sum(${SIGNED('d.vat')}), sum(${SIGNED('d.tax_inclusive')})`;
  const insert = 'INSERT INTO day_totals (issue_date, terminal_id, branch, dimension, key, documents, net, vat, total)';
  return [
    `${insert} SELECT d.issue_date, d.terminal_id, d.branch, 'till', d.terminal_id, ${docs} FROM documents d WHERE ${where}
       GROUP BY d.issue_date, d.terminal_id, d.branch ${ADD}`,
    `${insert} SELECT d.issue_date, d.terminal_id, d.branch, 'cashier', d.cashier, ${docs} FROM documents d WHERE ${where}
       GROUP BY d.issue_date, d.terminal_id, d.branch, d.cashier ${ADD}`,
    `${insert} SELECT d.issue_date, d.terminal_id, d.branch, 'payment', p.means, count(DISTINCT p.icv)::int, NULL::numeric, NULL::numeric,
            sum(${SIGNED('p.amount')})
       FROM documents d JOIN document_payments p ON p.terminal_id = d.terminal_id AND p.chain = d.chain AND p.icv = d.icv
      WHERE ${where}
       GROUP BY d.issue_date, d.terminal_id, d.branch, p.means ${ADD}`,
    `${insert} SELECT d.issue_date, d.terminal_id, d.branch, 'vat', v.category || ' ' || v.rate::text || '%', count(*)::int,
            sum(${SIGNED('v.taxable')}), sum(${SIGNED('v.vat')}), sum(${SIGNED('(v.taxable + v.vat)')})
       FROM documents d JOIN document_vat v ON v.terminal_id = d.terminal_id AND v.chain = d.chain AND v.icv = d.icv
      WHERE ${where}
       GROUP BY d.issue_date, d.terminal_id, d.branch, v.category, v.rate ${ADD}`,
  ];
}

// $1 terminal, $2 chain, $3 the ICVs just stored
const OF_BATCH = aggregations('d.terminal_id = $1 AND d.chain = $2 AND d.icv = ANY($3::bigint[])');
const OF_ALL = aggregations('true');

export const dayTotalsStore = {
  async add(db: Queryable, terminalId: string, chain: string, icvs: readonly number[]): Promise<void> {
    if (icvs.length === 0) return;
    for (const sql of OF_BATCH) await db.query(sql, [terminalId, chain, icvs]);
  },

  async rebuild(db: Queryable): Promise<void> {
    await db.query('DELETE FROM day_totals');
    for (const sql of OF_ALL) await db.query(sql);
  },
};
