// SPDX-License-Identifier: UNLICENSED
// The till's push worker against a real store server (docs/store-server.md, "Push"): a real ledger with signed
// documents, the terminal key in the OS keychain, the server on PGlite and on PostgreSQL. With the server down the
// sales keep committing and the cursor stays; when it is back the backlog arrives exactly once, and the ledger —
// chain and clock — is exactly what it was.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { Ledger } from '../../main/ledger/ledger';
import { createLogger } from '../../main/log/logger';
import { enrolTill, storeKey } from '../../main/storeSync/storeEnrolment';
import { StorePushWorker } from '../../main/storeSync/storePushWorker';
import { StoreSyncStore } from '../../main/storeSync/storeSyncStore';
import { createOsKeychain } from '../../native/keychain/index';
import { simplifiedInvoice } from '../fixtures/documents';
import { saleOf } from '../reporting/support';
import { createTestEgs } from '../support/testCertificate';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { managerCall } from './storeFixtures';

const TOKEN = 'till-push-token';
const quiet = createLogger({ sink: () => undefined });

function openTill() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-till-push-')), 'dukkan.sqlite');
  const db = openDeviceDatabase(file);
  const ledger = new Ledger(db, { numberPrefix: 'T1', clock: () => new Date(), environment: 'local-simulator' });
  return { db, ledger, workerDb: openDeviceDatabase(file) };
}

const ledgerFingerprint = (db: ReturnType<typeof openDeviceDatabase>) =>
  db.prepare<[], { icv: number; hash: string; pih: string; issued_at: number }>('SELECT icv, hash, pih, issued_at FROM documents ORDER BY id').all();

describe.each(useStorageBackends())('till push worker with the store server on $name', (backend) => {
  const running = useStoreServer(backend, TOKEN);

  it('drains a backlog made while the server was unreachable exactly once, leaving the ledger untouched', async () => {
    const egs = createTestEgs(); // each till its own CSID: the server refuses one certificate for two tills
    const till = openTill();
    const secrets = createOsKeychain({ service: `dukkan-test-${randomUUID()}` });
    const code = await managerCall(running.server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: 'Till A' });
    const enrolled = await enrolTill({ db: till.db, secrets, url: running.server.url, code: code.body.value.code, now: () => new Date() });
    expect(await storeKey(secrets)).toHaveLength(32);

    // the server is unreachable: its link points at a closed port
    const store = new StoreSyncStore(till.db);
    const link = store.link()!;
    store.setLink({ ...link, url: 'http://127.0.0.1:9' });
    const worker = new StorePushWorker({ db: till.workerDb, secretKey: () => storeKey(secrets), logger: quiet, batchSize: 7 });
    for (let i = 0; i < 20; i++) await till.ledger.issue(saleOf(simplifiedInvoice()), egs.signing);
    expect(await worker.pushOnce()).toBe('failed');
    expect(store.cursor('documents')).toBe(0);
    const before = ledgerFingerprint(till.db);

    store.setLink(link);
    let rounds = 0;
    while ((await worker.pushOnce()) === 'more') rounds++;
    expect(rounds).toBe(2); // 7 + 7 + 6
    expect(await worker.pushOnce()).toBe('idle');
    const stored = await running.storage.query<{ icv: number; hash: string; xml: string }>(
      'SELECT icv, hash, xml FROM documents WHERE terminal_id = $1 ORDER BY icv',
      [enrolled.terminalId],
    );
    expect(stored.map((d) => d.icv)).toEqual(before.map((d) => d.icv));
    expect(stored.map((d) => d.hash)).toEqual(before.map((d) => d.hash));
    const xml = till.db.prepare<[], { xml: Buffer }>('SELECT xml FROM documents WHERE icv = 1').get()!.xml.toString('utf8');
    expect(stored[0]!.xml).toBe(xml);
    const vat = await running.storage.query<{ category: string; rate: string; vat: string }>(
      'SELECT category, rate::text AS rate, sum(vat)::text AS vat FROM document_vat WHERE terminal_id = $1 GROUP BY category, rate',
      [enrolled.terminalId],
    );
    const localVat = till.db.prepare<[], { vat: string }>('SELECT vat FROM documents').all();
    const localSum = localVat.reduce((s, d) => s + Math.round(Number(d.vat) * 100), 0);
    expect(vat.reduce((s, r) => s + Math.round(Number(r.vat) * 100), 0)).toBe(localSum);
    expect(ledgerFingerprint(till.db)).toEqual(before);

    // the cursor lost (a crash before it was written): everything is sent again and answered duplicate
    store.setCursor('documents', 0, Date.now());
    while ((await worker.pushOnce()) === 'more');
    const count = await running.storage.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE terminal_id = $1', [enrolled.terminalId]);
    expect(count[0]!.n).toBe(20);
    await worker.stop();
    await secrets.delete('store/terminal-key');
  });

  it('resends from the ICV the server names when it lost documents (restored from an older backup)', async () => {
    const egs = createTestEgs();
    const till = openTill();
    const secrets = createOsKeychain({ service: `dukkan-test-${randomUUID()}` });
    const code = await managerCall(running.server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: 'Till B' });
    const enrolled = await enrolTill({ db: till.db, secrets, url: running.server.url, code: code.body.value.code, now: () => new Date() });
    const worker = new StorePushWorker({ db: till.workerDb, secretKey: () => storeKey(secrets), logger: quiet, batchSize: 50 });
    for (let i = 0; i < 6; i++) await till.ledger.issue(saleOf(simplifiedInvoice()), egs.signing);
    expect(await worker.pushOnce()).toBe('idle');
    // the server loses ICVs 4..6
    await running.storage.query('DELETE FROM document_vat WHERE terminal_id = $1 AND icv > 3', [enrolled.terminalId]);
    await running.storage.query('DELETE FROM document_payments WHERE terminal_id = $1 AND icv > 3', [enrolled.terminalId]);
    await running.storage.query('DELETE FROM documents WHERE terminal_id = $1 AND icv > 3', [enrolled.terminalId]);
    for (let i = 0; i < 2; i++) await till.ledger.issue(saleOf(simplifiedInvoice()), egs.signing);
    expect(await worker.pushOnce()).toBe('more'); // ICV 7 refused: the server expects 4
    expect(await worker.pushOnce()).toBe('idle');
    const icvs = await running.storage.query<{ icv: number }>('SELECT icv FROM documents WHERE terminal_id = $1 ORDER BY icv', [enrolled.terminalId]);
    expect(icvs.map((r) => r.icv)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await worker.stop();
    await secrets.delete('store/terminal-key');
  });
});
