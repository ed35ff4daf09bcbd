// SPDX-License-Identifier: UNLICENSED
// Manager screens as tabs (ARIA tablist: ← → or Alt+1…9 switch, Tab moves inside, Esc back to the till).
// State: ManagerStore; each tab keeps its own state while it is open.
import { useRef, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { useApp, useFocusRequests, useI18n, useScreenKeys } from '../components/hooks';
import type { Label } from '../labels';
import { ManagerStore, TAB_IDS, type TabId } from '../state/managerStore';
import { CashTab } from './manager/cashTab';
import { CatalogTab } from './manager/catalogTab';
import { ExportTab } from './manager/exportTab';
import { OnboardingTab } from './manager/onboardingTab';
import { PrinterTab } from './manager/printerTab';
import { ReportsTab } from './manager/reportsTab';
import { StatusTab } from './manager/statusTab';
import { StoreTab } from './manager/storeTab';
import { ProblemsTab, SyncTab } from './manager/syncTabs';
import { UsersTab } from './manager/usersTab';

const TABS: Readonly<Record<TabId, { readonly label: Label; readonly Tab: FunctionComponent }>> = {
  status: { label: (t) => t('tab_status'), Tab: StatusTab },
  onboarding: { label: (t) => t('tab_onboarding'), Tab: OnboardingTab },
  sync: { label: (t) => t('tab_sync'), Tab: SyncTab },
  problems: { label: (t) => t('tab_problems'), Tab: ProblemsTab },
  catalog: { label: (t) => t('tab_catalog'), Tab: CatalogTab },
  printer: { label: (t) => t('tab_printer'), Tab: PrinterTab },
  reports: { label: (t) => t('tab_reports'), Tab: ReportsTab },
  export: { label: (t) => t('tab_export'), Tab: ExportTab },
  users: { label: (t) => t('tab_users'), Tab: UsersTab },
  cash: { label: (t) => t('tab_cash'), Tab: CashTab },
  store: { label: (t) => t('tab_store'), Tab: StoreTab },
};

export function ManagerScreen() {
  const app = useApp();
  const { t } = useI18n();
  const [store] = useState(() => new ManagerStore(app));
  const buttons = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});
  useFocusRequests(store.focus, (tab) => buttons.current[tab]);
  useScreenKeys((press) => store.keydown(press));
  const index = store.index.value;
  const { Tab } = TABS[store.tab];
  return (
    <section class="screen-manager">
      <h1>{t('managerTitle')}</h1>
      <div
        class="tabs"
        role="tablist"
        aria-label={t('managerTitle')}
        onKeyDown={(e) => {
          if (store.arrow(e.key, document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr')) e.preventDefault();
        }}
      >
        {TAB_IDS.map((id, i) => (
          <button
            key={id}
            ref={(el) => {
              buttons.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            data-test={`tab-${id}`}
            aria-controls="manager-panel"
            aria-selected={i === index ? 'true' : 'false'}
            tabIndex={i === index ? 0 : -1}
            onClick={() => store.select(i)}
          >
            <span class="key">{String(i + 1)}</span> {TABS[id].label(t)}
          </button>
        ))}
      </div>
      <div class="tab-panel" role="tabpanel" tabIndex={0} id="manager-panel" aria-labelledby={`tab-${store.tab}`}>
        <Tab key={store.opened.value} />
      </div>
    </section>
  );
}
