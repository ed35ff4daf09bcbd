// SPDX-License-Identifier: UNLICENSED
// Manager screens as tabs (ARIA tablist: ← → or Alt+1…9 switch, Tab moves inside, Esc back to the till).
import type { AppEvent } from '../../../app/contract/events';
import type { AppContext, Screen } from '../app';
import { h, mount } from '../dom';
import { t, type StringKey } from '../i18n';
import { catalogTab } from './manager/catalogTab';
import { exportTab } from './manager/exportTab';
import { onboardingTab } from './manager/onboardingTab';
import { printerTab } from './manager/printerTab';
import { problemsTab, syncTab } from './manager/syncTabs';
import { reportsTab } from './manager/reportsTab';
import { statusTab } from './manager/statusTab';
import { usersTab } from './manager/usersTab';

export interface Tab {
  readonly el: HTMLElement;
  onEvent?(event: AppEvent): void;
  dispose?(): void;
}

const TABS: readonly { id: string; label: StringKey; make: (ctx: AppContext) => Tab }[] = [
  { id: 'status', label: 'tab_status', make: statusTab },
  { id: 'onboarding', label: 'tab_onboarding', make: onboardingTab },
  { id: 'sync', label: 'tab_sync', make: syncTab },
  { id: 'problems', label: 'tab_problems', make: problemsTab },
  { id: 'catalog', label: 'tab_catalog', make: catalogTab },
  { id: 'printer', label: 'tab_printer', make: printerTab },
  { id: 'reports', label: 'tab_reports', make: reportsTab },
  { id: 'export', label: 'tab_export', make: exportTab },
  { id: 'users', label: 'tab_users', make: usersTab },
];

let lastTab = 0;

export function managerScreen(ctx: AppContext): Screen {
  let index = ctx.session().mode === 'training' && lastTab === 0 ? 1 : lastTab;
  let current: Tab | null = null;
  const panel = h('div', { class: 'tab-panel', attrs: { role: 'tabpanel', tabindex: 0 } });
  const buttons = TABS.map((tab, i) =>
    h(
      'button',
      {
        attrs: { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'data-test': `tab-${tab.id}`, 'aria-controls': 'manager-panel' },
        on: { click: () => select(i) },
      },
      h('span', { class: 'key' }, String(i + 1)),
      ' ',
      t(tab.label),
    ),
  );
  const list = h('div', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': t('managerTitle') } }, buttons);
  panel.id = 'manager-panel';

  function select(i: number, focusTab = true): void {
    index = (i + TABS.length) % TABS.length;
    lastTab = index;
    buttons.forEach((b, j) => {
      b.setAttribute('aria-selected', j === index ? 'true' : 'false');
      b.tabIndex = j === index ? 0 : -1;
    });
    current?.dispose?.();
    current = TABS[index]!.make(ctx);
    panel.setAttribute('aria-labelledby', `tab-${TABS[index]!.id}`);
    mount(panel, current.el);
    if (focusTab) buttons[index]!.focus();
  }

  list.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const forward = (e.key === 'ArrowRight') !== (document.documentElement.dir === 'rtl');
    select(index + (forward ? 1 : -1));
    e.preventDefault();
  });

  const el = h('section', { class: 'screen-manager' }, h('h1', {}, t('managerTitle')), list, panel);
  return {
    el,
    keys: 'keysManager',
    focus: () => select(index),
    onEvent: (event) => current?.onEvent?.(event),
    dispose: () => current?.dispose?.(),
    keydown(e) {
      if (e.key === 'Escape') {
        ctx.go('cashier');
        return true;
      }
      if (e.altKey && /^[1-9]$/.test(e.key)) {
        select(Number(e.key) - 1);
        return true;
      }
      return false;
    },
  };
}
