// SPDX-License-Identifier: UNLICENSED
// A return at till B of a sale made at till A (docs/store-server.md, "Returns at another till"): two live tills
// onboarded on the Fatoora simulator, enrolled on one store server (real PostgreSQL). B finds A's sale at the server
// by its QR, returns part of it with a credit note signed by B's own key in B's own chain that references A's
// invoice (BillingReference: number and issue date, BR-KSA-56); the server keeps what was returned, so a second
// return beyond what is left is refused at B naming the line and the rule, and A's own ledger is untouched; A's own
// return of its sale is checked against B's return too. With the server down, B refuses a return of another till's
// sale in both languages and keeps selling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { startStoreServer } from '../../server/storeServer';
import { errorText } from '../../app/errors/index';
import { waitFor } from '../app/support';
import { chainOf, enrolledLiveTill, MANAGER_PIN, type LiveTill } from './liveTills';
import { useStorageBackends, useStoreServer } from './storageBackends';

const OTPS = ['271828', '314159'];
const TOKEN = 'cross-till-token';
const postgres = useStorageBackends().find((b) => b.name === 'postgres')!;

type Till = LiveTill;

describe('a return at till B of a sale made at till A', { timeout: 240_000 }, () => {
  const running = useStoreServer(postgres, TOKEN);
  let sim: FatooraSimulator;
  const tills: Till[] = [];

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: OTPS });
    const till = (otp: string, name: string) => enrolledLiveTill({ fatooraUrl: sim.url, otp, storeUrl: running.server.url, token: TOKEN, name });
    tills.push(await till(OTPS[0]!, 'Till A'), await till(OTPS[1]!, 'Till B'));
  }, 240_000);
  afterAll(async () => {
    for (const t of tills) await t.app.close();
    await sim?.close();
  });

  const atServer = async (terminalId: string) =>
    running.storage.query<{ number: string; kind: string; icv: number; qr: string; uuid: string }>(
      'SELECT number, kind, icv, qr, uuid FROM documents WHERE terminal_id = $1 ORDER BY icv',
      [terminalId],
    );
  const approval = async (t: Till) => (await t.manager.call('approval.request', { pin: MANAGER_PIN, purpose: 'return' })).approvalId;

  it('credits part of A’s sale at B, referencing it, in B’s chain; refuses more than is left; A is untouched', async () => {
    const [a, b] = tills as [Till, Till];
    const products = a.app.core.catalog.list();
    const milk = products.find((p) => p.name.startsWith('Fresh milk'))!.id;
    const sale = await a.manager.call('sale.complete', {
      lines: [{ productId: milk, quantity: '3' }],
      payments: [{ method: 'cash', amount: '100' }],
      saleId: randomUUID(),
    });
    await waitFor(async () => (await atServer(a.terminalId)).length === 1, 30_000, 'A’s sale at the store server');
    const [pushed] = await atServer(a.terminalId);
    const chainA = chainOf(a);

    // B does not have it: found at the server by the receipt's QR, with every line still returnable
    expect(await b.manager.call('receipts.find', { query: sale.document.number })).toBeNull();
    const found = await b.manager.call('returns.findForeign', { query: pushed!.qr });
    expect(found).toMatchObject({ number: sale.document.number, till: 'Till A', uuid: pushed!.uuid });
    expect(found.lines.map((l) => [l.lineId, l.quantity, l.returned, l.returnable])).toEqual([[1, '3', '0', '3']]);

    const note = await b.manager.call('returns.foreign', {
      originalUuid: found.uuid,
      lines: [{ lineId: 1, quantity: '2' }],
      reason: 'returned at the other till',
      refundMethod: 'cash',
      approvalId: await approval(b),
      requestId: randomUUID(),
    });
    expect(note.document.kind).toBe('credit-note');
    const milkLine = found.lines[0]!;
    // B's own chain: its first document, the credit note, with A's number and date as its billing reference
    const chainB = chainOf(b);
    expect(chainB.map((d) => [d.icv, d.kind, d.billing_reference])).toEqual([[1, 'credit-note', sale.document.number]]);
    const xml = b.app.core.current().db.prepare<[], { xml: Buffer }>('SELECT xml FROM documents WHERE icv = 1').get()!.xml.toString('utf8');
    expect(xml).toContain(`<cac:BillingReference>`);
    expect(xml).toMatch(new RegExp(`<cac:InvoiceDocumentReference>\\s*<cbc:ID>${sale.document.number}</cbc:ID>`));
    expect(xml).toContain(`<cbc:InvoicedQuantity unitCode="${'PCE'}">2</cbc:InvoicedQuantity>`);

    // the server learns what B returned from B's push, against A's invoice
    await waitFor(
      async () =>
        (await running.storage.query<{ n: number }>('SELECT count(*)::int AS n FROM document_returns WHERE original_uuid = $1', [pushed!.uuid]))[0]!.n === 1,
      30_000,
      'B’s return at the store server',
    );
    const after = await b.manager.call('returns.findForeign', { query: pushed!.qr });
    expect(after.lines.map((l) => [l.returned, l.returnable])).toEqual([['2', '1']]);

    // 2 more: only 1 is left at the shop's tills
    const over = await b.manager.refusal('returns.foreign', {
      originalUuid: found.uuid,
      lines: [{ lineId: 1, quantity: '2' }],
      reason: 'again',
      refundMethod: 'cash',
      approvalId: await approval(b),
      requestId: randomUUID(),
    });
    expect(over).toMatchObject({ reason: 'return.foreign-exceeds', field: 'lines.0.quantity', params: { line: 1, sold: '3', returned: '2', left: '1' } });
    expect(errorText(over.reason, over.params, 'ar')).toContain(milkLine.name);
    expect(chainOf(b)).toHaveLength(1);
    // A's ledger and chain are as they were: the return was B's document
    expect(chainOf(a)).toEqual(chainA);

    // A's own return of its sale: A's ledger knows nothing of B's, the server does
    const own = (quantity: string) => ({
      originalNumber: sale.document.number,
      lines: [{ lineId: 1, quantity }],
      reason: 'returned at the selling till',
      refundMethod: 'cash' as const,
      requestId: randomUUID(),
    });
    const overAtA = await a.manager.refusal('returns.create', { ...own('2'), approvalId: await approval(a) });
    expect(overAtA).toMatchObject({ reason: 'return.foreign-exceeds', params: { line: 1, sold: '3', returned: '2', left: '1' } });
    expect(chainOf(a)).toEqual(chainA);
    const last = await a.manager.call('returns.create', { ...own('1'), approvalId: await approval(a) });
    expect(last.document.kind).toBe('credit-note');
    expect(chainOf(a)).toHaveLength(chainA.length + 1);
  });

  it('refuses a return of another till’s sale while the server is down, in both languages, and keeps selling', async () => {
    const [a, b] = tills as [Till, Till];
    const [pushed] = await atServer(a.terminalId);
    await running.server.close();
    try {
      const refused = await b.manager.refusal('returns.findForeign', { query: pushed!.qr });
      expect(refused.reason).toBe('return.foreign-unreachable');
      expect(errorText(refused.reason, refused.params, 'en')).toMatch(/cannot be reached/);
      expect(errorText(refused.reason, refused.params, 'ar')).toMatch(/[\u0600-\u06FF]/);
      const milk = b.app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
      const sold = await b.manager.call('sale.complete', {
        lines: [{ productId: milk, quantity: '1' }],
        payments: [{ method: 'cash', amount: '10' }],
        saleId: randomUUID(),
      });
      expect(sold.document.kind).toBe('invoice');
    } finally {
      // the describe's server is closed again after the file; a fresh one on the same storage for nothing else
      running.server = await startStoreServer({ storage: running.storage, managerToken: TOKEN, log: () => undefined });
    }
  });
});
