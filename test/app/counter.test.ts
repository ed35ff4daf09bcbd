// SPDX-License-Identifier: UNLICENSED
// The counter through the contract, on a real app in training mode (embedded Fatoora simulator, real ledger and
// reporting worker): quotes equal the signed totals, a sale is issued once however often it is sent, price changes
// need a manager, cash/card/split settle exactly, returns are limited to what was sold, notes reference their
// invoice, and a receipt is found by scanning its QR. Refusals arrive as catalog codes, which an Arabic screen shows
// in Arabic (renderer/app/state/services.ts messageOf).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { decodeQr } from '../../app/qr/tlv';
import type { Product } from '../../app/contract/types';
import type { DukkanApp } from '../../main/app/openApp';
import { verifyDocument } from '../../main/zatca/verifier';
import { messageOf } from '../../renderer/app/state/services';
import { clientOf, openTestApp, signIn, waitFor, type Client } from './support';

describe('the counter (training mode, through the dispatcher)', { timeout: 60_000 }, () => {
  let app: DukkanApp;
  let cashier: Client;
  let manager: Client;
  let products: Product[];
  const byName = (name: string) => products.find((p) => p.name.startsWith(name))!;
  const row = (number: string) => app.core.current().documents.byNumber(number)!;

  beforeAll(async () => {
    ({ app } = await openTestApp());
    cashier = clientOf(app, 'till-1');
    manager = clientOf(app, 'office');
    await signIn(cashier, app, 'cashier');
    await signIn(manager, app, 'manager');
    products = await manager.call('catalog.list', {});
  });
  afterAll(() => app.close());

  it('starts in training mode with the demo shop, users and catalog', async () => {
    const s = await cashier.call('session.get', {});
    expect(s.mode).toBe('training');
    expect(s.defaultPinsHint).toEqual({ manager: '1234', cashier: '0000' });
    expect(products.length).toBeGreaterThanOrEqual(7);
    expect((await cashier.call('status.get', {})).mode).toBe('training');
  });

  it('quotes exactly what the signed document then says, and converts prices without VAT once', async () => {
    const rice = byName('Basmati rice'); // 39.13 without VAT → 45.00 on the shelf
    const milk = byName('Fresh milk');
    const lines = [
      { productId: rice.id, quantity: '1' },
      { productId: milk.id, quantity: '3' },
    ];
    const q = await cashier.call('sale.quote', { lines, payments: [{ method: 'cash', amount: '100' }] });
    expect(q.lines.map((l) => l.unitPrice)).toEqual(['45.00', '6.50']);
    expect(q).toMatchObject({ total: '64.50', paid: '100.00', due: '0.00', change: '35.50', complete: true });
    const r = await cashier.call('sale.complete', { lines, payments: [{ method: 'cash', amount: '100' }], saleId: randomUUID() });
    expect(r.document).toMatchObject({ kind: 'invoice', total: q.total, vat: q.vat, training: true });
    expect(r.change).toBe('35.50');
    expect(r.print).toEqual({ state: 'no-printer', message: null });
    const doc = row(r.document.number);
    expect(doc.tax_exclusive).toBe(q.taxExclusive);
    const report = verifyDocument(doc.xml);
    expect(report.valid, JSON.stringify(report.findings.slice(0, 3))).toBe(true);
    expect(app.core.current().documents.payments(doc.id)).toEqual([{ method: 'cash', amount: '64.50' }]);
  });

  it('issues a sale once, however many times (and however concurrently) it is sent', async () => {
    const saleId = randomUUID();
    const input = { lines: [{ productId: byName('Arabic bread').id, quantity: '2' }], payments: [{ method: 'card' as const, amount: '6.00' }], saleId };
    const before = app.core.current().documents.maxId();
    const [a, b] = await Promise.all([cashier.call('sale.complete', input), cashier.call('sale.complete', input)]);
    const c = await cashier.call('sale.complete', input);
    expect(a.document.number).toBe(b.document.number);
    expect(c.document.number).toBe(a.document.number);
    expect(app.core.current().documents.maxId()).toBe(before + 1);
  });

  it('refuses an unpaid sale, a card charge above the total, and an unknown product', async () => {
    const lines = [{ productId: byName('Sukkari').id, quantity: '1' }];
    const unpaid = await cashier.refusal('sale.complete', { lines, payments: [{ method: 'cash', amount: '10' }], saleId: randomUUID() });
    expect(unpaid).toMatchObject({ code: 'rejected', reason: 'sale.incomplete', params: { count: 1 } });
    expect(unpaid.fields).toEqual([{ path: '', reason: 'sale.amount-due', params: { due: '30.00' } }]);
    expect(messageOf(unpaid, 'ar')).toBe('لا يمكن إتمام البيع بعد (1 مشكلة). · المتبقي للدفع 30.00.');
    const q = await cashier.call('sale.quote', { lines, payments: [{ method: 'card', amount: '50' }] });
    expect(q.complete).toBe(false);
    expect(q.problems).toContainEqual({ reason: 'sale.card-exceeds-total', params: { card: '50.00', total: '40.00' } });
    expect(await cashier.refusal('sale.quote', { lines: [{ productId: 99999, quantity: '1' }], payments: [] })).toMatchObject({ code: 'not-found' });
  });

  it('settles a split payment: card first, change only from cash', async () => {
    const lines = [{ productId: byName('Arabic coffee').id, quantity: '1' }]; // 45.00
    const payments = [
      { method: 'card' as const, amount: '20' },
      { method: 'cash' as const, amount: '30' },
    ];
    const r = await cashier.call('sale.complete', { lines, payments, saleId: randomUUID() });
    expect(r.change).toBe('5.00');
    const doc = row(r.document.number);
    expect(app.core.current().documents.payments(doc.id)).toEqual([
      { method: 'card', amount: '20.00' },
      { method: 'cash', amount: '25.00' },
    ]);
    // both payment means are in the signed document (UNTDID 4461: 48 card, 10 cash)
    const xml = Buffer.from(doc.xml).toString('utf8');
    expect(xml).toContain('<cbc:PaymentMeansCode>48</cbc:PaymentMeansCode>');
    expect(xml).toContain('<cbc:PaymentMeansCode>10</cbc:PaymentMeansCode>');
  });

  it('needs a manager for a price change or a discount; a cashier PIN does not approve', async () => {
    const water = byName('Water');
    const lines = [
      { productId: water.id, quantity: '2', unitPrice: '10.00' },
      { productId: byName('Fresh milk').id, quantity: '1', discount: '1.50' },
    ];
    const payments = [{ method: 'cash' as const, amount: '30' }];
    const q = await cashier.call('sale.quote', { lines, payments });
    expect(q).toMatchObject({ needsApproval: true, complete: false, total: '25.00' });
    expect(await cashier.refusal('sale.complete', { lines, payments, saleId: randomUUID() })).toMatchObject({ code: 'rejected' });
    expect(await cashier.refusal('approval.request', { pin: '0000', purpose: 'price-override' })).toMatchObject({ code: 'wrong-pin' });
    const approval = await cashier.call('approval.request', { pin: '1234', purpose: 'price-override' });
    expect(approval.managerName).toBe('Manager');
    // an approval is bound to the till that asked for it
    expect((await manager.call('sale.quote', { lines, payments, approvalId: approval.approvalId })).complete).toBe(false);
    const r = await cashier.call('sale.complete', { lines, payments, saleId: randomUUID(), approvalId: approval.approvalId });
    const doc = app.core.current().documents.documentOf(row(r.document.number));
    expect(doc.lines[0]).toMatchObject({ unitPrice: '10.00', quantity: '2' });
    expect(doc.lines[1]!.discount).toMatchObject({ amount: '1.50' });
  });

  it('refuses a discount larger than its line', async () => {
    const e = await cashier.refusal('sale.quote', { lines: [{ productId: byName('Arabic bread').id, quantity: '1', discount: '3.01' }], payments: [] });
    expect(e).toMatchObject({ code: 'invalid-input', reason: 'sale.discount-exceeds-line', field: 'lines.0.discount' });
    expect(e.fields?.[0]?.path).toBe('lines.0.discount');
  });

  it('locks the manager account after five wrong manager PINs, at every till, until a manager resets the PIN', async () => {
    const till = clientOf(app, 'till-2');
    await signIn(till, app, 'cashier');
    for (let i = 0; i < 4; i++) expect(await till.refusal('approval.request', { pin: '9999', purpose: 'discount' })).toMatchObject({ code: 'wrong-pin' });
    expect(await till.refusal('approval.request', { pin: '9999', purpose: 'discount' })).toMatchObject({ code: 'locked' });
    // even the right PIN now waits, and asking from another client changes nothing: the count is the manager's
    expect(await till.refusal('approval.request', { pin: '1234', purpose: 'discount' })).toMatchObject({ code: 'locked' });
    const other = clientOf(app, 'till-3');
    await signIn(other, app, 'cashier');
    expect(await other.refusal('approval.request', { pin: '1234', purpose: 'discount' })).toMatchObject({ code: 'locked' });
    // a manager already signed in sets the PIN again, which clears the lock (userStore setPin)
    const locked = app.core.users.list().find((u) => u.role === 'manager')!;
    await manager.call('users.save', { id: locked.id, name: locked.name, role: 'manager', pin: '1234', active: true });
    expect((await other.call('approval.request', { pin: '1234', purpose: 'discount' })).managerName).toBe('Manager');
  });

  it('returns lines as credit notes, never more than was sold, and finds receipts by their QR', async () => {
    const dates = byName('Sukkari');
    const sale = await cashier.call('sale.complete', {
      lines: [{ productId: dates.id, quantity: '3' }],
      payments: [{ method: 'cash', amount: '120' }],
      saleId: randomUUID(),
    });
    const invoice = row(sale.document.number);
    // a 2D scanner types the QR text: the receipt is found from it
    const found = (await cashier.call('receipts.find', { query: invoice.qr }))!;
    expect(found.document.number).toBe(sale.document.number);
    expect(found.lines[0]).toMatchObject({ quantity: '3', returned: '0', returnable: '3' });
    expect(await cashier.call('receipts.find', { query: 'T9-999999' })).toBeNull();

    const approvalId = (await cashier.call('approval.request', { pin: '1234', purpose: 'return' })).approvalId;
    const note = await cashier.call('returns.create', {
      originalNumber: sale.document.number,
      lines: [{ lineId: 1, quantity: '2' }],
      reason: 'Damaged box',
      refundMethod: 'cash',
      approvalId,
      requestId: randomUUID(),
    });
    expect(note.document).toMatchObject({ kind: 'credit-note', total: '80.00' });
    const noteRow = row(note.document.number);
    expect(noteRow.billing_reference).toBe(sale.document.number);
    expect(verifyDocument(noteRow.xml).valid).toBe(true);
    expect((await cashier.call('receipts.find', { query: sale.document.number }))!.lines[0]).toMatchObject({ returned: '2', returnable: '1' });

    // one approval, one change: the return above used it up
    const again = { originalNumber: sale.document.number, lines: [{ lineId: 1, quantity: '1' }], reason: 'again', refundMethod: 'cash' };
    expect(await cashier.refusal('returns.create', { ...again, approvalId, requestId: randomUUID() })).toMatchObject({ reason: 'approval.missing' });
    const second = (await cashier.call('approval.request', { pin: '1234', purpose: 'return' })).approvalId;
    const tooMany = await cashier.refusal('returns.create', {
      originalNumber: sale.document.number,
      lines: [{ lineId: 1, quantity: '2' }],
      reason: 'again',
      refundMethod: 'cash',
      approvalId: second,
      requestId: randomUUID(),
    });
    expect(tooMany).toMatchObject({
      code: 'rejected',
      reason: 'ledger.return-exceeds-sale',
      params: { quantity: '2', number: sale.document.number, sold: '3', returned: '2', left: '1' },
      field: 'lines.0.quantity',
    });
    expect(tooMany.message).toMatch(/Returning 2 .*\(1 left\)/);
    // what an Arabic till shows: the catalog's Arabic text with the ledger's numbers, not main's English message
    expect(messageOf(tooMany, 'ar')).toMatch(
      new RegExp(`^الكمية المرتجعة 2 من ".*" أكبر من المتبقي: الكمية المباعة في الفاتورة ${sale.document.number} هي 3، وأُرجع منها 2 \\(المتبقي 1\\)\\.$`),
    );
    // without an approval nothing is issued
    expect(
      await cashier.refusal('returns.create', {
        originalNumber: sale.document.number,
        lines: [{ lineId: 1, quantity: '1' }],
        reason: 'x',
        refundMethod: 'cash',
        approvalId: randomUUID(),
        requestId: randomUUID(),
      }),
    ).toMatchObject({ code: 'forbidden' });
  });

  it('charges an undercharge as a debit note referencing the invoice', async () => {
    const sale = await cashier.call('sale.complete', {
      lines: [{ productId: byName('Water').id, quantity: '4' }],
      payments: [{ method: 'cash', amount: '48' }],
      saleId: randomUUID(),
    });
    const approvalId = (await cashier.call('approval.request', { pin: '1234', purpose: 'debit-note' })).approvalId;
    const debit = await cashier.call('debitNotes.create', {
      originalNumber: sale.document.number,
      lines: [{ lineId: 1, quantity: '4', unitAmount: '0.50' }],
      reason: 'Price increase not applied',
      paymentMethod: 'cash',
      approvalId,
      requestId: randomUUID(),
    });
    expect(debit.document).toMatchObject({ kind: 'debit-note', total: '2.00' });
    const xml = Buffer.from(row(debit.document.number).xml).toString('utf8');
    expect(xml).toContain('>383</cbc:InvoiceTypeCode>');
    expect(xml).toContain(`<cbc:ID>${sale.document.number}</cbc:ID>`);
    expect(verifyDocument(row(debit.document.number).xml).valid).toBe(true);
  });

  it('reports everything to the embedded simulator in training mode', async () => {
    await waitFor(async () => (await cashier.call('status.get', {})).waiting === 0, 30_000, 'all reported');
    const status = await cashier.call('status.get', {});
    expect(status).toMatchObject({ connectivity: 'online', waiting: 0, rejected: 0, overdue: 0, nearestDeadline: null });
    const log = await manager.call('sync.log', { limit: 500 });
    expect(log.length).toBeGreaterThanOrEqual(6);
    expect(log.every((e) => e.outcome.startsWith('accepted') || e.outcome === 'already-done')).toBe(true);
    expect(await manager.call('sync.problems', {})).toEqual([]);
    const device = await manager.call('device.status', {});
    expect(device).toMatchObject({ mode: 'training', environment: 'local-simulator', onboarded: true });
    expect(device.chainHead?.number).toMatch(/^TR-\d{6}$/);
    expect(decodeQr(row(device.chainHead!.number).qr).fields.invoiceHash).toBe(device.chainHead!.hash);
  });

  it('keeps the roles apart: a cashier cannot reach manager methods', async () => {
    for (const [method, input] of [
      ['catalog.save', { name: 'x', barcodes: [], price: '1', priceIncludesVat: true, vatCategory: 'S', vatRate: '15' }],
      ['users.save', { name: 'x', role: 'manager', pin: '1111' }],
      ['reports.daily', { kind: 'Z' }],
      ['export.documents', { from: '2020-01-01', to: '2030-01-01' }],
      ['onboarding.start', {}],
    ] as const) {
      expect(await cashier.refusal(method, input), method).toMatchObject({ code: 'forbidden' });
    }
  });
});
