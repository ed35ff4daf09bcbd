// SPDX-License-Identifier: UNLICENSED
// The store server over TLS and the certificate a till pins (docs/store-server.md, "TLS and the pinned
// certificate"), on PGlite and on PostgreSQL: real HTTPS servers on 127.0.0.1, a real till ledger and the OS keychain.
// The server makes its certificate once and keeps it in its database; the enrolment code carries a check of it; a
// till refuses a server showing another certificate — at enrolment before the code leaves the till, and afterwards
// before any request leaves it — while its sales go on.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { errorText } from '../../app/errors/index';
import { codeMatchesFingerprint } from '../../app/x509/enrolmentCodeCheck';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { Ledger } from '../../main/ledger/ledger';
import { createLogger } from '../../main/log/logger';
import { MasterDataPullWorker } from '../../main/storeSync/masterDataPullWorker';
import { enrolTerminal, newTerminalKey, signedRequest } from '../../main/storeSync/storeClient';
import { enrolTill, storeKey } from '../../main/storeSync/storeEnrolment';
import { StorePushWorker } from '../../main/storeSync/storePushWorker';
import { StoreSyncStore } from '../../main/storeSync/storeSyncStore';
import { TillMasterDataStore } from '../../main/storeSync/tillMasterDataStore';
import { startStoreServer } from '../../server/storeServer';
import { createOsKeychain } from '../../native/keychain/index';
import { simplifiedInvoice } from '../fixtures/documents';
import { saleOf } from '../reporting/support';
import { createTestEgs } from '../support/testCertificate';
import { managerFetch } from './managerFetch';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { chainedDocuments, enrolledTerminal, managerCall, refusalOf } from './storeFixtures';

const TOKEN = 'store-tls-token';
const egs = createTestEgs();
const quiet = createLogger({ sink: () => undefined });

describe.each(useStorageBackends())('store server TLS on $name', (backend) => {
  const running = useStoreServer(backend, TOKEN);
  /** Another store server, on a database of its own: its own certificate, at another address of this machine. */
  const impostor = useStoreServer(backend, TOKEN);
  const documents = async (terminal: string) =>
    (await running.storage.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE terminal_id = $1', [terminal]))[0]!.n;

  it('serves HTTPS with a certificate it keeps in its database, shown beside each code the code checks', async () => {
    expect(running.server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(running.server.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(impostor.server.fingerprint).not.toBe(running.server.fingerprint);
    const created = await managerCall(running.server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: 'Till TLS' });
    expect(created.body.value.fingerprint).toBe(running.server.fingerprint);
    const code = (created.body.value.code as string).replace(/-/g, '');
    expect(codeMatchesFingerprint(code, running.server.fingerprint!)).toBe(true);
    expect(codeMatchesFingerprint(code, impostor.server.fingerprint!)).toBe(false);
    const page = await (await managerFetch(new URL('/manager?lang=ar', running.server.url), { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(page).toContain(`<code data-test="fingerprint">${running.server.fingerprint}</code>`);
    expect(page).toContain('شهادة TLS لهذا الخادم');
    // a second server process on the same database (a restart, or a second instance) serves the same certificate
    const again = await startStoreServer({ storage: running.storage, managerToken: TOKEN, log: () => undefined });
    try {
      expect(again.fingerprint).toBe(running.server.fingerprint);
      const t = await enrolledTerminal(again.url, TOKEN, 'Olaya', 'Till restart');
      expect(t.fingerprint).toBe(running.server.fingerprint);
      // and what was pinned through one is accepted by the other
      await signedRequest({ ...t, url: running.server.url }, 'GET', '/api/pull?after=0');
    } finally {
      await again.close();
    }
    const rows = await running.storage.query<{ private_key: string }>('SELECT private_key FROM server_tls');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.private_key).toMatch(/^-----BEGIN EC PRIVATE KEY-----/);
  });

  it('refuses, before the code leaves the till, a server whose certificate the code was not made for; the code still works at its own server', async () => {
    const created = await managerCall(running.server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: 'Till mitm' });
    const refused = await refusalOf(() => enrolTerminal(impostor.server.url, created.body.value.code, newTerminalKey()));
    expect(refused).toMatchObject({ code: 'store.certificate-not-for-code', params: { fingerprint: impostor.server.fingerprint } });
    expect(errorText('store.certificate-not-for-code', refused.params as Record<string, string>, 'en')).toContain(impostor.server.fingerprint!);
    expect(errorText('store.certificate-not-for-code', refused.params as Record<string, string>, 'ar')).toContain('لم يُرسل الرمز');
    expect(await impostor.storage.query('SELECT 1 FROM terminals')).toHaveLength(0);
    const enrolled = await enrolTerminal(running.server.url, created.body.value.code, newTerminalKey());
    expect(enrolled.fingerprint).toBe(running.server.fingerprint);
  });

  it('refuses a server showing another certificate than the pinned one, naming both, and sends nothing', async () => {
    const t = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till pinned');
    const body = { documents: chainedDocuments('pinned', 1, 2), records: [] };
    const wrong = { ...t, fingerprint: impostor.server.fingerprint };
    const refused = await refusalOf(() => signedRequest(wrong, 'POST', '/api/push', body));
    expect(refused).toMatchObject({
      code: 'store.certificate-mismatch',
      params: { fingerprint: running.server.fingerprint, pinned: impostor.server.fingerprint },
    });
    expect(errorText('store.certificate-mismatch', refused.params as Record<string, string>, 'en')).toMatch(/keeps selling/);
    expect(errorText('store.certificate-mismatch', refused.params as Record<string, string>, 'ar')).toMatch(/يستمر الصندوق في البيع/);
    expect(await documents(t.terminalId)).toBe(0);
    // the same request with the pinned certificate goes through
    await signedRequest(t, 'POST', '/api/push', body);
    expect(await documents(t.terminalId)).toBe(2);
  });

  it('keeps plain HTTP to this machine and by explicit option only', async () => {
    const refused = await refusalOf(() => startStoreServer({ storage: running.storage, managerToken: TOKEN, plainHttp: true, host: '0.0.0.0' }));
    expect(refused).toMatchObject({ code: 'store.plain-http-host', params: { host: '0.0.0.0' } });
    const plain = await startStoreServer({ storage: running.storage, managerToken: TOKEN, plainHttp: true, log: () => undefined });
    try {
      expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(plain.fingerprint).toBeNull();
      const t = await enrolledTerminal(plain.url, TOKEN, 'Olaya', 'Till plain');
      expect(t.fingerprint).toBeNull();
      await signedRequest(t, 'GET', '/api/pull?after=0');
    } finally {
      await plain.close();
    }
    // a till never speaks plain HTTP to another machine: refused before connecting
    const t = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till far');
    const far = await refusalOf(() => signedRequest({ ...t, url: 'http://192.0.2.7:8080' }, 'GET', '/api/pull?after=0'));
    expect(far).toMatchObject({ code: 'store.tls-required', params: { url: 'http://192.0.2.7:8080' } });
    const code = await managerCall(running.server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: 'Till far 2' });
    expect(await refusalOf(() => enrolTerminal('http://192.0.2.7:8080', code.body.value.code, newTerminalKey()))).toMatchObject({ code: 'store.tls-required' });
  });

  it('a till whose server shows another certificate keeps selling; the tab shows the refusal; the right server gets everything', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-store-tls-')), 'dukkan.sqlite');
    const db = openDeviceDatabase(file);
    const workerDb = openDeviceDatabase(file);
    const ledger = new Ledger(db, { numberPrefix: 'T1', clock: () => new Date(), environment: 'local-simulator' });
    const secrets = createOsKeychain({ service: `dukkan-test-${randomUUID()}` });
    const code = await managerCall(running.server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: 'Till swapped' });
    const enrolled = await enrolTill({ db, secrets, url: running.server.url, code: code.body.value.code, now: () => new Date() });
    const links = new StoreSyncStore(db);
    const link = links.link()!;
    expect(link.server_fingerprint).toBe(running.server.fingerprint);
    expect(enrolled.fingerprint).toBe(running.server.fingerprint);

    // someone else's server at the till's server address (here: the link pointed at it)
    links.setLink({ ...link, url: impostor.server.url });
    const push = new StorePushWorker({ db: workerDb, secretKey: () => storeKey(secrets), logger: quiet, batchSize: 50 });
    const pull = new MasterDataPullWorker({ db: workerDb, secretKey: () => storeKey(secrets), logger: quiet });
    for (let i = 0; i < 5; i++) await ledger.issue(saleOf(simplifiedInvoice()), egs.signing);
    expect(await push.pushOnce()).toBe('failed');
    expect(await pull.pullOnce()).toBe('failed');
    const state = new TillMasterDataStore(db).pullState();
    expect(state.error_code).toBe('store.certificate-mismatch');
    expect(JSON.parse(state.error_params!)).toMatchObject({ params: { fingerprint: impostor.server.fingerprint, pinned: running.server.fingerprint } });
    expect(links.cursor('documents')).toBe(0);
    expect(await impostor.storage.query('SELECT 1 FROM documents')).toHaveLength(0);
    // selling never waited for any of it
    await ledger.issue(saleOf(simplifiedInvoice()), egs.signing);

    links.setLink(link);
    expect(await push.pushOnce()).toBe('idle');
    expect(await documents(enrolled.terminalId)).toBe(6);
    expect(await pull.pullOnce()).toBe('idle');
    db.close();
    workerDb.close();
  });
});
