// SPDX-License-Identifier: UNLICENSED
// SQL of the fleet: enrolment codes and terminals (server/db/migrations/0001-fleet.ts).
import type { Queryable } from '../db/storage';

export interface TerminalRow {
  readonly id: string;
  readonly name: string;
  readonly branch: string;
  readonly public_key: string;
  readonly removed_at: Date | null;
}

export interface FleetRow extends TerminalRow {
  readonly enrolled_at: Date;
  readonly last_seen_at: Date | null;
  readonly status: Record<string, unknown> | null;
  readonly documents: number;
}

export const terminalStore = {
  async addCode(db: Queryable, codeHash: string, branch: string, terminalName: string, now: Date, expiresAt: Date): Promise<void> {
    await db.query('INSERT INTO enrolment_codes (code_hash, branch, terminal_name, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      codeHash,
      branch,
      terminalName,
      now,
      expiresAt,
    ]);
  },

  /** Marks an unused, unexpired code used, in the caller's transaction; undefined when there is none. */
  async takeCode(db: Queryable, codeHash: string, now: Date): Promise<{ branch: string; terminal_name: string } | undefined> {
    const rows = await db.query<{ branch: string; terminal_name: string }>(
      'UPDATE enrolment_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING branch, terminal_name',
      [codeHash, now],
    );
    return rows[0];
  },

  async linkCode(db: Queryable, codeHash: string, terminalId: string): Promise<void> {
    await db.query('UPDATE enrolment_codes SET terminal_id = $2 WHERE code_hash = $1', [codeHash, terminalId]);
  },

  async keyInUse(db: Queryable, publicKey: string): Promise<boolean> {
    return (await db.query('SELECT 1 FROM terminals WHERE public_key = $1', [publicKey])).length > 0;
  },

  async insert(db: Queryable, t: { id: string; name: string; branch: string; publicKey: string; now: Date }): Promise<void> {
    await db.query('INSERT INTO terminals (id, name, branch, public_key, enrolled_at) VALUES ($1, $2, $3, $4, $5)', [
      t.id,
      t.name,
      t.branch,
      t.publicKey,
      t.now,
    ]);
  },

  async find(db: Queryable, id: string): Promise<TerminalRow | undefined> {
    const rows = await db.query<TerminalRow>('SELECT id, name, branch, public_key, removed_at FROM terminals WHERE id = $1', [id]);
    return rows[0];
  },

  async remove(db: Queryable, id: string, now: Date): Promise<boolean> {
    const rows = await db.query('UPDATE terminals SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL RETURNING id', [id, now]);
    return rows.length > 0;
  },

  async seen(db: Queryable, id: string, now: Date, status: unknown): Promise<void> {
    await db.query('UPDATE terminals SET last_seen_at = $2, status = COALESCE($3::jsonb, status) WHERE id = $1', [
      id,
      now,
      status === undefined ? null : JSON.stringify(status),
    ]);
  },

  async fleet(db: Queryable): Promise<FleetRow[]> {
    return db.query<FleetRow>(
      `SELECT t.id, t.name, t.branch, t.public_key, t.removed_at, t.enrolled_at, t.last_seen_at, t.status,
              (SELECT count(*) FROM documents d WHERE d.terminal_id = t.id)::int AS documents
         FROM terminals t ORDER BY t.branch, t.name`,
    );
  },
};
