// The payment panel's card network and store credit, mounted whole in a light DOM (happy-dom) against a fake main:
// a tap chooses the network and it goes with the card payment (a second tap unchooses it); a voucher code with
// Enter (as a wedge scanner types it) asks main for the balance and takes what main says the sale can use, never
// completing the sale; main's refusal of a code is said in the screen's language; the return screen offers store
// credit and shows the voucher main issued. test/app/tenders.test.ts runs the same against the real main.
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceiptDetails } from '../../app/contract/types';
import { press, submit, type } from './testing/dom';
import { CASHIER, issued, MILK, quoteFor, refused, settle } from './testing/fakes';
import { mountApp, unmountApps, until, type MountedApp } from './testing/mountApp';

afterEach(unmountApps);

type QuoteInput = Parameters<typeof quoteFor>[0];

async function tillWithMilk(locale: 'en' | 'ar', extra: Parameters<typeof mountApp>[1] = {}): Promise<MountedApp & { quotes: QuoteInput[] }> {
  const quotes: QuoteInput[] = [];
  const mounted = await mountApp(
    { user: CASHIER, locale },
    {
      'catalog.lookup': ({ barcode }) => (MILK.barcodes.includes(barcode) ? MILK : null),
      'sale.quote': (input) => (quotes.push(input), quoteFor(input)),
      'display.show': () => null,
      ...extra,
    },
  );
  type(mounted.root, '[data-test=scan]', `2*${MILK.barcodes[0]!}`);
  submit(mounted.root, '[data-test=scan]');
  await until('the milk is quoted', () => quotes.length > 0);
  mounted.$<HTMLButtonElement>('[data-test=pay]')!.click();
  await until('the payment panel opens', () => mounted.$('[data-test=payment-panel]') !== null);
  return { ...mounted, quotes };
}

describe('the card network on the payment panel', () => {
  it('offers mada, Visa, Mastercard, Amex and other as 44 px touch buttons; a tap labels the card payment', async () => {
    const t = await tillWithMilk('en');
    const chips = [...t.root.querySelectorAll<HTMLButtonElement>('.networks button')];
    expect(chips.map((c) => c.textContent)).toEqual(['mada', 'Visa', 'Mastercard', 'Amex', 'Other']);
    expect(chips.every((c) => c.classList.contains('touch') && c.type === 'button')).toBe(true);
    t.$<HTMLButtonElement>('[data-test=rest-on-card]')!.click();
    await until('the card takes the total', () => t.$<HTMLInputElement>('[data-test=card]')!.value === '13.00');
    t.$<HTMLButtonElement>('[data-test=network-mada]')!.click();
    await until('mada is chosen', () => t.$('[data-test=network-mada]')!.getAttribute('aria-pressed') === 'true');
    expect(t.quotes.at(-1)!.payments).toEqual([{ method: 'card', amount: '13.00', network: 'mada' }]);
    let sent: unknown;
    t.fake.answer({ 'sale.complete': (input) => ((sent = input.payments), issued('T1-000001', '13.00', '0.00')) });
    submit(t.root, '[data-test=card]');
    await until('the sale is sent', () => sent !== undefined);
    expect(sent).toEqual([{ method: 'card', amount: '13.00', network: 'mada' }]);
  });

  it('a second tap unchooses the network; the Arabic screen names it مدى', async () => {
    const t = await tillWithMilk('ar');
    const mada = t.$<HTMLButtonElement>('[data-test=network-mada]')!;
    expect(mada.textContent).toBe('مدى');
    mada.click();
    await settle(20);
    mada.click();
    await settle(20);
    expect(mada.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('store credit on the payment panel', () => {
  it('Enter in the voucher field applies what main says the sale can use, and does not complete the sale', async () => {
    let asked: unknown;
    let completed = false;
    const t = await tillWithMilk('en', {
      'storeCredit.balance': (input) => ((asked = input), { code: 'SC-7K3M-9QXD', balance: '20.00', usable: '13.00' }),
      'sale.complete': () => ((completed = true), issued('T1-000002', '13.00', '0.00')),
    });
    expect(t.$('[data-test=voucher]')).toBeNull(); // folded away until asked for
    t.$<HTMLButtonElement>('[data-test=store-credit]')!.click();
    await until('the voucher field opens', () => t.$('[data-test=voucher]') !== null);
    type(t.root, '[data-test=voucher]', 'sc7k3m9qxd');
    t.$<HTMLInputElement>('[data-test=voucher]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await until('the credit is applied', () => t.$('[data-test=credit-applied]') !== null);
    expect(asked).toEqual({ code: 'sc7k3m9qxd', due: '13.00' });
    expect(t.$('[data-test=credit-applied]')!.textContent).toContain('SC-7K3M-9QXD: 13.00 (balance 20.00)');
    expect(t.quotes.at(-1)!.payments).toEqual([{ method: 'store-credit', amount: '13.00', voucherCode: 'SC-7K3M-9QXD' }]);
    expect(completed).toBe(false);
    t.$<HTMLButtonElement>('[data-test=remove-credit]')!.click();
    await until('the credit is taken off', () => t.$('[data-test=voucher]') !== null);
    expect(t.quotes.at(-1)!.payments).toEqual([]);
  });

  it('F9 and F8 with credit taken put what the credit leaves due on the card or in cash, never the whole total', async () => {
    const t = await tillWithMilk('en', { 'storeCredit.balance': () => ({ code: 'SC-7K3M-9QXD', balance: '5.00', usable: '5.00' }) });
    t.$<HTMLButtonElement>('[data-test=store-credit]')!.click();
    await until('the voucher field opens', () => t.$('[data-test=voucher]') !== null);
    type(t.root, '[data-test=voucher]', 'SC-7K3M-9QXD');
    t.$<HTMLButtonElement>('[data-test=use-credit]')!.click();
    await until('the credit is applied', () => t.$('[data-test=credit-applied]') !== null);
    press('F9');
    await until('the card takes the rest', () => t.$<HTMLInputElement>('[data-test=card]')!.value === '8.00');
    expect(t.quotes.at(-1)!.payments).toEqual([
      { method: 'card', amount: '8.00' },
      { method: 'store-credit', amount: '5.00', voucherCode: 'SC-7K3M-9QXD' },
    ]);
    press('F8');
    await until('the cash takes the rest', () => t.$<HTMLInputElement>('[data-test=cash]')!.value === '8.00');
    expect(t.$<HTMLInputElement>('[data-test=card]')!.value).toBe('');
  });

  it("says main's refusal of an unknown code in Arabic and applies nothing", async () => {
    const t = await tillWithMilk('ar', {
      'storeCredit.balance': () => {
        throw refused('rejected', 'store-credit.unknown-code', { code: 'SC-0000-0000' }, { field: 'code' });
      },
    });
    t.$<HTMLButtonElement>('[data-test=store-credit]')!.click();
    await until('the voucher field opens', () => t.$('[data-test=voucher]') !== null);
    type(t.root, '[data-test=voucher]', 'SC-0000-0000');
    t.$<HTMLButtonElement>('[data-test=use-credit]')!.click();
    await until('the refusal is shown', () => (t.root.ownerDocument.body.textContent ?? '').includes('رمز القسيمة SC-0000-0000'));
    expect(t.$('[data-test=credit-applied]')).toBeNull();
    expect(t.quotes.at(-1)!.payments).toEqual([]);
  });
});

describe('a return refunded as store credit', () => {
  const SALE: ReceiptDetails = {
    document: { number: 'T1-000001', kind: 'invoice', issueDate: '2026-11-23', issueTime: '15:30:00', total: '13.00', vat: '1.70', training: false },
    pricesIncludeVat: true,
    lines: [{ lineId: 1, name: 'Fresh milk', quantity: '2', unitPrice: '6.50', vatRate: '15', vatCategory: 'S', returned: '0', returnable: '2' }],
    payments: [{ method: 'cash', amount: '13.00' }],
    originalNumber: null,
    reason: null,
    notes: [],
    reporting: 'reported',
  };

  it('sends refundMethod store-credit and shows the voucher main issued', async () => {
    let sent: unknown;
    const { app, root } = await mountApp(
      { user: CASHIER, locale: 'en' },
      {
        'receipts.find': () => SALE,
        'approval.request': () => ({ approvalId: '0b8f7f4e-8f1a-4a53-9a43-1f2d3c4b5a69', managerName: 'Manager', expiresAt: '2099-01-01T00:00:00Z' }),
        'returns.create': (input) => ((sent = input), { ...issued('T1-000002', '13.00', '0.00'), voucher: { code: 'SC-7K3M-9QXD', amount: '13.00' } }),
      },
    );
    app.go('receipts');
    await settle(20);
    type(root, '[data-test=receipt-query]', 'T1-000001');
    submit(root, '[data-test=receipt-query]');
    await until('the sale is shown', () => root.querySelector('[data-test=refund-store-credit]') !== null);
    root.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    type(root, '[data-test=reason]', 'Changed mind');
    root.querySelector<HTMLInputElement>('[data-test=refund-store-credit]')!.click();
    await settle(20);
    root.querySelector<HTMLButtonElement>('[data-test=issue-credit]')!.click();
    // the manager approves with the PIN dialog
    await until('the approval dialog opens', () => app.dialog.value !== null);
    const dialog = app.dialog.value!;
    app.closeDialog(dialog.id, '1234');
    await until('the voucher is shown', () => root.querySelector('[data-test=voucher-issued]') !== null);
    expect(sent).toMatchObject({ refundMethod: 'store-credit', originalNumber: 'T1-000001' });
    expect(root.querySelector('[data-test=voucher-issued]')!.textContent).toBe('Store-credit voucher SC-7K3M-9QXD: 13.00');
  });
});
