// SPDX-License-Identifier: UNLICENSED
// Master data from the store server to the tills (docs/store-server.md, "Tills' reads"), on PGlite and PostgreSQL:
// the manager sets entries once, a till pulls every change after its cursor page by page — none missed, none twice,
// the server's latest value winning — and a user is refused when it carries a PIN instead of its hash.
import { describe, expect, it } from 'vitest';
import type { MasterDataChange } from '../../app/contract/storeSync';
import { pullMasterData } from '../../main/storeSync/masterDataPull';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { enrolledTerminal, managerCall } from './storeFixtures';

const TOKEN = 'master-data-token';

describe.each(useStorageBackends())('master data on $name', (backend) => {
  const running = useStoreServer(backend, TOKEN);
  const put = (body: unknown) => managerCall(running.server.url, TOKEN, '/manager/api/master-data', body);

  it('hands every change after the cursor to a till, in order, the latest value winning', async () => {
    const till = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till M');
    const start = await pullMasterData(till, 0, () => undefined);
    await put({ kind: 'product', key: '6281000000017', body: { name: 'Fresh milk', price: '7.50', vat: 'S15' } });
    await put({ kind: 'quick-key', key: 'F1', body: { product: '6281000000017' } });
    const user = { name: 'Noura', role: 'cashier', active: true, pinSalt: 'c2FsdHNhbHRzYWx0', pinHash: 'aGFzaGhhc2hoYXNoaGFzaA==', pinParams: '{"N":16384}' };
    expect((await put({ kind: 'user', key: 'Noura', body: user })).status).toBe(200);

    const seen: MasterDataChange[] = [];
    const cursor = await pullMasterData(till, start, (c) => seen.push(c));
    expect(seen.map((c) => `${c.kind}:${c.key}`)).toEqual(['product:6281000000017', 'quick-key:F1', 'user:Noura']);
    expect(seen.map((c) => c.version)).toEqual([...seen.map((c) => c.version)].sort((a, b) => a - b));
    expect(cursor).toBe(seen.at(-1)!.version);

    await put({ kind: 'product', key: '6281000000017', body: { name: 'Fresh milk', price: '7.75', vat: 'S15' } });
    await put({ kind: 'quick-key', key: 'F1', body: null });
    const later: MasterDataChange[] = [];
    await pullMasterData(till, cursor, (c) => later.push(c));
    expect(later.map((c) => [c.kind, c.key, c.body])).toEqual([
      ['product', '6281000000017', { name: 'Fresh milk', price: '7.75', vat: 'S15' }],
      ['quick-key', 'F1', null],
    ]);
  });

  it('pages a large catalog without missing or repeating an entry', async () => {
    const till = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till N');
    const start = await pullMasterData(till, 0, () => undefined);
    for (let i = 0; i < 620; i++) await put({ kind: 'product', key: `page-${i}`, body: { name: `Item ${i}`, price: '1.00' } });
    const keys: string[] = [];
    await pullMasterData(till, start, (c) => keys.push(c.key));
    expect(keys).toHaveLength(620);
    expect(new Set(keys).size).toBe(620);
  }, 120_000);

  it('refuses a user that carries a PIN, naming the field in both languages, and stores nothing', async () => {
    const before = await running.storage.query<{ n: number }>('SELECT count(*)::int AS n FROM master_data');
    const refused = await put({ kind: 'user', key: 'Fahad', body: { name: 'Fahad', role: 'manager', active: true, pin: '4321' } });
    expect(refused.status).toBe(400);
    const paths = refused.body.error.problems.map((p: { path: string }) => p.path);
    expect(paths).toContain('body');
    expect(paths).toContain('body.pinHash');
    expect(refused.body.error.ar).toMatch(/[\u0600-\u06FF]/);
    expect(await running.storage.query('SELECT count(*)::int AS n FROM master_data')).toEqual(before);
  });
});
