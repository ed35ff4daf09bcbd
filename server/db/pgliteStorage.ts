// SPDX-License-Identifier: UNLICENSED
// Embedded PostgreSQL (PGlite, WebAssembly, in this process) for trying the store server on one machine: the same SQL
// and migrations as a real server (docs/store-server.md). One connection: PGlite queues statements itself, and a
// transaction holds the connection until it ends.
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Queryable, Storage } from './storage';

function wrap(db: Pick<PGlite, 'query'> | Transaction): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(sql, [...params]);
      return result.rows;
    },
  };
}

/** `dataDir` keeps the database in a folder across restarts; without it the database lives in memory. */
export async function openPgliteStorage(dataDir?: string): Promise<Storage> {
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const transactions = new WeakMap<Queryable, Transaction>();
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (work) =>
      db.transaction(async (tx) => {
        const q = wrap(tx);
        transactions.set(q, tx);
        return work(q);
      }),
    async script(tx, sql) {
      const inner = transactions.get(tx);
      await (inner ?? db).exec(sql);
    },
    close: () => db.close(),
  };
}
