// SPDX-License-Identifier: UNLICENSED
// Return reservations at the store server (docs/store-server.md, "Returns at another till"), over real HTTPS on
// embedded PGlite and on a real PostgreSQL cluster: tills racing to reserve the same line — exactly one wins, the others
// are refused naming the line, its item, sold, returned, reserved and the rule; the same reservation asked again is
// answered as the first time; the credit note's push consumes it; a released or expired one frees its quantity; and a
// credit note issued offline that takes a line beyond what was sold is stored and shown on the manager page, in English
// and in Arabic.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PushedDocument } from '../../app/contract/storeSync';
import { errorText, type ErrorCode } from '../../app/errors/index';
import { signedRequest, type StoreCredentials } from '../../main/storeSync/storeClient';
import type { Storage } from '../../server/db/storage';
import { startStoreServer } from '../../server/storeServer';
import { managerFetch } from './managerFetch';
import { expectOverReturnShown } from './overReturnsPage';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { chainedDocuments, enrolledTerminal, refusalOf } from './storeFixtures';

const TOKEN = 'reservation-manager-token';

describe.each(useStorageBackends())('return reservations on $name', (backend) => {
  const running = useStoreServer(backend, TOKEN);

  /** A fresh chain label whose first four characters (the fixture's number prefix) are its own. */
  const chain = () => randomUUID().replace(/-/g, '').slice(0, 12);
  const push = (t: StoreCredentials, documents: PushedDocument[], now?: () => Date) =>
    signedRequest(t, 'POST', '/api/push', { documents, records: [] }, now ? { now } : {}) as Promise<{ documents: { outcome: string }[] }>;
  const reserve = (t: StoreCredentials, body: Record<string, unknown>, now?: () => Date) =>
    signedRequest(t, 'POST', '/api/returns/reserve', body, now ? { now } : {}) as Promise<{ reservationId: string; state: string; expiresAt: string }>;
  const release = (t: StoreCredentials, reservationId: string) =>
    signedRequest(t, 'POST', '/api/returns/release', { reservationId }) as Promise<{ state: string }>;
  const stateOf = async (t: StoreCredentials, id: string) =>
    (
      await running.storage.query<{ state: string }>('SELECT state FROM return_reservations WHERE terminal_id = $1 AND reservation_id = $2', [t.terminalId, id])
    )[0]?.state;

  /** An invoice of `seller` with a line of 3 milk and a line of 1.5 kg dates, pushed; answers it. */
  async function sold(seller: StoreCredentials): Promise<PushedDocument> {
    const [invoice] = chainedDocuments(chain(), 1, 1);
    const sale = {
      pricesIncludeVat: true,
      lines: [
        { name: 'حليب طازج | Fresh milk', quantity: '3', unitPrice: '7.50', vat: { category: 'S', rate: '15' } },
        { name: 'تمر | Dates', quantity: '1.5', unitCode: 'KGM', unitPrice: '39.99', vat: { category: 'S', rate: '15' } },
      ],
    };
    const doc = { ...invoice!, sale };
    expect((await push(seller, [doc])).documents[0]!.outcome).toBe('stored');
    return doc;
  }

  /** A credit note of `till` returning these lines of `invoice`, as its push carries it. */
  const creditNote = (invoice: PushedDocument, lines: { line: number; quantity: string }[]): PushedDocument => ({
    ...chainedDocuments(chain(), 1, 1)[0]!,
    kind: 'credit-note',
    billingReference: invoice.number,
    totals: { taxExclusive: '-13.04', vat: '-1.96', taxInclusive: '-15.00' },
    vatBreakdown: [{ category: 'S', rate: '15', taxable: '-13.04', vat: '-1.96' }],
    payments: [{ means: 'cash', amount: '-15.00' }],
    returns: { originalUuid: invoice.uuid, lines },
  });

  const ask = (invoice: PushedDocument, lines: { line: number; quantity: string; sold?: string; name?: string }[], reservationId = randomUUID()) => ({
    reservationId,
    originalUuid: invoice.uuid,
    originalNumber: invoice.number,
    lines,
  });

  /**
   * The same database, with a pause after every statement of a transaction: a reservation's check and its grant are
   * then far apart, so tills asking at once are all between the two at the same time — the race, made certain. Only
   * the server's lock on the invoice keeps them apart (on PGlite, its one connection does too).
   */
  const widened = (s: Storage): Storage => ({
    kind: s.kind,
    query: (sql, params) => s.query(sql, params),
    script: (tx, sql) => s.script(tx, sql),
    close: async () => undefined,
    transaction: (work) =>
      s.transaction((tx) =>
        work({
          async query<Row extends object>(sql: string, params?: readonly unknown[]) {
            const rows = await tx.query<Row>(sql, params);
            await new Promise((resolve) => setTimeout(resolve, 25));
            return rows;
          },
        }),
      ),
  });

  it('lets exactly one of several tills racing for the same line reserve it; the others are refused naming the line', async () => {
    const a = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Race A');
    const tills = [await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Race B'), await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Race C')];
    const invoice = await sold(a);
    const slow = await startStoreServer({ storage: widened(running.storage), managerToken: TOKEN, log: () => undefined });
    let outcomes: PromiseSettledResult<{ state: string }>[];
    try {
      // six reservations of 2 of the 3 milk, fired together from two tills: one fits
      const at = (t: StoreCredentials): StoreCredentials => ({ ...t, url: slow.url, fingerprint: slow.fingerprint });
      outcomes = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => reserve(at(tills[i % 2]!), ask(invoice, [{ line: 1, quantity: '2' }]))));
    } finally {
      await slow.close();
    }
    const granted = outcomes.filter((o) => o.status === 'fulfilled');
    expect(granted).toHaveLength(1);
    expect((granted[0] as PromiseFulfilledResult<{ state: string }>).value.state).toBe('active');
    for (const o of outcomes.filter((x) => x.status === 'rejected')) {
      const refusal = (o as PromiseRejectedResult).reason as { code: ErrorCode; params: Record<string, string | number>; field?: string };
      expect(refusal).toMatchObject({
        code: 'return.reservation-refused',
        field: 'lines.0.quantity',
        params: { line: 1, name: 'حليب طازج | Fresh milk', number: invoice.number, quantity: '2', sold: '3', returned: '0', reserved: '2', left: '1' },
      });
      expect(errorText(refusal.code, refusal.params, 'en')).toMatch(/returned quantities never exceed what was sold/);
      expect(errorText(refusal.code, refusal.params, 'ar')).toContain('لا تتجاوز الكميات المرجعة ما بيع');
    }
    const held = await running.storage.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM return_reservations WHERE original_uuid = $1 AND state = 'active'",
      [invoice.uuid],
    );
    expect(held[0]!.n).toBe(1);
    // the other line is untouched by the race: its 1.5 kg are all there
    expect((await reserve(tills[0]!, ask(invoice, [{ line: 2, quantity: '1.5' }]))).state).toBe('active');
  });

  it('answers the same reservation asked again as the first time, counting it once', async () => {
    const a = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Retry A');
    const b = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Retry B');
    const invoice = await sold(a);
    const body = ask(invoice, [{ line: 1, quantity: '2' }]);
    const first = await reserve(b, body);
    const again = await reserve(b, body);
    expect(again).toEqual(first);
    // counted once: 1 is still left for A, and nothing more
    expect((await reserve(a, ask(invoice, [{ line: 1, quantity: '1' }]))).state).toBe('active');
    const over = await refusalOf(() => reserve(a, ask(invoice, [{ line: 1, quantity: '0.5' }])));
    expect(over).toMatchObject({ code: 'return.reservation-refused', params: { reserved: '3', left: '0' } });
    // the same id for another invoice is refused, changing nothing
    const other = await sold(a);
    const conflict = await refusalOf(() => reserve(b, { ...ask(other, [{ line: 1, quantity: '1' }]), reservationId: body.reservationId }));
    expect(conflict).toMatchObject({ code: 'return.reservation-conflict', field: 'reservationId' });
    expect(await stateOf(b, body.reservationId)).toBe('active');
    // a line the invoice does not have
    const noLine = await refusalOf(() => reserve(b, ask(invoice, [{ line: 3, quantity: '1' }])));
    expect(noLine).toMatchObject({ code: 'return.reservation-no-line', params: { line: 3, number: invoice.number } });
  });

  it('takes the selling till’s own figures only while the server does not hold the invoice yet', async () => {
    const a = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Unpushed A');
    const [invoice] = chainedDocuments(chain(), 1, 1);
    // A returns its own sale before its push landed: the server has only A's word for what was sold
    const unknown = await refusalOf(() => reserve(a, ask(invoice!, [{ line: 1, quantity: '1' }])));
    expect(unknown).toMatchObject({ code: 'return.reservation-unknown', field: 'lines.0.quantity', params: { number: invoice!.number } });
    const own = (quantity: string) => ask(invoice!, [{ line: 1, quantity, sold: '2', name: 'Fresh milk' }]);
    expect((await reserve(a, own('2'))).state).toBe('active');
    expect(await refusalOf(() => reserve(a, own('1')))).toMatchObject({ code: 'return.reservation-refused', params: { sold: '2', reserved: '2' } });
    // once it is there, the server's copy decides (3 sold), whatever the till says
    const sale = { pricesIncludeVat: true, lines: [{ name: 'Fresh milk', quantity: '3', unitPrice: '7.50', vat: { category: 'S', rate: '15' } }] };
    expect((await push(a, [{ ...invoice!, sale }])).documents[0]!.outcome).toBe('stored');
    expect((await reserve(a, own('1'))).state).toBe('active');
  });

  it('is consumed by the credit note’s push, which leaves the shop’s figures where the reservation had them', async () => {
    const a = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Push A');
    const b = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Push B');
    const invoice = await sold(a);
    const body = ask(invoice, [
      { line: 1, quantity: '2' },
      { line: 2, quantity: '0.5' },
    ]);
    await reserve(b, body);
    expect((await push(b, [creditNote(invoice, body.lines)])).documents[0]!.outcome).toBe('stored');
    expect(await stateOf(b, body.reservationId)).toBe('consumed');
    // asked again after its push: answered consumed, holding nothing twice
    expect((await reserve(b, body)).state).toBe('consumed');
    // 1 milk left (3 − 2 returned, no active reservation), and 1 kg of dates
    const over = await refusalOf(() => reserve(a, ask(invoice, [{ line: 1, quantity: '2' }])));
    expect(over).toMatchObject({ code: 'return.reservation-refused', params: { sold: '3', returned: '2', reserved: '0', left: '1' } });
    expect(
      (
        await reserve(
          a,
          ask(invoice, [
            { line: 1, quantity: '1' },
            { line: 2, quantity: '1' },
          ]),
        )
      ).state,
    ).toBe('active');
    expect(await running.storage.query('SELECT 1 FROM over_returns WHERE original_uuid = $1', [invoice.uuid])).toEqual([]);
  });

  it('frees the quantity of a reservation released after a failed issuance, and of one that expired', async () => {
    const a = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Free A');
    const b = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Free B');
    const invoice = await sold(a);
    const body = ask(invoice, [{ line: 1, quantity: '3' }]);
    await reserve(b, body);
    expect((await refusalOf(() => reserve(a, ask(invoice, [{ line: 1, quantity: '1' }])))).code).toBe('return.reservation-refused');
    expect((await release(b, body.reservationId)).state).toBe('released');
    expect(await stateOf(b, body.reservationId)).toBe('released');
    const byA = ask(invoice, [{ line: 1, quantity: '3' }]);
    expect((await reserve(a, byA)).state).toBe('active');

    // A's reservation is never consumed: once its time is over, a server whose clock passed it grants the 3 to B
    let clock = new Date();
    const later = await startStoreServer({ storage: running.storage, managerToken: TOKEN, now: () => clock, log: () => undefined });
    try {
      const atLater = (t: StoreCredentials): StoreCredentials => ({ ...t, url: later.url, fingerprint: later.fingerprint });
      const refused = await refusalOf(() => reserve(atLater(b), ask(invoice, [{ line: 1, quantity: '3' }]), () => clock));
      expect(refused).toMatchObject({ code: 'return.reservation-refused', params: { reserved: '3', left: '0' } });
      clock = new Date(Date.now() + 11 * 60_000);
      expect((await reserve(atLater(b), ask(invoice, [{ line: 1, quantity: '3' }]), () => clock)).state).toBe('active');
      // A's own retry of the expired reservation now finds nothing left
      const late = await refusalOf(() => reserve(atLater(a), byA, () => clock));
      expect(late).toMatchObject({ code: 'return.reservation-refused', params: { reserved: '3', left: '0' } });
    } finally {
      await later.close();
    }
  });

  it('stores a credit note issued offline beyond what is left, and shows the over-return on the manager page', async () => {
    const a = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Offline A');
    const b = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Offline B');
    const invoice = await sold(a);
    // B credits 2 milk with a reservation; A, cut off, credited 2 of its own sale without one
    const byB = ask(invoice, [{ line: 1, quantity: '2' }]);
    await reserve(b, byB);
    const noteB = creditNote(invoice, byB.lines);
    expect((await push(b, [noteB])).documents[0]!.outcome).toBe('stored');
    const noteA = creditNote(invoice, [{ line: 1, quantity: '2' }]);
    expect((await push(a, [noteA])).documents[0]!.outcome).toBe('stored');
    const flagged = await running.storage.query<{ terminal_id: string; original_line: number; sold: string; returned: string }>(
      'SELECT terminal_id, original_line, sold::text AS sold, returned::text AS returned FROM over_returns WHERE original_uuid = $1',
      [invoice.uuid],
    );
    expect(flagged.map((f) => [f.terminal_id, f.original_line, Number(f.sold), Number(f.returned)])).toEqual([[a.terminalId, 1, 3, 4]]);
    // the same push again is a duplicate: recorded once
    expect((await push(a, [noteA])).documents[0]!.outcome).toBe('duplicate');
    expect(await running.storage.query('SELECT 1 FROM over_returns WHERE original_uuid = $1', [invoice.uuid])).toHaveLength(1);

    await expectOverReturnShown(running.server.url, TOKEN, [`${invoice.number} (Offline A)`, 1, 3, 4, `${noteA.number} — Olaya / Offline A`]);
    const listed = await managerFetch(new URL('/manager/api/over-returns', running.server.url), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(((await listed.json()) as { value: unknown[] }).value).toContainEqual(
      expect.objectContaining({
        invoice: invoice.number,
        invoiceTill: 'Offline A',
        line: 1,
        sold: '3',
        returned: '4',
        creditNote: noteA.number,
        till: 'Offline A',
      }),
    );
  });
});
