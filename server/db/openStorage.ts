// SPDX-License-Identifier: UNLICENSED
// Which database the store server uses: a real PostgreSQL when a DATABASE_URL is given, otherwise embedded PGlite
// (in a folder when one is named, else in memory). Migrations run before anything else touches it.
import { migrate } from './migrate';
import { openPgliteStorage } from './pgliteStorage';
import { openPostgresStorage } from './postgresStorage';
import type { Storage } from './storage';

export interface StorageChoice {
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | undefined;
}

export async function openStorage(choice: StorageChoice): Promise<Storage> {
  const storage = choice.databaseUrl ? await openPostgresStorage(choice.databaseUrl) : await openPgliteStorage(choice.dataDir);
  try {
    await migrate(storage);
  } catch (err) {
    await storage.close();
    throw err;
  }
  return storage;
}
