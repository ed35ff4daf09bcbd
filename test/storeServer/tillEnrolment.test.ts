// SPDX-License-Identifier: UNLICENSED
// A real live till joins a real store server through its API (docs/store-server.md, "Enrolment"): the manager's
// PIN is checked at the till first, the key goes to the keychain, and from then on the app's own push worker
// delivers each sale to the server in the background — the sale answering as always.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { DukkanApp } from '../../main/app/openApp';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { clientOf, openTestApp, signIn, waitFor, type Client } from '../app/support';
import { WIZARD_SHOP as SHOP } from '../fixtures/wizardShop';
import { useStorageBackends, useStoreServer } from './storageBackends';
import { chainedDocuments, enrolledTerminal, managerCall } from './storeFixtures';
import { signedRequest } from '../../main/storeSync/storeClient';

const OTP = '271828';
const TOKEN = 'till-enrolment-token';
const postgres = useStorageBackends().find((b) => b.name === 'postgres')!;

describe('a live till enrolled through its API pushes its sales', { timeout: 120_000 }, () => {
  const running = useStoreServer(postgres, TOKEN);
  let sim: FatooraSimulator;
  let app: DukkanApp;
  let manager: Client;

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: [OTP] });
    ({ app } = await openTestApp({ fatooraUrl: sim.url }));
    manager = clientOf(app, 'office');
    await signIn(manager, app, 'manager', '1234');
    expect((await manager.call('onboarding.start', { environment: 'local-simulator', otp: OTP, shop: SHOP })).state).toBe('done');
    await manager.call('session.changePin', { oldPin: '1234', newPin: '7391' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await sim?.close();
  });

  it('refuses a wrong manager PIN and a bad code field by field, then enrols and delivers a sale', async () => {
    const code = (await managerCall(running.server.url, TOKEN, '/manager/api/codes', { branch: 'Olaya', terminalName: 'Till 1' })).body.value.code;
    expect(await manager.refusal('store.enrol', { url: running.server.url, code, pin: '0000' })).toMatchObject({ reason: 'approval.wrong-pin' });
    const bad = await manager.refusal('store.enrol', { url: 'ftp://x', code: 'short', pin: '7391' });
    expect((bad.fields ?? []).map((p) => `${p.path}:${p.reason}`).sort()).toEqual(['code:store.enrolment-code', 'url:store.url']);
    expect(await manager.call('store.get', {})).toBeNull();

    const link = await manager.call('store.enrol', { url: running.server.url, code, pin: '7391' });
    expect(link).toMatchObject({ name: 'Till 1', branch: 'Olaya', url: running.server.url });
    expect(await manager.call('store.get', {})).toEqual(link);

    const milk = app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id;
    const issued = await manager.call('sale.complete', {
      lines: [{ productId: milk, quantity: '2' }],
      payments: [{ method: 'cash', amount: '50' }],
      saleId: randomUUID(),
    });
    const stored = async () =>
      await running.storage.query<{ number: string; cashier: string }>('SELECT number, cashier FROM documents WHERE terminal_id = $1', [link.terminalId]);
    await waitFor(async () => (await stored()).length === 1, 30_000, 'the sale at the store server');
    expect(await stored()).toEqual([{ number: issued.document.number, cashier: 'Manager' }]);
  });

  it("finds another till's sale through the store server, by number and by QR, for a return", async () => {
    const other = await enrolledTerminal(running.server.url, TOKEN, 'Olaya', 'Till 2');
    const [sale] = chainedDocuments('othertill', 1, 1);
    await signedRequest(other, 'POST', '/api/push', { documents: [sale], records: [] });
    const byNumber = await manager.call('store.findDocument', { number: sale!.number });
    expect(byNumber).toEqual([expect.objectContaining({ number: sale!.number, till: 'Till 2', branch: 'Olaya', total: '115.00', xml: sale!.xml })]);
    expect((await manager.call('store.findDocument', { qr: sale!.qr })).map((d) => d.number)).toEqual([sale!.number]);
    expect(await manager.call('store.findDocument', { number: 'NOPE-1' })).toEqual([]);
    const both = await manager.refusal('store.findDocument', { number: sale!.number, qr: sale!.qr });
    expect((both.fields ?? []).map((f) => f.reason)).toEqual(['store.number-or-qr']);
  });
});
