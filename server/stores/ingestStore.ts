// SPDX-License-Identifier: UNLICENSED
// SQL of what tills push: documents with their VAT breakdown and payments, and till records
// (server/db/migrations/0001-fleet.ts), and what credit notes returned (0004-returns). Inserts only: a stored document is never changed.
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

  /** Inserts a batch in three statements (documents, VAT breakdown, payments) however many documents it has. */
  async insertDocuments(db: Queryable, terminalId: string, branch: string, docs: readonly PushedDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const col = <T>(f: (d: PushedDocument) => T) => docs.map(f);
    await db.query(
      `INSERT INTO documents (terminal_id, chain, icv, uuid, number, kind, profile, issue_date, issue_time, issued_at, branch, cashier,
                              hash, pih, qr, xml, tax_exclusive, vat, tax_inclusive, billing_reference, sale)
       SELECT $1, chain, icv, uuid, number, kind, profile, issue_date, issue_time, issued_at, $2, cashier, hash, pih, qr, xml,
              tax_exclusive::numeric, vat::numeric, tax_inclusive::numeric, billing_reference, sale::jsonb
         FROM unnest($3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[], $10::text[], $11::timestamptz[],
                     $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[])
           AS x(chain, icv, uuid, number, kind, profile, issue_date, issue_time, issued_at, cashier, hash, pih, qr, xml,
                tax_exclusive, vat, tax_inclusive, billing_reference, sale)`,
      [
        terminalId,
        branch,
        col((d) => d.chain),
        col((d) => d.icv),
        col((d) => d.uuid),
        col((d) => d.number),
        col((d) => d.kind),
        col((d) => d.profile),
        col((d) => d.issueDate),
        col((d) => d.issueTime),
        col((d) => d.issuedAt),
        col((d) => d.cashier),
        col((d) => d.hash),
        col((d) => d.pih),
        col((d) => d.qr),
        col((d) => d.xml),
        col((d) => d.totals.taxExclusive),
        col((d) => d.totals.vat),
        col((d) => d.totals.taxInclusive),
        col((d) => d.billingReference ?? null),
        col((d) => (d.sale ? JSON.stringify(d.sale) : null)),
      ],
    );
    // what each credit note returned, per line of its original: the shop-wide returnable quantity (0004-returns)
    const returned = docs.flatMap((d) =>
      (d.kind === 'credit-note' ? (d.returns?.lines ?? []) : []).map((l, i) => ({ d, l, seq: i + 1, original: d.returns!.originalUuid })),
    );
    if (returned.length > 0) {
      await db.query(
        `INSERT INTO document_returns (terminal_id, chain, icv, seq, original_uuid, original_line, quantity)
         SELECT $1, ch, i, s, o, l, q::numeric FROM unnest($2::text[], $3::bigint[], $4::int[], $5::text[], $6::int[], $7::text[]) AS x(ch, i, s, o, l, q)`,
        [
          terminalId,
          returned.map((x) => x.d.chain),
          returned.map((x) => x.d.icv),
          returned.map((x) => x.seq),
          returned.map((x) => x.original),
          returned.map((x) => x.l.line),
          returned.map((x) => x.l.quantity),
        ],
      );
    }
    const vat = docs.flatMap((d) => d.vatBreakdown.map((v) => ({ d, v })));
    await db.query(
      `INSERT INTO document_vat (terminal_id, chain, icv, category, rate, taxable, vat)
       SELECT $1, ch, i, c, r::numeric, t::numeric, v::numeric FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(ch, i, c, r, t, v)`,
      [
        terminalId,
        vat.map((x) => x.d.chain),
        vat.map((x) => x.d.icv),
        vat.map((x) => x.v.category),
        vat.map((x) => x.v.rate),
        vat.map((x) => x.v.taxable),
        vat.map((x) => x.v.vat),
      ],
    );
    const payments = docs.flatMap((d) => d.payments.map((p, i) => ({ d, p, seq: i + 1 })));
    if (payments.length === 0) return;
    await db.query(
      `INSERT INTO document_payments (terminal_id, chain, icv, seq, means, amount)
       SELECT $1, ch, i, s, m, a::numeric FROM unnest($2::text[], $3::bigint[], $4::int[], $5::text[], $6::text[]) AS x(ch, i, s, m, a)`,
      [
        terminalId,
        payments.map((x) => x.d.chain),
        payments.map((x) => x.d.icv),
        payments.map((x) => x.seq),
        payments.map((x) => x.p.means),
        payments.map((x) => x.p.amount),
      ],
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
