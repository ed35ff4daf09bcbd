// SPDX-License-Identifier: UNLICENSED
// SQL of the originals of credit notes returning another till's sale (main/db/migrations/0095-foreign-returns.ts).
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export class ForeignOriginalStore {
  private readonly insert;
  private readonly returned;

  constructor(db: SqliteDatabase) {
    this.insert = db.prepare<[number, string]>('INSERT INTO foreign_originals (document_id, original_uuid) VALUES (?, ?)');
    this.returned = db.prepare<[string], { line: number; quantity: string }>(
      `SELECT l.original_line_id AS line, l.quantity FROM document_lines l JOIN foreign_originals f ON f.document_id = l.document_id
        WHERE f.original_uuid = ? AND l.original_line_id IS NOT NULL`,
    );
  }

  /** What this till's own credit notes returned of another till's invoice, per line — pushed yet or not. */
  returnedOf(originalUuid: string): { line: number; quantity: string }[] {
    return this.returned.all(originalUuid);
  }

  /** Inside the note's issuance transaction (Counter's withinCommit). */
  record(documentId: number, originalUuid: string): void {
    this.insert.run(documentId, originalUuid);
  }
}
