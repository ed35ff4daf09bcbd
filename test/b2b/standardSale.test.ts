// SPDX-License-Identifier: UNLICENSED
// B2B at the till through the dispatcher, on a terminal onboarded for simplified + standard against the Fatoora
// simulator over real HTTP: a standard tax invoice is cleared before it is handed over and the buyer gets ZATCA's
// XML with its QR; with Fatoora unreachable the cashier may wait and retry or issue a simplified invoice instead;
// a NOT_CLEARED answer shows ZATCA's messages and nothing is handed over; a bad buyer is refused field by field in
// English and Arabic with nothing signed; customers are saved and found again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { errorText } from '../../app/errors/index';
import { Decimal } from '../../app/money/decimal';
import { withXml } from '../../app/xml/parseXml';
import { readInvoiceFields } from '../../app/verify/readInvoiceFields';
import type { DukkanApp } from '../../main/app/openApp';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { addLiveCashier, clientOf, openTestApp, signIn, type Client } from '../app/support';
import { B2B_SHOP as SHOP, FOREIGN_BUYER, REFUSED_BUYER, refusingValidator, SAUDI_BUYER } from './support';

const OTP = '271828';
const addMoney = (a: string, b: string) => Decimal.parse(a).add(Decimal.parse(b)).toFixed(2);

describe('standard tax invoices at the till (live, simulator over HTTP)', { timeout: 180_000 }, () => {
  let sim: FatooraSimulator;
  let app: DukkanApp;
  let cashier: Client;
  const milk = () => app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
  const sale = (buyer = SAUDI_BUYER) => ({
    lines: [{ productId: milk(), quantity: '4' }],
    payments: [{ method: 'cash' as const, amount: '50' }],
    saleId: randomUUID(),
    buyer,
  });
  const folder = () => app.core.current();
  const documentCount = () => folder().db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents').get()!.n;

  /**
   * Fatoora refuses connections. A keep-alive socket to it from an earlier call would fail mid-request instead (an
   * attempt that may have arrived, tested on its own below): one throwaway request through the same pool uses it up.
   */
  const fatooraDown = async () => {
    sim.faults.update({ outages: [{ from: new Date(0), until: new Date(Date.now() + 3600_000), mode: 'refuse' }] });
    await fetch(sim.url).catch(() => undefined);
  };

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: [OTP], validateInvoice: refusingValidator });
    ({ app } = await openTestApp({ fatooraUrl: sim.url }));
    const manager = clientOf(app, 'office');
    await signIn(manager, app, 'manager', '1234');
    const progress = await manager.call('onboarding.start', { environment: 'local-simulator', otp: OTP, shop: SHOP, standardInvoices: true });
    expect(progress.state).toBe('done');
    await manager.call('session.changePin', { oldPin: '1234', newPin: '864209' });
    cashier = clientOf(app, 'till-1');
    await addLiveCashier(manager, cashier, '2580');
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await sim?.close();
  });

  it('clears a standard invoice before handing it over: the cleared XML and its QR are what the buyer gets', async () => {
    const r = await cashier.call('sale.completeStandard', sale());
    expect(r.document.kind).toBe('invoice');
    expect(r.clearance).toMatchObject({ state: 'cleared', canIssueSimplified: false, messages: [] });
    expect(r.change).toBe('24.00'); // 4 × 6.50 from 50 in cash
    // ZATCA recorded it as a clearance, never as a report
    const cleared = sim.records.cleared();
    expect(cleared.map((c) => c.number)).toContain(r.document.number);
    expect(sim.records.reported().map((c) => c.number)).not.toContain(r.document.number);
    const files = await cashier.call('clearance.files', { number: r.document.number });
    const xml = Buffer.from(files.xml, 'base64');
    // the XML handed over is exactly what ZATCA returned, and its QR is the one on the PDF
    expect(xml.toString('base64')).toBe(cleared.find((c) => c.number === r.document.number)!.invoice);
    const fields = withXml(xml, readInvoiceFields);
    expect(files.qr).toBe(fields.qr);
    expect(fields.number).toBe(r.document.number);
    expect(files.pdf).toBeNull(); // no page renderer in this test app; the e2e test draws the A4 PDF in Chromium
    // the customer was saved and is found by name and by VAT number
    const byName = await cashier.call('customers.search', { query: 'modern' });
    expect(byName.map((c) => c.vatNumber)).toEqual(['311111111111113']);
    expect(byName[0]!.form).toEqual(SAUDI_BUYER);
    expect((await cashier.call('customers.search', { query: '3111' })).map((c) => c.id)).toEqual([r.customerId]);
  });

  it('refuses a bad buyer field by field, in English and Arabic, and signs nothing', async () => {
    const bad = { ...SAUDI_BUYER, vatNumber: '123456789012345', postalCode: '1234', district: '' };
    const check = await cashier.call('customers.check', { buyer: bad });
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.path).sort()).toEqual(['district', 'postalCode', 'vatNumber']);
    const vat = check.problems.find((p) => p.path === 'vatNumber')!;
    expect(errorText(vat.code, vat.params ?? {}, 'en')).toMatch(/15 digits.*BR-KSA-44/);
    expect(errorText(vat.code, vat.params ?? {}, 'ar')).toMatch(/[\u0600-\u06FF].*BR-KSA-44/);
    const before = documentCount();
    const refusal = await cashier.refusal('sale.completeStandard', sale(bad));
    expect(refusal.reason).toBe('b2b.buyer-invalid');
    expect(refusal.fields?.map((f) => f.path).sort()).toEqual(['district', 'postalCode', 'vatNumber']);
    expect(documentCount()).toBe(before);
    // a buyer abroad needs no postal code, building or district, but an id when there is no VAT number
    expect((await cashier.call('customers.check', { buyer: FOREIGN_BUYER })).ok).toBe(true);
    const noId = await cashier.call('customers.check', { buyer: { ...FOREIGN_BUYER, idScheme: '', idValue: '' } });
    expect(noId.problems.map((p) => p.path)).toEqual(['vatNumber']);
  });

  it('with Fatoora unreachable: nothing is handed over; retry clears it once Fatoora is back', async () => {
    await fatooraDown();
    const r = await cashier.call('sale.completeStandard', sale());
    expect(r.clearance).toMatchObject({ state: 'awaiting', mayHaveArrived: false, canIssueSimplified: true });
    expect((await cashier.refusal('clearance.files', { number: r.document.number })).reason).toBe('b2b.not-cleared');
    sim.faults.update({ outages: [] });
    const retried = await cashier.call('clearance.retry', { number: r.document.number });
    expect(retried).toMatchObject({ state: 'cleared', attempts: 2 });
    expect((await cashier.call('clearance.files', { number: r.document.number })).number).toBe(r.document.number);
    // settled: no simplified invoice can replace it, and a retry sends nothing again
    expect((await cashier.refusal('clearance.issueSimplified', { number: r.document.number, requestId: randomUUID() })).reason).toBe('b2b.clearance-settled');
  });

  it('with Fatoora unreachable the cashier may issue a simplified invoice instead; the standard one is withdrawn', async () => {
    await fatooraDown();
    const before = folder().reports.x();
    const r = await cashier.call('sale.completeStandard', sale());
    expect(r.clearance.canIssueSimplified).toBe(true);
    const simplified = await cashier.call('clearance.issueSimplified', { number: r.document.number, requestId: randomUUID() });
    sim.faults.update({ outages: [] });
    // the X report counts the sale once, as the simplified invoice handed over
    const x = folder().reports.x();
    expect(x.totals.sales).toBe(addMoney(before.totals.sales, r.document.total));
    expect(x.documents.invoices).toBe(before.documents.invoices + 1);
    const row = folder().documents.byNumber(simplified.document.number)!;
    expect(row.profile).toBe('simplified');
    expect(row.payable).toBe(r.document.total);
    expect(folder().documents.payments(row.id)).toEqual([{ method: 'cash', amount: r.document.total }]);
    expect(await cashier.call('clearance.get', { number: r.document.number })).toMatchObject({ state: 'withdrawn', replacedBy: simplified.document.number });
    // the withdrawn invoice is never sent again
    expect((await cashier.refusal('clearance.retry', { number: r.document.number })).reason).toBe('b2b.clearance-settled');
    expect(sim.records.cleared().map((c) => c.number)).not.toContain(r.document.number);
  });

  it('after an attempt that may have arrived, only a retry is offered (ZATCA may hold it as cleared)', async () => {
    sim.faults.enqueue({ kind: 'lost-response' }, { endpoint: 'clearance' });
    const r = await cashier.call('sale.completeStandard', sale());
    expect(r.clearance).toMatchObject({
      state: 'awaiting',
      mayHaveArrived: true,
      canIssueSimplified: false,
      reason: { reason: 'b2b.withdraw-may-be-cleared' },
    });
    expect((await cashier.refusal('clearance.issueSimplified', { number: r.document.number, requestId: randomUUID() })).reason).toBe(
      'b2b.withdraw-may-be-cleared',
    );
    // the retry sends the identical bytes: ZATCA answers that it was cleared already, with the cleared invoice
    expect(await cashier.call('clearance.retry', { number: r.document.number })).toMatchObject({ state: 'cleared' });
    expect(sim.records.cleared().filter((c) => c.number === r.document.number)).toHaveLength(1);
  });

  it('a rejected clearance shows ZATCA’s messages and hands nothing over; the chain goes on', async () => {
    const r = await cashier.call('sale.completeStandard', sale({ ...SAUDI_BUYER, name: REFUSED_BUYER, vatNumber: '311111111111123' }));
    expect(r.clearance.state).toBe('rejected');
    expect(r.clearance.messages.map((m) => m.message).join(' ')).toMatch(/not the one registered/);
    expect((await cashier.refusal('clearance.files', { number: r.document.number })).reason).toBe('b2b.not-cleared');
    expect(r.clearance.canIssueSimplified).toBe(true);
    // the rejected document stays in the chain: the next sale's PIH is its hash (reference §11)
    const rejected = folder().documents.byNumber(r.document.number)!;
    const next = await cashier.call('sale.completeStandard', sale());
    expect(next.clearance.state).toBe('cleared');
    expect(folder().documents.byNumber(next.document.number)!.pih).toBe(rejected.hash);
  });
});
