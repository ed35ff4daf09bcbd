// SPDX-License-Identifier: UNLICENSED
// Returns as they really happen, through the contract on a real training ledger: without a receipt (the number and
// date the customer remembers), and with the receipt of another till of the shop read from its QR alone (tags 1–9,
// reference §6). Each is a manager-approved credit note referencing the sale as external with its date, refunded at
// today's shelf price, in the trail with its reason; a QR of another seller, this till's own receipt and a day over
// its limit are refused, and nothing is issued.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { encodeQr } from '../../app/qr/tlv';
import type { DukkanApp } from '../../main/app/openApp';
import { verifyDocument } from '../../main/zatca/verifier';
import type { Client } from '../app/support';
import { openTillAndOffice } from './support';

describe('returns without this till’s receipt', { timeout: 60_000 }, () => {
  let app: DukkanApp;
  let cashier: Client;
  let manager: Client;
  const documents = () => app.core.current().documents;
  const count = () => documents().maxId();

  beforeAll(async () => {
    ({ app, cashier, manager } = await openTillAndOffice());
  });
  afterAll(() => app.close());

  const milk = () => app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!;
  const approval = async () => (await cashier.call('approval.request', { pin: '1234', purpose: 'return' })).approvalId;
  const base = () => ({
    lines: [{ productId: milk().id, quantity: '2' }],
    reason: 'No receipt, milk sour',
    refundMethod: 'cash' as const,
    requestId: randomUUID(),
  });

  it('refunds a legacy sale at today’s shelf price as an external credit note', async () => {
    expect(await cashier.refusal('returns.external', { ...base(), approvalId: randomUUID(), number: 'OLD-778', issueDate: '2026-11-02' })).toMatchObject({
      reason: 'approval.missing',
    });
    const r = await cashier.call('returns.external', { ...base(), approvalId: await approval(), number: 'OLD-778', issueDate: '2026-11-02' });
    expect(r.document.kind).toBe('credit-note');
    const row = documents().byNumber(r.document.number)!;
    const doc = documents().documentOf(row);
    expect(doc.billingReference).toMatchObject({ number: 'OLD-778', issueDate: '2026-11-02', external: true });
    expect(doc.lines[0]).toMatchObject({ quantity: '2', unitPrice: milk().price });
    expect(verifyDocument(row.xml).valid).toBe(true);
    const [event] = await manager.call('audit.list', { kind: 'refund' });
    expect(event).toMatchObject({ before: 'external OLD-778 2026-11-02', reason: 'No receipt, milk sour', approvedBy: 'Manager', document: r.document.number });
  });

  it('identifies another till’s receipt from its QR alone, and refuses another seller’s and its own', async () => {
    const seller = documents().documentOf(documents().byNumber(documents().head()!.number)!).seller;
    const qr = (vatNumber: string) =>
      encodeQr({
        sellerName: seller.name,
        vatNumber,
        timestamp: '2026-11-20T10:15:00',
        totalWithVat: '13.00',
        vatTotal: '1.70',
        invoiceHash: 'bm90IG91ciBoYXNoIGJ1dCBhbm90aGVyIHRpbGwncw==',
        signature: 'c2ln',
        publicKey: new Uint8Array([1, 2, 3]),
      });
    const before = count();
    expect(await cashier.refusal('returns.external', { ...base(), approvalId: await approval(), qr: qr('300000000000003') })).toMatchObject({
      reason: 'return.qr-other-seller',
      params: { vatNumber: '300000000000003' },
      field: 'qr',
    });
    expect(await cashier.refusal('returns.external', { ...base(), approvalId: await approval(), qr: 'not a qr' })).toMatchObject({
      reason: 'return.qr-unreadable',
    });
    const own = documents().byNumber(documents().head()!.number)!;
    expect(await cashier.refusal('returns.external', { ...base(), approvalId: await approval(), qr: own.qr })).toMatchObject({ reason: 'return.own-sale' });
    expect(await cashier.refusal('returns.external', { ...base(), approvalId: await approval() })).toMatchObject({ reason: 'return.reference-missing' });
    expect(count()).toBe(before);

    const r = await cashier.call('returns.external', { ...base(), approvalId: await approval(), qr: qr(seller.vatNumber) });
    const doc = documents().documentOf(documents().byNumber(r.document.number)!);
    expect(doc.billingReference).toMatchObject({ issueDate: '2026-11-20', external: true });
    expect(doc.billingReference!.number).toMatch(/^bm90IG91ciBoYXNo/);
  });

  it('allows only the configured number a day', async () => {
    expect(await manager.call('returns.limit', { perDay: 2 })).toEqual({ perDay: 2 });
    const before = count();
    expect(await cashier.refusal('returns.external', { ...base(), approvalId: await approval(), number: 'OLD-9', issueDate: '2026-10-01' })).toMatchObject({
      reason: 'return.daily-limit',
      params: { limit: 2 },
    });
    expect(count()).toBe(before);
    await manager.call('returns.limit', { perDay: 3 });
    await cashier.call('returns.external', { ...base(), approvalId: await approval(), number: 'OLD-9', issueDate: '2026-10-01' });
  });
});
