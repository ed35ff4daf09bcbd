// SPDX-License-Identifier: UNLICENSED
// The till's B2B tax invoice without a DOM: the live buyer check keeps only the latest answer; a refused buyer keeps
// the form and the cart (the same sale id, so trying again cannot issue twice); a cleared invoice starts the next
// sale; Fatoora unreachable → retry, or one simplified invoice however often it is pressed.
import { describe, expect, it } from 'vitest';
import type { ClearanceView, StandardSaleResult } from '../../../app/contract/b2bTypes';
import { CASHIER, fakeApi, issued, manualTimers, MILK, quoteFor, refused, session } from '../testing/fakes';
import { AppStore } from './appStore';
import { B2bStore } from './b2bStore';
import { CashierStore } from './cashierStore';

const view = (state: ClearanceView['state'], more: Partial<ClearanceView> = {}): ClearanceView => ({
  number: 'T1-000007',
  state,
  attempts: 1,
  mayHaveArrived: false,
  canIssueSimplified: state === 'awaiting' || state === 'rejected',
  reason: null,
  messages: [],
  replacedBy: null,
  ...more,
});

const standard = (clearance: ClearanceView): StandardSaleResult => ({ ...issued('T1-000007', '13.00', '0.00'), customerId: 1, clearance });

async function b2bTill() {
  const fake = fakeApi({
    'sale.quote': (input) => quoteFor(input),
    'customers.search': () => [],
    'customers.check': () => ({ ok: true, problems: [] }),
    'status.get': () => ({}) as never,
  });
  const app = new AppStore(fake.api, session({ user: CASHIER, locale: 'en' }), manualTimers());
  let ids = 0;
  const till = new CashierStore(app, { newSaleId: () => `sale-${++ids}`, now: () => 1000 });
  const b2b = new B2bStore(app, till, { checkDelayMs: 0, newRequestId: () => `simplified-${++ids}` });
  await till.addProduct(MILK, '2');
  till.tender('exact');
  b2b.start();
  return { fake, till, b2b };
}

describe('the till’s B2B tax invoice', () => {
  it('shows main’s live check by field once a field is left, keeping only the latest answer', async () => {
    const { fake, b2b } = await b2bTill();
    const vat = { ok: false, problems: [{ path: 'vatNumber', code: 'document.vat-number' as const, params: { rule: 'BR-KSA-44' } }] };
    let late: () => void = () => undefined;
    fake.answer({ 'customers.check': () => new Promise((resolve) => (late = () => resolve({ ok: true, problems: [] }))) });
    const stale = b2b.check(); // the answer to an older form arrives last
    fake.answer({ 'customers.check': () => vat });
    b2b.setField('vatNumber', '123');
    await b2b.check();
    late();
    await stale;
    expect(b2b.problems.value).toEqual(vat.problems);
    expect(b2b.shown.value).toEqual([]); // not left yet
    b2b.leave('vatNumber');
    expect(b2b.shown.value.map((p) => p.path)).toEqual(['vatNumber']);
  });

  it('keeps the form and the sale after a refused buyer: trying again uses the same sale id', async () => {
    const { fake, till, b2b } = await b2bTill();
    const saleId = till.currentSaleId;
    fake.answer({
      'sale.completeStandard': () => {
        throw refused(
          'invalid-input',
          'b2b.buyer-invalid',
          { count: 1 },
          { fields: [{ path: 'postalCode', reason: 'document.saudi-postal-code', params: {} }] },
        );
      },
    });
    b2b.setField('name', 'Gulf Trading');
    await b2b.issue();
    expect(b2b.step.value).toBe('buyer');
    expect(b2b.shown.value.map((p) => p.path)).toEqual(['postalCode']);
    expect(b2b.refusal.value).toMatch(/1 problem/);
    expect(till.cart.value).toHaveLength(1);
    fake.answer({ 'sale.completeStandard': () => standard(view('cleared', { canIssueSimplified: false })) });
    await b2b.issue();
    expect(fake.callsOf('sale.completeStandard').map((c) => c.saleId)).toEqual([saleId, saleId]);
    expect(fake.callsOf('sale.completeStandard')[1]!.buyer.name).toBe('Gulf Trading');
    // cleared: the next sale starts on the till while the dialog shows the answer
    expect(b2b.step.value).toBe('answer');
    expect(till.cart.value).toEqual([]);
    expect(till.currentSaleId).not.toBe(saleId);
  });

  it('hands over files only for a cleared invoice, fetched once', async () => {
    const { fake, b2b } = await b2bTill();
    fake.answer({
      'sale.completeStandard': () => standard(view('cleared', { canIssueSimplified: false })),
      'clearance.files': ({ number }) => ({ number, fileBase: `${number}-cleared`, xml: 'PEludm9pY2Uv', pdf: null, qr: 'AQ==' }),
    });
    await b2b.issue();
    expect((await b2b.clearedFiles())?.fileBase).toBe('T1-000007-cleared');
    await b2b.clearedFiles();
    expect(fake.callsOf('clearance.files')).toHaveLength(1);
  });

  it('with Fatoora unreachable: retry clears it; or one simplified invoice, however often pressed', async () => {
    const { fake, till, b2b } = await b2bTill();
    fake.answer({ 'sale.completeStandard': () => standard(view('awaiting')), 'clearance.retry': () => view('awaiting', { attempts: 2 }) });
    await b2b.issue();
    expect(await b2b.clearedFiles()).toBeUndefined();
    await b2b.retry();
    expect(b2b.clearance.value?.attempts).toBe(2);
    let release: () => void = () => undefined;
    fake.answer({
      'clearance.issueSimplified': () => new Promise((resolve) => (release = () => resolve(issued('T1-000008', '13.00', '0.00')))),
    });
    const first = b2b.issueSimplified();
    const second = b2b.issueSimplified(); // a double press while the first is under way
    release();
    await Promise.all([first, second]);
    expect(fake.callsOf('clearance.issueSimplified')).toEqual([{ number: 'T1-000007', requestId: 'simplified-2' }]);
    expect(b2b.step.value).toBe('closed');
    expect(till.lastSale.value?.document.number).toBe('T1-000008');
  });

  it('offers no simplified invoice when ZATCA may already hold the standard one', async () => {
    const { fake, b2b } = await b2bTill();
    fake.answer({ 'sale.completeStandard': () => standard(view('awaiting', { mayHaveArrived: true, canIssueSimplified: false })) });
    await b2b.issue();
    await b2b.issueSimplified();
    expect(fake.callsOf('clearance.issueSimplified')).toEqual([]);
  });
});
