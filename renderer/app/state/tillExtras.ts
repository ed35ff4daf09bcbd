// SPDX-License-Identifier: UNLICENSED
// The till's quick keys and held sales, beside the cart (CashierStore): the grid's keys and the category shown, and
// the list of held sales while the recall panel is open. Held sales are main's (main/till/heldSales.ts): a cart put
// aside is never signed, and it survives a restart.
import { computed, signal } from '@preact/signals';
import type { HeldSale, QuickKeyView } from '../../../app/contract/tillTypes';
import type { Services } from './services';

export class TillExtras {
  readonly keys = signal<readonly QuickKeyView[]>([]);
  /** The category whose keys are shown; null before the keys are loaded. */
  readonly category = signal<string | null>(null);
  readonly categories = computed(() => [...new Set(this.keys.value.map((k) => k.category))]);
  readonly shownKeys = computed(() => {
    const category = this.category.value ?? this.categories.value[0];
    return this.keys.value.filter((k) => k.category === category);
  });
  /** The held sales while the recall panel is open; null when it is closed. */
  readonly held = signal<readonly HeldSale[] | null>(null);

  constructor(private readonly services: Pick<Services, 'api' | 'attempt'>) {}

  async loadKeys(): Promise<void> {
    const keys = await this.services.attempt(() => this.services.api['quickKeys.get']({}));
    if (keys) this.keys.value = keys;
  }

  async openHeld(): Promise<void> {
    const list = await this.services.attempt(() => this.services.api['held.list']({}));
    if (list) this.held.value = list;
  }

  closeHeld(): void {
    this.held.value = null;
  }
}
