// SPDX-License-Identifier: UNLICENSED
// The store server over real HTTP, on embedded PGlite and on a real PostgreSQL cluster (docs/store-server.md):
// migrations, enrolment, signed requests, idempotent pushes, and refusals of bad input that store nothing.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate';
import { enrolTerminal, newTerminalKey, signedRequest, type StoreCredentials } from '../../main/storeSync/storeClient';
import { managerFetch } from './managerFetch';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { chainedDocuments, enrolledTerminal, managerCall, refusalOf } from './storeFixtures';

const TOKEN = 'manager-token-for-tests';

describe.each(useStorageBackends())('store server on $name', (backend) => {
  const running = useStoreServer(backend, TOKEN);

  const push = (t: StoreCredentials, body: unknown) => signedRequest(t, 'POST', '/api/push', body) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers read by the tests
  const count = async (sql: string, params: unknown[]) => (await running.storage.query<{ n: number }>(sql, params))[0]!.n;

  it('numbers its migrations and runs them once', async () => {
    expect(await migrate(running.storage)).toBe(9);
    const rows = await running.storage.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual([
      { version: 1, name: '0001-fleet' },
      { version: 2, name: '0002-master-data' },
      { version: 3, name: '0003-day-totals' },
      { version: 4, name: '0004-returns' },
      { version: 5, name: '0005-terminal-backups' },
      { version: 6, name: '0006-chain-certificates' },
      { version: 7, name: '0007-server-tls' },
      { version: 8, name: '0008-return-reservations' },
      { version: 9, name: '0009-server-tls-next' },
    ]);
  });

  it('enrols with a one-time code, once', async () => {
    const code = await managerCall(running.server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: 'Till 1' });
    expect(code.body.value.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const answer = await enrolTerminal(running.server.url, code.body.value.code.toLowerCase(), newTerminalKey());
    expect(answer).toMatchObject({ name: 'Till 1', branch: 'Olaya' });
    const again = await refusalOf(() => enrolTerminal(running.server.url, code.body.value.code, newTerminalKey()));
    expect(again).toMatchObject({ code: 'store.enrolment-refused' });
  });

  it('refuses the manager API without its token, and a malformed code request field by field in both languages', async () => {
    expect((await managerCall(running.server.url, 'wrong', '/manager/api/codes', { branch: 'x', terminalName: 'y' })).status).toBe(401);
    const bad = await managerCall(running.server.url, TOKEN, '/manager/api/codes', { branch: ' ', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('store.malformed');
    const paths = bad.body.error.problems.map((p: { path: string }) => p.path).sort();
    expect(paths).toEqual(['', 'branch', 'terminalName']);
    expect(bad.body.error.ar).toMatch(/[\u0600-\u06FF]/);
    expect(bad.body.error.problems.every((p: { ar: string; en: string }) => /[\u0600-\u06FF]/.test(p.ar) && p.en.length > 0)).toBe(true);
  });

  it('stores a push once: a repeat is answered duplicate, item by item', async () => {
    const t = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till dup');
    const docs = chainedDocuments('chaina', 1, 5);
    const records = [{ eventId: 'shift-1', kind: 'shift', occurredAt: '2026-12-01T05:00:00.000Z', body: { opened: '500.00' } }];
    const first = await push(t, { documents: docs, records });
    expect(first.documents.map((d: { outcome: string }) => d.outcome)).toEqual(Array(5).fill('stored'));
    expect(first.records).toEqual([{ eventId: 'shift-1', outcome: 'stored' }]);
    const second = await push(t, { documents: docs, records });
    expect(second.documents.map((d: { outcome: string }) => d.outcome)).toEqual(Array(5).fill('duplicate'));
    expect(second.records).toEqual([{ eventId: 'shift-1', outcome: 'duplicate' }]);
    expect(await count('SELECT count(*)::int AS n FROM documents WHERE terminal_id = $1', [t.terminalId])).toBe(5);
    expect(await count('SELECT count(*)::int AS n FROM document_payments WHERE terminal_id = $1', [t.terminalId])).toBe(5);
    const changed = await push(t, { documents: [], records: [{ ...records[0], body: { opened: '600.00' } }] });
    expect(changed.records[0]).toMatchObject({ outcome: 'refused', code: 'store.record-conflict' });
  });

  it('answers an out-of-order push with the ICV it expects, and stores the rest once the gap is filled', async () => {
    const t = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till gap');
    const docs = chainedDocuments('chainb', 10, 6);
    await push(t, { documents: docs.slice(0, 2), records: [] });
    const skipped = await push(t, { documents: docs.slice(3), records: [] });
    expect(skipped.documents).toEqual(
      [13, 14, 15].map((icv) => ({ chain: 'chainb', icv, outcome: 'refused', code: 'store.icv-gap', params: { chain: 'chainb', icv, expected: 12 } })),
    );
    const filled = await push(t, { documents: docs.slice(2).reverse(), records: [] });
    expect(filled.documents.map((d: { icv: number; outcome: string }) => `${d.icv}:${d.outcome}`)).toEqual([
      '12:stored',
      '13:stored',
      '14:stored',
      '15:stored',
    ]);
    expect(await count('SELECT count(*)::int AS n FROM documents WHERE terminal_id = $1', [t.terminalId])).toBe(6);
  });

  it('refuses another document at a stored ICV and a broken previous-hash link', async () => {
    const t = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till conflict');
    const docs = chainedDocuments('chainc', 1, 2);
    await push(t, { documents: docs.slice(0, 1), records: [] });
    const other = chainedDocuments('chainc', 1, 1)[0]!;
    const conflict = await push(t, { documents: [other], records: [] });
    expect(conflict.documents[0]).toMatchObject({ outcome: 'refused', code: 'store.icv-conflict' });
    const broken = await push(t, { documents: [{ ...docs[1]!, pih: other.hash }], records: [] });
    expect(broken.documents[0]).toMatchObject({ outcome: 'refused', code: 'store.chain-broken', params: { icv: 2, previous: 1 } });
    expect(await count('SELECT count(*)::int AS n FROM documents WHERE terminal_id = $1', [t.terminalId])).toBe(1);
  });

  it('refuses a malformed push field by field and stores none of it', async () => {
    const t = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till malformed');
    const [good, bad] = chainedDocuments('chaind', 1, 2);
    const error = await refusalOf(() => push(t, { documents: [good, { ...bad, totals: { ...bad!.totals, vat: '15.5.0' }, icv: 0 }], records: [] }));
    expect(error).toMatchObject({ code: 'store.malformed' });
    const raw = await managerFetch(new URL('/api/enrol', running.server.url), { method: 'POST', body: '{not json' });
    expect(raw.status).toBe(400);
    expect(await count('SELECT count(*)::int AS n FROM documents WHERE terminal_id = $1', [t.terminalId])).toBe(0);
  });

  it('refuses unsigned, tampered, replayed and unknown-terminal requests, and a removed terminal', async () => {
    const t = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till trust');
    const body = { documents: chainedDocuments('chaine', 1, 1), records: [] };
    const unsigned = await managerFetch(new URL('/api/push', running.server.url), { method: 'POST', body: JSON.stringify(body) });
    expect(unsigned.status).toBe(401);
    expect((await unsigned.json()).error.code).toBe('store.unsigned');
    const otherKey = await refusalOf(() => push({ ...t, secretKey: newTerminalKey() }, body));
    expect(otherKey).toMatchObject({ code: 'store.bad-signature' });
    const stranger = await refusalOf(() => push({ ...t, terminalId: 'not-a-terminal' }, body));
    expect(stranger).toMatchObject({ code: 'store.unknown-terminal' });
    const replay = await refusalOf(() => signedRequest(t, 'POST', '/api/push', body, { now: () => new Date(Date.now() - 3600_000) }));
    expect(replay).toMatchObject({ code: 'store.stale-request' });
    expect((await managerCall(running.server.url, TOKEN, '/manager/api/remove', { terminalId: t.terminalId })).body.value).toEqual({ removed: true });
    expect(await refusalOf(() => push(t, body))).toMatchObject({ code: 'store.terminal-removed' });
    expect(await count('SELECT count(*)::int AS n FROM documents WHERE terminal_id = $1', [t.terminalId])).toBe(0);
  });
});
