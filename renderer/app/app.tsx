// SPDX-License-Identifier: UNLICENSED
// The application shell: the status strip that is always visible (training mark, online/offline, documents waiting
// to be reported, the nearest 24-hour deadline, printer), the current screen, the key legend, the toast, the open
// dialog, and the global keys. All of it renders the one AppStore; the page's <body> is Preact's.
import { render } from 'preact';
import { useEffect, useLayoutEffect } from 'preact/hooks';
import type { Connection } from './api';
import { DialogHost, Toast } from './components/dialogs';
import { IdleLockHost } from './components/idleLockHost';
import { AppContext, useApp, useI18n } from './components/hooks';
import { CashierScreen } from './screens/cashier';
import { LoginScreen } from './screens/login';
import { ManagerScreen } from './screens/manager';
import { PinChangeScreen } from './screens/pinChange';
import { ReceiptsScreen } from './screens/receipts';
import { AppStore, SCREEN_KEYS, type ScreenState } from './state/appStore';
import { statusChips } from './state/statusChips';
import { ROLE } from './labels';

export async function startApp(connection: Connection, root: HTMLElement = document.body): Promise<AppStore> {
  const session = await connection.api['session.get']({});
  const store = new AppStore(connection.api, session);
  connection.onEvent((event) => store.handleEvent(event));
  store.go(session.user ? 'cashier' : 'login');
  render(<App store={store} />, root);
  return store;
}

export function App({ store }: { readonly store: AppStore }) {
  return (
    <AppContext.Provider value={store}>
      <Shell />
    </AppContext.Provider>
  );
}

function Shell() {
  const app = useApp();
  const tr = useI18n();
  const screen = app.screen.value;
  const training = app.session.value.mode === 'training';
  useDocumentChrome(screen, training);
  useGlobalKeys();
  useClock();
  return (
    <>
      <header class="topbar">
        <Identity />
        <StatusStrip />
        <Actions />
      </header>
      <div id="training-banner" class="training-banner" role="note" hidden={!training}>
        {tr.t('training')}
      </div>
      <main id="screen">
        <CurrentScreen screen={screen} />
      </main>
      <footer id="keys" class="keys">
        {SCREEN_KEYS[screen.name](tr.t)}
      </footer>
      <Toast />
      {app.session.value.user && !app.session.value.pinChangeRequired ? <IdleLockHost key={app.session.value.user.id} /> : null}
      <DialogHost />
    </>
  );
}

function CurrentScreen({ screen }: { readonly screen: ScreenState }) {
  switch (screen.name) {
    case 'login':
      return <LoginScreen key={screen.key} />;
    case 'pin-change':
      return <PinChangeScreen key={screen.key} />;
    case 'cashier':
      return <CashierScreen key={screen.key} />;
    case 'receipts':
      return <ReceiptsScreen key={screen.key} />;
    case 'manager':
      return <ManagerScreen key={screen.key} />;
  }
}

/** What lives outside <body>'s children: the language and direction, the title, the training frame. */
function useDocumentChrome(screen: ScreenState, training: boolean): void {
  const app = useApp();
  const tr = useI18n();
  const shopName = app.session.value.shopName;
  useLayoutEffect(() => {
    document.documentElement.lang = tr.locale;
    document.documentElement.dir = tr.dir;
    document.title = `${tr.t('appName')} — ${shopName}`;
    document.body.classList.toggle('training', training);
    document.body.dataset.screen = screen.name;
  }, [tr, shopName, training, screen.name]);
}

function useGlobalKeys(): void {
  const app = useApp();
  // a layout effect: the keys work from the first frame the till is on screen
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (app.handleKey(event)) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [app]);
}

/** Deadlines count down even when nothing happens. */
function useClock(): void {
  const app = useApp();
  useEffect(() => {
    const timer = setInterval(() => app.tick(), 30_000);
    return () => clearInterval(timer);
  }, [app]);
}

function Identity() {
  const app = useApp();
  const { t } = useI18n();
  const session = app.session.value;
  return (
    <div id="identity" class="identity">
      <strong class="shop">{session.shopName}</strong>
      {session.mode === 'training' ? (
        <span class="badge training-badge" data-test="training-badge">
          {t('trainingBadge')}
        </span>
      ) : null}
      {session.user ? <span class="user">{`${session.user.name} · ${ROLE[session.user.role](t)}`}</span> : null}
    </div>
  );
}

function StatusStrip() {
  const app = useApp();
  const tr = useI18n();
  const session = app.session.value;
  const status = app.status.value;
  // rendered again by each tick of the clock, and counted from the moment of rendering
  const now = Math.max(app.now.value, Date.now());
  const chips = status && session.user && !session.pinChangeRequired ? statusChips(status, tr, now) : [];
  return (
    <div id="status" class="status" role="status" aria-live="polite">
      {chips.map((c) => (
        <span key={c.test} class={c.state ? `chip chip-${c.state}` : 'chip'} data-test={c.test} data-state={c.state || 'neutral'}>
          {c.text}
        </span>
      ))}
    </div>
  );
}

function Actions() {
  const app = useApp();
  const { t } = useI18n();
  const session = app.session.value;
  const away = app.screen.value.name === 'receipts' || app.screen.value.name === 'manager';
  return (
    <div id="actions" class="actions">
      {/* a touch terminal has no Esc key: the way back to the till from the receipts and manager screens is a tap */}
      {session.user && away ? (
        <button type="button" data-test="to-till" onClick={() => app.go('cashier')}>
          {t('toTill')}
        </button>
      ) : null}
      <button type="button" data-test="language" lang={session.locale === 'ar' ? 'en' : 'ar'} onClick={() => void app.toggleLanguage()}>
        {t('language')}
      </button>
      {session.user ? (
        <button type="button" data-test="sign-out" onClick={() => void app.signOut()}>
          {t('signOut')}
        </button>
      ) : null}
    </div>
  );
}
