// SPDX-License-Identifier: UNLICENSED
// Cash control through the contract on a real app (training ledger in a real SQLite file, the real receipt template
// rasterised by Chromium, a fake ESC/POS printer on TCP): bad input refused by field in both languages with nothing
// written, the drawer opened only with a manager's one-time approval and logged, X printed on paper, a Z refused
// while a shift is open and again when nothing is new, Z reports listed and reprinted, and the trail filtered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { errorText } from '../../app/errors/index';
import type { DukkanApp } from '../../main/app/openApp';
import { ChromiumRasterizer } from '../../main/printing/chromiumRasterizer';
import { decodeEscPos } from '../printer/escposDecoder';
import { FakeEscPosPrinter } from '../printer/fakeEscPosPrinter';
import type { Client } from '../app/support';
import { openTillAndOffice } from './support';

const ARABIC = /[\u0600-\u06FF]/;

describe('shifts, drawer, trail and X/Z through the dispatcher', { timeout: 120_000 }, () => {
  let app: DukkanApp;
  let printer: FakeEscPosPrinter;
  let cashier: Client;
  let manager: Client;
  const rows = () => {
    const db = app.core.current().db;
    return ['shifts', 'cash_movements', 'audit_events', 'z_reports'].map((t) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n);
  };

  beforeAll(async () => {
    printer = await new FakeEscPosPrinter().start(0);
    ({ app, cashier, manager } = await openTillAndOffice({ rasterizer: new ChromiumRasterizer(), printer: { address: printer.address, paperWidth: 58 } }));
  });
  afterAll(async () => {
    await app.close();
    await printer.close();
  });

  it('refuses a negative float, a count with letters and an unknown movement, by field, in English and Arabic, writing nothing', async () => {
    const before = rows();
    const negative = await cashier.refusal('shift.open', { openingFloat: '-50.00' });
    expect(negative).toMatchObject({ code: 'invalid-input', fields: [expect.objectContaining({ path: 'openingFloat', reason: 'input.money' })] });
    expect(errorText('input.money', {}, 'ar')).toMatch(ARABIC);
    expect(await cashier.refusal('shift.close', { total: '12a' })).toMatchObject({
      fields: [expect.objectContaining({ path: 'total', reason: 'input.money' })],
    });
    expect(await cashier.refusal('shift.close', { denominations: [{ value: '50', count: 'ten' }] })).toMatchObject({
      fields: [expect.objectContaining({ path: 'denominations.0.count' })],
    });
    expect(await cashier.refusal('shift.move', { kind: 'paid-out', amount: '5', reason: '   ' })).toMatchObject({
      fields: [expect.objectContaining({ path: 'reason', reason: 'input.empty' })],
    });
    expect(await cashier.refusal('shift.close', { total: '10' })).toMatchObject({ code: 'rejected', reason: 'shift.none-open' });
    expect(errorText('shift.none-open', {}, 'ar')).toMatch(ARABIC);
    expect(rows()).toEqual(before);
  });

  it('opens the drawer for a manager, or for a cashier with a one-time approval, and logs each opening', async () => {
    expect(await cashier.refusal('drawer.open', { reason: 'Change for a customer' })).toMatchObject({ reason: 'approval.missing' });
    const { approvalId } = await cashier.call('approval.request', { pin: '1234', purpose: 'drawer-open' });
    const jobsBefore = printer.jobs().length;
    expect(await cashier.call('drawer.open', { reason: 'Change for a customer', approvalId })).toEqual({ opened: true });
    // one approval, one opening
    expect(await cashier.refusal('drawer.open', { reason: 'again', approvalId })).toMatchObject({ reason: 'approval.missing' });
    await manager.call('drawer.open', { reason: 'Count the float' });
    await printer.settled();
    const kicks = printer
      .jobs()
      .slice(jobsBefore)
      .filter((j) => decodeEscPos(j.bytes).commands.some((c) => c.type === 'drawer-kick'));
    expect(kicks).toHaveLength(2);
    const opens = await manager.call('audit.list', { kind: 'drawer-open' });
    expect(opens.map((e) => [e.user, e.approvedBy, e.reason])).toEqual([
      ['Cashier', 'Manager', 'Change for a customer'],
      ['Manager', null, 'Count the float'],
    ]);
  });

  it('prints the X report on paper, refuses a Z while the shift is open and a second Z with nothing new', async () => {
    await cashier.call('shift.open', { openingFloat: '100.00' });
    const milk = app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
    await cashier.call('sale.complete', { lines: [{ productId: milk, quantity: '2' }], payments: [{ method: 'cash', amount: '50' }], saleId: randomUUID() });
    await cashier.call('shift.move', { kind: 'paid-out', amount: '10', reason: 'Ice delivery' });
    await cashier.call('audit.void', { item: 'Fresh milk', before: '1 × 6.50', reason: 'Customer changed mind' });
    // a void without its reason is refused, naming the field, and leaves nothing in the trail
    for (const input of [
      { item: 'Fresh milk', before: '1 × 6.50' },
      { item: 'Fresh milk', before: '1 × 6.50', reason: '   ' },
    ])
      expect(await cashier.refusal('audit.void', input as { item: string; before: string; reason: string })).toMatchObject({
        reason: 'api.invalid-input',
        fields: [expect.objectContaining({ path: 'reason' })],
      });
    expect((await manager.call('audit.list', { kind: 'void' })).map((e) => e.reason)).toEqual(['Customer changed mind']);

    const jobsBefore = printer.jobs().length;
    const { report: x, print } = await manager.call('reports.print', { kind: 'X' });
    expect(print.state).toBe('printed');
    await printer.settled();
    const paper = decodeEscPos(printer.jobs()[jobsBefore]!.bytes);
    expect(paper.image!.width).toBe(384);
    expect(paper.image!.height).toBeGreaterThan(300);
    expect(x.cashControl).toMatchObject({ voids: 1, paidOut: '10.00', shifts: [expect.objectContaining({ cashier: 'Cashier', counted: null })] });

    const before = rows();
    expect(await manager.refusal('reports.daily', { kind: 'Z' })).toMatchObject({ reason: 'report.shift-open', params: { cashier: 'Cashier' } });
    expect(rows()).toEqual(before);

    const mine = await cashier.call('shift.current', {});
    expect(mine).toMatchObject({ cash: null, openingFloat: '100.00' });
    const closed = await cashier.call('shift.close', { total: '100.00' });
    expect(closed.difference).toBeNull();
    const [seen] = await manager.call('shift.list', {});
    expect(seen).toMatchObject({ id: closed.id, counted: '100.00', difference: '-3.00', cash: { expected: '103.00', cashSales: '13.00', paidOut: '10.00' } });

    const z = await manager.call('reports.daily', { kind: 'Z' });
    expect(z.cashControl).toMatchObject({ overShort: '-3.00', voids: 1, shifts: [expect.objectContaining({ id: closed.id, difference: '-3.00' })] });
    const refused = await manager.refusal('reports.daily', { kind: 'Z' });
    expect(refused).toMatchObject({ code: 'rejected', reason: 'report.nothing-new', params: { number: z.number } });
    expect(errorText('report.nothing-new', { number: 1 }, 'ar')).toMatch(ARABIC);

    expect(await manager.call('reports.zList', {})).toEqual([expect.objectContaining({ number: z.number, net: z.totals.net })]);
    const again = await manager.call('reports.print', { kind: 'Z', number: z.number! });
    expect(again.report).toEqual(z);
    expect(again.print.state).toBe('printed');
    expect(await manager.refusal('reports.print', { kind: 'Z', number: 99 })).toMatchObject({ reason: 'report.z-not-found' });
    expect((await manager.call('shift.list', {}))[0]!.zNumber).toBe(z.number);
  });

  it('lists the trail by kind, cashier and day, and keeps cashiers out of it', async () => {
    const all = await manager.call('audit.list', {});
    expect(new Set(all.map((e) => e.kind))).toEqual(new Set(['sign-in', 'drawer-open', 'shift-open', 'paid-out', 'void', 'shift-close', 'z-report']));
    const voids = await manager.call('audit.list', { kind: 'void', user: 'Cashier' });
    expect(voids).toEqual([expect.objectContaining({ before: 'Fresh milk: 1 × 6.50', reason: 'Customer changed mind', till: 'TR' })]);
    const today = all[0]!.at.slice(0, 10);
    expect((await manager.call('audit.list', { day: today })).length + (await manager.call('audit.list', { day: '2001-01-01' })).length).toBeLessThanOrEqual(
      all.length,
    );
    expect(await manager.call('audit.list', { day: '2001-01-01' })).toEqual([]);
    expect(await cashier.refusal('audit.list', {})).toMatchObject({ code: 'forbidden' });
    expect(await cashier.refusal('shift.list', {})).toMatchObject({ code: 'forbidden' });
  });

  it('exports the trail as CSV inside the documents zip, read back by unzip', async () => {
    const events = await manager.call('audit.list', {});
    const today = app.core.current().documents.byNumber(app.core.current().documents.head()!.number)!.issue_date;
    const zip = await manager.call('export.documents', { from: today, to: today });
    const csv = execFileSync('unzip', ['-p', zip.path, 'audit-trail.csv']).toString('utf8').trim().split('\r\n');
    expect(csv[0]).toBe('at,kind,till,user,approved_by,shift,document,before,after,reason');
    expect(csv).toHaveLength(events.length + 1);
    expect(csv).toContainEqual(expect.stringMatching(/,void,TR,Cashier,,\d+,,Fresh milk: 1 × 6\.50,,Customer changed mind$/));
  });

  it('takes one approval for one change, unless the manager grants a time-boxed session, which is logged', async () => {
    const milk = app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
    const sale = (approvalId: string) =>
      cashier.call('sale.complete', {
        lines: [{ productId: milk, quantity: '1', unitPrice: '5.00' }],
        payments: [{ method: 'cash', amount: '5' }],
        saleId: randomUUID(),
        approvalId,
      });
    const once = await cashier.call('approval.request', { pin: '1234', purpose: 'price-override' });
    expect(once.session).toBeUndefined();
    await sale(once.approvalId);
    expect(
      await cashier.refusal('sale.complete', {
        lines: [{ productId: milk, quantity: '1', unitPrice: '5.00' }],
        payments: [{ method: 'cash', amount: '5' }],
        saleId: randomUUID(),
        approvalId: once.approvalId,
      }),
    ).toMatchObject({
      reason: 'sale.incomplete',
    });
    const boxed = await cashier.call('approval.request', { pin: '1234', purpose: 'price-override', session: true });
    expect(boxed.session).toBe(true);
    await sale(boxed.approvalId);
    await sale(boxed.approvalId);
    const sessions = await manager.call('audit.list', { kind: 'approval-session' });
    expect(sessions).toEqual([expect.objectContaining({ user: 'Cashier', approvedBy: 'Manager', after: boxed.expiresAt, reason: 'price-override' })]);
    const overrides = await manager.call('audit.list', { kind: 'price-override' });
    expect(overrides.slice(-3).map((e) => e.approvedBy)).toEqual(['Manager', 'Manager', 'Manager']);
  });

  it('keeps the idle lock time, refuses a time out of range by field, and unlocks only with the user’s own PIN', async () => {
    expect(await cashier.call('lock.settings', {})).toEqual({ seconds: 300 });
    expect(await manager.refusal('lock.save', { seconds: 5 })).toMatchObject({
      fields: [expect.objectContaining({ path: 'seconds', reason: 'input.idle-lock' })],
    });
    expect(await cashier.refusal('lock.save', { seconds: 60 })).toMatchObject({ code: 'forbidden' });
    expect(await manager.call('lock.save', { seconds: 60 })).toEqual({ seconds: 60 });
    expect(await cashier.call('lock.settings', {})).toEqual({ seconds: 60 });
    expect(await cashier.refusal('lock.unlock', { pin: '1234' })).toMatchObject({ reason: 'user.wrong-pin' });
    expect(await cashier.call('lock.unlock', { pin: '0000' })).toEqual({ unlocked: true });
  });

  it('refuses to close a shift while a sale is still open in the cart, writing nothing', async () => {
    await cashier.call('shift.open', { openingFloat: '20.00' });
    const milk = app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!;
    await cashier.call('cart.save', { lines: [{ productId: milk.id, name: milk.name, quantity: '1' }] });
    const before = rows();
    expect(await cashier.refusal('shift.close', { total: '20.00' })).toMatchObject({ reason: 'shift.cart-open', params: { cashier: 'Cashier', items: 1 } });
    expect(errorText('shift.cart-open', { cashier: 'x', items: 1 }, 'ar')).toMatch(ARABIC);
    expect(rows()).toEqual(before);
    await cashier.call('cart.save', { lines: [] });
    expect(await cashier.call('shift.close', { total: '20.00' })).toMatchObject({ counted: '20.00' });
  });
});
