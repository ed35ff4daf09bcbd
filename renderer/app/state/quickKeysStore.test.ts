// SPDX-License-Identifier: UNLICENSED
// The manager's quick keys without a DOM: loaded from main with the active products, added (category carried from
// the last key when none is typed), moved, recoloured and removed locally, and sent to main only on Save, as edited;
// a refusal keeps the edits on screen.
import { describe, expect, it } from 'vitest';
import type { QuickKey } from '../../../app/contract/tillTypes';
import { BREAD, DATES, fakeApi, manualTimers, MANAGER, MILK, product, refused, session } from '../testing/fakes';
import { AppStore } from './appStore';
import { QuickKeysStore } from './quickKeysStore';

function admin() {
  const saved: QuickKey[][] = [];
  const fake = fakeApi({
    'quickKeys.get': () => [{ productId: BREAD.id, category: 'Bakery', colour: 'amber', name: BREAD.name, nameAr: null, price: BREAD.price }],
    'quickKeys.save': ({ keys }) => {
      saved.push([...keys]);
      return keys.map((k) => ({ ...k, name: `#${k.productId}`, nameAr: null, price: '1.00' }));
    },
    'status.get': () => new Promise(() => undefined),
  });
  const app = new AppStore(fake.api, session({ user: MANAGER, locale: 'en' }), manualTimers());
  const store = new QuickKeysStore(app);
  store.setProducts([MILK, BREAD, DATES, product(9, 'Old stock', '1.00', { active: false })]);
  return { fake, app, store, saved };
}

describe('quick keys for the manager', () => {
  it('adds, moves, edits and removes keys, and saves them in the order shown', async () => {
    const { store, saved } = admin();
    await store.load();
    expect(store.products.value.map((p) => p.id)).toEqual([MILK.id, BREAD.id, DATES.id]); // inactive left out
    store.newProduct.value = String(MILK.id);
    store.add(); // no category typed: the last key's
    store.newProduct.value = String(DATES.id);
    store.newCategory.value = 'Dates ';
    store.newColour.value = 'purple';
    store.add();
    store.move(2, -1);
    store.move(0, -1); // already first: nothing
    store.edit(2, { colour: 'blue' });
    expect(store.dirty.value).toBe(true);
    expect(await store.save()).toBe(true);
    expect(saved).toEqual([
      [
        { productId: BREAD.id, category: 'Bakery', colour: 'amber' },
        { productId: DATES.id, category: 'Dates', colour: 'purple' },
        { productId: MILK.id, category: 'Bakery', colour: 'blue' },
      ],
    ]);
    expect(store.dirty.value).toBe(false);
    store.remove(0);
    expect(store.keys.value.map((k) => k.productId)).toEqual([DATES.id, MILK.id]);
  });

  it('keeps the edits on screen when main refuses them, saying which key', async () => {
    const { store, fake, app } = admin();
    fake.answer({
      'quickKeys.save': () => {
        throw refused('rejected', 'quickkeys.unknown-product', { key: 0, id: BREAD.id }, { field: 'keys.0.productId' });
      },
    });
    await store.load();
    store.edit(0, { category: 'Bread' });
    expect(await store.save()).toBe(false);
    expect(store.keys.value[0]).toMatchObject({ category: 'Bread' });
    expect(store.dirty.value).toBe(true);
    expect(app.toastState.value.kind).toBe('error');
  });
});
