import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqlite } from '../../native/sqlite/sqliteDriver';
import { migrate, schemaVersion, SchemaTooNewError } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { openDeviceDatabase } from './openDeviceDatabase';
import type { Migration } from './migrations/types';

const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-migrate-')), 'db.sqlite');

describe('migrations', () => {
  it('bring an empty database to the latest version, in order, and are idempotent', () => {
    const db = openSqlite(tempFile());
    expect(migrate(db, MIGRATIONS)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    db.close();
  });

  it('each step upgrades a database of the previous version with its data intact', () => {
    // walk the list: stop at every version, write a marker row into every table that exists, migrate one more step
    for (let i = 1; i < MIGRATIONS.length; i++) {
      const db = openSqlite(tempFile());
      migrate(db, MIGRATIONS.slice(0, i));
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
      const before = Object.fromEntries(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name.replace(/"/g, '')}"`).all()]));
      migrate(db, MIGRATIONS.slice(0, i + 1));
      for (const t of tables)
        expect(db.prepare(`SELECT * FROM "${t.name.replace(/"/g, '')}"`).all(), `${MIGRATIONS[i]!.name} keeps ${t.name}`).toEqual(before[t.name]);
      db.close();
    }
  });

  it('refuses a database written by a newer app, without touching it', () => {
    const file = tempFile();
    const db = openSqlite(file);
    db.pragma('user_version = 9999');
    db.close();
    expect(() => openDeviceDatabase(file)).toThrow(SchemaTooNewError);
    expect(() => openDeviceDatabase(file)).toThrow(/newer version of Dukkan \(schema 9999/);
    expect(() => openDeviceDatabase(file)).toThrow(
      expect.objectContaining({ code: 'db.schema-too-new', params: { found: 9999, supported: MIGRATIONS.at(-1)!.version } }),
    );
    const again = openSqlite(file);
    expect(schemaVersion(again)).toBe(9999);
    again.close();
  });

  it('a failing step leaves the database at the previous version', () => {
    const db = openSqlite(tempFile());
    const broken: Migration = {
      version: 100_000,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/boom/);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });
});
