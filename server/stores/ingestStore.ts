// SPDX-License-Identifier: UNLICENSED
// SQL of what tills push: documents with their VAT breakdown and payments, and till records
// (server/db/migrations/0001-fleet.ts). Inserts only: a stored document is never changed.
import type { PushedDocument, TillRecord } from '../../app/contract/storeSync';
import type { Queryable } from '../db/storage';

export interface StoredHead {
  readonly icv: number;
  readonly hash: string;
}

export const ingestStore = {
  /** Serialises pushes of one terminal (two pushes racing after a retry) for the rest of the transaction. */
  async lockTerminal(db: Queryable, terminalId: string): Promise<void> {
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`push:${terminalId}`]);
  },

  async head(db: Queryable, terminalId: string, chain: string): Promise<StoredHead | undefined> {
    const rows = await db.query<StoredHead>('SELECT icv, hash FROM documents WHERE terminal_id = $1 AND chain = $2 ORDER BY icv DESC LIMIT 1', [
      terminalId,
      chain,
    ]);
    return rows[0];
  },

  /** The hashes already stored for these ICVs of one chain. */
  async storedHashes(db: Queryable, terminalId: string, chain: string, icvs: readonly number[]): Promise<Map<number, string>> {
    const rows = await db.query<StoredHead>('SELECT icv, hash FROM documents WHERE terminal_id = $1 AND chain = $2 AND icv = ANY($3::bigint[])', [
      terminalId,
      chain,
      icvs,
    ]);
    return new Map(rows.map((r) => [r.icv, r.hash]));
  },

  async insertDocument(db: Queryable, terminalId: string, branch: string, d: PushedDocument): Promise<void> {
    await db.query(
      `INSERT INTO documents (terminal_id, chain, icv, uuid, number, kind, profile, issue_date, issue_time, issued_at, branch, cashier,
                              hash, pih, qr, xml, tax_exclusive, vat, tax_inclusive, billing_reference)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [
        terminalId,
        d.chain,
        d.icv,
        d.uuid,
        d.number,
        d.kind,
        d.profile,
        d.issueDate,
        d.issueTime,
        d.issuedAt,
        branch,
        d.cashier,
        d.hash,
        d.pih,
        d.qr,
        d.xml,
        d.totals.taxExclusive,
        d.totals.vat,
        d.totals.taxInclusive,
        d.billingReference ?? null,
      ],
    );
    const vat = d.vatBreakdown;
    await db.query(
      `INSERT INTO document_vat (terminal_id, chain, icv, category, rate, taxable, vat)
       SELECT $1, $2, $3, c, r::numeric, t::numeric, v::numeric FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS x(c, r, t, v)`,
      [terminalId, d.chain, d.icv, vat.map((v) => v.category), vat.map((v) => v.rate), vat.map((v) => v.taxable), vat.map((v) => v.vat)],
    );
    if (d.payments.length === 0) return;
    await db.query(
      `INSERT INTO document_payments (terminal_id, chain, icv, seq, means, amount)
       SELECT $1, $2, $3, s::int, m, a::numeric FROM unnest($4::int[], $5::text[], $6::text[]) AS x(s, m, a)`,
      [terminalId, d.chain, d.icv, d.payments.map((_, i) => i + 1), d.payments.map((p) => p.means), d.payments.map((p) => p.amount)],
    );
  },

  /** 'stored', 'duplicate' (same content already there) or 'conflict' (same id, other content). */
  async insertRecord(db: Queryable, terminalId: string, r: TillRecord): Promise<'stored' | 'duplicate' | 'conflict'> {
    const inserted = await db.query(
      `INSERT INTO till_records (terminal_id, event_id, kind, occurred_at, body) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (terminal_id, event_id) DO NOTHING RETURNING event_id`,
      [terminalId, r.eventId, r.kind, r.occurredAt, JSON.stringify(r.body)],
    );
    if (inserted.length > 0) return 'stored';
    const same = await db.query<{ same: boolean }>(
      'SELECT (kind = $3 AND occurred_at = $4::timestamptz AND body = $5::jsonb) AS same FROM till_records WHERE terminal_id = $1 AND event_id = $2',
      [terminalId, r.eventId, r.kind, r.occurredAt, JSON.stringify(r.body)],
    );
    return same[0]?.same ? 'duplicate' : 'conflict';
  },
};
