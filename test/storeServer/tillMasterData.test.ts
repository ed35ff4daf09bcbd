// SPDX-License-Identifier: UNLICENSED
// Master data from a real store server (embedded PGlite) applied at a real live till (docs/store-server.md, "Master
// data at the till"): a product, a price change, a user with only a PIN hash, a quick key and the receipt footer
// set on the server reach the till's SQLite and are used by its next sale and sign-in; a pull with one entry the
// till cannot use changes nothing; while enrolled the till refuses its own edits of what the server manages, also
// with the server down; removing the enrolment ends all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { DukkanApp } from '../../main/app/openApp';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { STORE_KEY_ENTRY } from '../../main/storeSync/storeEnrolment';
import { hashPin } from '../../main/users/pinHash';
import { openStorage } from '../../server/db/openStorage';
import type { Storage } from '../../server/db/storage';
import { masterDataStore } from '../../server/stores/masterDataStore';
import { startStoreServer, type StoreServer } from '../../server/storeServer';
import { clientOf, openTestApp, signIn, waitFor, type Client } from '../app/support';
import { WIZARD_SHOP as SHOP } from '../fixtures/wizardShop';
import { managerCall } from './storeFixtures';

const OTP = '314159';
const TOKEN = 'till-master-data-token';
const MANAGER_PIN = '7391';
const DATES = { name: 'Khalas dates 2 kg', nameAr: 'تمر خلاص ٢ كغ', barcodes: ['6291234500017'], price: '39.50' };

describe('master data from the store server at a live till', { timeout: 180_000 }, () => {
  let sim: FatooraSimulator;
  let storage: Storage;
  let server: StoreServer;
  let app: DukkanApp;
  let secrets: Awaited<ReturnType<typeof openTestApp>>['secrets'];
  let manager: Client;
  const put = async (kind: string, key: string, body: unknown) => {
    const answer = await managerCall(server.url, TOKEN, '/manager/api/master-data', { kind, key, body });
    expect(answer.status).toBe(200);
  };
  const pull = () => app.core.current().storeSync!.pull.pullOnce();
  const dates = () => app.core.catalog.lookup(DATES.barcodes[0]!);
  const sell = async (client: Client, productId: number) =>
    (await client.call('sale.complete', { lines: [{ productId, quantity: '1' }], payments: [{ method: 'cash', amount: '100' }], saleId: randomUUID() }))
      .document;

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: [OTP] });
    storage = await openStorage({});
    server = await startStoreServer({ storage, managerToken: TOKEN, log: () => undefined });
    ({ app, secrets } = await openTestApp({ fatooraUrl: sim.url }));
    manager = clientOf(app, 'office');
    await signIn(manager, app, 'manager', '1234');
    expect((await manager.call('onboarding.start', { environment: 'local-simulator', otp: OTP, shop: SHOP })).state).toBe('done');
    await manager.call('session.changePin', { oldPin: '1234', newPin: MANAGER_PIN });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await server?.close();
    await storage?.close();
    await sim?.close();
  });

  it('enrols, then takes the server’s product, user, quick key and footer into its next sale and sign-in', async () => {
    const pin = await hashPin('4826');
    await put('product', 'DATES-1KG', DATES);
    await put('user', 'noura', {
      name: 'Noura',
      role: 'cashier',
      active: true,
      pinSalt: pin.salt.toString('base64'),
      pinHash: pin.hash.toString('base64'),
      pinParams: pin.params,
    });
    await put('quick-key', '01', { product: 'DATES-1KG', category: 'Dates', colour: 'amber' });
    await put('setting', 'receiptFooter', { text: 'Returns within 7 days with this receipt' });
    const code = (await managerCall(server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: 'Till 1' })).body.value.code;
    await manager.call('store.enrol', { url: server.url, code, pin: MANAGER_PIN });
    const again = (await managerCall(server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: 'Till 9' })).body.value.code;
    expect(await manager.refusal('store.enrol', { url: server.url, code: again, pin: MANAGER_PIN })).toMatchObject({
      reason: 'store.already-enrolled',
      params: { name: 'Till 1' },
    });
    // the enrolment nudges the pull at once; wait for it (or join it) rather than the minute's tick
    await waitFor(() => dates() !== undefined, 30_000, 'the server’s product at the till');

    expect(dates()).toMatchObject({ name: DATES.name, nameAr: DATES.nameAr, price: '39.50', active: true });
    expect(await manager.call('receiptFooter.get', {})).toBe('Returns within 7 days with this receipt');
    expect((await manager.call('quickKeys.get', {})).map((k) => [k.name, k.category, k.colour])).toEqual([[DATES.name, 'Dates', 'amber']]);
    const noura = app.core.users.list().find((u) => u.name === 'Noura')!;
    expect(noura).toMatchObject({ role: 'cashier', active: true, defaultPin: false });

    // the user signs in with the PIN whose hash the server sent, and sells the server's product at its price
    const till = clientOf(app, 'till-1');
    await till.call('session.login', { userId: noura.id, pin: '4826' });
    expect((await sell(till, dates()!.id)).total).toBe('39.50');

    await put('product', 'DATES-1KG', { ...DATES, price: '41.25' });
    expect(await pull()).toBe('idle');
    expect((await sell(till, dates()!.id)).total).toBe('41.25');
    // pulling again applies nothing twice
    const version = (await manager.call('store.status', {}))!.masterDataVersion;
    expect(await pull()).toBe('idle');
    expect((await manager.call('store.status', {}))!.masterDataVersion).toBe(version);
    expect(app.core.catalog.list().filter((p) => p.name === DATES.name)).toHaveLength(1);
  });

  it('shows the link’s status: terminal, backlog drained, last push, master-data version', async () => {
    await waitFor(async () => (await manager.call('store.status', {}))!.backlog === 0, 30_000, 'the sales pushed');
    const status = (await manager.call('store.status', {}))!;
    expect(status.link).toMatchObject({ name: 'Till 1', branch: 'Olaya', url: server.url });
    expect(status.lastPushAt).not.toBeNull();
    expect(status.lastPullAt).not.toBeNull();
    expect(status.masterDataVersion).toBeGreaterThan(0);
    expect(status.lastError).toBeNull();
    const stored = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE terminal_id = $1', [status.link.terminalId]);
    expect(stored).toEqual([{ n: 2 }]);
  });

  it('leaves the till unchanged when one entry of a pull cannot be used, and applies all once it is corrected', async () => {
    const before = { catalog: app.core.catalog.list(), users: app.core.users.list(), footer: await manager.call('receiptFooter.get', {}) };
    const version = (await manager.call('store.status', {}))!.masterDataVersion;
    await put('product', 'DATES-1KG', { ...DATES, price: '45.00' });
    await put('setting', 'receiptFooter', { text: 'Thank you' });
    // stored as a server before the page and API checked products would have kept it (server/catalog.ts refuses it now)
    await masterDataStore.put(storage, 'product', 'BAD-1', { name: 'Broken', price: '12,50' });
    expect(await pull()).toBe('failed');

    expect(app.core.catalog.list()).toEqual(before.catalog);
    expect(app.core.users.list()).toEqual(before.users);
    expect(await manager.call('receiptFooter.get', {})).toBe(before.footer);
    const failed = (await manager.call('store.status', {}))!;
    expect(failed.masterDataVersion).toBe(version);
    expect(failed.lastError).toMatchObject({ reason: 'store.master-data-invalid', params: { kind: 'product', key: 'BAD-1', field: 'price' } });
    expect(failed.lastError!.fields).toEqual([{ path: 'price', reason: 'input.price', params: {} }]);

    await put('product', 'BAD-1', { name: 'Mended', price: '12.50', barcodes: ['6291234500024'] });
    expect(await pull()).toBe('idle');
    expect(dates()!.price).toBe('45.00');
    expect(app.core.catalog.lookup('6291234500024')).toMatchObject({ name: 'Mended', price: '12.50' });
    expect(await manager.call('receiptFooter.get', {})).toBe('Thank you');
    expect((await manager.call('store.status', {}))!.lastError).toBeNull();
  });

  it('refuses the till’s own edits of what the server manages, in both languages, changing nothing', async () => {
    const product = dates()!;
    const edit = { id: product.id, name: product.name, barcodes: product.barcodes, price: '1.00', priceIncludesVat: true, vatCategory: 'S', vatRate: '15' };
    const refusal = await manager.refusal('catalog.save', edit);
    expect(refusal).toMatchObject({ reason: 'store.managed-by-server', params: { url: server.url } });
    expect(dates()!.price).toBe('45.00');
    for (const [method, input] of [
      ['users.save', { name: 'Fahad', role: 'cashier', pin: '5938', active: true }],
      ['receiptFooter.save', { footer: 'Mine' }],
      ['quickKeys.save', { keys: [] }],
      ['catalog.importCsv', { csv: 'name,barcode,price\nTea,6291234500031,5.00\n' }],
    ] as const)
      expect((await manager.refusal(method, input)).reason).toBe('store.managed-by-server');
    expect(app.core.users.list().some((u) => u.name === 'Fahad')).toBe(false);
    expect(await manager.call('receiptFooter.get', {})).toBe('Thank you');

    // the printer stays the till's own until the server sends printer settings
    await manager.call('printer.save', { address: null, paperWidth: 58 });
    await put('setting', 'printer', { paperWidth: 80 });
    expect(await pull()).toBe('idle');
    expect(await manager.call('printer.get', {})).toMatchObject({ paperWidth: 80 });
    expect((await manager.refusal('printer.save', { address: null, paperWidth: 58 })).reason).toBe('store.managed-by-server');
  });

  it('says the server is out of reach, still refuses, and ends the enrolment only with a manager’s PIN', async () => {
    await server.close();
    expect(await pull()).toBe('failed');
    expect((await manager.call('store.status', {}))!.lastError).toMatchObject({ reason: 'store.unreachable' });
    const offline = await manager.refusal('receiptFooter.save', { footer: 'Mine' });
    expect(offline.reason).toBe('store.managed-server-unreachable');
    expect(offline.params.since).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    expect((await manager.refusal('store.remove', { pin: '0000' })).reason).toBe('approval.wrong-pin');
    expect(await manager.call('store.status', {})).not.toBeNull();
    expect(await manager.call('store.remove', { pin: MANAGER_PIN })).toBeNull();
    expect(await manager.call('store.status', {})).toBeNull();
    expect(secrets.entries.has(STORE_KEY_ENTRY)).toBe(false);
    expect(await manager.call('receiptFooter.save', { footer: 'Mine' })).toBe('Mine');
    // what the server set stays as it was: a shop leaving its server keeps selling
    expect(dates()!.price).toBe('45.00');
  });
});
