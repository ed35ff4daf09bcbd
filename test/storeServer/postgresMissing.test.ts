// SPDX-License-Identifier: UNLICENSED
// Without PostgreSQL's server binaries the store-server suite fails with the reason and the remedy; it never skips
// (docs/store-server.md, "Tests").
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postgresBinDir, startPostgresCluster } from '../support/postgresCluster';

describe('the PostgreSQL test cluster', () => {
  const saved = process.env.DUKKAN_PG_BIN;
  afterEach(() => {
    if (saved === undefined) delete process.env.DUKKAN_PG_BIN;
    else process.env.DUKKAN_PG_BIN = saved;
  });

  it('finds initdb and pg_ctl of PostgreSQL 15 or later here', () => {
    expect(postgresBinDir()).toMatch(/postgresql\/(1[5-9]|[2-9]\d)\/bin$/);
  });

  it('fails, naming the remedy, when the binaries are missing', async () => {
    process.env.DUKKAN_PG_BIN = mkdtempSync(path.join(tmpdir(), 'dukkan-no-pg-'));
    await expect(startPostgresCluster()).rejects.toThrow(/initdb, pg_ctl\) were not found.*npm run setup.*does not skip/);
  });
});
