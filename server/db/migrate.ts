// SPDX-License-Identifier: UNLICENSED
// Brings the store server's database to the newest schema, one numbered step per transaction (docs/store-server.md).
// An advisory lock makes two servers starting at once take turns; a database from a newer server is refused
// untouched, as the till refuses a newer ledger.
import { DukkanError } from '../../app/errors/index';
import { SERVER_MIGRATIONS } from './migrations/index';
import type { Storage } from './storage';

// any constant both servers agree on: "Dukk" in ASCII
const MIGRATION_LOCK = 0x44756b6b;

export async function migrate(storage: Storage): Promise<number> {
  await storage.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const known = SERVER_MIGRATIONS.at(-1)?.version ?? 0;
  for (const step of SERVER_MIGRATIONS) {
    await storage.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const [newest] = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
      if ((newest?.version ?? 0) > known) throw new DukkanError('store.schema-newer', { found: newest!.version!, known });
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [step.version]);
      if (done.length > 0) return;
      await storage.script(tx, step.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
    });
  }
  return known;
}
