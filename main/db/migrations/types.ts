// SPDX-License-Identifier: UNLICENSED
import type { SqliteDatabase } from '../../../native/sqlite/sqliteDriver';

/**
 * One schema step. Versions are numbered with gaps (10, 20, …) so a later branch can slot a step in between; each
 * step runs in its own transaction together with its user_version bump (main/db/migrate.ts).
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: SqliteDatabase): void;
}
