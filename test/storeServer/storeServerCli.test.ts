// SPDX-License-Identifier: UNLICENSED
// `dukkan store-server` as a real process (docs/store-server.md): on embedded PGlite kept in a folder, what was
// pushed survives a restart; with DATABASE_URL it runs on a real PostgreSQL; SIGTERM stops it cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signedRequest } from '../../main/storeSync/storeClient';
import { startPostgresCluster, type PostgresCluster } from '../support/postgresCluster';
import { chainedDocuments, enrolledTerminal } from './storeFixtures';
import { startStoreServerProcess } from './storeServerProcess';

describe('dukkan store-server', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('keeps the embedded database in --data across a restart', async () => {
    const data = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-store-cli-')), 'db');
    const docs = chainedDocuments('cli', 1, 3);
    const first = await startStoreServerProcess(['--data', data], { DUKKAN_STORE_MANAGER_TOKEN: 'fixed-token' });
    let terminal;
    try {
      expect(first.stdout()).toContain('embedded PGlite');
      expect(first.token).toBe('fixed-token');
      terminal = await enrolledTerminal(first.url, first.token, 'Olaya', 'Till 1');
      const answer = (await signedRequest(terminal, 'POST', '/api/push', { documents: docs, records: [] })) as { documents: { outcome: string }[] };
      expect(answer.documents.map((d) => d.outcome)).toEqual(['stored', 'stored', 'stored']);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    expect(first.stdout()).toContain('Store server stopped');
    const second = await startStoreServerProcess(['--data', data, '--quiet']);
    try {
      expect(second.token).not.toBe('fixed-token');
      const again = (await signedRequest({ ...terminal, url: second.url }, 'POST', '/api/push', { documents: docs, records: [] })) as {
        documents: { outcome: string }[];
      };
      expect(again.documents.map((d) => d.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 180_000);

  it('uses PostgreSQL when DATABASE_URL is given', async () => {
    const url = cluster.createDatabase('store_cli');
    const running = await startStoreServerProcess([], { DATABASE_URL: url });
    try {
      expect(running.stdout()).toContain('(PostgreSQL)');
      const terminal = await enrolledTerminal(running.url, running.token, 'Malaz', 'Till 9');
      await signedRequest(terminal, 'POST', '/api/push', { documents: chainedDocuments('pgcli', 1, 2), records: [] });
    } finally {
      expect(await running.stop()).toBe(0);
    }
  }, 120_000);
});
