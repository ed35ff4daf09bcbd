// SPDX-License-Identifier: UNLICENSED
// SQL of the tills' backups on the store server (server/db/migrations/0005-terminal-backups.ts): one row per backup
// file of a terminal, its bytes in parts keyed by their offset in the file. Every statement a till's request runs is
// scoped to the terminal that signed it: a till reads and writes only its own backups. Only the manager (behind the
// manager token, server/manager/backupDownloads.ts) lists every terminal's.
import type { StoredManifest } from '../../app/contract/storeBackup';
import type { Queryable } from '../db/storage';

export interface BackupRow {
  readonly name: string;
  readonly size: number;
  readonly manifest: StoredManifest;
  readonly received: number;
  readonly completed_at: Date | null;
}

const COLUMNS = 'name, size, manifest, received, completed_at';

export const backupStore = {
  /** The row, locked until the caller's transaction ends (parts of one backup are taken one at a time, in order). */
  async lock(db: Queryable, terminal: string, name: string): Promise<BackupRow | undefined> {
    const rows = await db.query<BackupRow>(`SELECT ${COLUMNS} FROM terminal_backups WHERE terminal_id = $1 AND name = $2 FOR UPDATE`, [terminal, name]);
    return rows[0];
  },

  async begin(db: Queryable, terminal: string, name: string, size: number, manifest: StoredManifest): Promise<void> {
    await db.query('INSERT INTO terminal_backups (terminal_id, name, size, manifest, created_at) VALUES ($1, $2, $3, $4, $5)', [
      terminal,
      name,
      size,
      JSON.stringify(manifest),
      manifest.createdAt,
    ]);
  },

  async addPart(db: Queryable, terminal: string, name: string, offset: number, bytes: Uint8Array): Promise<void> {
    await db.query('INSERT INTO terminal_backup_parts (terminal_id, name, "offset", bytes) VALUES ($1, $2, $3, $4)', [terminal, name, offset, bytes]);
    await db.query('UPDATE terminal_backups SET received = received + $3 WHERE terminal_id = $1 AND name = $2', [terminal, name, bytes.length]);
  },

  /** The part that starts at `offset`, or undefined. */
  async part(db: Queryable, terminal: string, name: string, offset: number): Promise<Uint8Array | undefined> {
    const rows = await db.query<{ bytes: Uint8Array }>('SELECT bytes FROM terminal_backup_parts WHERE terminal_id = $1 AND name = $2 AND "offset" = $3', [
      terminal,
      name,
      offset,
    ]);
    return rows[0]?.bytes;
  },

  /** The offsets of a backup's parts, in order. */
  async partOffsets(db: Queryable, terminal: string, name: string): Promise<number[]> {
    const rows = await db.query<{ offset: number }>('SELECT "offset" FROM terminal_backup_parts WHERE terminal_id = $1 AND name = $2 ORDER BY "offset"', [
      terminal,
      name,
    ]);
    return rows.map((r) => Number(r.offset));
  },

  async complete(db: Queryable, terminal: string, name: string, now: Date): Promise<void> {
    await db.query('UPDATE terminal_backups SET completed_at = $3 WHERE terminal_id = $1 AND name = $2', [terminal, name, now]);
  },

  async remove(db: Queryable, terminal: string, name: string): Promise<void> {
    await db.query('DELETE FROM terminal_backups WHERE terminal_id = $1 AND name = $2', [terminal, name]);
  },

  /** Removes the terminal's uploads never finished that were begun for a backup older than `createdAt`. */
  async removeUnfinishedBefore(db: Queryable, terminal: string, createdAt: string): Promise<number> {
    const rows = await db.query('DELETE FROM terminal_backups WHERE terminal_id = $1 AND completed_at IS NULL AND created_at < $2 RETURNING name', [
      terminal,
      createdAt,
    ]);
    return rows.length;
  },

  /** Every terminal's whole (checked) backups with the till's branch and name, by till, newest first. */
  async allCompleted(db: Queryable): Promise<(BackupRow & { readonly terminal_id: string; readonly branch: string; readonly terminal_name: string })[]> {
    return db.query(
      `SELECT b.terminal_id, t.branch, t.name AS terminal_name, ${COLUMNS.split(', ')
        .map((c) => `b.${c}`)
        .join(', ')}
         FROM terminal_backups b JOIN terminals t ON t.id = b.terminal_id
        WHERE b.completed_at IS NOT NULL ORDER BY t.branch, t.name, b.created_at DESC, b.name DESC`,
    );
  },

  /** The terminal's whole (checked) backups, newest first. */
  async completed(db: Queryable, terminal: string): Promise<BackupRow[]> {
    return db.query<BackupRow>(
      `SELECT ${COLUMNS} FROM terminal_backups WHERE terminal_id = $1 AND completed_at IS NOT NULL ORDER BY created_at DESC, name DESC`,
      [terminal],
    );
  },
};
