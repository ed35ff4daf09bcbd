// SPDX-License-Identifier: UNLICENSED
// Going live with or without the training catalog (docs/catalog.md, "Going live"): the goods a training terminal is
// seeded with (demoCatalog.ts) are either kept, or taken off sale. Taken off, not deleted: a product is named by
// documents and held sales, so it is made inactive (the till no longer finds or shows it; the manager may sell it
// again). Only a training product still as it was seeded counts as training goods: one the manager has edited
// (another price, name or barcode) is the shop's own by then, and stays.
import type { Product } from '../../app/contract/types';
import type { CatalogStore, ProductInput } from './catalogStore';
import { DEMO_PRODUCTS } from './demoCatalog';

/** Whether the product is a training product exactly as seeded. */
function asSeeded(p: Product, seed: ProductInput): boolean {
  return (
    p.name === seed.name &&
    (p.nameAr ?? null) === (seed.nameAr ?? null) &&
    p.price === seed.price &&
    p.priceIncludesVat === seed.priceIncludesVat &&
    p.barcodes.length === seed.barcodes.length &&
    seed.barcodes.every((b) => p.barcodes.includes(b))
  );
}

/** The active training products still as seeded: what "remove the training catalog" takes off sale. */
export function seededTrainingGoods(catalog: Pick<CatalogStore, 'lookup'>): Product[] {
  return DEMO_PRODUCTS.flatMap((seed) => {
    const p = seed.barcodes[0] ? catalog.lookup(seed.barcodes[0]) : undefined;
    return p && p.active && asSeeded(p, seed) ? [p] : [];
  });
}

/** Takes the training goods off sale, all in one transaction; answers how many. */
export function removeTrainingGoods(catalog: Pick<CatalogStore, 'lookup' | 'save' | 'transaction'>): number {
  return catalog.transaction(() => {
    const goods = seededTrainingGoods(catalog);
    for (const p of goods) catalog.save({ ...p, nameAr: p.nameAr ?? undefined, exemptionCode: p.exemptionCode ?? undefined, active: false });
    return goods.length;
  });
}
