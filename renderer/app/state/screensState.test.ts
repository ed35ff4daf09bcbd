// The other screens' state: the manager's tabs (mirrored arrows in Arabic, remembered between visits, onboarding
// first in training), receipts (a credit note for the chosen lines, with a manager's approval), and onboarding's
// errors pointed at the fields at fault.
import { describe, expect, it } from 'vitest';
import type { OnboardingProgress, ReceiptDetails, SessionInfo } from '../../../app/contract/types';
import { CASHIER, fakeApi, issued, MANAGER, manualTimers, refused, session, settle } from '../testing/fakes';
import { AppStore } from './appStore';
import { ManagerStore } from './managerStore';
import { OnboardingStore } from './onboardingStore';
import { ReceiptsStore } from './receiptsStore';

function appWith(start: Partial<SessionInfo>, handlers: Parameters<typeof fakeApi>[0] = {}) {
  const fake = fakeApi({ 'status.get': () => new Promise(() => undefined), ...handlers });
  return { fake, app: new AppStore(fake.api, session(start), manualTimers()) };
}

describe('manager tabs', () => {
  it('open on onboarding in training, then where the manager left them', () => {
    const { app } = appWith({ user: MANAGER });
    const first = new ManagerStore(app);
    expect(first.tab).toBe('onboarding');
    first.keydown({ key: '7', altKey: true });
    expect(first.tab).toBe('reports');
    expect(new ManagerStore(app).tab).toBe('reports');
  });

  it('move with the arrows, mirrored right to left, wrapping around, and reopen the tab each time', () => {
    const { app } = appWith({ user: MANAGER, mode: 'live' });
    const tabs = new ManagerStore(app);
    expect(tabs.tab).toBe('status');
    const opened = tabs.opened.value;
    expect(tabs.arrow('ArrowLeft', 'ltr')).toBe(true);
    expect(tabs.tab).toBe('store');
    expect(tabs.arrow('ArrowLeft', 'rtl')).toBe(true);
    expect(tabs.tab).toBe('status');
    expect(tabs.opened.value).toBe(opened + 2);
    expect(tabs.focus.request.value?.target).toBe('status');
    expect(tabs.arrow('Home', 'ltr')).toBe(false);
    tabs.keydown({ key: 'Escape', altKey: false });
    expect(app.screen.value.name).toBe('cashier');
  });
});

const RECEIPT: ReceiptDetails = {
  document: { number: 'T1-000001', kind: 'invoice', issueDate: '2026-11-23', issueTime: '15:30:00', total: '54.50', vat: '7.11', training: false },
  pricesIncludeVat: true,
  lines: [
    { lineId: 1, name: 'Fresh milk', quantity: '2', unitPrice: '6.50', vatRate: '15', vatCategory: 'S', returned: '1', returnable: '1' },
    { lineId: 2, name: 'Bread', quantity: '1', unitPrice: '3.00', vatRate: '15', vatCategory: 'S', returned: '0', returnable: '1' },
  ],
  payments: [{ method: 'cash', amount: '54.50' }],
  originalNumber: null,
  reason: null,
  notes: [],
  reporting: 'reported',
};

describe('receipts', () => {
  function receipts() {
    const t = appWith(
      { user: CASHIER },
      {
        'receipts.find': ({ query }) => (query === 'T1-000001' ? RECEIPT : null),
        // a till without a store server: another till's sale cannot be asked for (docs/store-server.md)
        'returns.findForeign': ({ query }) => {
          throw refused('rejected', 'return.foreign-not-enrolled', { number: query });
        },
        'approval.request': () => ({ approvalId: 'a-9', managerName: 'Manager', expiresAt: new Date(60_000).toISOString() }),
        'returns.create': () => ({
          ...issued('T1-000022', '6.50', '0.00'),
          document: { ...issued('T1-000022', '6.50', '0.00').document, kind: 'credit-note' },
        }),
      },
    );
    let ids = 0;
    return { ...t, store: new ReceiptsStore(t.app, { newRequestId: () => `req-${++ids}` }) };
  }

  it('says when there is no such receipt', async () => {
    const { store } = receipts();
    store.query.value = ' T9-999999 ';
    await store.find();
    expect(store.view.value).toEqual({ kind: 'not-found', query: 'T9-999999' });
  });

  it('shows a sale of another till that the store server found, or why the server could not be asked', async () => {
    const { store, fake } = receipts();
    const line = { ...RECEIPT.lines[0]!, returned: '1', returnable: '1' };
    fake.answer({
      'returns.findForeign': ({ query }) => {
        if (query === 'T1-000777')
          return {
            uuid: 'u-1',
            number: 'T1-000777',
            till: 'Till A',
            branch: 'Olaya',
            issueDate: '2026-12-04',
            issueTime: '10:00:00',
            total: '9.00',
            pricesIncludeVat: true,
            lines: [line],
          };
        throw refused('rejected', 'return.foreign-unreachable', { number: query, url: 'http://store.local' });
      },
    });
    store.query.value = 'T1-000777';
    await store.find();
    expect(store.view.value).toEqual({ kind: 'none' });
    expect(store.foreign.found.value?.receipt.till).toBe('Till A');
    expect(store.foreign.found.value?.rows.map((r) => r.quantity.value)).toEqual(['1']);
    store.query.value = 'T1-000888';
    await store.find();
    expect(store.foreign.found.value).toBeNull();
    expect(store.foreign.problem.value).toMatch(/cannot be reached/);
  });

  it('issues a credit note for the chosen lines after the manager approves, then shows the receipt again', async () => {
    const { store, app, fake } = receipts();
    store.query.value = 'T1-000001';
    await store.find();
    const view = store.view.value;
    if (view.kind !== 'details') throw new Error('no receipt');
    expect(view.rows.map((r) => r.quantity.value)).toEqual(['1', '1']);
    expect(store.focus.request.value?.target).toBe('first-pick');
    await store.issueNote('credit');
    expect(app.toastState.value.text).toBe('Choose the lines and quantities first');
    view.rows[1]!.pick.value = true;
    await store.issueNote('credit');
    expect(app.toastState.value.text).toBe('Write the reason');
    expect(store.focus.request.value?.target).toBe('reason');
    store.reason.value = ' Damaged ';
    store.refund.value = 'card';
    const note = store.issueNote('credit');
    await settle();
    app.closeDialog(app.dialog.value!.id, '864209');
    await note;
    await settle();
    expect(fake.callsOf('approval.request')).toEqual([{ pin: '864209', purpose: 'return' }]);
    expect(fake.callsOf('returns.create')).toEqual([
      { originalNumber: 'T1-000001', reason: 'Damaged', approvalId: 'a-9', requestId: 'req-2', refundMethod: 'card', lines: [{ lineId: 2, quantity: '1' }] },
    ]);
    expect(app.toastState.value).toMatchObject({ kind: 'ok', text: 'Credit note T1-000022 issued · Receipt printed' });
    expect(fake.callsOf('receipts.find')).toHaveLength(2);
  });

  it('Esc goes back to the till', () => {
    const { store, app } = receipts();
    expect(store.keydown({ key: 'Escape', altKey: false })).toBe(true);
    expect(app.screen.value.name).toBe('cashier');
  });
});

describe('onboarding', () => {
  const failed: OnboardingProgress = {
    state: 'failed',
    environment: 'simulation',
    steps: [{ id: 'key', done: true, current: false }],
    error: {
      code: 'invalid-input',
      reason: 'onboarding.invalid-input',
      params: { count: 1 },
      message: 'The onboarding details are not valid (1 problem(s), each named with its field); nothing was saved.',
      fields: [{ path: 'address.building', reason: 'shop.building-number', params: {} }],
    },
  };

  it('offers the environments this terminal allows and sends the shop as main expects it', async () => {
    const { app, fake } = appWith({ user: MANAGER, onboardingEnvironments: ['production', 'local-simulator'] }, { 'onboarding.start': () => failed });
    const store = new OnboardingStore(app);
    expect(store.environments).toEqual(['production', 'local-simulator']);
    expect(store.environment.value).toBe('production');
    store.values.vatNumber.value = '399999999900003';
    store.values.nameAr.value = 'بقالة النخيل';
    store.values.building.value = '23';
    store.values.otp.value = ' 246810 ';
    await store.start();
    expect(fake.callsOf('onboarding.start')[0]).toMatchObject({
      environment: 'production',
      otp: '246810',
      standardInvoices: false,
      shop: { vatNumber: '399999999900003', sellerName: { ar: 'بقالة النخيل', en: '' }, address: { building: '23' } },
    });
    expect(store.values.otp.value).toBe(''); // an OTP is single use
    expect(store.message.value).toMatchObject({ kind: 'failed' });
    expect([...store.invalid.value]).toEqual(['building']);
    expect(store.focus.request.value?.target).toBe('building');
    expect(store.busy.value).toBe(false);
  });

  it('shows a refused call in plain words and lets the manager try again', async () => {
    const { app } = appWith(
      { user: MANAGER },
      {
        'onboarding.start': () => {
          throw refused('invalid-input', 'api.invalid-input', { count: 1 }, { fields: [{ path: 'otp', reason: 'input.otp', params: {} }] });
        },
      },
    );
    const store = new OnboardingStore(app);
    await store.start();
    expect(store.message.value).toEqual({
      kind: 'error',
      text: 'Some of the values are not valid (1 problem(s), each named with its field); nothing was changed. · otp: The OTP is the 6 digits shown on the Fatoora portal.',
    });
    expect(store.busy.value).toBe(false);
  });
});
