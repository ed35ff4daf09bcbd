// SPDX-License-Identifier: UNLICENSED
// Held (parked) sales, quick keys and the one-tap approval through the contract, on a real app and real SQLite files: several sales held
// with labels, recalled once each, still there after the app is closed and opened again, and never signed (the
// ledger does not move). Quick keys come from the catalog at each call and refuse a product that is not there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../app/contract/types';
import type { DukkanApp } from '../../main/app/openApp';
import { clientOf, openTestApp, signIn, type Client } from './support';

describe('held sales and quick keys', { timeout: 60_000 }, () => {
  let app: DukkanApp;
  let dataDir: string;
  let cashier: Client;
  let manager: Client;
  let products: Product[];
  const byName = (name: string) => products.find((p) => p.name.startsWith(name))!;
  const documents = () => app.core.current().documents.byNumber('TR-000001');

  const open = async (dir?: string) => {
    ({ app, dataDir } = await openTestApp(dir ? { dataDir: dir } : {}));
    cashier = clientOf(app, 'till-1');
    manager = clientOf(app, 'office');
    await signIn(cashier, app, 'cashier');
    await signIn(manager, app, 'manager');
    products = await manager.call('catalog.list', {});
  };

  beforeAll(() => open());
  afterAll(() => app.close());

  it('holds several labelled sales, survives a restart, recalls each once, and signs nothing', async () => {
    const milk = byName('Fresh milk');
    const bread = byName('Arabic bread');
    const first = await cashier.call('held.hold', { label: 'Abu Khalid', lines: [{ productId: milk.id, quantity: '2' }] });
    const second = await cashier.call('held.hold', {
      label: 'سيارة بيضاء',
      lines: [
        { productId: bread.id, quantity: '3' },
        { productId: milk.id, quantity: '1', unitPrice: '6.00' },
      ],
    });
    expect(first).toMatchObject({ label: 'Abu Khalid', lines: [{ productId: milk.id, name: milk.name, nameAr: milk.nameAr, quantity: '2' }] });
    expect((await cashier.call('held.list', {})).map((h) => h.label)).toEqual(['Abu Khalid', 'سيارة بيضاء']);

    await app.close();
    await open(dataDir);
    expect((await cashier.call('held.list', {})).map((h) => [h.id, h.label])).toEqual([
      [first.id, 'Abu Khalid'],
      [second.id, 'سيارة بيضاء'],
    ]);
    const recalled = await cashier.call('held.recall', { id: second.id });
    expect(recalled.lines).toEqual([
      { productId: bread.id, name: bread.name, nameAr: bread.nameAr, quantity: '3' },
      { productId: milk.id, name: milk.name, nameAr: milk.nameAr, quantity: '1', unitPrice: '6.00' },
    ]);
    // once: a second till recalling the same sale is refused by code, naming it
    expect(await cashier.refusal('held.recall', { id: second.id })).toMatchObject({ reason: 'held.not-found', params: { id: second.id } });
    expect((await cashier.call('held.list', {})).map((h) => h.label)).toEqual(['Abu Khalid']);
    // a held sale is a cart, not a document: nothing was numbered or signed
    expect(documents()).toBeUndefined();
  });

  it('refuses an unknown product or a bad label, holding nothing', async () => {
    const before = await cashier.call('held.list', {});
    expect(await cashier.refusal('held.hold', { label: 'x', lines: [{ productId: 999_999, quantity: '1' }] })).toMatchObject({
      reason: 'held.unknown-product',
    });
    expect((await cashier.refusal('held.hold', { label: '', lines: [{ productId: byName('Fresh milk').id, quantity: '1' }] })).code).toBe('invalid-input');
    expect(await cashier.call('held.list', {})).toEqual(before);
  });

  it('shows the training goods as quick keys until the manager saves a grid, and refuses an unknown product', async () => {
    const keys = await cashier.call('quickKeys.get', {});
    expect(keys.map((k) => k.name)).toContain('Arabic bread');
    expect(new Set(keys.map((k) => k.category)).size).toBeGreaterThan(1);
    const bread = byName('Arabic bread');
    const saved = await manager.call('quickKeys.save', { keys: [{ productId: bread.id, category: 'Bakery', colour: 'amber' }] });
    expect(saved).toEqual([{ productId: bread.id, category: 'Bakery', colour: 'amber', name: bread.name, nameAr: bread.nameAr, price: bread.price }]);
    expect(await cashier.call('quickKeys.get', {})).toEqual(saved);
    expect(await manager.refusal('quickKeys.save', { keys: [{ productId: 999_999, category: 'X', colour: 'red' }] })).toMatchObject({
      reason: 'quickkeys.unknown-product',
    });
    expect((await manager.refusal('quickKeys.save', { keys: [{ productId: bread.id, category: 'X', colour: 'pink' }] })).code).toBe('invalid-input');
    expect((await cashier.refusal('quickKeys.save', { keys: [] })).code).toBe('forbidden');
    expect(await cashier.call('quickKeys.get', {})).toEqual(saved);
  });

  it('lets the manager signed in at a till approve with one tap; a cashier cannot', async () => {
    const milk = byName('Fresh milk');
    const lines = [{ productId: milk.id, quantity: '1', unitPrice: '5.00' }];
    expect((await cashier.refusal('approval.self', { purpose: 'price-override' })).code).toBe('forbidden');
    const approval = await manager.call('approval.self', { purpose: 'price-override' });
    expect(approval.managerName).toBe('Manager');
    // the grant is the manager's own till's: it makes their sale complete, and nobody else's
    expect(await manager.call('sale.quote', { lines, payments: [], approvalId: approval.approvalId })).toMatchObject({ needsApproval: true, total: '5.00' });
    expect((await manager.call('sale.quote', { lines, payments: [{ method: 'cash', amount: '5' }], approvalId: approval.approvalId })).complete).toBe(true);
    expect((await cashier.call('sale.quote', { lines, payments: [{ method: 'cash', amount: '5' }], approvalId: approval.approvalId })).complete).toBe(false);
  });
});
