// SPDX-License-Identifier: UNLICENSED
// SQL of the originals of credit notes returning another till's sale (main/db/migrations/0095-foreign-returns.ts).
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export class ForeignOriginalStore {
  private readonly insert;

  constructor(db: SqliteDatabase) {
    this.insert = db.prepare<[number, string]>('INSERT INTO foreign_originals (document_id, original_uuid) VALUES (?, ?)');
  }

  /** Inside the note's issuance transaction (Counter's withinCommit). */
  record(documentId: number, originalUuid: string): void {
    this.insert.run(documentId, originalUuid);
  }
}
