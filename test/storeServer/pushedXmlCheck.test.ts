// SPDX-License-Identifier: UNLICENSED
// The store server's own check of each pushed document and its record of returns across tills
// (docs/store-server.md, "Push" and "Returns at another till"), on PGlite and on a real PostgreSQL cluster: a hash
// that is not the XML's, or an XML saying another ICV/PIH/UUID/number than pushed, is refused and nothing of its chain
// after it is stored; a credit note's returned quantities are kept against its original, once, and the shop's
// search answers them.
import { describe, expect, it } from 'vitest';
import { computeInvoiceHash } from '../../app/stamp/invoiceHash';
import { signedRequest, type StoreCredentials } from '../../main/storeSync/storeClient';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { chainedDocuments, enrolledTerminal, fixtureXml } from './storeFixtures';

const TOKEN = 'xml-check-token';
const SALE = {
  pricesIncludeVat: true,
  lines: [
    { name: 'Milk', quantity: '3', unitPrice: '7.50', vat: { category: 'S', rate: '15' } },
    { name: 'Dates', quantity: '0.750', unitCode: 'KGM', unitPrice: '39.99', vat: { category: 'S', rate: '15' } },
  ],
};

describe.each(useStorageBackends())('pushed documents checked against their XML on $name', (backend) => {
  const running = useStoreServer(backend, TOKEN);
  const push = (t: StoreCredentials, body: unknown) => signedRequest(t, 'POST', '/api/push', body) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers read by the tests
  const stored = async (t: StoreCredentials) =>
    (await running.storage.query<{ icv: number }>('SELECT icv FROM documents WHERE terminal_id = $1 ORDER BY icv', [t.terminalId])).map((r) => r.icv);

  it('refuses a document whose hash is not its XML’s, and holds the rest of its chain', async () => {
    const t = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till hash');
    const docs = chainedDocuments('hashchk', 1, 4);
    // the XML changed after signing: one letter of a line's name
    const tampered = { ...docs[1]!, xml: docs[1]!.xml.replace('Fresh milk 2', 'Fresh milk 9') };
    const answer = await push(t, { documents: [docs[0], tampered, docs[2], docs[3]], records: [] });
    expect(answer.documents.map((d: { outcome: string; code?: string }) => d.code ?? d.outcome)).toEqual([
      'stored',
      'store.hash-mismatch',
      'store.icv-gap',
      'store.icv-gap',
    ]);
    expect(answer.documents[1].params).toMatchObject({ icv: 2, hash: computeInvoiceHash(tampered.xml) });
    expect(answer.documents[2].params).toMatchObject({ icv: 3, expected: 2 });
    expect(await stored(t)).toEqual([1]);
    // the genuine document then goes through, and the chain continues
    const healed = await push(t, { documents: docs.slice(1), records: [] });
    expect(healed.documents.map((d: { outcome: string }) => d.outcome)).toEqual(['stored', 'stored', 'stored']);
    expect(await stored(t)).toEqual([1, 2, 3, 4]);
  });

  it('refuses an XML naming another ICV, PIH, UUID or number than pushed, and one that is not XML', async () => {
    const t = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till labels');
    const [d] = chainedDocuments('labels', 1, 1);
    const relabelled = (xml: string) => ({ ...d!, xml, hash: computeInvoiceHash(xml) });
    const base = { number: d!.number, uuid: d!.uuid, icv: 1, pih: d!.pih, qr: d!.qr, issueDate: d!.issueDate };
    const cases = [
      ['icv', relabelled(fixtureXml({ ...base, icv: 7 }))],
      ['pih', relabelled(fixtureXml({ ...base, pih: d!.hash }))],
      ['uuid', relabelled(fixtureXml({ ...base, uuid: '00000000-0000-4000-8000-000000000000' }))],
      ['number', relabelled(fixtureXml({ ...base, number: 'OTHER-1' }))],
    ] as const;
    for (const [field, doc] of cases) {
      const answer = await push(t, { documents: [doc], records: [] });
      expect(answer.documents[0]).toMatchObject({ outcome: 'refused', code: 'store.xml-mismatch', params: { field } });
    }
    const junk = await push(t, { documents: [{ ...d!, xml: '<Invoice><oops></Invoice>' }], records: [] });
    expect(junk.documents[0]).toMatchObject({ outcome: 'refused', code: 'store.xml-unreadable' });
    expect(await stored(t)).toEqual([]);
  });

  it('keeps what each credit note returned against its original, once, and the search answers it', async () => {
    const a = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till A');
    const b = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till B');
    const [sale] = chainedDocuments('retA', 1, 1).map((d) => ({ ...d, sale: SALE }));
    expect((await push(a, { documents: [sale], records: [] })).documents[0].outcome).toBe('stored');
    const notes = chainedDocuments('retB', 1, 2).map((d, i) => ({
      ...d,
      kind: 'credit-note' as const,
      billingReference: sale!.number,
      returns: {
        originalUuid: sale!.uuid,
        lines:
          i === 0
            ? [{ line: 1, quantity: '1' }]
            : [
                { line: 1, quantity: '1' },
                { line: 2, quantity: '0.250' },
              ],
      },
    }));
    await push(b, { documents: notes, records: [] });
    // a repeat after a lost answer: duplicates, nothing counted twice
    expect((await push(b, { documents: notes, records: [] })).documents.map((d: { outcome: string }) => d.outcome)).toEqual(['duplicate', 'duplicate']);
    type Found = { uuid: string; returned: { line: number; quantity: string }[] } & Record<string, unknown>;
    const search = async (t: StoreCredentials) =>
      ((await signedRequest(t, 'GET', `/api/documents?number=${encodeURIComponent(sale!.number)}`)) as { documents: Found[] }).documents.find(
        (f) => f.uuid === sale!.uuid,
      )!;
    const original = await search(a);
    expect(original).toMatchObject({ terminal_name: 'Till A', profile: 'simplified', sale: SALE });
    expect(original.returned.map((r) => [r.line, Number(r.quantity)])).toEqual([
      [1, 2],
      [2, 0.25],
    ]);
    // the till that returned them adds its own from its ledger (also what it has not pushed yet): left out for it
    expect((await search(b)).returned).toEqual([]);
  });
});
