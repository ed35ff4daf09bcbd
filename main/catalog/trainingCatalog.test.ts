// SPDX-License-Identifier: UNLICENSED
// Taking the training goods off sale on a real SQLite catalog: only the demo products still exactly as seeded, made
// inactive (never deleted), in one go; the shop's own products and demo products the manager changed stay on sale.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import { useTempDirs } from '../../test/support/tempDirs';
import { CatalogStore } from './catalogStore';
import { DEMO_PRODUCTS, seedDemoCatalog } from './demoCatalog';
import { removeTrainingGoods, seededTrainingGoods } from './trainingCatalog';

describe('the training goods', () => {
  const newDir = useTempDirs('dukkan-training-goods-');

  it('takes off sale only the demo goods still as seeded, keeping every row', () => {
    const catalog = new CatalogStore(openDeviceDatabase(path.join(newDir(), 'dukkan.sqlite')));
    seedDemoCatalog(catalog);
    const own = catalog.save({
      name: 'Cardamom 100 g',
      barcodes: ['6281234000031'],
      price: '9.00',
      priceIncludesVat: true,
      vatCategory: 'S',
      vatRate: '15',
      active: true,
    });
    const [first, second] = DEMO_PRODUCTS.map((d) => catalog.lookup(d.barcodes[0]!)!);
    // the manager made two demo products the shop's own: another price, another name
    catalog.save({ ...first!, nameAr: first!.nameAr ?? undefined, exemptionCode: first!.exemptionCode ?? undefined, price: '7.25' });
    catalog.save({ ...second!, nameAr: second!.nameAr ?? undefined, exemptionCode: second!.exemptionCode ?? undefined, name: `${second!.name} (ours)` });
    expect(seededTrainingGoods(catalog)).toHaveLength(DEMO_PRODUCTS.length - 2);

    expect(removeTrainingGoods(catalog)).toBe(DEMO_PRODUCTS.length - 2);
    const onSale = catalog
      .list()
      .filter((p) => p.active)
      .map((p) => p.id)
      .sort((a, b) => a - b);
    expect(onSale).toEqual([first!.id, second!.id, own.id].sort((a, b) => a - b));
    expect(catalog.list()).toHaveLength(DEMO_PRODUCTS.length + 1);
    // done: nothing left to take off, and a second run changes nothing
    expect(seededTrainingGoods(catalog)).toEqual([]);
    expect(removeTrainingGoods(catalog)).toBe(0);
  });
});
