// SPDX-License-Identifier: UNLICENSED
// SQL of the shop-wide document search (docs/store-server.md): by number or by the receipt's QR text, across every
// till, for the manager page and for a return at another till — with what every till has returned of it so far.
import type { Queryable } from '../db/storage';

export interface FoundDocument {
  readonly terminal_id: string;
  readonly terminal_name: string;
  readonly branch: string;
  readonly chain: string;
  readonly icv: number;
  readonly uuid: string;
  readonly number: string;
  readonly kind: string;
  readonly issue_date: string;
  readonly issue_time: string;
  readonly cashier: string;
  readonly tax_inclusive: string;
  readonly hash: string;
  readonly xml: string;
  readonly profile: string;
  /** The lines and pricing its till built it from (0004-returns), or null when an older till pushed it. */
  readonly sale: { readonly pricesIncludeVat: boolean; readonly lines: readonly Record<string, unknown>[] } | null;
  /** What credit notes of every till (but the asker) have returned of it so far, per original line. */
  readonly returned: readonly { readonly line: number; readonly quantity: string }[];
}

const SELECT = `SELECT d.terminal_id, t.name AS terminal_name, d.branch, d.chain, d.icv, d.uuid, d.number, d.kind,
                       to_char(d.issue_date, 'YYYY-MM-DD') AS issue_date, d.issue_time, d.cashier, d.tax_inclusive::text AS tax_inclusive,
                       d.hash, d.xml, d.profile, d.sale,
                       COALESCE((SELECT json_agg(json_build_object('line', r.original_line, 'quantity', r.quantity::text) ORDER BY r.original_line)
                                   FROM (SELECT original_line, sum(quantity) AS quantity FROM document_returns
                                          WHERE original_uuid = d.uuid AND ($2::text IS NULL OR terminal_id <> $2)
                                          GROUP BY original_line) r), '[]'::json) AS returned
                  FROM documents d JOIN terminals t ON t.id = d.terminal_id`;

/**
 * `asker`: the terminal searching, whose own returns are left out of `returned` — its own ledger knows them all,
 * also those not pushed yet, and adds them itself (main/app/handlers/foreignReturnHandlers.ts).
 */
export const documentSearchStore = {
  async byNumber(db: Queryable, number: string, asker?: string): Promise<FoundDocument[]> {
    return db.query<FoundDocument>(`${SELECT} WHERE d.number = $1 ORDER BY d.issued_at LIMIT 20`, [number, asker ?? null]);
  },
  /** The one document with this UUID (unique across tills): what a till returning another till's sale confirms. */
  async byUuid(db: Queryable, uuid: string, asker?: string): Promise<FoundDocument[]> {
    return db.query<FoundDocument>(`${SELECT} WHERE d.uuid = $1 LIMIT 20`, [uuid, asker ?? null]);
  },
  async byQr(db: Queryable, qr: string, asker?: string): Promise<FoundDocument[]> {
    return db.query<FoundDocument>(`${SELECT} WHERE d.qr = $1 LIMIT 20`, [qr, asker ?? null]);
  },
};
