// SPDX-License-Identifier: UNLICENSED
// Going live with or without the training catalog, through the dispatcher on a real app onboarded against the
// Fatoora simulator (docs/catalog.md, "Going live"): not offered in training; once live, the manager keeps the
// training goods or takes them off sale — all those still as seeded, none the manager has made the shop's own — and
// the till no longer finds them; the choice is remembered so the screen asks once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DukkanApp } from '../../main/app/openApp';
import { DEMO_PRODUCTS } from '../../main/catalog/demoCatalog';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { WIZARD_SHOP as SHOP } from '../fixtures/wizardShop';
import { clientOf, openTestApp, signIn, type Client } from './support';

const OTP = '271828';

describe('going live with or without the training catalog', { timeout: 120_000 }, () => {
  let sim: FatooraSimulator;
  let app: DukkanApp;
  let manager: Client;
  const active = () =>
    app.core.catalog
      .list()
      .filter((p) => p.active)
      .map((p) => p.name);

  beforeAll(async () => {
    sim = await startFatooraSimulator({ otps: [OTP] });
    ({ app } = await openTestApp({ fatooraUrl: sim.url }));
    manager = clientOf(app, 'office');
    await signIn(manager, app, 'manager', '1234');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await sim?.close();
  });

  it('is not offered while the terminal is in training, and changes nothing there', async () => {
    const before = active();
    expect(await manager.call('goLive.catalog', {})).toEqual({ live: false, choice: null, trainingGoods: DEMO_PRODUCTS.length });
    expect(await manager.refusal('goLive.chooseCatalog', { keep: false })).toMatchObject({ reason: 'golive.still-training' });
    expect(active()).toEqual(before);
  });

  it('takes off sale, once live, only the training goods still as seeded; the till no longer finds them', async () => {
    expect((await manager.call('onboarding.start', { environment: 'local-simulator', otp: OTP, shop: SHOP })).state).toBe('done');
    await manager.call('session.changePin', { oldPin: '1234', newPin: '864209' });
    expect(await manager.call('goLive.catalog', {})).toEqual({ live: true, choice: null, trainingGoods: DEMO_PRODUCTS.length });
    // the shop already made one training product its own: another price
    const milk = app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!;
    const { id, name, nameAr, barcodes, priceIncludesVat, vatCategory } = milk;
    await manager.call('catalog.save', {
      id,
      name,
      nameAr: nameAr ?? undefined,
      barcodes: [...barcodes],
      price: '6.75',
      priceIncludesVat,
      vatCategory,
      vatRate: '15',
    });
    expect((await manager.call('goLive.catalog', {})).trainingGoods).toBe(DEMO_PRODUCTS.length - 1);

    expect(await manager.call('goLive.chooseCatalog', { keep: false })).toEqual({ live: true, choice: 'remove', trainingGoods: 0 });
    expect(active()).toEqual([milk.name]);
    // made inactive, never deleted: documents and held sales name products
    expect(app.core.catalog.list()).toHaveLength(DEMO_PRODUCTS.length);
    expect(await manager.call('catalog.search', { query: 'rice' })).toEqual([]);
    // remembered: the screen does not ask again
    expect((await manager.call('goLive.catalog', {})).choice).toBe('remove');
    expect(await manager.call('goLive.chooseCatalog', { keep: true })).toEqual({ live: true, choice: 'keep', trainingGoods: 0 });
  });
});
