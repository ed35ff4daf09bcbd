// SPDX-License-Identifier: UNLICENSED
// B2B sales beyond the counter, against the Fatoora simulator over HTTP: a standard invoice left awaiting clearance
// is cleared in the background once Fatoora is back (with the backoff, not before it is due); the status strip and
// the manager's device status count awaiting and not-cleared invoices apart from reporting; a B2B cash sale feeds the
// open shift's drawer like any sale (once, also when a simplified invoice replaces it); the X report counts a
// NOT_CLEARED invoice apart from the sales; and credit and debit notes against a cleared standard invoice are
// cleared the same way (never printed as receipts), while a note against an uncleared one is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { DailyReport } from '../../app/contract/types';
import { Decimal } from '../../app/money/decimal';
import { DailyReports } from '../../main/reports/dailyReport';
import type { DukkanApp } from '../../main/app/openApp';
import { CLEARANCE_BACKOFF } from '../../main/clearance/clearanceRetrier';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { addLiveCashier, clientOf, openTestApp, signIn, type Client } from '../app/support';
import { B2B_SHOP, REFUSED_BUYER, refusingValidator, SAUDI_BUYER } from './support';

const OTP = '161803';
const add = (a: string, b: string) => Decimal.parse(a).add(Decimal.parse(b)).toFixed(2);

describe('standard invoices in the background, the status strip, the shift and the X report', { timeout: 180_000 }, () => {
  let sim: FatooraSimulator;
  let app: DukkanApp;
  let cashier: Client;
  let manager: Client;
  /**
   * The app's clock runs ahead by this much (the background retrier's backoff is waited out by moving it). The
   * simulator's clock moves with it: it judges BR-KSA-04 (no issue date after today in Riyadh) by its own clock, so
   * an app clock alone past Riyadh's midnight would have its invoices refused near the end of the day. Both start
   * twenty minutes before midnight in Riyadh (UTC+3), so the backoffs waited out below always cross it, as in a shop
   * open late.
   */
  let ahead = (() => {
    const riyadh = Date.now() + 3 * 3600_000;
    return Math.ceil(riyadh / 86_400_000) * 86_400_000 - riyadh - 20 * 60_000;
  })();
  const appNow = () => new Date(Date.now() + ahead);
  const wait = (ms: number) => {
    ahead += ms;
    sim.clock.advance(ms);
  };
  const milk = () => app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
  const sale = (buyer = SAUDI_BUYER) => ({
    lines: [{ productId: milk(), quantity: '2' }],
    payments: [{ method: 'cash' as const, amount: '20' }],
    saleId: randomUUID(),
    buyer,
  });
  const folder = () => app.core.current();
  /** The same period's report added up from nothing, by a new instance over the same ledger. */
  const afresh = () => new DailyReports(folder().db, folder().documents, { training: false, clock: appNow }).x();
  const sums = (x: DailyReport) => ({ documents: x.documents, vat: x.vat, payments: x.payments, totals: x.totals, notCleared: x.notCleared });
  const b2b = () => app.core.sale().b2b;
  const running = () => folder().shifts.openShift()!.running_cash;
  const fatoora = async (up: boolean) => {
    sim.faults.update({ outages: up ? [] : [{ from: new Date(0), until: new Date(sim.clock.now().getTime() + 3600_000), mode: 'refuse' }] });
    await fetch(sim.url).catch(() => undefined); // uses up a keep-alive socket of this process's pool
    await new Promise((r) => setTimeout(r, 300));
  };

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: [OTP], validateInvoice: refusingValidator, clock: { start: appNow() } });
    ({ app } = await openTestApp({ fatooraUrl: sim.url, clock: appNow }));
    manager = clientOf(app, 'office');
    await signIn(manager, app, 'manager', '1234');
    expect((await manager.call('onboarding.start', { environment: 'local-simulator', otp: OTP, shop: B2B_SHOP, standardInvoices: true })).state).toBe('done');
    await manager.call('session.changePin', { oldPin: '1234', newPin: '864209' });
    cashier = clientOf(app, 'till-1');
    await addLiveCashier(manager, cashier, '2580');
    await cashier.call('shift.open', { openingFloat: '100.00' });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await sim?.close();
  });

  it('clears an awaiting invoice in the background once Fatoora is back, not before its backoff is due', async () => {
    await fatoora(false);
    const r = await cashier.call('sale.completeStandard', sale());
    expect(r.clearance).toMatchObject({ state: 'awaiting', attempts: 1 });
    // counted apart on the status strip and on the manager's device status
    expect((await cashier.call('status.get', {})).clearance).toEqual({ awaiting: 1, rejected: 0 });
    expect((await manager.call('device.status', {})).clearance).toMatchObject({ awaiting: 1, rejected: 0 });
    await fatoora(true);
    // not due yet: the cashier may still be choosing between a retry and a simplified invoice
    expect(await b2b().retrier.tick()).toBe(0);
    expect((await cashier.call('clearance.get', { number: r.document.number })).attempts).toBe(1);
    wait(CLEARANCE_BACKOFF.initialMs); // at most the first step (equal jitter: between half of it and all of it)
    expect(await b2b().retrier.tick()).toBe(1);
    expect(await cashier.call('clearance.get', { number: r.document.number })).toMatchObject({ state: 'cleared', attempts: 2 });
    expect(sim.records.cleared().filter((c) => c.number === r.document.number)).toHaveLength(1);
    expect((await cashier.call('status.get', {})).clearance).toEqual({ awaiting: 0, rejected: 0 });
    // settled: nothing more is sent
    wait(CLEARANCE_BACKOFF.maxMs);
    expect(await b2b().retrier.tick()).toBe(0);
  });

  it('never sends a withdrawn invoice; its sale reaches the drawer once, as the simplified invoice', async () => {
    const before = running();
    const x = folder().reports.x();
    await fatoora(false);
    const r = await cashier.call('sale.completeStandard', sale());
    // the cash taken is the drawer's at once, like any cash sale (docs/cash-control.md)
    expect(running()).toBe(add(before, r.document.total));
    // counted as a sale while it awaits clearance, in the X report's running sums
    expect(folder().reports.x().totals.sales).toBe(add(x.totals.sales, r.document.total));
    const simplified = await cashier.call('clearance.issueSimplified', { number: r.document.number, requestId: randomUUID() });
    expect(running()).toBe(add(before, r.document.total));
    // and once, as the simplified invoice, when that replaces it: taken out of the sums again
    const replaced = folder().reports.x();
    expect(replaced.documents.invoices).toBe(x.documents.invoices + 1);
    expect(replaced.totals.sales).toBe(add(x.totals.sales, r.document.total));
    expect(sums(replaced)).toEqual(sums(afresh()));
    await fatoora(true);
    wait(CLEARANCE_BACKOFF.maxMs);
    await b2b().retrier.tick();
    expect(await cashier.call('clearance.get', { number: r.document.number })).toMatchObject({ state: 'withdrawn', replacedBy: simplified.document.number });
    expect(sim.records.cleared().map((c) => c.number)).not.toContain(r.document.number);
  });

  it('counts a NOT_CLEARED invoice apart: on the strip, and in the X report outside the sales', async () => {
    const x = folder().reports.x();
    expect(x.notCleared).toBeUndefined();
    const r = await cashier.call('sale.completeStandard', sale({ ...SAUDI_BUYER, name: REFUSED_BUYER, vatNumber: '311111111111123' }));
    expect(r.clearance.state).toBe('rejected');
    expect((await cashier.call('status.get', {})).clearance).toEqual({ awaiting: 0, rejected: 1 });
    expect((await manager.call('device.status', {})).clearance).toMatchObject({ awaiting: 0, rejected: 1 });
    const after = folder().reports.x();
    expect(after.notCleared).toEqual({ documents: 1, amount: r.document.total });
    expect(after.documents.invoices).toBe(x.documents.invoices);
    expect(after.totals.sales).toBe(x.totals.sales);
    // a cleared B2B sale is a sale like any other
    const cleared = await cashier.call('sale.completeStandard', sale());
    expect(cleared.clearance.state).toBe('cleared');
    const last = folder().reports.x();
    expect(last.documents.invoices).toBe(x.documents.invoices + 1);
    expect(last.totals.sales).toBe(add(x.totals.sales, cleared.document.total));
    expect(sums(last)).toEqual(sums(afresh()));
  });

  it('takes an invoice counted while it awaited clearance out of the sales when ZATCA does not clear it', async () => {
    const x = folder().reports.x();
    await fatoora(false);
    const r = await cashier.call('sale.completeStandard', sale({ ...SAUDI_BUYER, name: REFUSED_BUYER, vatNumber: '311111111111123' }));
    expect(r.clearance.state).toBe('awaiting');
    const awaiting = folder().reports.x();
    expect(awaiting.totals.sales).toBe(add(x.totals.sales, r.document.total));
    await fatoora(true);
    wait(CLEARANCE_BACKOFF.maxMs);
    await b2b().retrier.tick();
    expect(await cashier.call('clearance.get', { number: r.document.number })).toMatchObject({ state: 'rejected' });
    const after = folder().reports.x();
    expect(after.totals.sales).toBe(x.totals.sales);
    expect(after.documents.invoices).toBe(x.documents.invoices);
    expect(after.notCleared!.documents).toBe((x.notCleared?.documents ?? 0) + 1);
    expect(sums(after)).toEqual(sums(afresh()));
  });

  it('uses up a one-time approval with the B2B sale it approved', async () => {
    const approvalId = (await cashier.call('approval.request', { pin: '864209', purpose: 'price-override' })).approvalId;
    const lines = [{ productId: milk(), quantity: '2', unitPrice: '5.00' }];
    const r = await cashier.call('sale.completeStandard', { ...sale(), lines, approvalId });
    expect(r.document.total).toBe('10.00');
    const again = await cashier.refusal('sale.completeStandard', { ...sale(), lines, approvalId });
    expect(again.reason).toBe('sale.incomplete');
  });

  it('keeps the shift open while a B2B sale is being completed', async () => {
    sim.faults.enqueue({ kind: 'latency', ms: 1500 }, { endpoint: 'clearance' });
    const selling = cashier.call('sale.completeStandard', sale());
    await new Promise((r) => setTimeout(r, 500));
    expect((await cashier.refusal('shift.close', { total: '0.00' })).reason).toBe('shift.sale-in-progress');
    expect((await selling).clearance.state).toBe('cleared');
  });

  it('clears credit and debit notes against a cleared standard invoice; refuses one against an uncleared invoice', async () => {
    const approval = async (purpose: 'return' | 'debit-note') => (await cashier.call('approval.request', { pin: '864209', purpose })).approvalId;
    const invoice = await cashier.call('sale.completeStandard', sale());
    expect(invoice.clearance.state).toBe('cleared');
    const credit = await cashier.call('returns.create', {
      originalNumber: invoice.document.number,
      lines: [{ lineId: 1, quantity: '1' }],
      reason: 'Damaged box',
      refundMethod: 'cash',
      approvalId: await approval('return'),
      requestId: randomUUID(),
    });
    expect(credit.document.kind).toBe('credit-note');
    expect(credit.clearance).toMatchObject({ state: 'cleared' });
    expect(credit.print.state).toBe('no-printer'); // handed over as ZATCA's cleared files, not as a receipt
    // looked up again: the clearance shows with it, and no receipt copy of a standard document is printed
    expect((await cashier.call('receipts.find', { query: invoice.document.number }))!.clearance).toMatchObject({ state: 'cleared' });
    expect((await cashier.refusal('receipts.reprint', { number: credit.document.number })).reason).toBe('b2b.receipt-is-standard');
    expect((await cashier.refusal('receipts.preview', { number: invoice.document.number })).reason).toBe('b2b.receipt-is-standard');
    const files = await cashier.call('clearance.files', { number: credit.document.number });
    expect(files.xml).toBe(sim.records.cleared().find((c) => c.number === credit.document.number)!.invoice);
    expect(Buffer.from(files.xml, 'base64').toString('utf8')).toContain(invoice.document.number); // its billing reference
    const debit = await cashier.call('debitNotes.create', {
      originalNumber: invoice.document.number,
      lines: [{ lineId: 1, quantity: '1', unitAmount: '1.00' }],
      reason: 'Undercharged',
      paymentMethod: 'cash',
      approvalId: await approval('debit-note'),
      requestId: randomUUID(),
    });
    expect(debit.clearance).toMatchObject({ state: 'cleared' });
    expect(sim.records.reported().map((r) => r.number)).not.toContain(debit.document.number);

    // against an invoice ZATCA did not clear: refused before anything is signed
    const rejected = await cashier.call('sale.completeStandard', sale({ ...SAUDI_BUYER, name: REFUSED_BUYER, vatNumber: '311111111111123' }));
    const before = folder().documents.maxId();
    const refusal = await cashier.refusal('returns.create', {
      originalNumber: rejected.document.number,
      lines: [{ lineId: 1, quantity: '1' }],
      reason: 'Damaged box',
      refundMethod: 'cash',
      approvalId: await approval('return'),
      requestId: randomUUID(),
    });
    expect(refusal.reason).toBe('b2b.note-original-not-cleared');
    expect(folder().documents.maxId()).toBe(before);
  });
});
