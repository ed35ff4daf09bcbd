// SPDX-License-Identifier: UNLICENSED
// The store server's one door to its database (docs/store-server.md): PostgreSQL either embedded (PGlite, when no
// DATABASE_URL is given) or a real server (pg). Both adapters answer the same way — bigint columns as numbers,
// numeric (money) as exact decimal strings, jsonb as objects — so stores and tests never ask which one they have.

/** One statement with bound parameters ($1, $2, …); nothing concatenates values into SQL. */
export interface Queryable {
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Storage extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations only). */
  script(tx: Queryable, sql: string): Promise<void>;
  close(): Promise<void>;
}

/** A PostgreSQL error's SQLSTATE, when the thrown value carries one (both drivers put it on `code`). */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
