// SPDX-License-Identifier: UNLICENSED
// The store server's check of each pushed document's signature and certificate (docs/store-server.md, "Push"), on
// PGlite and on a real PostgreSQL cluster, with documents a real till ledger signed: a valid backlog is stored once
// through the checking threads; a signature that does not verify, a document re-signed with another certificate,
// and another till's genuine documents are refused, naming the document, and the chain waits there; a till enrolled
// again pushes its ledger once its old terminal is removed; a checking
// thread that dies mid-push fails the push with nothing stored, and the push sent again is stored.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { base64ToBytes, bytesToBase64 } from '../../app/bytes/base64';
import type { PushedDocument } from '../../app/contract/storeSync';
import { signDer } from '../../app/crypto/ecdsa';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { Ledger } from '../../main/ledger/ledger';
import { pushedDocumentOf } from '../../main/storeSync/pushBatch';
import { signedRequest, type StoreCredentials } from '../../main/storeSync/storeClient';
import { StoreSyncStore } from '../../main/storeSync/storeSyncStore';
import { startDocumentCheckPool } from '../../server/checks/documentCheckPool';
import { startStoreServer, type StoreServer } from '../../server/storeServer';
import type { Storage } from '../../server/db/storage';
import { simplifiedInvoice } from '../fixtures/documents';
import { saleOf } from '../reporting/support';
import { createTestEgs, type TestEgs } from '../support/testCertificate';
import { useStorageBackends } from './storageBackends';
import { enrolledTerminal, managerCall, refusalOf } from './storeFixtures';

const TOKEN = 'signature-token';

/** `count` documents a real ledger signed with `egs`, as the till's push worker sends them. */
async function ledgerDocuments(egs: TestEgs, count: number): Promise<PushedDocument[]> {
  const db = openDeviceDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-signed-')), 'dukkan.sqlite'));
  const ledger = new Ledger(db, { numberPrefix: 'S1', clock: () => new Date(), environment: 'local-simulator' });
  for (let i = 0; i < count; i++) await ledger.issue(saleOf(simplifiedInvoice()), egs.signing);
  const store = new StoreSyncStore(db);
  const docs = store.documentsAfter(0, count).map((r) => pushedDocumentOf(r, store.payments(r.id), () => store.returnedLines(r.id)));
  db.close();
  return docs;
}

const between = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)![1]!;

/** The document with its signature block's value and certificate replaced (the hash excludes that block). */
function resigned(d: PushedDocument, signature: Uint8Array, certificate = between(d.xml, 'ds:X509Certificate')): PushedDocument {
  const xml = d.xml.replace(between(d.xml, 'ds:SignatureValue'), bytesToBase64(signature)).replace(between(d.xml, 'ds:X509Certificate'), certificate);
  return { ...d, xml };
}

describe.each(useStorageBackends())('pushed documents checked for their signature on $name', (backend) => {
  let storage: Storage;
  let server: StoreServer;
  const threads: Worker[] = [];
  /** Set by a test: what each new checking thread does once it is up. */
  let onThread: ((w: Worker) => void) | undefined;
  const push = (t: StoreCredentials, documents: readonly PushedDocument[]) =>
    signedRequest(t, 'POST', '/api/push', { documents, records: [] }) as Promise<{ documents: { outcome: string; code?: string; params?: object }[] }>;
  const storedIcvs = async (t: StoreCredentials) =>
    (await storage.query<{ icv: number }>('SELECT icv FROM documents WHERE terminal_id = $1 ORDER BY icv', [t.terminalId])).map((r) => r.icv);
  const outcomes = (answer: Awaited<ReturnType<typeof push>>) => answer.documents.map((d) => d.code ?? d.outcome);

  it('starts', async () => {
    storage = await backend.open();
    const checks = startDocumentCheckPool({
      threads: 2,
      onThread: (w) => {
        threads.push(w);
        onThread?.(w);
      },
    });
    server = await startStoreServer({ storage, managerToken: TOKEN, log: () => undefined, checks });
  }, 120_000);

  const egsA = createTestEgs();
  let tillA: StoreCredentials;
  let docsA: PushedDocument[];

  it('stores a valid backlog of a real ledger exactly once, checked in the checking threads', async () => {
    tillA = await enrolledTerminal(server.url, TOKEN, 'Olaya', 'Till A');
    docsA = await ledgerDocuments(egsA, 12);
    expect(outcomes(await push(tillA, docsA.slice(0, 8))).every((o) => o === 'stored')).toBe(true);
    expect(threads.length).toBeGreaterThan(0);
    // sent again after a lost answer, overlapping what is new: the stored ones are duplicates, never checked again
    const again = await push(tillA, docsA.slice(5, 10));
    expect(outcomes(again)).toEqual(['duplicate', 'duplicate', 'duplicate', 'stored', 'stored']);
    expect(await storedIcvs(tillA)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const pinned = await storage.query<{ serial: string }>('SELECT serial FROM chain_certificates WHERE terminal_id = $1', [tillA.terminalId]);
    expect(pinned).toEqual([{ serial: egsA.certificate.serialDecimal }]);
  });

  it('refuses a document whose signature does not verify, naming it, and holds its chain there', async () => {
    const [d11, d12] = [docsA[10]!, docsA[11]!];
    // a real signature by the right key, but over another document's hash
    const wrong = resigned(d11, signDer(base64ToBytes(d12.hash), egsA.privateKey));
    const answer = await push(tillA, [wrong, d12]);
    expect(outcomes(answer)).toEqual(['store.signature-invalid', 'store.icv-gap']);
    expect(answer.documents[0]!.params).toMatchObject({ chain: d11.chain, icv: 11, serial: egsA.certificate.serialDecimal });
    // no signature at all
    const unsigned = { ...d11, xml: d11.xml.replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, '') };
    expect(outcomes(await push(tillA, [unsigned]))).toEqual(['store.signature-missing']);
    expect(await storedIcvs(tillA)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('refuses a document re-signed with a certificate that is not its chain’s', async () => {
    const d11 = docsA[10]!;
    const intruder = createTestEgs();
    // valid in itself: the intruder's key signed the genuine hash, and its certificate is embedded
    const forged = resigned(d11, signDer(base64ToBytes(d11.hash), intruder.privateKey), intruder.certificate.base64Der);
    const answer = await push(tillA, [forged]);
    expect(outcomes(answer)).toEqual(['store.certificate-foreign']);
    expect(answer.documents[0]!.params).toMatchObject({
      icv: 11,
      serial: intruder.certificate.serialDecimal,
      pinned: egsA.certificate.serialDecimal,
    });
    // another till pushing till A's genuine documents: the certificate is till A's, and the refusal names it
    const tillB = await enrolledTerminal(server.url, TOKEN, 'Olaya', 'Till B');
    const refused = await push(tillB, docsA.slice(0, 2));
    expect(outcomes(refused)).toEqual(['store.certificate-other-terminal', 'store.icv-gap']);
    expect(refused.documents[0]!.params).toMatchObject({ terminal: tillA.terminalId, otherChain: docsA[0]!.chain });
    expect(await storedIcvs(tillB)).toEqual([]);
    // the genuine documents still go through, and the chain continues
    expect(outcomes(await push(tillA, docsA.slice(10)))).toEqual(['stored', 'stored']);
    expect(await storedIcvs(tillA)).toEqual(docsA.map((d) => d.icv));
  });

  it('takes a till enrolled again, with its old certificate, once the manager removed its old terminal', async () => {
    const again = await enrolledTerminal(server.url, TOKEN, 'Olaya', 'Till A again');
    expect(outcomes(await push(again, docsA.slice(0, 1)))).toEqual(['store.certificate-other-terminal']);
    await managerCall(server.url, TOKEN, '/manager/api/remove', { terminalId: tillA.terminalId });
    expect(outcomes(await push(again, docsA)).every((o) => o === 'stored')).toBe(true);
    expect(await storedIcvs(again)).toEqual(docsA.map((d) => d.icv));
  });

  it('fails a push whose checking thread dies, storing nothing, and the push sent again is stored', async () => {
    const egsC = createTestEgs();
    const tillC = await enrolledTerminal(server.url, TOKEN, 'Malaz', 'Till C');
    const docsC = await ledgerDocuments(egsC, 24);
    for (const w of threads.splice(0)) await w.terminate(); // the next push starts fresh threads, watched from the start
    let killed = 0;
    onThread = (w) => {
      // the first thread dies as soon as it runs, before it can answer any of the batches of the push it holds
      if (killed++ === 0) w.once('online', () => void w.terminate());
    };
    const refusal = await refusalOf(() => push(tillC, docsC));
    expect(refusal.code).toBe('store.check-unavailable');
    expect(refusal.params).toMatchObject({ reason: expect.stringContaining('exited') });
    expect(await storedIcvs(tillC)).toEqual([]);
    onThread = undefined;
    expect(outcomes(await push(tillC, docsC)).every((o) => o === 'stored')).toBe(true);
    expect(await storedIcvs(tillC)).toEqual(docsC.map((d) => d.icv));
  });

  it('stops', async () => {
    await server.close();
  });
});
