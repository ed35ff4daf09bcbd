// SPDX-License-Identifier: UNLICENSED
// Card networks and store credit through the contract, on a real app in training mode (real ledger file, embedded
// simulator): a card payment keeps its network label to the ledger, the receipt and the X report; a return
// refunded as store credit issues a voucher; a sale redeems it up to its balance, partly, with the rest by card;
// the balance never goes below zero, also when two tabs race on one voucher; refusals are catalog codes with both
// languages (docs/cash-control.md, "Tenders").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Product } from '../../app/contract/types';
import type { DukkanApp } from '../../main/app/openApp';
import { verifyDocument } from '../../main/zatca/verifier';
import { messageOf } from '../../renderer/app/state/services';
import { renderReceiptHtml } from '../../app/receipt/template/renderReceiptHtml';
import { clientOf, openTestApp, signIn, type Client } from './support';

describe('card networks and store credit (training mode, through the dispatcher)', { timeout: 90_000 }, () => {
  let app: DukkanApp;
  let cashier: Client;
  let tab2: Client;
  let manager: Client;
  let products: Product[];
  const byName = (name: string) => products.find((p) => p.name.startsWith(name))!;
  const docs = () => app.core.current().documents;
  const row = (number: string) => docs().byNumber(number)!;
  const xml = (number: string) => Buffer.from(row(number).xml).toString('utf8');
  const model = (number: string) => app.core.sale().receipts.modelOf(row(number));

  /** A sale of `quantity` × product paid in cash, and a return of it refunded as store credit. */
  async function voucherOf(quantity: string): Promise<{ code: string; amount: string; note: string }> {
    const lines = [{ productId: byName('Sukkari').id, quantity }];
    const q = await cashier.call('sale.quote', { lines, payments: [] });
    const sale = await cashier.call('sale.complete', { lines, payments: [{ method: 'cash', amount: q.total }], saleId: randomUUID() });
    const approvalId = (await cashier.call('approval.request', { pin: '1234', purpose: 'return' })).approvalId;
    const note = await cashier.call('returns.create', {
      originalNumber: sale.document.number,
      lines: [{ lineId: 1, quantity }],
      reason: 'Changed mind',
      refundMethod: 'store-credit',
      approvalId,
      requestId: randomUUID(),
    });
    return { ...note.voucher!, note: note.document.number };
  }

  beforeAll(async () => {
    ({ app } = await openTestApp());
    cashier = clientOf(app, 'till-1');
    tab2 = clientOf(app, 'till-1-second-tab');
    manager = clientOf(app, 'office');
    await signIn(cashier, app, 'cashier');
    await signIn(tab2, app, 'cashier');
    await signIn(manager, app, 'manager');
    products = await manager.call('catalog.list', {});
  });
  afterAll(() => app.close());

  it('keeps a card payment’s network in the ledger, prints "Card · mada" and still signs one card means (48)', async () => {
    const lines = [{ productId: byName('Fresh milk').id, quantity: '2' }];
    const q = await cashier.call('sale.quote', { lines, payments: [] });
    const r = await cashier.call('sale.complete', { lines, payments: [{ method: 'card', amount: q.total, network: 'mada' }], saleId: randomUUID() });
    expect(docs().payments(row(r.document.number).id)).toEqual([{ method: 'card', amount: q.total, network: 'mada' }]);
    expect(xml(r.document.number)).toContain('<cbc:PaymentMeansCode>48</cbc:PaymentMeansCode>');
    const m = model(r.document.number);
    expect(m.payments).toEqual([{ method: 'card', amount: q.total, network: 'mada' }]);
    const html = renderReceiptHtml(m, { paperDots: 576, qrModulePx: 4 });
    expect(html).toContain('Card · mada');
    expect(html).toContain('بطاقة · مدى');
  });

  it('refuses a network on a cash payment and an unknown network, naming the field, in both languages', async () => {
    const lines = [{ productId: byName('Fresh milk').id, quantity: '1' }];
    const cash = await cashier.refusal('sale.quote', { lines, payments: [{ method: 'cash', amount: '10', network: 'visa' }] });
    expect(cash.fields).toEqual([expect.objectContaining({ path: 'payments.0.network', reason: 'input.network-not-card' })]);
    const unknown = await cashier.refusal('sale.quote', { lines, payments: [{ method: 'card', amount: '1', network: 'diners' }] });
    expect(unknown.fields).toEqual([expect.objectContaining({ path: 'payments.0.network', reason: 'input.card-network' })]);
    expect(messageOf(unknown, 'ar')).toMatch(/شبكة البطاقة/);
  });

  it('refunds a return as a store-credit voucher: code and amount on the result, the receipt and in the ledger; means 1', async () => {
    const v = await voucherOf('1');
    expect(v.code).toMatch(/^SC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const note = row(v.note);
    expect(note.kind).toBe('credit-note');
    expect(verifyDocument(note.xml).valid).toBe(true);
    expect(xml(v.note)).toContain('<cbc:PaymentMeansCode>1</cbc:PaymentMeansCode>');
    const code = v.code.replace(/-/g, '');
    expect(docs().payments(note.id)).toEqual([{ method: 'store-credit', amount: v.amount, voucher: { code, balance: v.amount } }]);
    const html = renderReceiptHtml(model(v.note), { paperDots: 576, qrModulePx: 4 });
    expect(html).toContain(`Store credit · ${v.code}`);
    expect(html).toContain('رصيد القسيمة');
    expect(await cashier.call('storeCredit.balance', { code: v.code.toLowerCase() })).toEqual({ code: v.code, balance: v.amount, usable: v.amount });
  });

  it('pays a sale partly with store credit and the rest by card; the voucher keeps the rest, the receipt says how much', async () => {
    const v = await voucherOf('1'); // one Sukkari box
    const lines = [{ productId: byName('Sukkari').id, quantity: '2' }]; // twice the voucher
    const q0 = await cashier.call('sale.quote', { lines, payments: [] });
    const half = await cashier.call('storeCredit.balance', { code: v.code, due: '15.00' });
    expect(half).toEqual({ code: v.code, balance: v.amount, usable: '15.00' });
    const credit = { method: 'store-credit' as const, amount: '15.00', voucherCode: v.code };
    const q = await cashier.call('sale.quote', { lines, payments: [credit] });
    expect(q.due).not.toBe('0.00');
    const r = await cashier.call('sale.complete', {
      lines,
      payments: [credit, { method: 'card', amount: q.due, network: 'visa' }],
      saleId: randomUUID(),
    });
    expect(r.document.total).toBe(q0.total);
    const paid = docs().payments(row(r.document.number).id);
    const left = (Number(v.amount.replace('.', '')) - 1500) / 100;
    expect(paid).toEqual([
      { method: 'card', amount: q.due, network: 'visa' },
      { method: 'store-credit', amount: '15.00', voucher: { code: v.code.replace(/-/g, ''), balance: left.toFixed(2) } },
    ]);
    expect(xml(r.document.number)).toMatch(/<cbc:PaymentMeansCode>48<\/cbc:PaymentMeansCode>[\s\S]*<cbc:PaymentMeansCode>1<\/cbc:PaymentMeansCode>/);
    expect(verifyDocument(row(r.document.number).xml).valid).toBe(true);
    const html = renderReceiptHtml(model(r.document.number), { paperDots: 576, qrModulePx: 4 });
    expect(html).toContain(`Store credit · ${v.code}`);
    expect(html).toContain(left.toFixed(2));
    expect((await cashier.call('storeCredit.balance', { code: v.code })).balance).toBe(left.toFixed(2));
  });

  it('refuses an unknown, a used-up and a too-large voucher before the sale, and nothing is used or issued', async () => {
    const lines = [{ productId: byName('Fresh milk').id, quantity: '1' }];
    const before = docs().maxId();
    const unknown = await cashier.refusal('storeCredit.balance', { code: 'SC-0000-0000' });
    expect(unknown).toMatchObject({ reason: 'store-credit.unknown-code', params: { code: 'SC-0000-0000' }, field: 'code' });
    expect(messageOf(unknown, 'ar')).toMatch(/رمز القسيمة SC-0000-0000/);
    const v = await voucherOf('1');
    const afterVoucher = docs().maxId();
    expect(afterVoucher).toBe(before + 2);
    const tooMuch = await cashier.call('sale.quote', { lines, payments: [{ method: 'store-credit', amount: '9999', voucherCode: v.code }] });
    expect(tooMuch.complete).toBe(false);
    expect(tooMuch.problems).toContainEqual({ reason: 'store-credit.above-balance', params: { code: v.code, amount: '9999.00', balance: v.amount } });
    const refused = await cashier.refusal('sale.complete', {
      lines,
      payments: [{ method: 'store-credit', amount: '9999', voucherCode: v.code }],
      saleId: randomUUID(),
    });
    expect(refused.reason).toBe('sale.incomplete');
    expect(docs().maxId()).toBe(afterVoucher);
    expect((await cashier.call('storeCredit.balance', { code: v.code })).balance).toBe(v.amount);
    // a voucher used up by a sale is "used up", not unknown
    const exact = await cashier.call('sale.quote', { lines: [{ productId: byName('Sukkari').id, quantity: '1' }], payments: [] });
    expect(exact.total).toBe(v.amount);
    await cashier.call('sale.complete', {
      lines: [{ productId: byName('Sukkari').id, quantity: '1' }],
      payments: [{ method: 'store-credit', amount: v.amount, voucherCode: v.code }],
      saleId: randomUUID(),
    });
    expect(await cashier.refusal('storeCredit.balance', { code: v.code })).toMatchObject({ reason: 'store-credit.exhausted' });
    const noCredit = await cashier.call('sale.quote', { lines, payments: [{ method: 'store-credit', amount: '1', voucherCode: v.code }] });
    expect(noCredit.problems).toContainEqual({ reason: 'store-credit.exhausted', params: { code: v.code } });
  });

  it('two tabs racing on one voucher: exactly one sale spends it, the other is refused and issues nothing', async () => {
    const v = await voucherOf('1');
    const lines = [{ productId: byName('Sukkari').id, quantity: '1' }];
    const payments = [{ method: 'store-credit' as const, amount: v.amount, voucherCode: v.code }];
    const before = docs().maxId();
    const outcomes = await Promise.all([cashier, tab2].map((c) => app.dispatcher.call('sale.complete', { lines, payments, saleId: randomUUID() }, c.session)));
    const ok = outcomes.filter((o) => o.ok);
    const refused = outcomes.flatMap((o) => (o.ok ? [] : [o.error]));
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ reason: 'store-credit.exhausted', field: 'payments.0.voucherCode' });
    expect(docs().maxId()).toBe(before + 1);
    expect(await cashier.refusal('storeCredit.balance', { code: v.code })).toMatchObject({ reason: 'store-credit.exhausted' });
  });

  it('a tax invoice (B2B) is not paid with store credit', async () => {
    const v = await voucherOf('1');
    const refused = await cashier.refusal('sale.completeStandard', {
      lines: [{ productId: byName('Sukkari').id, quantity: '1' }],
      payments: [{ method: 'store-credit', amount: v.amount, voucherCode: v.code }],
      saleId: randomUUID(),
      buyer: {
        name: 'Buyer',
        vatNumber: '300000000000003',
        idScheme: '',
        idValue: '',
        street: 'King Fahd',
        additionalStreet: '',
        building: '1234',
        district: 'Olaya',
        city: 'Riyadh',
        postalCode: '12345',
        country: 'SA',
      },
    });
    expect(refused).toMatchObject({ reason: 'store-credit.standard-invoice', field: 'payments.0.method' });
    expect(messageOf(refused, 'ar')).toMatch(/رصيد المتجر/);
  });

  it('the X report keeps card one tender with its networks, and shows store credit issued and redeemed apart from cash', async () => {
    const x = await manager.call('reports.daily', { kind: 'X' });
    const card = x.payments.find((p) => p.method === 'card')!;
    const networks = x.cardNetworks!;
    expect(networks.map((n) => n.network)).toEqual(expect.arrayContaining(['mada', 'visa']));
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect(networks.reduce((a, n) => a + cents(n.amount), 0)).toBe(cents(card.amount));
    const credit = x.storeCredit!;
    expect(cents(credit.issued)).toBeGreaterThan(0);
    expect(cents(credit.redeemed)).toBeGreaterThan(0);
    expect(cents(x.payments.find((p) => p.method === 'store-credit')!.amount)).toBe(cents(credit.redeemed) - cents(credit.issued));
  });
});
