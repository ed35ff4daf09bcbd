// The receipts screen shows a past sale's lines in one table (screens/returnLinesTable.tsx) for both kinds of sale:
// this till's own, whose lines can be returned or charged an undercharge per unit (a debit note), and another
// till's found at the store server, whose lines can only be returned, under data-test names of their own. Mounted
// whole in a light DOM (happy-dom) against a fake main.
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ForeignReceipt } from '../../app/contract/foreignReturnApi';
import type { ReceiptDetails } from '../../app/contract/types';
import { submit, type } from './testing/dom';
import { CASHIER, settle } from './testing/fakes';
import { mountApp, unmountApps, until, type Handlers } from './testing/mountApp';

const LINE = { lineId: 7, name: 'Fresh milk', quantity: '3', unitPrice: '6.50', vatRate: '15', vatCategory: 'S', returned: '1', returnable: '2' } as const;
const OWN: ReceiptDetails = {
  document: { number: 'T1-000001', kind: 'invoice', issueDate: '2026-11-23', issueTime: '15:30:00', total: '19.50', vat: '2.54', training: false },
  pricesIncludeVat: true,
  lines: [LINE],
  payments: [{ method: 'cash', amount: '19.50' }],
  originalNumber: null,
  reason: null,
  notes: [],
  reporting: 'reported',
};
const FOREIGN: ForeignReceipt = {
  uuid: '6f1c1b7e-2b1a-4c55-9d0e-3b0a6f0c2d11',
  number: 'T2-000042',
  till: 'Till 2',
  branch: 'Olaya',
  issueDate: '2026-11-23',
  issueTime: '16:00:00',
  total: '19.50',
  pricesIncludeVat: true,
  lines: [LINE],
};

afterEach(unmountApps);

async function find(number: string, handlers: Handlers): Promise<HTMLElement> {
  const { app, root } = await mountApp({ user: CASHIER }, handlers);
  app.go('receipts');
  await settle(20);
  type(root, '[data-test=receipt-query]', number);
  submit(root, '[data-test=receipt-query]');
  return root;
}

const headers = (root: HTMLElement) => [...root.querySelectorAll('table.lines th')].map((th) => th.textContent);

describe('the lines of a past sale on the receipts screen', () => {
  it("of this till's own invoice: pick, quantity to return and the undercharge per unit", async () => {
    const root = await find(OWN.document.number, { 'receipts.find': () => OWN });
    await until('the sale shown', () => root.querySelector('[data-test=pick-7]') !== null);
    expect(headers(root)).toHaveLength(7);
    expect(root.querySelector<HTMLInputElement>('[data-test=pick-7]')!.disabled).toBe(false);
    expect(root.querySelector<HTMLInputElement>('[data-test=qty-7]')!.value).toBe('2');
    expect(root.querySelector('[data-test=extra-7]')).not.toBeNull();
    expect(root.querySelector('[data-test=returned-7]')!.textContent).toBe('1');
  });

  it('of a credit note: nothing can be picked (a note refers to an invoice)', async () => {
    const note: ReceiptDetails = { ...OWN, document: { ...OWN.document, kind: 'credit-note' } };
    const root = await find(OWN.document.number, { 'receipts.find': () => note });
    await until('the note shown', () => root.querySelector('[data-test=pick-7]') !== null);
    expect(root.querySelector<HTMLInputElement>('[data-test=pick-7]')!.disabled).toBe(true);
  });

  it("of another till's sale: its own names, what the shop returned, and no undercharge column", async () => {
    const root = await find(FOREIGN.number, { 'receipts.find': () => null, 'returns.findForeign': () => FOREIGN });
    await until("the other till's sale shown", () => root.querySelector('[data-test=foreign-pick-7]') !== null);
    expect(headers(root)).toHaveLength(6);
    expect(root.querySelector('[data-test=pick-7]')).toBeNull();
    expect(root.querySelector('[data-test=foreign-extra-7]')).toBeNull();
    expect(root.querySelector<HTMLInputElement>('[data-test=foreign-qty-7]')!.value).toBe('2');
    expect(root.querySelector('[data-test=foreign-returned-7]')!.textContent).toBe('1');
  });
});
