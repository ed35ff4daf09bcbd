// SPDX-License-Identifier: UNLICENSED
// Return reservations from real tills (docs/store-server.md, "Returns at another till"): two live tills onboarded on
// the Fatoora simulator and enrolled on one store server, on PGlite and on a real PostgreSQL cluster. A returning its
// own sale and B returning the same line of it at the same moment: exactly one credit note is issued, the other till
// is refused naming the field and the rule, its chain unchanged; the winner's push consumes its reservation. A
// return whose issuance fails releases its reservation at once. A, cut off from the server, still returns its own
// sale: the over-return that makes possible is stored with its push and shown on the manager page in both languages.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueResult } from '../../app/contract/types';
import { errorText } from '../../app/errors/index';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { startStoreServer } from '../../server/storeServer';
import { waitFor, type CallError } from '../app/support';
import { chainOf, enrolledLiveTill, MANAGER_PIN, type LiveTill } from './liveTills';
import { expectOverReturnShown } from './overReturnsPage';
import { useStorageBackends, useStoreServer } from './storageBackends';

const TOKEN = 'till-reservation-token';
const OTPS = { pglite: ['161803', '141421'], postgres: ['173205', '223606'] } as const;

describe.each(useStorageBackends())('return reservations from two live tills on $name', { timeout: 300_000 }, (backend) => {
  const running = useStoreServer(backend, TOKEN);
  let sim: FatooraSimulator;
  const tills: LiveTill[] = [];

  beforeAll(async () => {
    const otps = OTPS[backend.name];
    sim = await startFatooraSimulator({ otps: [...otps] });
    const till = (otp: string, name: string) => enrolledLiveTill({ fatooraUrl: sim.url, otp, storeUrl: running.server.url, token: TOKEN, name });
    tills.push(await till(otps[0], 'Till A'), await till(otps[1], 'Till B'));
  }, 300_000);
  afterAll(async () => {
    for (const t of tills.splice(0)) await t.app.close();
    await sim?.close();
  });

  const approval = async (t: LiveTill) => (await t.manager.call('approval.request', { pin: MANAGER_PIN, purpose: 'return' })).approvalId;
  const reservation = async (t: LiveTill, id: string) =>
    (
      await running.storage.query<{ state: string }>('SELECT state FROM return_reservations WHERE terminal_id = $1 AND reservation_id = $2', [t.terminalId, id])
    )[0]?.state;
  const atServer = async (uuid: string) =>
    (await running.storage.query<{ qr: string }>("SELECT qr FROM documents WHERE uuid = $1 AND kind = 'invoice'", [uuid]))[0];

  /** A's return of its own sale (`returns.create`), and B's of A's sale (`returns.foreign`): one line, by cash. */
  const ownReturn = async (number: string, quantity: string, requestId = randomUUID(), approvalId?: string) =>
    tills[0]!.manager.call('returns.create', {
      originalNumber: number,
      lines: [{ lineId: 1, quantity }],
      reason: 'returned at the selling till',
      refundMethod: 'cash',
      approvalId: approvalId ?? (await approval(tills[0]!)),
      requestId,
    });
  const foreignReturn = async (uuid: string, quantity: string, requestId = randomUUID()) =>
    tills[1]!.manager.call('returns.foreign', {
      originalUuid: uuid,
      lines: [{ lineId: 1, quantity }],
      reason: 'returned at the other till',
      refundMethod: 'cash',
      approvalId: await approval(tills[1]!),
      requestId,
    });

  /** A sale of 3 milk at A, pushed; answers its number, UUID and QR. */
  async function soldAtA(): Promise<{ number: string; uuid: string; qr: string }> {
    const a = tills[0]!;
    const milk = a.app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
    const sale = await a.manager.call('sale.complete', {
      lines: [{ productId: milk, quantity: '3' }],
      payments: [{ method: 'cash', amount: '100' }],
      saleId: randomUUID(),
    });
    const uuid = a.app.core.current().db.prepare<[string], { uuid: string }>('SELECT uuid FROM documents WHERE number = ?').get(sale.document.number)!.uuid;
    await waitFor(async () => (await atServer(uuid)) !== undefined, 60_000, 'A’s sale at the store server');
    return { number: sale.document.number, uuid, qr: (await atServer(uuid))!.qr };
  }

  it('issues one credit note when A and B return the same line at once; the other till is refused and issues nothing', async () => {
    const [a, b] = tills as [LiveTill, LiveTill];
    const sale = await soldAtA();
    const found = await b.manager.call('returns.findForeign', { query: sale.qr });
    const chains = { a: chainOf(a).length, b: chainOf(b).length };
    const ids = { a: randomUUID(), b: randomUUID() };
    const [atA, atB] = await Promise.allSettled([ownReturn(sale.number, '2', ids.a), foreignReturn(found.uuid, '2', ids.b)]);
    const outcomes = [
      { till: a, id: ids.a, outcome: atA, chain: chains.a },
      { till: b, id: ids.b, outcome: atB, chain: chains.b },
    ];
    const won = outcomes.filter((o) => o.outcome.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]!;
    const loser = lost[0]!;
    expect((winner.outcome as PromiseFulfilledResult<IssueResult>).value.document.kind).toBe('credit-note');
    const refusal = ((loser.outcome as PromiseRejectedResult).reason as CallError).error;
    expect(refusal).toMatchObject({
      reason: 'return.reservation-refused',
      field: 'lines.0.quantity',
      params: { line: 1, number: sale.number, quantity: '2', sold: '3', left: '1' },
    });
    // sold 3, and 2 held by the winner: reserved until its push lands, returned after
    expect(Number(refusal.params.returned) + Number(refusal.params.reserved)).toBe(2);
    expect(errorText(refusal.reason, refusal.params, 'ar')).toContain('لا تتجاوز الكميات المرجعة ما بيع');
    expect(chainOf(loser.till)).toHaveLength(loser.chain);
    expect(chainOf(winner.till)).toHaveLength(winner.chain + 1);
    // nothing held for the loser; the winner's reservation is consumed by its note's push
    expect(await reservation(loser.till, loser.id)).toBeUndefined();
    await waitFor(async () => (await reservation(winner.till, winner.id)) === 'consumed', 60_000, 'the winner’s reservation consumed by its push');

    // 2 more at B: only 1 is left, by B's own check of the shop's figures
    await expect(foreignReturn(found.uuid, '2')).rejects.toMatchObject({ error: { reason: 'return.foreign-exceeds' } });
    const left = await b.manager.call('returns.findForeign', { query: sale.qr });
    expect(left.lines.map((l) => [l.returned, l.returnable])).toEqual([['2', '1']]);
  });

  it('releases the reservation of a return whose issuance fails, so the quantity is free at once', async () => {
    const [a, b] = tills as [LiveTill, LiveTill];
    const sale = await soldAtA();
    const requestId = randomUUID();
    // reserved at the server, then refused by the counter: the approval is not one the manager granted
    const failed = await a.manager.refusal('returns.create', {
      originalNumber: sale.number,
      lines: [{ lineId: 1, quantity: '3' }],
      reason: 'returned at the selling till',
      refundMethod: 'cash',
      approvalId: randomUUID(),
      requestId,
    });
    expect(failed.reason).toBe('approval.missing');
    expect(await reservation(a, requestId)).toBe('released');
    // all 3 are returnable at B straight away
    const found = await b.manager.call('returns.findForeign', { query: sale.qr });
    const note = await foreignReturn(found.uuid, '3');
    expect(note.document.kind).toBe('credit-note');
  });

  it('lets A return its own sale while cut off from the server, and shows the over-return once its push lands', async () => {
    const [a, b] = tills as [LiveTill, LiveTill];
    const sale = await soldAtA();
    const found = await b.manager.call('returns.findForeign', { query: sale.qr });
    const requestId = randomUUID();
    await foreignReturn(found.uuid, '2', requestId);
    await waitFor(async () => (await reservation(b, requestId)) === 'consumed', 60_000, 'B’s return at the store server');

    // A is cut off: its own sale is returned against its own ledger, which knows nothing of B's note
    const port = new URL(running.server.url).port;
    await running.server.close();
    const chainA = chainOf(a).length;
    let note: IssueResult;
    try {
      note = await ownReturn(sale.number, '2');
    } finally {
      running.server = await startStoreServer({ storage: running.storage, managerToken: TOKEN, port: Number(port), log: () => undefined });
    }
    expect(note.document.kind).toBe('credit-note');
    expect(chainOf(a)).toHaveLength(chainA + 1);

    // its push is stored — the note is signed and A's — and the line returned 4 times of 3 is recorded
    await waitFor(
      async () => (await running.storage.query('SELECT 1 FROM over_returns WHERE original_uuid = $1', [sale.uuid])).length === 1,
      120_000,
      'A’s offline note at the server, recorded as an over-return',
    );
    const [flag] = await running.storage.query<{ terminal_id: string; sold: string; returned: string }>(
      'SELECT terminal_id, sold::text AS sold, returned::text AS returned FROM over_returns WHERE original_uuid = $1',
      [sale.uuid],
    );
    expect([flag!.terminal_id, Number(flag!.sold), Number(flag!.returned)]).toEqual([a.terminalId, 3, 4]);
    await expectOverReturnShown(running.server.url, TOKEN, [`${sale.number} (Till A)`, 1, 3, 4, `${note.document.number} — Olaya / Till A`]);
  });
});
