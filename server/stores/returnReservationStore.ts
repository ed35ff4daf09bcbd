// SPDX-License-Identifier: UNLICENSED
// SQL of return reservations and over-returns (server/db/migrations/0008-return-reservations.ts; docs/store-server.md,
// "Returns at another till"). Quantities travel as decimal strings; the arithmetic is the caller's, in exact decimals.
import type { Queryable } from '../db/storage';

export interface ReservationRow {
  readonly terminal_id: string;
  readonly reservation_id: string;
  readonly original_uuid: string;
  readonly state: 'active' | 'consumed' | 'released';
  readonly expires_at: Date;
}

export interface ReservationLineRow {
  readonly original_line: number;
  readonly quantity: string;
}

/** An invoice as the server holds it: its number and the lines its till built it from (0004-returns). */
export interface HeldInvoice {
  readonly number: string;
  readonly sale: { readonly lines: readonly Record<string, unknown>[] } | null;
}

/** A line of one terminal's active reservation, with what its notes have not consumed yet. */
export interface OpenReservedLine {
  readonly reservation_id: string;
  readonly original_line: number;
  readonly open: string;
}

export interface OverReturnRow {
  readonly terminal_name: string;
  readonly branch: string;
  readonly note_number: string;
  readonly original_uuid: string;
  readonly original_number: string | null;
  readonly original_till: string | null;
  readonly original_line: number;
  readonly sold: string;
  readonly returned: string;
  readonly detected_at: Date;
}

const perLine = (rows: readonly { original_line: number; quantity: string }[]) => new Map(rows.map((r) => [r.original_line, r.quantity]));

export const returnReservationStore = {
  /**
   * Serialises, for the rest of the transaction, every reservation and every push recording returns of one invoice:
   * the check "sold − returned − reserved ≥ asked" and the grant are then one step for the whole shop.
   */
  async lockOriginal(db: Queryable, originalUuid: string): Promise<void> {
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`return:${originalUuid}`]);
  },

  async find(db: Queryable, terminalId: string, reservationId: string): Promise<{ row: ReservationRow; lines: ReservationLineRow[] } | undefined> {
    const [row] = await db.query<ReservationRow>(
      'SELECT terminal_id, reservation_id, original_uuid, state, expires_at FROM return_reservations WHERE terminal_id = $1 AND reservation_id = $2',
      [terminalId, reservationId],
    );
    if (!row) return undefined;
    const lines = await db.query<ReservationLineRow>(
      `SELECT original_line, quantity::text AS quantity FROM return_reservation_lines
        WHERE terminal_id = $1 AND reservation_id = $2 ORDER BY original_line`,
      [terminalId, reservationId],
    );
    return { row, lines };
  },

  async invoice(db: Queryable, originalUuid: string): Promise<HeldInvoice | undefined> {
    const [row] = await db.query<HeldInvoice>("SELECT number, sale FROM documents WHERE uuid = $1 AND kind = 'invoice' LIMIT 1", [originalUuid]);
    return row;
  },

  /** What pushed credit notes of every till returned of the invoice, per line. */
  async returned(db: Queryable, originalUuid: string): Promise<Map<number, string>> {
    return perLine(
      await db.query('SELECT original_line, sum(quantity)::text AS quantity FROM document_returns WHERE original_uuid = $1 GROUP BY original_line', [
        originalUuid,
      ]),
    );
  },

  /** What active, unexpired reservations other than this one hold of the invoice, per line (not yet consumed by a push). */
  async reservedByOthers(db: Queryable, originalUuid: string, terminalId: string, reservationId: string, now: Date): Promise<Map<number, string>> {
    return perLine(
      await db.query(
        `SELECT l.original_line, sum(l.quantity - l.consumed)::text AS quantity
           FROM return_reservations r JOIN return_reservation_lines l USING (terminal_id, reservation_id)
          WHERE r.original_uuid = $1 AND r.state = 'active' AND r.expires_at > $4
            AND NOT (r.terminal_id = $2 AND r.reservation_id = $3)
          GROUP BY l.original_line`,
        [originalUuid, terminalId, reservationId, now],
      ),
    );
  },

  /** Grants (or grants again, after a release or expiry) the reservation with these lines. */
  async grant(
    db: Queryable,
    r: { terminalId: string; reservationId: string; originalUuid: string; originalNumber: string; now: Date; expiresAt: Date },
    lines: readonly { line: number; quantity: string }[],
  ): Promise<void> {
    await db.query(
      `INSERT INTO return_reservations (terminal_id, reservation_id, original_uuid, original_number, state, created_at, expires_at)
       VALUES ($1, $2, $3, $4, 'active', $5, $6)
       ON CONFLICT (terminal_id, reservation_id) DO UPDATE SET state = 'active', created_at = $5, expires_at = $6, settled_at = NULL`,
      [r.terminalId, r.reservationId, r.originalUuid, r.originalNumber, r.now, r.expiresAt],
    );
    await db.query('DELETE FROM return_reservation_lines WHERE terminal_id = $1 AND reservation_id = $2', [r.terminalId, r.reservationId]);
    await db.query(
      `INSERT INTO return_reservation_lines (terminal_id, reservation_id, original_line, quantity)
       SELECT $1, $2, l, q::numeric FROM unnest($3::int[], $4::text[]) AS x(l, q)`,
      [r.terminalId, r.reservationId, lines.map((l) => l.line), lines.map((l) => l.quantity)],
    );
  },

  /** Releases an active reservation; answers its row afterwards (undefined: no such reservation). */
  async release(db: Queryable, terminalId: string, reservationId: string, now: Date): Promise<ReservationRow | undefined> {
    await db.query("UPDATE return_reservations SET state = 'released', settled_at = $3 WHERE terminal_id = $1 AND reservation_id = $2 AND state = 'active'", [
      terminalId,
      reservationId,
      now,
    ]);
    const [row] = await db.query<ReservationRow>(
      'SELECT terminal_id, reservation_id, original_uuid, state, expires_at FROM return_reservations WHERE terminal_id = $1 AND reservation_id = $2',
      [terminalId, reservationId],
    );
    return row;
  },

  /** One terminal's active reservations of the invoice (expired ones too: a late push still settles them), oldest first. */
  async openLines(db: Queryable, terminalId: string, originalUuid: string): Promise<OpenReservedLine[]> {
    return db.query<OpenReservedLine>(
      `SELECT l.reservation_id, l.original_line, (l.quantity - l.consumed)::text AS open
         FROM return_reservations r JOIN return_reservation_lines l USING (terminal_id, reservation_id)
        WHERE r.terminal_id = $1 AND r.original_uuid = $2 AND r.state = 'active' AND l.consumed < l.quantity
        ORDER BY r.created_at, r.reservation_id, l.original_line`,
      [terminalId, originalUuid],
    );
  },

  async consume(db: Queryable, terminalId: string, reservationId: string, line: number, quantity: string): Promise<void> {
    await db.query(
      `UPDATE return_reservation_lines SET consumed = consumed + $4::numeric
        WHERE terminal_id = $1 AND reservation_id = $2 AND original_line = $3`,
      [terminalId, reservationId, line, quantity],
    );
  },

  /** Marks consumed those of the reservations whose every line a push has consumed. */
  async settleConsumed(db: Queryable, terminalId: string, reservationIds: readonly string[], now: Date): Promise<void> {
    await db.query(
      `UPDATE return_reservations r SET state = 'consumed', settled_at = $3
        WHERE r.terminal_id = $1 AND r.reservation_id = ANY($2::text[]) AND r.state = 'active'
          AND NOT EXISTS (SELECT 1 FROM return_reservation_lines l
                           WHERE l.terminal_id = r.terminal_id AND l.reservation_id = r.reservation_id AND l.consumed < l.quantity)`,
      [terminalId, reservationIds, now],
    );
  },

  async recordOverReturn(
    db: Queryable,
    o: { terminalId: string; chain: string; icv: number; originalUuid: string; line: number; sold: string; returned: string; now: Date },
  ): Promise<void> {
    await db.query(
      `INSERT INTO over_returns (terminal_id, chain, icv, original_line, original_uuid, sold, returned, detected_at)
       VALUES ($1, $2, $3, $4, $5, $6::numeric, $7::numeric, $8) ON CONFLICT DO NOTHING`,
      [o.terminalId, o.chain, o.icv, o.line, o.originalUuid, o.sold, o.returned, o.now],
    );
  },

  /** Every over-return recorded, newest first, with the note, its till and the invoice (for the manager page). */
  async overReturns(db: Queryable, limit = 200): Promise<OverReturnRow[]> {
    return db.query<OverReturnRow>(
      `SELECT t.name AS terminal_name, t.branch, n.number AS note_number, o.original_uuid, i.number AS original_number,
              it.name AS original_till, o.original_line, o.sold::text AS sold, o.returned::text AS returned, o.detected_at
         FROM over_returns o
         JOIN documents n ON n.terminal_id = o.terminal_id AND n.chain = o.chain AND n.icv = o.icv
         JOIN terminals t ON t.id = o.terminal_id
         LEFT JOIN documents i ON i.uuid = o.original_uuid AND i.kind = 'invoice'
         LEFT JOIN terminals it ON it.id = i.terminal_id
        ORDER BY o.detected_at DESC, n.number, o.original_line LIMIT $1`,
      [limit],
    );
  },
};
