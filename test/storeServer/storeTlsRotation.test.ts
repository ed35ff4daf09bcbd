// SPDX-License-Identifier: UNLICENSED
// The store server's certificate brought by the shop, and its replacement without enrolling the tills again
// (docs/store-server.md, "TLS and the pinned certificate", "Replacing the certificate"), on PGlite and on
// PostgreSQL: real HTTPS on 127.0.0.1, certificates made by the openssl command line in a temporary folder, real till
// ledgers in SQLite files and the OS keychain. The server's clock is the test's, so the switch happens when the test
// says; nothing here waits on time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import type { TLSSocket } from 'node:tls';
import path from 'node:path';
import { p256 } from '@noble/curves/nist.js';
import { errorText } from '../../app/errors/index';
import { decodePem } from '../../app/asn1/pem';
import { signTlsAnnouncement } from '../../app/x509/tlsAnnouncement';
import { certificateFingerprint, createTlsIdentity } from '../../app/x509/tlsCertificate';
import type { Storage } from '../../server/db/storage';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { Ledger } from '../../main/ledger/ledger';
import { createLogger } from '../../main/log/logger';
import { MasterDataPullWorker } from '../../main/storeSync/masterDataPullWorker';
import { signedRequest } from '../../main/storeSync/storeClient';
import { enrolTill, storeKey } from '../../main/storeSync/storeEnrolment';
import { StoreLinkStore } from '../../main/storeSync/storeLinkStore';
import { StorePushWorker } from '../../main/storeSync/storePushWorker';
import { TillMasterDataStore } from '../../main/storeSync/tillMasterDataStore';
import { startStoreServer, type StoreServer } from '../../server/storeServer';
import { rotateSelfSigned } from '../../server/tls/serverIdentity';
import { ownTlsOptions } from '../../server/tls/tlsPlan';
import { createOsKeychain } from '../../native/keychain/index';
import { simplifiedInvoice } from '../fixtures/documents';
import { saleOf } from '../reporting/support';
import { createTestEgs } from '../support/testCertificate';
import { useStorageBackends } from './storageBackends';
import { enrolledTerminal, managerCall, refusalOf } from './storeFixtures';

const TOKEN = 'store-tls-rotation-token';
const quiet = createLogger({ sink: () => undefined });
const HOUR = 3600_000;
/** The handover's length here: within the 5 minutes a signed request may be off the server's clock (SIGNATURE_WINDOW_MS). */
const HANDOVER = 60_000;

/** A CA and server certificates it issued for 127.0.0.1, made by openssl in a temporary folder. */
function makePki() {
  const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-own-tls-'));
  const f = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.pem'),
    '-days',
    '3650',
    '-subj',
    '/CN=Shop CA',
  );
  writeFileSync(f('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  const issue = (name: string, keyArgs: string[]) => {
    openssl('genpkey', ...keyArgs, '-out', f(`${name}.key`));
    openssl('req', '-new', '-key', f(`${name}.key`), '-subj', '/CN=store.shop.test', '-out', f(`${name}.csr`));
    openssl(
      'x509',
      '-req',
      '-in',
      f(`${name}.csr`),
      '-CA',
      f('ca.pem'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '825',
      '-extfile',
      f('ext.cnf'),
      '-out',
      f(`${name}.pem`),
    );
    const der = decodePem(readFileSync(f(`${name}.pem`), 'utf8'))[0]!.der;
    return { cert: f(`${name}.pem`), key: f(`${name}.key`), fingerprint: certificateFingerprint(der) };
  };
  return { dir, f, issue, ca: readFileSync(f('ca.pem'), 'utf8'), openssl };
}

const P256 = ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];

/** A Node https client that trusts the shop's CA (and nothing else): what the manager's browser does with it. */
function trustedGet(url: string, ca: string): Promise<{ status: number; authorized: boolean }> {
  return new Promise((resolve, reject) => {
    get(url, { ca, headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
      const authorized = (res.socket as TLSSocket).authorized;
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0, authorized }));
    }).once('error', reject);
  });
}

/** A real till: its ledger in a SQLite file, its key in the keychain, its push and pull workers. */
async function enrolledTill(url: string, name: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-tls-till-')), 'dukkan.sqlite');
  const db = openDeviceDatabase(file);
  const workerDb = openDeviceDatabase(file);
  const ledger = new Ledger(db, { numberPrefix: name.replace(/\W/g, '').slice(0, 6), clock: () => new Date(), environment: 'local-simulator' });
  const secrets = createOsKeychain({ service: `dukkan-test-${randomUUID()}` });
  const code = await managerCall(url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: name });
  const enrolled = await enrolTill({ db, secrets, url, code: code.body.value.code, now: () => new Date() });
  const egs = createTestEgs(); // a chain (and its certificate) of its own: the server pins a chain's certificate to one till
  return {
    enrolled,
    ledger,
    links: new StoreLinkStore(db),
    push: new StorePushWorker({ db: workerDb, secretKey: () => storeKey(secrets), logger: quiet, batchSize: 50 }),
    pull: new MasterDataPullWorker({ db: workerDb, secretKey: () => storeKey(secrets), logger: quiet }),
    pullState: () => new TillMasterDataStore(db).pullState(),
    sell: () => ledger.issue(saleOf(simplifiedInvoice()), egs.signing),
    close: () => {
      db.close();
      workerDb.close();
    },
  };
}

describe.each(useStorageBackends())('store server TLS, own certificate and replacement, on $name', (backend) => {
  const pki = makePki();
  let storage: Storage;
  let clock = new Date();
  const servers: StoreServer[] = [];
  const start = async (options: Partial<Parameters<typeof startStoreServer>[0]> = {}) => {
    const server = await startStoreServer({ storage, managerToken: TOKEN, now: () => clock, log: () => undefined, ...options });
    servers.push(server);
    return server;
  };
  const documents = async (terminal: string) =>
    (await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE terminal_id = $1', [terminal]))[0]!.n;
  beforeAll(async () => {
    storage = await backend.open();
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('serves the shop’s own certificate: a client trusting the shop’s CA gets no error, a till enrols and pins it', async () => {
    const own = pki.issue('own', P256);
    clock = new Date(Date.now() + 1000); // after the certificate's notBefore (whole seconds)
    const server = await start({ ownTls: { cert: own.cert, key: own.key } });
    expect(server.fingerprint).toBe(own.fingerprint);
    const page = await trustedGet(`${server.url}/manager`, pki.ca);
    expect(page).toEqual({ status: 200, authorized: true });
    const t = await enrolledTerminal(server.url, TOKEN, 'Olaya', 'Till own');
    expect(t.fingerprint).toBe(own.fingerprint);
    await signedRequest(t, 'GET', '/api/pull?after=0');
    // the key stays in its file: nothing of it reaches the database
    const keyText = readFileSync(own.key, 'utf8');
    const rows = await storage.query<{ private_key: string }>('SELECT private_key FROM server_tls');
    expect(rows.some((r) => r.private_key === keyText)).toBe(false);
  });

  it('an RSA certificate is served too', async () => {
    const rsa = pki.issue('rsa', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
    clock = new Date(Date.now() + 1000);
    const server = await start({ ownTls: { cert: rsa.cert, key: rsa.key } });
    expect(server.fingerprint).toBe(rsa.fingerprint);
    expect(await trustedGet(`${server.url}/manager`, pki.ca)).toEqual({ status: 200, authorized: true });
  });

  it('refuses to start on a key of another certificate, an expired certificate, an unreadable file or a key type tills do not take, naming the option', async () => {
    const a = pki.issue('pair-a', P256);
    const b = pki.issue('pair-b', P256);
    clock = new Date(Date.now() + 1000);
    const mismatch = await refusalOf(() => start({ ownTls: { cert: a.cert, key: b.key } }));
    expect(mismatch).toMatchObject({ code: 'store.tls-key-mismatch', params: { option: '--tls-key', file: b.key } });
    expect(errorText('store.tls-key-mismatch', mismatch.params as Record<string, string>, 'ar')).toContain('--tls-key');

    const key = p256.utils.randomSecretKey();
    const expired = createTlsIdentity({
      privateKey: key,
      commonName: 'old',
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
      serial: 7n,
    });
    writeFileSync(pki.f('expired.pem'), expired.certificatePem);
    writeFileSync(pki.f('expired.key'), expired.privateKeyPem);
    const old = await refusalOf(() => start({ ownTls: { cert: pki.f('expired.pem'), key: pki.f('expired.key') } }));
    expect(old).toMatchObject({ code: 'store.tls-certificate-expired', params: { option: '--tls-cert', notAfter: '2021-01-01T00:00:00.000Z' } });
    expect(errorText('store.tls-certificate-expired', old.params as Record<string, string>, 'en')).toContain('--tls-cert');

    const missing = await refusalOf(() => start({ ownTls: { cert: pki.f('nowhere.pem'), key: a.key } }));
    expect(missing).toMatchObject({ code: 'store.tls-file-unreadable', params: { option: '--tls-cert', reason: 'ENOENT' } });
    writeFileSync(pki.f('garbage.key'), 'not a key');
    expect(await refusalOf(() => start({ ownTls: { cert: a.cert, key: pki.f('garbage.key') } }))).toMatchObject({
      code: 'store.tls-pem-invalid',
      params: { option: '--tls-key' },
    });

    pki.openssl('req', '-x509', '-newkey', 'ed25519', '-nodes', '-keyout', pki.f('ed.key'), '-out', pki.f('ed.pem'), '-days', '30', '-subj', '/CN=ed');
    expect(await refusalOf(() => start({ ownTls: { cert: pki.f('ed.pem'), key: pki.f('ed.key') } }))).toMatchObject({
      code: 'store.tls-key-type',
      params: { option: '--tls-cert' },
    });
    expect(() => ownTlsOptions({ cert: a.cert })).toThrow(
      expect.objectContaining({ code: 'store.tls-option-pair', params: { option: '--tls-cert', missing: '--tls-key' } }),
    );
    expect(() => ownTlsOptions({ cert: a.cert, key: a.key, nextCert: b.cert, nextKey: b.key, switchAt: 'tomorrow' })).toThrow(
      expect.objectContaining({ code: 'store.tls-switch-time' }),
    );
  });

  it('replaces its self-signed certificate: announced, pulled, switched; the till pushes on without enrolling again, one that missed it is refused and sells on', async () => {
    clock = new Date();
    const server = await start();
    const f1 = server.fingerprint!;
    const till = await enrolledTill(server.url, 'Till handover');
    const missed = await enrolledTill(server.url, 'Till missed');
    expect(till.links.pins()).toEqual({ pinned: f1, next: null, nextFrom: null });

    const switchAt = new Date(clock.getTime() + HANDOVER);
    const rotated = await rotateSelfSigned(storage, clock, switchAt);
    expect(rotated.current).toBe(f1);
    await server.refreshTls(); // what the server's minute timer does
    expect(server.fingerprint).toBe(f1);
    expect(await till.pull.pullOnce()).toBe('idle');
    expect(till.links.pins()).toEqual({ pinned: f1, next: rotated.next, nextFrom: switchAt.getTime() });

    clock = new Date(switchAt.getTime() + 1);
    await server.refreshTls();
    expect(server.fingerprint).toBe(rotated.next);
    await till.sell();
    expect(await till.push.pushOnce()).toBe('idle');
    expect(await documents(till.enrolled.terminalId)).toBe(1);
    expect(till.links.pins()).toEqual({ pinned: rotated.next, next: null, nextFrom: null });
    expect(await till.pull.pullOnce()).toBe('idle');
    const [row] = await storage.query<{ fingerprint: string; next_fingerprint: string | null }>('SELECT fingerprint, next_fingerprint FROM server_tls');
    expect(row).toEqual({ fingerprint: rotated.next, next_fingerprint: null });

    // the till that never pulled during the handover: refused as before, nothing sent, and it sells on
    await missed.sell();
    expect(await missed.push.pushOnce()).toBe('failed');
    expect(await missed.pull.pullOnce()).toBe('failed');
    expect(missed.pullState().error_code).toBe('store.certificate-mismatch');
    expect(missed.links.pins().pinned).toBe(f1);
    await missed.sell();
    expect(await documents(missed.enrolled.terminalId)).toBe(0);
    till.close();
    missed.close();
  });

  it('hands over a renewed own certificate (--next-tls-cert) the same way', async () => {
    const first = pki.issue('renew-1', P256);
    const second = pki.issue('renew-2', P256);
    clock = new Date(Date.now() + 1000);
    const switchAt = new Date(clock.getTime() + HANDOVER);
    const ownTls = { cert: first.cert, key: first.key, next: { cert: second.cert, key: second.key, from: switchAt } };
    const server = await start({ ownTls });
    expect(server.fingerprint).toBe(first.fingerprint);
    const till = await enrolledTill(server.url, 'Till renewal');
    expect(await till.pull.pullOnce()).toBe('idle');
    expect(till.links.pins()).toMatchObject({ pinned: first.fingerprint, next: second.fingerprint });
    clock = new Date(switchAt.getTime());
    await server.refreshTls();
    expect(server.fingerprint).toBe(second.fingerprint);
    expect(await trustedGet(`${server.url}/manager`, pki.ca)).toEqual({ status: 200, authorized: true });
    await till.sell();
    expect(await till.push.pushOnce()).toBe('idle');
    expect(till.links.pins()).toMatchObject({ pinned: second.fingerprint, next: null });
    till.close();

    // an RSA certificate cannot sign the announcement: refused at start, naming the option
    const rsa = pki.issue('renew-rsa', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
    expect(
      await refusalOf(() =>
        start({ ownTls: { cert: rsa.cert, key: rsa.key, next: { cert: second.cert, key: second.key, from: new Date(clock.getTime() + HANDOVER) } } }),
      ),
    ).toMatchObject({
      code: 'store.tls-announce-needs-p256',
      params: { option: '--next-tls-cert', algorithm: 'RSA' },
    });
  });

  it('refuses a forged announcement — bad signature, another key, another certificate — and keeps the pin', async () => {
    clock = new Date();
    const server = await start();
    const till = await enrolledTill(server.url, 'Till forged');
    const pinned = server.fingerprint!;
    const [row] = await storage.query<{ certificate: string }>('SELECT certificate FROM server_tls');
    const der = decodePem(row!.certificate)[0]!.der;
    const other = createTlsIdentity({
      privateKey: p256.utils.randomSecretKey(),
      commonName: 'x',
      notBefore: clock,
      notAfter: new Date(clock.getTime() + 9 * HOUR),
      serial: 9n,
    });
    const from = new Date(clock.getTime() + HOUR);
    const anotherKey = signTlsAnnouncement({ certificateDer: der, privateKey: p256.utils.randomSecretKey(), next: other.fingerprint, from });
    const anotherCertificate = signTlsAnnouncement({
      certificateDer: decodePem(other.certificatePem)[0]!.der,
      privateKey: decodePem(other.privateKeyPem)[0]!.der.slice(7, 39),
      next: other.fingerprint,
      from,
    });
    const tampered = { ...anotherKey, next: other.fingerprint.replace(/^../, '00') };
    for (const forged of [anotherKey, anotherCertificate, tampered, { ...anotherKey, signature: 'AAAA' }]) {
      const refused = await refusalOf(async () => till.links.acceptAnnouncement(forged, server.url));
      expect(refused).toMatchObject({ code: 'store.tls-announcement-forged', params: { pinned } });
      expect(till.links.pins()).toEqual({ pinned, next: null, nextFrom: null });
    }
    expect(errorText('store.tls-announcement-forged', { url: server.url, pinned }, 'ar')).toContain('رُفض الإعلان');
    // the till goes on as before with the genuine server
    expect(await till.pull.pullOnce()).toBe('idle');
    expect(till.links.pins().pinned).toBe(pinned);
    till.close();
  });
});
