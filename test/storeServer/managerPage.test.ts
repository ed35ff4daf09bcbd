// SPDX-License-Identifier: UNLICENSED
// The manager's side of the store server (docs/store-server.md, "Manager page") on PGlite and PostgreSQL: the
// consolidated day by branch, till, cashier, payment type and VAT category, checked against sums made here from
// what was pushed; the fleet; the search by number and QR, also from another till (a return of till A's sale at
// till B); the page in Arabic and English, with everything a till sent escaped.
import { describe, expect, it } from 'vitest';
import type { PushedDocument } from '../../app/contract/storeSync';
import { signedRequest, type StoreCredentials } from '../../main/storeSync/storeClient';
import { dayTotalsStore } from '../../server/stores/dayTotalsStore';
import { managerFetch } from './managerFetch';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { chainedDocuments, enrolledTerminal } from './storeFixtures';

const TOKEN = 'manager-page-token';
const DAY = '2026-11-20';
const halalas = (s: string) => Math.round(Number(s) * 100);
const sar = (h: number) => (h / 100).toFixed(2);

/** Documents of one till with varied amounts, VAT categories, payments and cashiers; every fourth a credit note. */
function variedDocuments(chain: string, count: number, cashiers: string[]): PushedDocument[] {
  return chainedDocuments(chain, 1, count, undefined, DAY).map((d, i) => {
    const standard = 1000 + 137 * i; // halalas
    const zero = i % 3 === 0 ? 250 + i : 0;
    const vat = Math.round(standard * 0.15);
    const total = standard + vat + zero;
    const breakdown: PushedDocument['vatBreakdown'] = [{ category: 'S', rate: '15', taxable: sar(standard), vat: sar(vat) }];
    if (zero > 0) breakdown.push({ category: 'Z', rate: '0', taxable: sar(zero), vat: '0.00' });
    const card = i % 2 === 0 ? Math.floor(total / 2) : 0;
    const payments = [{ means: 'cash', amount: sar(total - card) }, ...(card > 0 ? [{ means: 'card', amount: sar(card) }] : [])];
    return {
      ...d,
      kind: i % 4 === 3 ? ('credit-note' as const) : ('invoice' as const),
      cashier: cashiers[i % cashiers.length]!,
      totals: { taxExclusive: sar(standard + zero), vat: sar(vat), taxInclusive: sar(total) },
      vatBreakdown: breakdown,
      payments,
    };
  });
}

function expectedSums(docs: readonly PushedDocument[], key: (d: PushedDocument) => string) {
  const sums = new Map<string, { documents: number; total: number }>();
  for (const d of docs) {
    const sign = d.kind === 'credit-note' ? -1 : 1;
    const entry = sums.get(key(d)) ?? { documents: 0, total: 0 };
    sums.set(key(d), { documents: entry.documents + 1, total: entry.total + sign * halalas(d.totals.taxInclusive) });
  }
  return [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => ({ key: k, documents: v.documents, total: sar(v.total) }));
}

describe.each(useStorageBackends())('manager page on $name', (backend) => {
  const running = useStoreServer(backend, TOKEN);
  const manager = async (path: string) => {
    const response = await managerFetch(new URL(path, running.server.url), { headers: { authorization: `Bearer ${TOKEN}` } });
    return { status: response.status, text: await response.text() };
  };

  it('adds up the day of every till by branch, till, cashier, payment type and VAT category', async () => {
    const a = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till A');
    const b = await enrolledTerminal(running.server.url, TOKEN, 'Malaz', 'Till B');
    const docsA = variedDocuments('pagea', 13, ['Noura', 'Fahad']);
    const docsB = variedDocuments('pageb', 9, ['Fahad', '<b>Sara</b>']);
    await signedRequest(a, 'POST', '/api/push', { documents: docsA, records: [] });
    await signedRequest(b, 'POST', '/api/push', { documents: docsB, records: [] });
    // another day, which the report must leave out
    await signedRequest(b, 'POST', '/api/push', { documents: chainedDocuments('pagec', 1, 2, undefined, '2026-11-21'), records: [] });

    const day = JSON.parse((await manager(`/manager/api/day?date=${DAY}`)).text).value;
    const all = [...docsA, ...docsB];
    const pick = (rows: { key: string; documents: number; total: string }[]) => rows.map(({ key, documents, total }) => ({ key, documents, total }));
    const branchOf = (d: PushedDocument) => (d.chain === 'pagea' ? 'Olaya' : 'Malaz');
    expect(pick(day.branch)).toEqual(expectedSums(all, branchOf));
    expect(pick(day.till)).toEqual(expectedSums(all, (d) => `${branchOf(d)} / ${d.chain === 'pagea' ? 'Till A' : 'Till B'}`));
    expect(pick(day.cashier)).toEqual(expectedSums(all, (d) => d.cashier));
    const vatS = all.reduce((s, d) => s + (d.kind === 'credit-note' ? -1 : 1) * halalas(d.vatBreakdown[0]!.vat), 0);
    expect(day.vat.find((r: { key: string }) => r.key.startsWith('S 15')).vat).toBe(sar(vatS));
    const cash = all.reduce((s, d) => s + (d.kind === 'credit-note' ? -1 : 1) * halalas(d.payments[0]!.amount), 0);
    expect(day.payment.find((r: { key: string }) => r.key === 'cash').total).toBe(sar(cash));
    // the running totals kept by each push are what the raw documents give
    await dayTotalsStore.rebuild(running.storage);
    expect(JSON.parse((await manager(`/manager/api/day?date=${DAY}`)).text).value).toEqual(day);
    const olaya = JSON.parse((await manager(`/manager/api/day?date=${DAY}&branch=Olaya`)).text).value;
    expect(pick(olaya.branch)).toEqual(expectedSums(docsA, branchOf));

    const bad = await manager('/manager/api/day?date=2026-02-30');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.problems[0]).toMatchObject({ path: 'date', code: 'input.date' });

    const page = await manager(`/manager?lang=ar&date=${DAY}`);
    expect(page.text).toContain('dir="rtl"');
    expect(page.text).toContain('حسب طريقة الدفع');
    expect(page.text).toContain('&lt;b&gt;Sara&lt;/b&gt;');
    expect(page.text).not.toContain('<b>Sara</b>');
    expect(page.text).toContain('Olaya / Till A');
  });

  it('finds a document of another till by number and by QR, for a return at till B', async () => {
    const a = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till C');
    const b: StoreCredentials = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till D');
    const [sale] = chainedDocuments('findme', 1, 1, undefined, DAY);
    await signedRequest(a, 'POST', '/api/push', { documents: [sale], records: [] });
    const byNumber = (await signedRequest(b, 'GET', `/api/documents?number=${encodeURIComponent(sale!.number)}`)) as {
      documents: { xml: string; terminal_name: string }[];
    };
    expect(byNumber.documents).toHaveLength(1);
    expect(byNumber.documents[0]).toMatchObject({ xml: sale!.xml, terminal_name: 'Till C' });
    const byQr = (await signedRequest(b, 'GET', `/api/documents?qr=${encodeURIComponent(sale!.qr)}`)) as { documents: { number: string }[] };
    expect(byQr.documents.map((d) => d.number)).toEqual([sale!.number]);
    const page = await manager(`/manager?q=${encodeURIComponent(sale!.number)}`);
    expect(page.text).toContain('Olaya / Till C');
    const none = await manager('/manager?q=NOPE-1');
    expect(none.text).toContain('No document found.');
  });

  it('shows the fleet, sets the manager cookie from the token link, and creates codes from the page form', async () => {
    const t = await enrolledTerminal(running.server.url, TOKEN, 'Rawdah', 'Till E');
    const old = new Date(Date.now() - 30 * 3600_000).toISOString();
    await signedRequest(t, 'POST', '/api/push', {
      documents: [],
      records: [],
      status: { reportingQueue: 4, oldestUnreportedAt: old, certificateExpiresAt: '2027-05-01T00:00:00.000Z' },
    });
    const link = await managerFetch(new URL(`/manager?token=${TOKEN}&lang=en`, running.server.url));
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe('/manager?lang=en');
    const cookie = link.headers.get('set-cookie')!.split(';')[0]!;
    const page = await (await managerFetch(new URL('/manager', running.server.url), { headers: { cookie } })).text();
    expect(page).toMatch(/Rawdah \/ Till E<\/td><td>2027-05-01<\/td><td>4<\/td><td>[^<]+ — over 24 h<\/td>/);
    const form = await managerFetch(new URL('/manager/codes', running.server.url), {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'branch=Rawdah&terminalName=Till+F',
    });
    expect(await form.text()).toMatch(/<strong>[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}<\/strong> — Rawdah \/ Till F/);
    expect((await managerFetch(new URL('/manager', running.server.url))).status).toBe(401);
  });
});
