// SPDX-License-Identifier: UNLICENSED
// The audit trail of every till on the manager page and its JSON (docs/store-server.md, "Manager page"), on PGlite
// and PostgreSQL: events two tills pushed (signed pushes, as a till's push worker sends them) shown for the Riyadh
// day they happened on, newest first, by branch on request, in English and Arabic, with what a till sent escaped.
import { describe, expect, it } from 'vitest';
import { signedRequest, type StoreCredentials } from '../../main/storeSync/storeClient';
import { managerFetch } from './managerFetch';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { enrolledTerminal } from './storeFixtures';

const TOKEN = 'manager-audit-token';

const event = (id: string, occurredAt: string, body: Record<string, unknown>) => ({ eventId: id, kind: 'audit', occurredAt, body });

describe.each(useStorageBackends())('audit trail on the manager page on $name', (backend) => {
  const running = useStoreServer(backend, TOKEN);
  const manager = async (path: string) => {
    const response = await managerFetch(new URL(path, running.server.url), { headers: { authorization: `Bearer ${TOKEN}` } });
    return { status: response.status, text: await response.text() };
  };
  const push = (t: StoreCredentials, records: unknown[]) => signedRequest(t, 'POST', '/api/push', { documents: [], records });

  it('shows every till’s events of the Riyadh day, newest first, by branch, in both languages, escaped', async () => {
    const a = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till A');
    const b = await enrolledTerminal(running.server.url, TOKEN, 'Malaz', 'Till B');
    await push(a, [
      // 2026-11-20 00:30 in Riyadh is 21:30 UTC the day before: it belongs to the 20th
      event('audit-1', '2026-11-19T21:30:00.000Z', {
        kind: 'drawer-open',
        user: 'Sara',
        approvedBy: null,
        document: null,
        before: null,
        after: null,
        reason: 'change for a note',
      }),
      event('audit-2', '2026-11-20T09:15:00.000Z', {
        kind: 'price-override',
        user: 'Sara',
        approvedBy: 'Omar',
        document: 'A-000012',
        before: '7.50',
        after: '6.00',
        reason: '<b>damaged</b>',
      }),
      // 21:00 UTC on the 20th is already the 21st in Riyadh
      event('audit-3', '2026-11-20T21:00:00.000Z', {
        kind: 'void',
        user: 'Sara',
        approvedBy: null,
        document: null,
        before: null,
        after: null,
        reason: 'next day',
      }),
    ]);
    await push(b, [
      event('audit-1', '2026-11-20T10:00:00.000Z', {
        kind: 'refund',
        user: 'Huda',
        approvedBy: 'Omar',
        document: 'B-000003',
        before: null,
        after: '12.50',
        reason: 'wrong size',
      }),
    ]);

    const page = (await manager('/manager?date=2026-11-20')).text;
    const section = page.slice(page.indexOf('data-test="audit"'), page.indexOf('data-test="over-returns"'));
    const rows = [...section.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual([
      ['13:00:00', 'Malaz / Till B', 'refund'],
      ['12:15:00', 'Olaya / Till A', 'price-override'],
      ['00:30:00', 'Olaya / Till A', 'drawer-open'],
    ]);
    expect(section).toContain('7.50 → 6.00');
    expect(section).toContain('&lt;b&gt;damaged&lt;/b&gt;');
    expect(section).not.toContain('<b>damaged</b>');
    expect(section).not.toContain('next day');

    const olaya = (await manager('/manager?date=2026-11-20&branch=Olaya')).text;
    const olayaSection = olaya.slice(olaya.indexOf('data-test="audit"'), olaya.indexOf('data-test="over-returns"'));
    expect(olayaSection).toContain('price-override');
    expect(olayaSection).not.toContain('Till B');

    const arabic = (await manager('/manager?date=2026-11-20&lang=ar')).text;
    expect(arabic).toContain('سجل التدقيق لكل الصناديق');
    expect(arabic).toContain('وافق عليه');

    const json = JSON.parse((await manager('/manager/api/audit?date=2026-11-21')).text) as { ok: boolean; value: Record<string, unknown>[] };
    expect(json.ok).toBe(true);
    expect(json.value).toEqual([
      {
        branch: 'Olaya',
        till: 'Till A',
        at: '2026-11-20T21:00:00.000Z',
        kind: 'void',
        user: 'Sara',
        approvedBy: null,
        document: null,
        before: null,
        after: null,
        reason: 'next day',
      },
    ]);
    const bad = await manager('/manager/api/audit?date=20-11-2026');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('input.date');
  });
});
