// SPDX-License-Identifier: UNLICENSED
// The cash tab's store with a fake main: it loads the shift, shifts, Z list and trail; sends the count exactly as
// typed (the close is blind: nothing here computes an expected figure); shows a refusal and keeps what was typed;
// filters the trail by what is filled in only; and the Z is printed only after main closed the day.
import { describe, expect, it } from 'vitest';
import type { DailyReport, IssueResult } from '../../../app/contract/types';
import { fakeApi, MANAGER, manualTimers, refused, session, settle, shiftView as shift } from '../testing/fakes';
import { AppStore } from './appStore';
import { CashStore } from './cashStore';

const z = { kind: 'Z', number: 3 } as DailyReport;

function storeWith(handlers: Parameters<typeof fakeApi>[0]) {
  const fake = fakeApi({
    'status.get': () => new Promise(() => undefined),
    'shift.current': () => shift(),
    'shift.list': () => [shift()],
    'reports.zList': () => [],
    'audit.list': () => [],
    ...handlers,
  });
  const app = new AppStore(fake.api, session({ user: MANAGER }), manualTimers());
  return { fake, app, store: new CashStore(app) };
}

describe('the cash tab store', () => {
  it('closes blind with the count as typed, then reloads the figures from main', async () => {
    const { fake, store } = storeWith({ 'shift.close': () => shift({ closedAt: '2026-12-04T20:00:00.000Z', counted: '95.00' }) });
    await store.load();
    expect(store.shift.value?.id).toBe(1);
    store.counted.value = '95.00';
    await store.close();
    expect(fake.callsOf('shift.close')).toEqual([{ total: '95.00' }]);
    expect(store.counted.value).toBe('');
    expect(fake.callsOf('shift.list')).toHaveLength(2);
  });

  it('keeps the typed float when main refuses it, and shows the refusal', async () => {
    const { app, store } = storeWith({
      'shift.open': () => {
        throw refused('invalid-input', 'input.money', {}, { field: 'openingFloat' });
      },
    });
    store.float.value = '-5';
    await store.open();
    await settle();
    expect(store.float.value).toBe('-5');
    expect(app.toastState.value).toMatchObject({ kind: 'error', visible: true });
  });

  it('filters the trail by the filled-in fields only', async () => {
    const { fake, store } = storeWith({});
    store.filterKind.value = 'void';
    store.filterUser.value = '  Cashier ';
    await store.loadTrail();
    expect(fake.callsOf('audit.list').at(-1)).toEqual({ kind: 'void', user: 'Cashier' });
  });

  it('prints the Z only once main has closed the day, and not at all when the manager says no', async () => {
    const { fake, app, store } = storeWith({ 'reports.daily': () => z, 'reports.print': () => ({ report: z, print: { state: 'printed', message: null } }) });
    const asked = store.closeDay('Close the day?');
    await settle();
    app.closeDialog(app.dialog.value!.id, false);
    await asked;
    expect(fake.callsOf('reports.daily')).toEqual([]);
    const again = store.closeDay('Close the day?');
    await settle();
    app.closeDialog(app.dialog.value!.id, true);
    await again;
    expect(fake.callsOf('reports.daily')).toEqual([{ kind: 'Z' }]);
    expect(fake.callsOf('reports.print')).toEqual([{ kind: 'Z', number: 3 }]);
    expect(store.printed.value?.state).toBe('printed');
  });

  it('asks a manager’s PIN, then issues the return without a receipt with what was typed', async () => {
    const { fake, store } = storeWith({
      'approval.request': () => ({ approvalId: 'a1', managerName: 'Manager', expiresAt: '2026-12-04T07:00:00.000Z' }),
      'returns.external': () => ({ document: { number: 'TR-000009' } }) as IssueResult,
    });
    store.returnProduct.value = '3';
    store.returnQuantity.value = '2';
    store.returnNumber.value = ' OLD-1 ';
    store.returnDate.value = '2026-11-02';
    store.returnReason.value = 'Sour';
    await store.externalReturn(async () => null);
    expect(fake.callsOf('approval.request')).toEqual([]);
    await store.externalReturn(async () => '1234');
    expect(fake.callsOf('approval.request')).toEqual([{ pin: '1234', purpose: 'return' }]);
    expect(fake.callsOf('returns.external')).toEqual([
      expect.objectContaining({
        lines: [{ productId: 3, quantity: '2' }],
        number: 'OLD-1',
        issueDate: '2026-11-02',
        reason: 'Sour',
        refundMethod: 'cash',
        approvalId: 'a1',
      }),
    ]);
    expect(store.returned.value).toBe('TR-000009');
    expect(store.returnReason.value).toBe('');
  });
});
