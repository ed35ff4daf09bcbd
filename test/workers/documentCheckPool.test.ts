// SPDX-License-Identifier: UNLICENSED
// The store server's checking threads on the shared pool (server/checks/documentCheckPool.ts over
// runtime/workers/workerPool.ts), on real threads from the TypeScript sources: a push's documents cut into batches
// over every thread come back in order with the verdicts this thread gives; each thread is shown to onThread; and
// whatever stops a batch — its thread dying, or the server closing — fails the check with store.check-unavailable,
// never a hang. The push that fails so stores nothing: test/storeServer/pushedSignature.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { startDocumentCheckPool, type DocumentCheckPool } from '../../server/checks/documentCheckPool';
import { checkPushedXml, type CheckedFields } from '../../server/pushedXmlCheck';
import { refusal } from './refusal';

const pools: DocumentCheckPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** `n` documents the check refuses in two ways, each naming its own ICV. */
const documents = (n: number): CheckedFields[] =>
  Array.from({ length: n }, (_, i) => ({
    chain: 'pool',
    icv: i + 1,
    uuid: '3cf5ee18-ee25-44ea-a444-2c37ba7f28be',
    number: `P-${i + 1}`,
    pih: 'x',
    hash: 'y',
    xml: i % 2 ? '<not xml' : '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>',
  }));

describe('the store server’s checking threads', () => {
  it('answers a push cut into batches over every thread, in order, as this thread checks it', async () => {
    const threads: Worker[] = [];
    const pool = startDocumentCheckPool({ threads: 2, onThread: (w) => threads.push(w) });
    pools.push(pool);
    await pool.ready();
    expect(threads).toHaveLength(2);
    const pushed = documents(40);
    expect(await pool.check(pushed)).toEqual(pushed.map(checkPushedXml));
    expect(await pool.check([])).toEqual([]);
    expect(threads).toHaveLength(2); // the same threads served the push
  }, 60_000);

  it('fails a check whose thread dies with store.check-unavailable, and the next check starts a new thread', async () => {
    const threads: Worker[] = [];
    // the first thread dies as soon as it runs, before its module has loaded to answer any batch it holds
    const pool = startDocumentCheckPool({
      threads: 1,
      onThread: (w) => {
        if (threads.push(w) === 1) w.once('online', () => void w.terminate());
      },
    });
    pools.push(pool);
    const refused = await refusal(pool.check(documents(8)));
    expect(refused.code).toBe('store.check-unavailable');
    expect(refused.params.reason).toMatch(/^exited: /);
    expect(refused.text('ar')).toContain('أعد إرساله');
    expect(await pool.check(documents(2))).toEqual(documents(2).map(checkPushedXml));
    expect(threads).toHaveLength(2);
  }, 60_000);

  it('fails what is in flight with store.check-unavailable when the server closes, and refuses later checks', async () => {
    const pool = startDocumentCheckPool({ threads: 1 });
    await pool.ready();
    const refused = refusal(pool.check(documents(8)));
    await pool.close();
    expect((await refused).params).toEqual({ reason: 'the server is closing' });
    expect((await refusal(pool.check(documents(1)))).code).toBe('store.check-unavailable');
  }, 60_000);
});
