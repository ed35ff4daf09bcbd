// SPDX-License-Identifier: UNLICENSED
// The application shell: the status strip that is always visible (training mark, online/offline, documents waiting
// to be reported, the nearest 24-hour deadline, printer), the current screen, the key legend, and global keys.
import type { DukkanApi } from '../../app/contract/api';
import type { AppEvent } from '../../app/contract/events';
import type { SessionInfo, StatusSnapshot } from '../../app/contract/types';
import type { Connection } from './api';
import { byId, h, mount } from './dom';
import { setLocale, t, timeLeft, type StringKey } from './i18n';
import { cashierScreen } from './screens/cashier';
import { loginScreen } from './screens/login';
import { managerScreen } from './screens/manager';
import { pinChangeScreen } from './screens/pinChange';
import { receiptsScreen } from './screens/receipts';
import { attempt, toast } from './ui';

export type ScreenName = 'login' | 'pin-change' | 'cashier' | 'receipts' | 'manager';

export interface Screen {
  readonly el: HTMLElement;
  readonly keys: StringKey;
  /** Handles a key pressed anywhere on the screen; true when it was used. */
  keydown?(event: KeyboardEvent): boolean;
  onEvent?(event: AppEvent): void;
  /** Called once the element is in the document. */
  focus?(): void;
  dispose?(): void;
}

export interface AppContext {
  readonly api: DukkanApi;
  session(): SessionInfo;
  status(): StatusSnapshot | null;
  go(screen: ScreenName): void;
  refreshSession(): Promise<void>;
  /** After the PIN change: the screen the user was on their way to (the till after a sign-in). */
  continueAfterPinChange(): void;
}

export async function startApp(connection: Connection): Promise<void> {
  const api = connection.api;
  let session = await api['session.get']({});
  let status: StatusSnapshot | null = null;
  let screen: Screen | null = null;
  let screenName: ScreenName = 'login';
  // where to go once a required PIN change is done (e.g. back to the manager screen that onboarding ended on)
  let afterPinChange: ScreenName = 'cashier';

  const ctx: AppContext = {
    api,
    session: () => session,
    status: () => status,
    go: (name) => show(name),
    async refreshSession() {
      session = await api['session.get']({});
      renderChrome();
    },
    continueAfterPinChange: () => show(afterPinChange),
  };

  function show(name: ScreenName): void {
    if (!session.user) name = 'login';
    else if (session.pinChangeRequired) {
      // a factory PIN on a live terminal: main answers nothing else until it is changed
      if (name !== 'login' && name !== 'pin-change') afterPinChange = name;
      name = 'pin-change';
      // already there in this language (onboarding's answer and its mode-changed event both lead here): keep what is typed
      if (screenName === 'pin-change' && screen && document.documentElement.lang === session.locale) {
        renderChrome();
        return;
      }
    } else if (name === 'pin-change') name = afterPinChange;
    if (name === 'login') afterPinChange = 'cashier';
    if (name === 'manager' && session.user?.role !== 'manager') {
      toast(t('managersOnly'), 'error');
      name = 'cashier';
    }
    screen?.dispose?.();
    setLocale(session.locale); // before the screen is built: its words and direction depend on it
    const toastEl = document.getElementById('toast');
    if (toastEl) toastEl.hidden = true;
    screenName = name;
    screen =
      name === 'login'
        ? loginScreen(ctx)
        : name === 'pin-change'
          ? pinChangeScreen(ctx)
          : name === 'cashier'
            ? cashierScreen(ctx)
            : name === 'receipts'
              ? receiptsScreen(ctx)
              : managerScreen(ctx);
    mount(byId('screen'), screen.el);
    document.body.dataset.screen = name;
    renderChrome();
    screen.focus?.();
    void refreshStatus();
  }

  async function refreshStatus(): Promise<void> {
    if (!session.user || session.pinChangeRequired) return;
    const s = await attempt(() => api['status.get']({}));
    if (s) {
      status = s;
      renderStatus();
    }
  }

  function chip(cls: string, text: string, test: string): HTMLElement {
    return h('span', { class: cls ? `chip chip-${cls}` : 'chip', attrs: { 'data-test': test, 'data-state': cls || 'neutral' } }, text);
  }

  function renderStatus(): void {
    const bar = byId('status');
    if (!status || !session.user || session.pinChangeRequired) {
      mount(bar);
      return;
    }
    const s = status;
    const conn =
      s.connectivity === 'online'
        ? chip('ok', t('online'), 'connectivity')
        : s.connectivity === 'offline'
          ? chip('bad', t('offline'), 'connectivity')
          : chip('', t('connUnknown'), 'connectivity');
    mount(
      bar,
      conn,
      chip(s.waiting > 0 ? 'warn' : 'ok', t('waiting', { n: s.waiting }), 'waiting'),
      s.nearestDeadline
        ? chip(Date.parse(s.nearestDeadline) - Date.now() < 4 * 3600_000 ? 'bad' : 'warn', t('deadline', { t: timeLeft(s.nearestDeadline) }), 'deadline')
        : chip('ok', t('noDeadline'), 'deadline'),
      s.overdue > 0 ? chip('bad', t('overdueChip', { n: s.overdue }), 'overdue') : null,
      s.rejected > 0 ? chip('bad', t('rejectedChip', { n: s.rejected }), 'rejected') : null,
      !s.printer.configured
        ? chip('', t('printerNone'), 'printer')
        : s.printer.state === 'error'
          ? chip('bad', `${t('printerError')}: ${s.printer.message ?? ''}`, 'printer')
          : s.printer.state === 'unknown'
            ? chip('', t('printerSetUp'), 'printer')
            : chip('ok', t('printerReady'), 'printer'),
    );
  }

  function renderChrome(): void {
    setLocale(session.locale);
    document.title = `${t('appName')} — ${session.shopName}`;
    const training = session.mode === 'training';
    document.body.classList.toggle('training', training);
    const banner = byId('training-banner');
    banner.hidden = !training;
    banner.textContent = t('training');
    mount(
      byId('identity'),
      h('strong', { class: 'shop' }, session.shopName),
      training ? h('span', { class: 'badge training-badge', attrs: { 'data-test': 'training-badge' } }, t('trainingBadge')) : null,
      session.user ? h('span', { class: 'user' }, `${session.user.name} · ${t(session.user.role)}`) : null,
    );
    mount(
      byId('actions'),
      h(
        'button',
        { attrs: { type: 'button', 'data-test': 'language', lang: session.locale === 'ar' ? 'en' : 'ar' }, on: { click: () => void toggleLanguage() } },
        t('language'),
      ),
      session.user ? h('button', { attrs: { type: 'button', 'data-test': 'sign-out' }, on: { click: () => void signOut() } }, t('signOut')) : null,
    );
    byId('keys').textContent = screen ? t(screen.keys) : '';
    renderStatus();
  }

  async function toggleLanguage(): Promise<void> {
    const next = session.locale === 'ar' ? 'en' : 'ar';
    const s = await attempt(() => api['session.setLocale']({ locale: next }));
    if (s) {
      session = s;
      show(screenName); // rebuild the screen in the new language and direction
    }
  }

  async function signOut(): Promise<void> {
    const s = await attempt(() => api['session.logout']({}));
    if (s) {
      session = s;
      status = null;
      show('login');
    }
  }

  connection.onEvent((event) => {
    if (event.type === 'status') {
      status = event.status;
      renderStatus();
    } else if (event.type === 'mode-changed') {
      void ctx.refreshSession().then(() => show(session.user ? screenName : 'login'));
    }
    screen?.onEvent?.(event);
  });

  document.addEventListener('keydown', (event) => {
    if (document.querySelector('dialog[open]')) return; // the dialog owns the keyboard
    if (event.altKey && event.key.toLowerCase() === 'l') {
      event.preventDefault();
      void toggleLanguage();
      return;
    }
    if (event.altKey && event.key.toLowerCase() === 'q' && session.user) {
      event.preventDefault();
      void signOut();
      return;
    }
    if (screen?.keydown?.(event)) event.preventDefault();
  });

  // deadlines count down even when nothing happens
  setInterval(renderStatus, 30_000);
  show(session.user ? 'cashier' : 'login');
}
