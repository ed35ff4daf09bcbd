// SPDX-License-Identifier: UNLICENSED
// Schema migrations. The schema version lives in SQLite's own user_version, bumped inside the same transaction as
// the migration, so a crash leaves the database at exactly one version. A database from a newer app is refused:
// an old app must never write into a schema it does not understand.
import { DukkanError } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { Migration } from './migrations/types';

export class SchemaTooNewError extends DukkanError {
  override readonly name = 'SchemaTooNewError';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super('db.schema-too-new', { found, supported });
  }
}

export function schemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function checkMigrationList(migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    // the list is the app's own: out of order is a bug in this build, not a refusal
    if (migrations[i]!.version <= migrations[i - 1]!.version) throw new Error(`migrations out of order at ${migrations[i]!.name}`);
  }
}

/** Throws SchemaTooNewError when the database was written by a newer app; returns the current version. */
export function assertSchemaNotNewer(db: SqliteDatabase, migrations: readonly Migration[]): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw new SchemaTooNewError(current, latest);
  return current;
}

/** Applies every migration newer than the database, each in its own IMMEDIATE transaction. Returns versions applied. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[]): number[] {
  checkMigrationList(migrations);
  const current = assertSchemaNotNewer(db, migrations);
  if (current !== 0 && !migrations.some((m) => m.version === current)) {
    throw new DukkanError('db.schema-unknown', { found: current, known: migrations.map((m) => m.version).join(', ') });
  }
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      // re-check inside the write lock: another process may have migrated meanwhile
      if (schemaVersion(db) >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${Number(m.version)}`);
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}
