// SPDX-License-Identifier: UNLICENSED
// SQL of master data pulled from the store server at the till (main/db/migrations/0110-store-master-data.ts): the
// entries as the server sent them, the pull's cursor and outcome, and the writes into the till's own tables that
// the catalog store does not offer — a barcode taken from another product (the server wins), users with the
// server's PIN hashes, and a product or user the server deleted, kept but inactive (documents and sessions name
// them). The caller runs all of it in one transaction.
import type { MasterDataKind } from '../../app/contract/storeSync';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export interface MasterEntryRow {
  version: number;
  local_id: number | null;
  body: string | null;
}

export interface PullStateRow {
  version: number;
  pulled_at: number | null;
  error_code: string | null;
  error_params: string | null;
  error_at: number | null;
}

export interface PulledUserRow {
  readonly name: string;
  readonly role: 'cashier' | 'manager';
  readonly active: boolean;
  readonly salt: Buffer;
  readonly hash: Buffer;
  readonly params: string;
}

export class TillMasterDataStore {
  private readonly q;

  constructor(db: SqliteDatabase) {
    this.q = {
      state: db.prepare<[], PullStateRow>('SELECT version, pulled_at, error_code, error_params, error_at FROM store_pull WHERE id = 1'),
      pulled: db.prepare<[number, number]>(
        `INSERT INTO store_pull (id, version, pulled_at) VALUES (1, ?, ?)
           ON CONFLICT (id) DO UPDATE SET version = excluded.version, pulled_at = excluded.pulled_at, error_code = NULL, error_params = NULL, error_at = NULL`,
      ),
      failed: db.prepare<[string, string, number]>(
        `INSERT INTO store_pull (id, version, error_code, error_params, error_at) VALUES (1, 0, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET error_code = excluded.error_code, error_params = excluded.error_params, error_at = excluded.error_at`,
      ),
      forget: db.prepare('DELETE FROM store_pull'),
      entry: db.prepare<[string, string], MasterEntryRow>('SELECT version, local_id, body FROM store_master_data WHERE kind = ? AND key = ?'),
      putEntry: db.prepare<[string, string, number, number | null, string | null]>(
        `INSERT INTO store_master_data (kind, key, version, local_id, body) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (kind, key) DO UPDATE SET version = excluded.version, local_id = excluded.local_id, body = excluded.body`,
      ),
      liveEntries: db.prepare<[string], { key: string; body: string }>('SELECT key, body FROM store_master_data WHERE kind = ? AND body IS NOT NULL'),
      count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM store_master_data WHERE kind = ?'),
      mapped: db.prepare<[string, number], { key: string }>('SELECT key FROM store_master_data WHERE kind = ? AND local_id = ? LIMIT 1'),
      barcodeOwner: db.prepare<[string], { product_id: number }>('SELECT product_id FROM product_barcodes WHERE barcode = ?'),
      releaseBarcode: db.prepare<[string, number]>('DELETE FROM product_barcodes WHERE barcode = ? AND product_id != ?'),
      productExists: db.prepare<[number], { id: number }>('SELECT id FROM products WHERE id = ?'),
      deactivateProduct: db.prepare<[number, number]>('UPDATE products SET active = 0, updated_at = ? WHERE id = ?'),
      userByName: db.prepare<[string], { id: number }>('SELECT id FROM users WHERE name = ?'),
      userExists: db.prepare<[number], { id: number }>('SELECT id FROM users WHERE id = ?'),
      insertUser: db.prepare<[string, string, Buffer, Buffer, string, number, number, number]>(
        'INSERT INTO users (name, role, pin_salt, pin_hash, pin_params, default_pin, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)',
      ),
      // a new hash from the server clears the old one's wrong-PIN count: it is another PIN
      updateUser: db.prepare<[{ id: number; name: string; role: string; salt: Buffer; hash: Buffer; params: string; active: number; at: number }]>(
        `UPDATE users SET name = @name, role = @role, pin_salt = @salt, pin_hash = @hash, pin_params = @params, default_pin = 0,
                active = @active, updated_at = @at,
                failed_attempts = CASE WHEN pin_hash = @hash THEN failed_attempts ELSE 0 END,
                locked_until = CASE WHEN pin_hash = @hash THEN locked_until ELSE NULL END
          WHERE id = @id`,
      ),
      deactivateUser: db.prepare<[number, number]>('UPDATE users SET active = 0, updated_at = ? WHERE id = ?'),
    };
  }

  pullState(): PullStateRow {
    return this.q.state.get() ?? { version: 0, pulled_at: null, error_code: null, error_params: null, error_at: null };
  }

  setPulled(version: number, at: number): void {
    this.q.pulled.run(version, at);
  }

  /** The last pull's failure: its catalog code and, as JSON, its parameters and field problems. */
  setPullError(code: string, detail: unknown, at: number): void {
    this.q.failed.run(code, JSON.stringify(detail), at);
  }

  /** After the enrolment is removed: a later enrolment pulls everything again (the entries keep their local rows). */
  forgetPull(): void {
    this.q.forget.run();
  }

  entry(kind: MasterDataKind, key: string): MasterEntryRow | undefined {
    return this.q.entry.get(kind, key);
  }

  putEntry(kind: MasterDataKind, key: string, version: number, localId: number | null, body: unknown): void {
    this.q.putEntry.run(kind, key, version, localId, body === null ? null : JSON.stringify(body));
  }

  /** Whether the server sent this entry and has not deleted it. */
  sentBody(kind: MasterDataKind, key: string): boolean {
    return (this.entry(kind, key)?.body ?? null) !== null;
  }

  /** Entries of a kind the server has not deleted, with their bodies as sent. */
  liveEntries(kind: MasterDataKind): { key: string; body: unknown }[] {
    return this.q.liveEntries.all(kind).map((r) => ({ key: r.key, body: JSON.parse(r.body) as unknown }));
  }

  /** Whether the server ever sent an entry of this kind (deleted ones count: the server manages the kind). */
  hasKind(kind: MasterDataKind): boolean {
    return (this.q.count.get(kind)?.n ?? 0) > 0;
  }

  /** Whether a local row already stands for an entry of the server's. */
  mapped(kind: MasterDataKind, localId: number): boolean {
    return this.q.mapped.get(kind, localId) !== undefined;
  }

  userExists(id: number): boolean {
    return this.q.userExists.get(id) !== undefined;
  }

  barcodeOwner(barcode: string): number | undefined {
    return this.q.barcodeOwner.get(barcode)?.product_id;
  }

  /** Takes a barcode from whichever other product has it: the server's catalog wins. */
  releaseBarcode(barcode: string, keptBy: number): void {
    this.q.releaseBarcode.run(barcode, keptBy);
  }

  productExists(id: number): boolean {
    return this.q.productExists.get(id) !== undefined;
  }

  deactivateProduct(id: number, at: number): void {
    this.q.deactivateProduct.run(at, id);
  }

  userByName(name: string): number | undefined {
    return this.q.userByName.get(name)?.id;
  }

  /** Inserts the user, or updates it when `id` names a user of this till; answers its id. */
  putUser(id: number | undefined, u: PulledUserRow, at: number): number {
    if (id !== undefined && this.userExists(id)) {
      this.q.updateUser.run({ id, name: u.name, role: u.role, salt: u.salt, hash: u.hash, params: u.params, active: u.active ? 1 : 0, at });
      return id;
    }
    return Number(this.q.insertUser.run(u.name, u.role, u.salt, u.hash, u.params, u.active ? 1 : 0, at, at).lastInsertRowid);
  }

  deactivateUser(id: number, at: number): void {
    this.q.deactivateUser.run(at, id);
  }
}
