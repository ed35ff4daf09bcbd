// SPDX-License-Identifier: UNLICENSED
// The app hands its ledger's write-ahead log checkpoints to its worker thread (main/db/walCheckpointer.ts): the
// folder's connections, the reporting worker's included, never checkpoint inside a commit, and the worker's
// checkpoint copies the day's sales into the database file. Without worker threads SQLite keeps its own.
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { DukkanApp } from '../../main/app/openApp';
import { clientOf, openTestApp, signIn } from './support';

describe('the ledger log’s checkpoints in the app', { timeout: 60_000 }, () => {
  const apps: DukkanApp[] = [];
  afterAll(() => Promise.all(apps.map((a) => a.close())));

  it('are the worker thread’s: the folder’s connections leave them, and a checkpoint copies the sales', async () => {
    const { app } = await openTestApp();
    apps.push(app);
    const folder = app.core.current();
    expect(folder.checkpointer).not.toBeNull();
    expect(folder.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const cashier = clientOf(app, 'till');
    await signIn(cashier, app, 'cashier');
    const product = app.core.catalog.list().find((p) => p.name.startsWith('Arabic bread'))!.id;
    for (let i = 0; i < 3; i++) {
      await cashier.call('sale.complete', {
        lines: [{ productId: product, quantity: '1' }],
        payments: [{ method: 'cash', amount: '50' }],
        saleId: randomUUID(),
      });
    }
    const result = await folder.checkpointer!.checkpointIfWritten();
    expect(result?.busy).toBe(false);
    expect(result!.checkpointed).toBeGreaterThan(0);
    // the reporting worker's own connection is handed over too: the only other writer of the ledger
    const connections = folder.checkpointer!.attached;
    expect(connections).toHaveLength(2);
    for (const c of connections) expect(c.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  });

  it('stay with SQLite when the app runs without worker threads', async () => {
    const { app } = await openTestApp({ workerThreads: 0 });
    apps.push(app);
    expect(app.core.current().checkpointer).toBeNull();
    expect(app.core.current().db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
