// SPDX-License-Identifier: UNLICENSED
// The two databases every store-server test runs on (docs/store-server.md, "Tests"): embedded PGlite in this process,
// and a real PostgreSQL cluster started for the file (test/support/postgresCluster.ts). `open()` gives a fresh,
// migrated database; all are closed, and the cluster stopped, after the file.
import { afterAll, beforeAll } from 'vitest';
import { openStorage } from '../../server/db/openStorage';
import type { Storage } from '../../server/db/storage';
import { startStoreServer, type StoreServer } from '../../server/storeServer';
import { startPostgresCluster, type PostgresCluster } from '../support/postgresCluster';

export interface StorageBackend {
  readonly name: 'pglite' | 'postgres';
  open(): Promise<Storage>;
  /** postgres only: a restart of the database server, cutting every connection. */
  restart?(): void;
}

export function useStorageBackends(): StorageBackend[] {
  let cluster: PostgresCluster | undefined;
  const opened: Storage[] = [];
  let databases = 0;
  beforeAll(() => {
    // fails the file when PostgreSQL is not installed: the suite does not skip
    return startPostgresCluster().then((c) => {
      cluster = c;
    });
  }, 120_000);
  afterAll(async () => {
    for (const s of opened.splice(0)) await s.close().catch(() => undefined);
    cluster?.stop();
  });
  const track = (s: Storage) => {
    opened.push(s);
    return s;
  };
  return [
    { name: 'pglite', open: async () => track(await openStorage({})) },
    {
      name: 'postgres',
      open: async () => track(await openStorage({ databaseUrl: cluster!.createDatabase(`store_${process.pid}_${++databases}`) })),
      restart: () => cluster!.restart(),
    },
  ];
}

/** A store server on a fresh database of `backend` for the tests of one describe block, closed after them. */
export function useStoreServer(backend: StorageBackend, managerToken: string): { storage: Storage; server: StoreServer } {
  const running = {} as { storage: Storage; server: StoreServer };
  beforeAll(async () => {
    running.storage = await backend.open();
    running.server = await startStoreServer({ storage: running.storage, managerToken, log: () => undefined });
  }, 120_000);
  afterAll(async () => running.server?.close());
  return running;
}
