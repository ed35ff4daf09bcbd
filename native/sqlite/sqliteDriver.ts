// SPDX-License-Identifier: UNLICENSED
// Thin adapter over the native SQLite binding (better-sqlite3). Everything above it uses this type, so the driver
// can be swapped (e.g. for Node's own node:sqlite once Electron ships it) in one place.
import BetterSqlite3 from 'better-sqlite3';

export type SqliteDatabase = BetterSqlite3.Database;
export type SqliteStatement<P extends unknown[] | object = unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;

export interface OpenOptions {
  readonly readonly?: boolean;
  /** Fail instead of creating a new file. */
  readonly mustExist?: boolean;
  /** How long to wait for another process's write lock, in ms. */
  readonly busyTimeoutMs?: number;
  /** The compiled addon's file, for a bundle that carries better-sqlite3 without its folder (sqliteAddon.ts). */
  readonly addonFile?: string | undefined;
}

export function openSqlite(file: string, options: OpenOptions = {}): SqliteDatabase {
  return new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.mustExist ?? false,
    timeout: options.busyTimeoutMs ?? 5000,
    ...(options.addonFile !== undefined ? { nativeBinding: options.addonFile } : {}),
  });
}
