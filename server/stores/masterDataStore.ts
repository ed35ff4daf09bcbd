// SPDX-License-Identifier: UNLICENSED
// SQL of master data (server/db/migrations/0002-master-data.ts): every change takes the next version, so a till pulls
// "everything after N" in order.
import type { MasterDataChange, MasterDataKind } from '../../app/contract/storeSync';
import type { Queryable } from '../db/storage';

export const masterDataStore = {
  /** Writes (or, with body null, deletes) one entry at a new version; returns that version. */
  async put(db: Queryable, kind: MasterDataKind, key: string, body: Record<string, unknown> | null): Promise<number> {
    const rows = await db.query<{ version: number }>(
      `INSERT INTO master_data (kind, key, version, body) VALUES ($1, $2, nextval('master_data_version'), $3::jsonb)
       ON CONFLICT (kind, key) DO UPDATE SET version = EXCLUDED.version, body = EXCLUDED.body RETURNING version`,
      [kind, key, body === null ? null : JSON.stringify(body)],
    );
    return rows[0]!.version;
  },

  /** One entry, locked until the transaction ends (a PIN change reads, compares and writes it). */
  async lockedEntry(db: Queryable, kind: MasterDataKind, key: string): Promise<{ version: number; body: Record<string, unknown> | null } | undefined> {
    const [row] = await db.query<{ version: number; body: Record<string, unknown> | null }>(
      'SELECT version, body FROM master_data WHERE kind = $1 AND key = $2 FOR UPDATE',
      [kind, key],
    );
    return row;
  },

  async changesAfter(db: Queryable, after: number, limit: number): Promise<MasterDataChange[]> {
    return db.query<MasterDataChange>('SELECT kind, key, version, body FROM master_data WHERE version > $1 ORDER BY version LIMIT $2', [after, limit]);
  },
};
