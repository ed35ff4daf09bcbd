// SPDX-License-Identifier: UNLICENSED
// Factory PINs on a live terminal, through the dispatcher on a real app onboarded against the Fatoora simulator:
// going live removes the training users still on a factory PIN (the cashier 0000), keeping only the manager who
// must reach the terminal; a sign-in with 1234 gets no further than choosing a new PIN (every other method refused in main), bad new
// PINs are refused by catalog code (shown in Arabic on an Arabic screen) and change nothing, wrong current PINs still lock the user, and after the
// change the old PIN fails, the new one works and is stored as scrypt. Training mode keeps the factory PINs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID, scryptSync } from 'node:crypto';
import path from 'node:path';
import { ALLOWED_BEFORE_PIN_CHANGE } from '../../app/contract/api';
import { METHOD_NAMES } from '../../app/contract/methodNames';
import type { IssueResult } from '../../app/contract/types';
import type { DukkanApp } from '../../main/app/openApp';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { messageOf } from '../../renderer/app/state/services';
import { clientOf, openTestApp, signIn, type Client } from './support';
import { WIZARD_SHOP as SHOP } from '../fixtures/wizardShop';

const OTP = '314159';
const ARABIC = /[\u0600-\u06FF]/;

interface UserRow {
  pin_salt: Buffer;
  pin_hash: Buffer;
  pin_params: string;
  default_pin: number;
  failed_attempts: number;
}

function userRow(dataDir: string, id: number): UserRow | undefined {
  const db = openDeviceDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return db.prepare<[number], UserRow>('SELECT pin_salt, pin_hash, pin_params, default_pin, failed_attempts FROM users WHERE id = ?').get(id);
  } finally {
    db.close();
  }
}

describe('factory PINs on a live terminal (through the dispatcher)', { timeout: 120_000 }, () => {
  let sim: FatooraSimulator;
  let app: DukkanApp;
  let dataDir: string;
  let manager: Client;
  /** The factory manager who onboards, and Sara, a cashier the manager made in training with a PIN of her own. */
  const userId = (role: 'cashier' | 'manager') =>
    app.core.users.list().find((u) => u.role === role && u.name === (role === 'manager' ? 'Manager' : 'Sara'))!.id;
  let trainingCashier: number;
  let trainingSale: IssueResult;
  const milk = () => app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
  const sale = () => ({ lines: [{ productId: milk(), quantity: '1' }], payments: [{ method: 'cash' as const, amount: '10' }], saleId: randomUUID() });

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: [OTP] });
    ({ app, dataDir } = await openTestApp({ fatooraUrl: sim.url }));
    manager = clientOf(app, 'office');
    // the shop's manager tries the terminal in training with the factory PIN, then connects it to ZATCA
    await signIn(manager, app, 'manager', '1234');
    expect((await manager.call('session.get', {})).pinChangeRequired).toBe(false);
    trainingCashier = app.core.users.list().find((u) => u.name === 'Cashier')!.id;
    await manager.call('users.save', { name: 'Sara', role: 'cashier', pin: '2580' });
    // a practice sale in training: it stays in the training folder's ledger
    trainingSale = await manager.call('sale.complete', sale());
    expect(trainingSale.document.training).toBe(true);
    const progress = await manager.call('onboarding.start', { environment: 'local-simulator', otp: OTP, shop: SHOP });
    expect(progress.state).toBe('done');
    expect(app.mode()).toBe('live');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await sim?.close();
  });

  it('holds the manager who onboarded, still signed in with the factory PIN, at the PIN change once the terminal is live', async () => {
    const s = await manager.call('session.get', {});
    expect(s).toMatchObject({ mode: 'live', user: { role: 'manager' }, pinChangeRequired: true, defaultPinsHint: null });
    // everything but the sign-in methods and the PIN change is refused before its argument is looked at
    for (const method of METHOD_NAMES.filter((m) => !ALLOWED_BEFORE_PIN_CHANGE.has(m))) {
      expect(await manager.refusal(method, {}), method).toMatchObject({ code: 'pin-change-required', reason: 'session.pin-change-required' });
    }
  });

  it('keeps no training user: the factory cashier is gone, a cashier with a PIN of their own stays', async () => {
    const names = app.core.users.list().map((u) => u.name);
    expect(names).not.toContain('Cashier');
    expect(names).toEqual(expect.arrayContaining(['Manager', 'Sara']));
    const users = (await clientOf(app, 'till-sign-in').call('session.get', {})).users.map((u) => u.name);
    expect(users).not.toContain('Cashier');
    expect(userRow(dataDir, trainingCashier)).toBeUndefined();
    // and no training sale: the live ledger starts empty, the practice sale is not in it
    expect(app.core.current().documents.maxId()).toBe(0);
    expect(app.core.current().documents.byNumber(trainingSale.document.number)).toBeUndefined();
  });

  it('answers the factory manager signing in at another till with a session that must change its PIN, and refuses everything else', async () => {
    const till = clientOf(app, 'till-1234');
    const s = await till.call('session.login', { userId: userId('manager'), pin: '1234' });
    expect(s).toMatchObject({ mode: 'live', user: { role: 'manager' }, pinChangeRequired: true });
    const headBefore = app.core.current().documents.head();
    for (const method of METHOD_NAMES.filter((m) => !ALLOWED_BEFORE_PIN_CHANGE.has(m))) {
      const input = method === 'sale.complete' ? sale() : method === 'approval.request' ? { pin: '1234', purpose: 'discount' } : {};
      expect(await till.refusal(method, input), method).toMatchObject({ code: 'pin-change-required' });
    }
    expect(app.core.current().documents.head()).toEqual(headBefore); // no sale went through
    // the sign-in screen's own methods still work: language, session, sign-out
    expect((await till.call('session.setLocale', { locale: 'ar' })).locale).toBe('ar');
    expect((await till.call('session.get', {})).pinChangeRequired).toBe(true);
    await till.call('session.setLocale', { locale: 'en' });
    expect((await till.call('session.logout', {})).user).toBeNull();
    expect(await till.refusal('status.get', {})).toMatchObject({ code: 'not-signed-in' });
  });

  it('refuses bad new PINs with a message in English and Arabic, and changes nothing', async () => {
    const till = clientOf(app, 'till-bad');
    const managerId = userId('manager');
    await till.call('session.login', { userId: managerId, pin: '1234' });
    const before = userRow(dataDir, managerId)!;
    const cases: [string, RegExp][] = [
      ['12', /4 to 8 digits/],
      ['123456789', /4 to 8 digits/],
      ['12a4', /4 to 8 digits/],
      ['', /4 to 8 digits/],
      ['1234', /factory PIN/],
      ['0000', /factory PIN/],
      ['7777', /one digit repeated/],
      ['55555555', /one digit repeated/],
    ];
    for (const [newPin, message] of cases) {
      const e = await till.refusal('session.changePin', { oldPin: '1234', newPin });
      expect(e, newPin).toMatchObject({ code: 'invalid-input', field: 'newPin', fields: [{ path: 'newPin', reason: e.reason }] });
      expect(e.message, newPin).toMatch(message);
      // the PIN change screen in Arabic says it in Arabic only
      expect(messageOf(e, 'ar'), newPin).toMatch(ARABIC);
      expect(messageOf(e, 'ar'), newPin).not.toMatch(/[A-Za-z]{2,}/);
    }
    const after = userRow(dataDir, managerId)!;
    expect(after.pin_hash.equals(before.pin_hash)).toBe(true);
    expect(after).toMatchObject({ default_pin: 1, failed_attempts: 0 }); // bad new PINs are not wrong current PINs
    expect((await till.call('session.get', {})).pinChangeRequired).toBe(true);
    // a wrong current PIN is a wrong PIN: refused, counted towards the lockout, nothing stored
    expect(await till.refusal('session.changePin', { oldPin: '9999', newPin: '2580' })).toMatchObject({
      code: 'wrong-pin',
      reason: 'user.current-pin-wrong',
    });
    expect(userRow(dataDir, managerId)).toMatchObject({ default_pin: 1, failed_attempts: 1 });
    await till.call('session.logout', {});
  });

  it('lets no factory manager PIN approve anything until the manager has chosen a new one', async () => {
    const till = clientOf(app, 'till-approvals');
    await till.call('session.login', { userId: userId('cashier'), pin: '2580' });
    const refused = await till.refusal('approval.request', { pin: '1234', purpose: 'price-override' });
    expect(refused).toMatchObject({ code: 'pin-change-required', reason: 'approval.factory-pin' });
    expect(messageOf(refused, 'ar')).toMatch(ARABIC);

    const s = await manager.call('session.changePin', { oldPin: '1234', newPin: '864209' });
    expect(s.pinChangeRequired).toBe(false);
    expect((await manager.call('device.status', {})).mode).toBe('live');
    expect(await till.refusal('approval.request', { pin: '1234', purpose: 'price-override' })).toMatchObject({ code: 'wrong-pin' });
    expect(await till.call('approval.request', { pin: '864209', purpose: 'price-override' })).toMatchObject({ managerName: 'Manager' });
  });

  it('after the change: the old PIN fails, the new one works (stored as scrypt) and the manager sells', async () => {
    const managerId = userId('manager');
    const row = userRow(dataDir, managerId)!;
    expect(row).toMatchObject({ default_pin: 0, failed_attempts: 0 });
    expect(scryptSync('864209', row.pin_salt, 32, { N: 16384, r: 8, p: 1 }).equals(row.pin_hash)).toBe(true);
    expect(JSON.parse(row.pin_params)).toEqual({ N: 16384, r: 8, p: 1, keylen: 32 });
    // the same session goes on to the till: a real sale signed in live mode
    const issued = await manager.call('sale.complete', sale());
    expect(issued.document).toMatchObject({ kind: 'invoice', training: false });
    expect(issued.document.number).toMatch(/^T1-\d{6}$/);
    // signing in again: the factory PIN is wrong now, the new one is a normal session
    const again = clientOf(app, 'till-2');
    expect(await again.refusal('session.login', { userId: managerId, pin: '1234' })).toMatchObject({ code: 'wrong-pin' });
    expect(await again.call('session.login', { userId: managerId, pin: '864209' })).toMatchObject({ pinChangeRequired: false });
    expect((await again.call('status.get', {})).mode).toBe('live');
    // changing it once more: not to the same PIN again
    const same = await again.refusal('session.changePin', { oldPin: '864209', newPin: '864209' });
    expect(same).toMatchObject({ code: 'invalid-input', reason: 'user.pin-unchanged', fields: [{ path: 'newPin' }] });
    expect(same.message).toMatch(/different from the current one/);
    expect(messageOf(same, 'ar')).toBe('يجب أن يختلف الرقم السري الجديد عن الرقم الحالي.');
  });

  it('keeps the lockout: five wrong current PINs lock the user, for the PIN change and the sign-in alike', async () => {
    await manager.call('users.save', { name: 'Huda', role: 'cashier', pin: '4821' });
    const huda = app.core.users.list().find((u) => u.name === 'Huda')!.id;
    const till = clientOf(app, 'till-huda');
    await till.call('session.login', { userId: huda, pin: '4821' });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await till.refusal('session.changePin', { oldPin: '1357', newPin: '9753' })).code);
    expect(codes).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked']);
    // locked means locked: even the right current PIN, and a fresh sign-in
    const locked = await till.refusal('session.changePin', { oldPin: '4821', newPin: '9753' });
    expect(locked).toMatchObject({ code: 'locked', reason: 'user.locked', params: { until: expect.stringMatching(/^\d\d:\d\d$/) } });
    expect(messageOf(locked, 'ar')).toBe(`محاولات خاطئة كثيرة: حاول بعد الساعة ${locked.params.until} بتوقيت UTC.`);
    expect(await clientOf(app, 'till-huda-2').refusal('session.login', { userId: huda, pin: '4821' })).toMatchObject({ code: 'locked' });
  });

  it('takes no weak PIN from the manager either once live (users.save)', async () => {
    const cashierId = userId('cashier');
    for (const pin of ['0000', '1234', '3333']) {
      const e = await manager.refusal('users.save', { id: cashierId, name: 'Sara', role: 'cashier', pin });
      expect(e, pin).toMatchObject({ code: 'invalid-input', reason: expect.stringMatching(/^user\.pin-(factory|repeated)$/), fields: [{ path: 'pin' }] });
      expect(messageOf(e, 'ar'), pin).toMatch(ARABIC);
    }
    expect(userRow(dataDir, cashierId)!.default_pin).toBe(0);
    expect(await clientOf(app, 'till-3').call('session.login', { userId: cashierId, pin: '2580' })).toMatchObject({ pinChangeRequired: false });
  });
});

describe('factory PINs in training mode (unchanged)', { timeout: 60_000 }, () => {
  let app: DukkanApp;

  beforeAll(async () => {
    ({ app } = await openTestApp());
  });
  afterAll(() => app?.close());

  it('signs in with 0000 and 1234 to a normal session, shows the hint, and approves with 1234', async () => {
    const till = clientOf(app, 'till');
    await signIn(till, app, 'cashier', '0000');
    const s = await till.call('session.get', {});
    expect(s).toMatchObject({ mode: 'training', pinChangeRequired: false, defaultPinsHint: { manager: '1234', cashier: '0000' } });
    expect((await till.call('status.get', {})).mode).toBe('training');
    expect(await till.call('approval.request', { pin: '1234', purpose: 'discount' })).toMatchObject({ managerName: 'Manager' });
    const office = clientOf(app, 'office');
    await signIn(office, app, 'manager', '1234');
    expect((await office.call('session.get', {})).pinChangeRequired).toBe(false);
    // a manager may still set any 4–8 digit PIN in training, as before
    const created = await office.call('users.save', { name: 'Trainee', role: 'cashier', pin: '1111' });
    expect(await clientOf(app, 'trainee').call('session.login', { userId: created.id, pin: '1111' })).toMatchObject({ user: { name: 'Trainee' } });
  });

  it('lets anyone choose their own PIN in training too, by the same rules', async () => {
    const till = clientOf(app, 'till-own');
    await signIn(till, app, 'cashier', '0000');
    expect(await till.refusal('session.changePin', { oldPin: '0000', newPin: '1234' })).toMatchObject({ code: 'invalid-input' });
    expect(await till.call('session.changePin', { oldPin: '0000', newPin: '4096' })).toMatchObject({ pinChangeRequired: false, mode: 'training' });
    // the manager keeps the factory PIN, so the sign-in screen still shows the training PINs
    expect((await till.call('session.get', {})).defaultPinsHint).toEqual({ manager: '1234', cashier: '0000' });
  });
});
