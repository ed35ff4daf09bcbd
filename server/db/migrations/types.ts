// SPDX-License-Identifier: UNLICENSED
/** One numbered schema step of the store server (docs/store-server.md). Never edit a released one: add the next. */
export interface ServerMigration {
  readonly version: number;
  readonly name: string;
  /** Statements run in one transaction, on PGlite and on PostgreSQL alike. */
  readonly sql: string;
}
