// SPDX-License-Identifier: UNLICENSED
// SQL of PIN changes at an enrolled till on their way to the store server (docs/store-server.md, "PIN changes at a
// till"; store_pin_outbox, migration 0120); pinOutbox.ts sends them. A change of a user the server manages is queued
// right after the new hash is stored; a row goes only when the server took it (or has a newer one). Until then this
// till keeps its new PIN even when a pull brings the server's older hash of that user (masterDataApply.ts asks
// `waitingPin`).
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface PendingRow {
  user_id: number;
  changed_at: number;
  key: string;
  pin_salt: Buffer;
  pin_hash: Buffer;
  pin_params: string;
}

export class PinOutboxStore {
  private readonly q;

  constructor(db: SqliteDatabase) {
    this.q = {
      // only while enrolled, and only for a user the server sent (its key is what the server knows the user by)
      queue: db.prepare<[number, number, number]>(
        `INSERT INTO store_pin_outbox (user_id, changed_at, last_error)
         SELECT ?, ?, NULL WHERE EXISTS (SELECT 1 FROM store_link)
            AND EXISTS (SELECT 1 FROM store_master_data WHERE kind = 'user' AND local_id = ? AND body IS NOT NULL)
         ON CONFLICT (user_id) DO UPDATE SET changed_at = excluded.changed_at, last_error = NULL`,
      ),
      serverUser: db.prepare<[number], { key: string }>("SELECT key FROM store_master_data WHERE kind = 'user' AND local_id = ? AND body IS NOT NULL"),
      pending: db.prepare<[], PendingRow>(
        `SELECT o.user_id, o.changed_at, m.key, u.pin_salt, u.pin_hash, u.pin_params
           FROM store_pin_outbox o JOIN users u ON u.id = o.user_id
           JOIN store_master_data m ON m.kind = 'user' AND m.local_id = o.user_id
          ORDER BY o.changed_at`,
      ),
      waiting: db.prepare<[number], { user_id: number }>('SELECT user_id FROM store_pin_outbox WHERE user_id = ?'),
      localPin: db.prepare<[number], { salt: Buffer; hash: Buffer; params: string }>(
        'SELECT u.pin_salt AS salt, u.pin_hash AS hash, u.pin_params AS params FROM store_pin_outbox o JOIN users u ON u.id = o.user_id WHERE o.user_id = ?',
      ),
      sent: db.prepare<[number, number]>('DELETE FROM store_pin_outbox WHERE user_id = ? AND changed_at = ?'),
      failed: db.prepare<[string, number]>('UPDATE store_pin_outbox SET last_error = ? WHERE user_id = ?'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM store_pin_outbox'),
      user: db.prepare<[number], { name: string; role: string; active: number }>('SELECT name, role, active FROM users WHERE id = ?'),
    };
  }

  /** Queues the PIN change of `userId` at `at` (ms); answers false when nothing travels (not enrolled, a local user). */
  queue(userId: number, at: number): boolean {
    return this.q.queue.run(userId, at, userId).changes > 0;
  }

  /** Whether `userId` is one of the server's users (a PIN change of it travels). */
  isServerUser(userId: number): boolean {
    return this.q.serverUser.get(userId) !== undefined;
  }

  /** Whether a PIN change of `userId` still waits to reach the server. */
  waiting(userId: number): boolean {
    return this.q.waiting.get(userId) !== undefined;
  }

  /** The PIN this till gave `userId` while it waits to reach the server; undefined when nothing waits. */
  waitingPin(userId: number): { salt: Buffer; hash: Buffer; params: string } | undefined {
    return this.q.localPin.get(userId);
  }

  count(): number {
    return this.q.count.get()?.n ?? 0;
  }

  /**
   * Whether a manager's save of a user changes only the PIN of one of the server's users — the one users edit
   * allowed while enrolled, since it travels to the server (docs/store-server.md, "PIN changes at a till").
   */
  isPinOnlyChange(input: { id?: number | undefined; name: string; role: string; active: boolean; pin?: string | undefined }): boolean {
    if (input.id === undefined || input.pin === undefined || !this.isServerUser(input.id)) return false;
    const u = this.q.user.get(input.id);
    return u !== undefined && u.name === input.name && u.role === input.role && (u.active === 1) === input.active;
  }

  pending(): PendingRow[] {
    return this.q.pending.all();
  }

  /** The change of `userId` made at `changedAt` reached the server; a later change of it stays queued. */
  sent(userId: number, changedAt: number): void {
    this.q.sent.run(userId, changedAt);
  }

  failed(userId: number, code: string): void {
    this.q.failed.run(code, userId);
  }
}
