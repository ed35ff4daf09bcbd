// SPDX-License-Identifier: UNLICENSED
// The till's quick-key grid: products the cashier taps instead of scanning (bread, bags, loose goods), each in a
// category with a colour. Kept as a terminal setting ("quickKeys", main/app/terminalSettings.ts); until a manager
// saves some, the training goods' keys (demoQuickKeys.ts). Names and prices are read from the catalog at each call,
// so a key never shows a stale price; a key whose product is gone or inactive is not shown.
import type { QuickKey, QuickKeyView } from '../../app/contract/tillTypes';
import { DukkanError } from '../../app/errors/index';
import type { CatalogStore } from '../catalog/catalogStore';
import type { TerminalSettings } from '../app/terminalSettings';
import { DEMO_QUICK_KEYS } from './demoQuickKeys';

export class QuickKeys {
  constructor(
    private readonly settings: Pick<TerminalSettings, 'get' | 'set' | 'has'>,
    private readonly catalog: Pick<CatalogStore, 'get' | 'lookup'>,
  ) {}

  keys(): QuickKey[] {
    if (this.settings.has('quickKeys')) return [...this.settings.get('quickKeys')];
    return DEMO_QUICK_KEYS.flatMap((d) => {
      const product = this.catalog.lookup(d.barcode);
      return product ? [{ productId: product.id, category: d.category, colour: d.colour }] : [];
    });
  }

  view(): QuickKeyView[] {
    return this.keys().flatMap((k) => {
      const p = this.catalog.get(k.productId);
      return p && p.active ? [{ ...k, name: p.name, nameAr: p.nameAr, price: p.price }] : [];
    });
  }

  /** Replaces the grid; refused, saving nothing, when a key names a product that is not active in the catalog. */
  save(keys: readonly QuickKey[]): QuickKeyView[] {
    keys.forEach((k, i) => {
      if (!this.catalog.get(k.productId)?.active)
        throw new DukkanError('quickkeys.unknown-product', { key: i, id: k.productId }, { field: `keys.${i}.productId` });
    });
    this.settings.set(
      'quickKeys',
      keys.map((k) => ({ productId: k.productId, category: k.category, colour: k.colour })),
    );
    return this.view();
  }
}
