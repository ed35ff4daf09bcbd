// SPDX-License-Identifier: UNLICENSED
// The manager's quick keys (screens/manager/quickKeysPanel.tsx): the till's grid of products tapped instead of
// scanned (bread, bags, loose goods), each in a category with a colour. Keys are added, moved within the grid,
// recoloured, re-categorised and removed here; nothing reaches the till until Save, when main checks every key (an
// inactive or unknown product is refused by key number) and answers with the grid as the till will show it.
import { batch, computed, signal } from '@preact/signals';
import { QUICK_KEY_COLOURS, type QuickKey, type QuickKeyColour } from '../../../app/contract/tillTypes';
import type { Product } from '../../../app/contract/types';
import type { AppServices } from './services';

export class QuickKeysStore {
  readonly keys = signal<readonly QuickKey[]>([]);
  readonly products = signal<readonly Product[]>([]);
  /** The key being added: its product (id as text, from a select), category and colour. */
  readonly newProduct = signal('');
  readonly newCategory = signal('');
  readonly newColour = signal<QuickKeyColour>(QUICK_KEY_COLOURS[0]);
  /** Changed since the last load or save. */
  readonly dirty = signal(false);
  readonly names = computed(() => new Map(this.products.value.map((p) => [p.id, p])));

  constructor(private readonly app: AppServices) {}

  async load(): Promise<void> {
    const r = await this.app.attempt(() => this.app.api['quickKeys.get']({}));
    if (!r) return;
    batch(() => {
      this.keys.value = r.map(({ productId, category, colour }) => ({ productId, category, colour }));
      this.dirty.value = false;
    });
  }

  /** The catalog as the tab has it (loaded again after an import or an edit): only active products can be keys. */
  setProducts(products: readonly Product[]): void {
    this.products.value = products.filter((p) => p.active);
  }

  /** Adds the chosen product as the last key, in the category typed (or the last key's, when none is typed). */
  add(): void {
    const productId = Number(this.newProduct.peek());
    if (!Number.isInteger(productId) || productId <= 0) return;
    const category = this.newCategory.peek().trim() || (this.keys.peek().at(-1)?.category ?? '');
    this.change([...this.keys.peek(), { productId, category, colour: this.newColour.peek() }]);
    this.newProduct.value = '';
  }

  remove(index: number): void {
    this.change(this.keys.peek().filter((_, i) => i !== index));
  }

  /** One place earlier or later in the grid (the till shows keys in this order, category by category). */
  move(index: number, step: -1 | 1): void {
    const keys = [...this.keys.peek()];
    const to = index + step;
    if (to < 0 || to >= keys.length) return;
    [keys[index], keys[to]] = [keys[to]!, keys[index]!];
    this.change(keys);
  }

  edit(index: number, patch: Partial<Pick<QuickKey, 'category' | 'colour'>>): void {
    this.change(this.keys.peek().map((k, i) => (i === index ? { ...k, ...patch } : k)));
  }

  /** Main checks each key and refuses by number (the category too long or empty, a product no longer sold). */
  async save(): Promise<boolean> {
    const keys = this.keys.peek().map((k) => ({ ...k, category: k.category.trim() }));
    const r = await this.app.attempt(() => this.app.api['quickKeys.save']({ keys }));
    if (!r) return false;
    batch(() => {
      this.keys.value = r.map(({ productId, category, colour }) => ({ productId, category, colour }));
      this.dirty.value = false;
    });
    this.app.toast(this.app.tr.t('quickKeysSaved', { n: r.length }), 'ok');
    return true;
  }

  private change(keys: readonly QuickKey[]): void {
    batch(() => {
      this.keys.value = keys;
      this.dirty.value = true;
    });
  }
}
