// SPDX-License-Identifier: UNLICENSED
// The manager screen's tabs (ARIA tablist: ← → or Alt+1…9 switch, Tab moves inside, Esc back to the till). Each
// choice of a tab opens it anew (its data loaded again); the app store remembers the tab for the next visit.
import { batch, signal, type Signal } from '@preact/signals';
import type { KeyPress } from './appStore';
import { FocusRequests } from './focus';
import type { AppServices } from './services';

export const TAB_IDS = ['status', 'onboarding', 'sync', 'problems', 'catalog', 'printer', 'reports', 'export', 'users', 'cash', 'store'] as const;
export type TabId = (typeof TAB_IDS)[number];

export interface ManagerServices extends AppServices {
  /** The tab to come back to. */
  readonly managerTab: Signal<number>;
}

export class ManagerStore {
  readonly index: Signal<number>;
  /** A new number each time a tab is chosen: the tab is built again. */
  readonly opened = signal(0);
  readonly focus = new FocusRequests<TabId>();

  constructor(private readonly app: ManagerServices) {
    const last = app.managerTab.peek();
    // on a terminal still in training, the first visit opens onboarding
    this.index = signal(app.session.peek().mode === 'training' && last === 0 ? 1 : last);
    this.select(this.index.peek());
  }

  get tab(): TabId {
    return TAB_IDS[this.index.value]!;
  }

  select(i: number): void {
    const index = (i + TAB_IDS.length) % TAB_IDS.length;
    batch(() => {
      this.index.value = index;
      this.app.managerTab.value = index;
      this.opened.value++;
      this.focus.focus(TAB_IDS[index]!);
    });
  }

  /** ← → in the tab list, mirrored when the screen runs right to left. */
  arrow(key: string, dir: 'ltr' | 'rtl'): boolean {
    if (key !== 'ArrowRight' && key !== 'ArrowLeft') return false;
    const forward = (key === 'ArrowRight') !== (dir === 'rtl');
    this.select(this.index.peek() + (forward ? 1 : -1));
    return true;
  }

  keydown(press: KeyPress): boolean {
    if (press.key === 'Escape') {
      this.app.go('cashier');
      return true;
    }
    if (press.altKey && /^[1-9]$/.test(press.key)) {
      this.select(Number(press.key) - 1);
      return true;
    }
    return false;
  }
}
