// SPDX-License-Identifier: UNLICENSED
// The database restarted in the middle of a push (docs/store-server.md, "Push"): the push's transaction either
// committed or left nothing, the till's retry is answered stored or duplicate, and in the end every document is
// there exactly once. Real PostgreSQL only: PGlite lives in the server's own process and cannot restart under it.
import { describe, expect, it } from 'vitest';
import { signedRequest } from '../../main/storeSync/storeClient';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { chainedDocuments, enrolledTerminal } from './storeFixtures';

const TOKEN = 'restart-token';
const postgres = useStorageBackends().find((b) => b.name === 'postgres')!;

describe('store server when PostgreSQL restarts mid-push', () => {
  const running = useStoreServer(postgres, TOKEN);

  it('loses nothing and doubles nothing', async () => {
    const t = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till R');
    const docs = chainedDocuments('restart', 1, 400);
    const first = signedRequest(t, 'POST', '/api/push', { documents: docs.slice(0, 200), records: [] }).then(
      () => 'answered',
      (e: { code?: string }) => e.code ?? 'failed',
    );
    await new Promise((r) => setTimeout(r, 30));
    postgres.restart!();
    const outcome = await first;
    expect(['answered', 'api.internal', 'store.unreachable']).toContain(outcome);

    // the till retries from its cursor, which only an answer moves: from the first document again
    let answered: { outcome: string }[] | undefined;
    for (let attempt = 0; attempt < 10 && !answered; attempt++) {
      try {
        answered = ((await signedRequest(t, 'POST', '/api/push', { documents: docs, records: [] })) as { documents: { outcome: string }[] }).documents;
      } catch (e) {
        expect((e as { code?: string }).code).toBe('api.internal'); // a pooled connection the restart cut
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(answered).toBeDefined();
    expect(answered!.every((d) => d.outcome === 'stored' || d.outcome === 'duplicate')).toBe(true);
    const rows = await running.storage.query<{ n: number; distinct_icvs: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT icv)::int AS distinct_icvs FROM documents WHERE terminal_id = $1',
      [t.terminalId],
    );
    expect(rows[0]).toEqual({ n: 400, distinct_icvs: 400 });
  }, 120_000);
});
