// SPDX-License-Identifier: UNLICENSED
// A real PostgreSQL (15+) through a pg connection pool: production for a shop or a chain (docs/store-server.md).
// bigint columns are read as numbers, as PGlite reads them (ICVs and counts stay far below 2^53); numeric stays a
// decimal string, so money is never a float.
import pg from 'pg';
import type { Queryable, Storage } from './storage';

const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query<Row>(sql, [...params]);
      return result.rows;
    },
  };
}

export async function openPostgresStorage(connectionString: string, maxConnections = 10): Promise<Storage> {
  const pool = new pg.Pool({ connectionString, max: maxConnections, types });
  // an idle client that loses its server (a database restart) is dropped by the pool; the error must not crash us
  pool.on('error', () => undefined);
  // a client checked out when the server goes away emits 'error' too; its query rejects, which is what we act on
  pool.on('connect', (client) => client.on('error', () => undefined));
  // fail at start, not at the first push, when the database cannot be reached
  await pool.query('SELECT 1');
  const clients = new WeakMap<Queryable, pg.PoolClient>();
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const q = wrap(client);
        clients.set(q, client);
        const result = await work(q);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async script(tx, sql) {
      await (clients.get(tx) ?? pool).query(sql);
    },
    close: () => pool.end(),
  };
}
