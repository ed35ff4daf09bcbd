// SPDX-License-Identifier: UNLICENSED
// SQL of the shop-wide document search (docs/store-server.md): by number or by the receipt's QR text, across every
// till, for the manager page and for a return at another till.
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
}

const SELECT = `SELECT d.terminal_id, t.name AS terminal_name, d.branch, d.chain, d.icv, d.uuid, d.number, d.kind,
                       to_char(d.issue_date, 'YYYY-MM-DD') AS issue_date, d.issue_time, d.cashier, d.tax_inclusive::text AS tax_inclusive,
                       d.hash, d.xml
                  FROM documents d JOIN terminals t ON t.id = d.terminal_id`;

export const documentSearchStore = {
  async byNumber(db: Queryable, number: string): Promise<FoundDocument[]> {
    return db.query<FoundDocument>(`${SELECT} WHERE d.number = $1 ORDER BY d.issued_at LIMIT 20`, [number]);
  },
  async byQr(db: Queryable, qr: string): Promise<FoundDocument[]> {
    return db.query<FoundDocument>(`${SELECT} WHERE d.qr = $1 LIMIT 20`, [qr]);
  },
};
