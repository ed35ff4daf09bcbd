// SPDX-License-Identifier: UNLICENSED
// The terminal_settings table of migration 0040: one JSON value per setting name. Validation and defaults are the
// caller's (terminalSettings.ts); this file only reads and writes rows.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

export function terminalSettingsStatements(db: SqliteDatabase) {
  return {
    get: db.prepare<[string], { value: string }>('SELECT value FROM terminal_settings WHERE key = ?'),
    set: db.prepare<[string, string]>('INSERT INTO terminal_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}
