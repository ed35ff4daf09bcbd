// SPDX-License-Identifier: UNLICENSED
// The manager's store-server tab, mounted whole in a light DOM (happy-dom) in Arabic, its calls answered by a real
// live app's dispatcher (onboarded on the Fatoora simulator) and that app by a real store server on embedded PGlite
// (docs/store-server.md, "The till's store-server tab"): a wrong PIN refused in Arabic, joining with the code from
// the server's manager page, the status with the master-data version the till pulled, a pull's failure shown in
// Arabic with its field, and removal of the enrolment with a manager's PIN. happy-dom puts its own fetch in place
// of Node's, with a browser's same-origin policy; the app's own calls to the simulator and the store server are not
// a page's, so that policy is turned off for this file (the environment options below).
// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"fetch":{"disableSameOriginPolicy":true}}}
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DukkanApp } from '../../main/app/openApp';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { ApiCallError } from '../../renderer/app/api';
import { MANAGER } from '../../renderer/app/testing/fakes';
import { mountApp, openManagerTab, unmountApps, until, type Handlers, type MountedApp } from '../../renderer/app/testing/mountApp';
import { submit, type } from '../../renderer/app/testing/dom';
import { openStorage } from '../../server/db/openStorage';
import type { Storage } from '../../server/db/storage';
import { masterDataStore } from '../../server/stores/masterDataStore';
import { startStoreServer, type StoreServer } from '../../server/storeServer';
import { CallError, clientOf, openTestApp, signIn, type Client } from '../app/support';
import { WIZARD_SHOP as SHOP } from '../fixtures/wizardShop';
import { managerCall } from './storeFixtures';

const OTP = '161803';
const TOKEN = 'store-tab-token';
const PIN = '7391';
const ARABIC = /[\u0600-\u06FF]/;

describe('the store-server tab on a real till and server', { timeout: 180_000 }, () => {
  let sim: FatooraSimulator;
  let storage: Storage;
  let server: StoreServer;
  let app: DukkanApp;
  let manager: Client;

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: [OTP] });
    storage = await openStorage({});
    server = await startStoreServer({ storage, managerToken: TOKEN, log: () => undefined });
    ({ app } = await openTestApp({ fatooraUrl: sim.url }));
    manager = clientOf(app, 'office');
    await signIn(manager, app, 'manager', '1234');
    expect((await manager.call('onboarding.start', { environment: 'local-simulator', otp: OTP, shop: SHOP })).state).toBe('done');
    await manager.call('session.changePin', { oldPin: '1234', newPin: PIN });
  }, 180_000);
  afterEach(() => unmountApps());
  afterAll(async () => {
    await app?.close();
    await server?.close();
    await storage?.close();
    await sim?.close();
  });

  /** The screen's store methods answered by the real app, a refusal as the renderer's transport makes it. */
  const real = (method: 'store.status' | 'store.enrol' | 'store.remove') => async (input: unknown) => {
    try {
      return await manager.call(method, input as never);
    } catch (e) {
      throw e instanceof CallError ? new ApiCallError(e.error) : e;
    }
  };
  const mount = async (): Promise<MountedApp> => {
    const handlers = { 'store.status': real('store.status'), 'store.enrol': real('store.enrol'), 'store.remove': real('store.remove') } as Handlers;
    const mounted = await mountApp({ user: MANAGER, mode: 'live', locale: 'ar' }, handlers);
    await openManagerTab(mounted, 'store', () => mounted.$('[data-test=store-enrol]') !== null || mounted.$('[data-test=store-status]') !== null);
    return mounted;
  };
  const text = (m: MountedApp, test: string) => m.$(`[data-test=${test}]`)?.textContent ?? '';

  it('joins with the code and a manager PIN, refusing a wrong PIN in Arabic first', async () => {
    await managerCall(server.url, TOKEN, '/manager/api/master-data', {
      kind: 'product',
      key: 'TEA-1',
      body: { name: 'Karak tea', price: '3.00', barcodes: ['6291234500048'] },
    });
    const code = (await managerCall(server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: 'Till 1' })).body.value.code as string;
    const m = await mount();
    type(m.root, '[data-test=store-url]', server.url);
    type(m.root, '[data-test=store-code]', code);
    type(m.root, '[data-test=store-pin]', '0000');
    submit(m.root, '[data-test=store-pin]');
    await until('the refusal', () => text(m, 'store-error') !== '');
    expect(text(m, 'store-error')).toMatch(ARABIC);
    expect(m.$<HTMLInputElement>('[data-test=store-pin]')!.value).toBe('');
    expect(await manager.call('store.status', {})).toBeNull();

    type(m.root, '[data-test=store-pin]', PIN);
    submit(m.root, '[data-test=store-pin]');
    await until('the link status', () => m.$('[data-test=store-status]') !== null, 30_000);
    expect(text(m, 'store-terminal')).toContain('Till 1');
    expect(text(m, 'store-terminal')).toContain('Olaya');
    expect(text(m, 'store-terminal')).toMatch(ARABIC);
    // the certificate the till pinned, to compare with the one the server's page shows
    expect(text(m, 'store-fingerprint')).toBe(server.fingerprint);
    // the enrolment pulled the server's catalog: refresh until the version shows it
    await until(
      'the master data pulled',
      () => {
        m.$<HTMLButtonElement>('[data-test=store-refresh]')!.click();
        return text(m, 'store-version') !== '0' && text(m, 'store-version') !== '';
      },
      30_000,
    );
    expect(app.core.catalog.lookup('6291234500048')?.name).toBe('Karak tea');
  });

  it('shows a pull that failed in Arabic, naming the field, then removes the enrolment with a PIN', async () => {
    // stored as a server before the page and API checked products would have kept it (server/catalog.ts refuses it now)
    await masterDataStore.put(storage, 'product', 'BAD', { name: 'Broken', price: 'free' });
    expect(await app.core.current().storeSync!.pull.pullOnce()).toBe('failed');
    const m = await mount();
    expect(text(m, 'store-last-error')).toMatch(ARABIC);
    expect(text(m, 'store-last-error')).toContain('BAD');
    expect(text(m, 'store-last-error')).toContain('price:');

    type(m.root, '[data-test=store-remove-pin]', PIN);
    submit(m.root, '[data-test=store-remove-pin]');
    await until('the confirmation', () => m.$('[data-test=confirm-yes]') !== null);
    m.$<HTMLButtonElement>('[data-test=confirm-yes]')!.click();
    await until('the join form again', () => m.$('[data-test=store-enrol]') !== null, 10_000);
    expect(await manager.call('store.status', {})).toBeNull();
  });
});
