// A document found in a read-only archive (a terminal restored onto this computer, docs/backups.md) is shown with
// where it comes from and how to return its items, and offers no credit or debit note: its chain is closed. Mounted
// whole in a light DOM (happy-dom) against a fake main answering receipts.find as main/sale/receipts.ts does;
// test/backup/archiveReceipts.test.ts finds real archived documents.
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceiptDetails } from '../../app/contract/types';
import { submit, type } from './testing/dom';
import { CASHIER, settle } from './testing/fakes';
import { mountApp, unmountApps } from './testing/mountApp';

const OWN: ReceiptDetails = {
  document: { number: 'T1-000001', kind: 'invoice', issueDate: '2026-11-23', issueTime: '15:30:00', total: '13.00', vat: '1.70', training: false },
  pricesIncludeVat: true,
  lines: [{ lineId: 1, name: 'Fresh milk', quantity: '2', unitPrice: '6.50', vatRate: '15', vatCategory: 'S', returned: '0', returnable: '2' }],
  payments: [{ method: 'cash', amount: '13.00' }],
  originalNumber: null,
  reason: null,
  notes: [],
  reporting: 'reported',
};
const ARCHIVED: ReceiptDetails = { ...OWN, archive: { name: '4f2a9c1e-20261101T200000Z', egsSerial: '1-Dukkan|2-POS|3-old' } };

let root: HTMLElement;
afterEach(unmountApps);

async function find(details: ReceiptDetails, locale: 'en' | 'ar'): Promise<void> {
  const { app, root: mounted } = await mountApp({ user: CASHIER, locale }, { 'receipts.find': () => details });
  root = mounted;
  app.go('receipts');
  await settle(20);
  type(root, '[data-test=receipt-query]', details.document.number);
  submit(root, '[data-test=receipt-query]');
  await settle(20);
}

describe('a receipt from an archive', () => {
  it('says where it comes from and offers a copy, not a note', async () => {
    await find(ARCHIVED, 'en');
    expect(root.querySelector('[data-test=archived]')?.textContent).toContain('4f2a9c1e-20261101T200000Z');
    expect(root.querySelector('[data-test=issue-credit]')).toBeNull();
    expect(root.querySelector('[data-test=reprint]')).not.toBeNull();
  });

  it('in Arabic as well', async () => {
    await find(ARCHIVED, 'ar');
    expect(root.querySelector('[data-test=archived]')?.textContent).toMatch(/الأرشيف/);
  });

  it("a document of this till's own ledger keeps its notes and shows no archive line", async () => {
    await find(OWN, 'en');
    expect(root.querySelector('[data-test=archived]')).toBeNull();
    expect(root.querySelector('[data-test=issue-credit]')).not.toBeNull();
  });
});
