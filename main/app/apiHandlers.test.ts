// SPDX-License-Identifier: UNLICENSED
// The handler modules on their own: together they answer every contract method exactly once, and each works with
// nothing but the narrow services it declares (fakes here; the real app is driven end to end in test/app).
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../app/contract/methodNames';
import type { StatusSnapshot } from '../../app/contract/types';
import { decodeQr } from '../../app/qr/tlv';
import { SessionStore } from '../users/sessions';
import type { PinCheck, User } from '../users/userStore';
import { createApiHandlers, type AppCore } from './apiHandlers';
import { APPROVAL_METHODS, approvalHandlers } from './handlers/approvalHandlers';
import { B2B_METHODS } from './handlers/b2bHandlers';
import { BACKUP_METHODS } from './handlers/backupHandlers';
import { STORE_METHODS } from './handlers/storeHandlers';
import { STORE_LINK_METHODS } from './handlers/storeLinkHandlers';
import { FOREIGN_RETURN_METHODS } from './handlers/foreignReturnHandlers';
import { CATALOG_METHODS } from './handlers/catalogHandlers';
import { EXPORT_METHODS } from './handlers/exportHandlers';
import { GO_LIVE_METHODS } from './handlers/goLiveHandlers';
import { ONBOARDING_METHODS } from './handlers/onboardingHandlers';
import { OPEN_CART_METHODS } from './handlers/openCartHandlers';
import { PRINTER_METHODS, testPage } from './handlers/printerHandlers';
import { RECEIPT_METHODS } from './handlers/receiptHandlers';
import { REPORT_METHODS } from './handlers/reportHandlers';
import { SALE_METHODS } from './handlers/saleHandlers';
import { SESSION_METHODS } from './handlers/sessionHandlers';
import { SHIFT_METHODS } from './handlers/shiftHandlers';
import { STATUS_METHODS, statusHandlers } from './handlers/statusHandlers';
import { USER_METHODS, userHandlers } from './handlers/userHandlers';
import { TILL_METHODS } from './handlers/tillHandlers';

const MODULES = {
  session: SESSION_METHODS,
  users: USER_METHODS,
  approval: APPROVAL_METHODS,
  catalog: CATALOG_METHODS,
  sale: SALE_METHODS,
  openCart: OPEN_CART_METHODS,
  b2b: B2B_METHODS,
  receipts: RECEIPT_METHODS,
  onboarding: ONBOARDING_METHODS,
  status: STATUS_METHODS,
  printer: PRINTER_METHODS,
  reports: REPORT_METHODS,
  export: EXPORT_METHODS,
  till: TILL_METHODS,
  shifts: SHIFT_METHODS,
  backups: BACKUP_METHODS,
  goLive: GO_LIVE_METHODS,
  store: STORE_METHODS,
  storeLink: STORE_LINK_METHODS,
  foreignReturns: FOREIGN_RETURN_METHODS,
};

const MANAGER: User = { id: 1, name: 'Manager', role: 'manager', active: true, defaultPin: false };
const context = (sessions: SessionStore) => ({ session: sessions.get('till') });

describe('the handler modules', () => {
  it('answer every contract method, each in exactly one module', () => {
    const all = Object.values(MODULES).flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...METHOD_NAMES].sort());
    // building the handlers touches no service: every module reads its services only when called
    expect(Object.keys(createApiHandlers({} as AppCore)).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('approval: grants to a manager PIN, answers the manager lockout the PIN checks report, and refuses a factory PIN live', async () => {
    const sessions = new SessionStore(() => 'en');
    let factoryPinLive = false;
    const asked: string[] = [];
    let wrong = 0;
    const until = new Date('2026-12-04T10:15:00Z');
    const handlers = approvalHandlers({
      pins: {
        approve: async (pin, client): Promise<PinCheck> => {
          asked.push(client);
          if (pin === '8642') return { ok: true, user: MANAGER };
          return ++wrong >= 5 ? { ok: false, reason: 'locked', until } : { ok: false, reason: 'wrong-pin' };
        },
      },
      sessions,
      pinChangeRequired: () => factoryPinLive,
    });
    const request = async (pin: string) => handlers['approval.request']({ pin, purpose: 'discount' }, context(sessions));
    const granted = await request('8642');
    expect(granted).toMatchObject({ managerName: 'Manager' });
    expect(sessions.approval(sessions.get('till'), granted.approvalId, ['discount'])).toBeDefined();
    factoryPinLive = true;
    await expect(request('8642')).rejects.toMatchObject({ code: 'approval.factory-pin' });
    const codes: string[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        await request('0000').then(
          () => 'granted',
          (e: { code: string; params: unknown }) => `${e.code} ${JSON.stringify(e.params)}`,
        ),
      );
    const wrongPin = 'approval.wrong-pin {}';
    const locked = 'approval.locked {"until":"10:15"}';
    expect(codes).toEqual([wrongPin, wrongPin, wrongPin, wrongPin, locked, locked]);
    // the client is told to the PIN checks for their log line, never used as the lockout key
    expect(new Set(asked)).toEqual(new Set(['till']));
  });

  it('users: a live terminal refuses a weak PIN on the field that carried it; training keeps any', async () => {
    let mode: 'training' | 'live' = 'live';
    const saved: unknown[] = [];
    const handlers = userHandlers({
      users: { list: () => [], save: async (input) => (saved.push(input), { ...MANAGER, name: input.name }) },
      mode: () => mode,
    });
    const save = () => handlers['users.save']({ name: 'Sara', role: 'cashier', pin: '1111', active: true }, context(new SessionStore(() => 'en')));
    await expect(save()).rejects.toMatchObject({ code: 'user.pin-repeated', field: 'pin' });
    expect(saved).toEqual([]);
    mode = 'training';
    expect(await save()).toEqual({ id: 1, name: 'Sara', role: 'manager', active: true });
  });

  it('sync: "retry now" wakes the reporting worker of the mode in use and answers the status strip', async () => {
    let nudged = 0;
    const strip = { mode: 'training', waiting: 0 } as StatusSnapshot;
    const handlers = statusHandlers({
      status: () => strip,
      mode: () => 'training',
      folder: () => ({ worker: { nudge: () => void nudged++ } }) as never,
      dataDir: '/data',
    });
    expect(await handlers['sync.retryNow']({}, context(new SessionStore(() => 'en')))).toBe(strip);
    expect(nudged).toBe(1);
  });

  it('printer: the test page says TEST, is marked as training, and carries a decodable QR without a real stamp', () => {
    const page = testPage(null, new Date('2026-11-23T10:00:00Z'));
    expect(page).toMatchObject({ number: 'TEST', training: true, shop: { nameEn: 'Dukkan' }, totals: { payable: '0.00' } });
    expect(decodeQr(page.qr).fields).toMatchObject({ sellerName: 'Dukkan', invoiceHash: 'TEST' });
    // Riyadh time, as on every receipt: 22:30 UTC is 01:30 the next day there
    const late = testPage(null, new Date('2026-11-23T22:30:00Z'));
    expect([late.issueDate, late.issueTime, decodeQr(late.qr).fields.timestamp]).toEqual(['2026-11-24', '01:30:00', '2026-11-24T01:30:00']);
  });
});
