// SPDX-License-Identifier: UNLICENSED
// The application's state, one instance per page: the session (user, language, mode), the status strip's snapshot,
// which screen is shown, the toast, the open dialog, and the manager tab to come back to. Screens reach main and
// the user only through it (it is their Services). It touches no DOM: the components render what it holds.
import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { DukkanApi } from '../../../app/contract/api';
import type { AppEvent } from '../../../app/contract/events';
import type { SessionInfo, StatusSnapshot } from '../../../app/contract/types';
import { translator, type Translator } from '../i18n';
import { errorText, type AppServices, type PromptOptions, type ScreenName, type ToastKind } from './services';
import type { Label } from '../labels';
import { UnprintedReceipts } from './unprintedReceipts';

export type { ScreenName } from './services';

export interface ScreenState {
  readonly name: ScreenName;
  /** A new key for every screen shown: a new instance with fresh state, as when a screen is opened. */
  readonly key: number;
}

/** The key legend under each screen. */
export const SCREEN_KEYS: Readonly<Record<ScreenName, Label>> = {
  login: (t) => t('chooseUser'),
  'pin-change': (t) => t('keysPinChange'),
  cashier: (t) => t('keysCashier'),
  receipts: (t) => t('keysReceipts'),
  manager: (t) => t('keysManager'),
};

export interface ToastState {
  readonly text: string;
  readonly kind: ToastKind | null;
  readonly visible: boolean;
}

export type DialogRequest =
  | {
      readonly id: number;
      readonly kind: 'prompt';
      readonly options: PromptOptions;
      readonly resolve: (value: string | null) => void;
      /** Why the last value was refused by the prompt's check (the dialog stays open); empty when none. */
      readonly problem?: string;
      /** The check is running: OK waits. */
      readonly checking?: boolean;
    }
  | { readonly id: number; readonly kind: 'confirm'; readonly text: string; readonly resolve: (yes: boolean) => void };

/** A key press as the screens see it (a KeyboardEvent is one). */
export interface KeyPress {
  readonly key: string;
  readonly altKey: boolean;
  readonly target?: EventTarget | null;
}

/** Handles a key pressed anywhere on the screen; true when it was used. */
export type KeyHandler = (press: KeyPress) => boolean;

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const BROWSER_TIMERS: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AppStore implements AppServices {
  readonly session: ReadonlySignal<SessionInfo>;
  readonly status: ReadonlySignal<StatusSnapshot | null>;
  readonly screen: ReadonlySignal<ScreenState>;
  readonly toastState: ReadonlySignal<ToastState>;
  readonly dialog: ReadonlySignal<DialogRequest | null>;
  /** The clock the deadline chip counts down with (ticked by the shell). */
  readonly now: ReadonlySignal<number>;
  readonly i18n: ReadonlySignal<Translator>;
  /** The manager screen's tab, kept while the app runs: the manager comes back to where they were. */
  readonly managerTab = signal(0);
  /** Receipts that failed to print, for the till's printer banner. */
  readonly unprinted = new UnprintedReceipts();

  private readonly sessionState: Signal<SessionInfo>;
  private readonly statusState = signal<StatusSnapshot | null>(null);
  private readonly screenState = signal<ScreenState>({ name: 'login', key: 0 });
  private readonly toastSignal = signal<ToastState>({ text: '', kind: null, visible: false });
  private readonly dialogState = signal<DialogRequest | null>(null);
  private readonly clock = signal(Date.now());
  /** The locale the shown screen was built in. */
  private screenLocale: SessionInfo['locale'];
  /** Where to go once a required PIN change is done (e.g. back to the manager screen that onboarding ended on). */
  private afterPinChange: ScreenName = 'cashier';
  private keyHandler: KeyHandler | null = null;
  private readonly listeners = new Set<(event: AppEvent) => void>();
  private toastTimer: unknown;
  private lastKey = 0;
  private lastDialog = 0;

  constructor(
    readonly api: DukkanApi,
    session: SessionInfo,
    private readonly timers: Timers = BROWSER_TIMERS,
  ) {
    this.sessionState = signal(session);
    this.screenLocale = session.locale;
    this.session = this.sessionState;
    this.status = this.statusState;
    this.screen = this.screenState;
    this.toastState = this.toastSignal;
    this.dialog = this.dialogState;
    this.now = this.clock;
    this.i18n = computed(() => translator(this.sessionState.value.locale));
  }

  get tr(): Translator {
    return this.i18n.value;
  }

  /** Shows a screen, or the one the session allows instead (sign-in, the PIN change, the till for a cashier). */
  go(requested: ScreenName): void {
    const session = this.sessionState.value;
    const current = this.screenState.value;
    let name = requested;
    let refused = false;
    // already showing this screen in the session's language: what is typed on it is kept
    const showing = (screen: ScreenName) => current.name === screen && current.key > 0 && this.screenLocale === session.locale;
    if (!session.user) name = 'login';
    else if (session.pinChangeRequired) {
      // a factory PIN on a live terminal: main answers nothing else until it is changed
      if (name !== 'login' && name !== 'pin-change') this.afterPinChange = name;
      name = 'pin-change';
      // already there in this language (onboarding's answer and its mode-changed event both lead here): keep what is typed
      if (showing('pin-change')) return;
    } else if (name === 'pin-change') name = this.afterPinChange;
    if (name === 'login') {
      this.afterPinChange = 'cashier';
      // already there in this language (main's mode changed while a PIN was typed): keep what is typed
      if (showing('login')) return;
    }
    if (name === 'manager' && session.user?.role !== 'manager') {
      refused = true;
      name = 'cashier';
    }
    batch(() => {
      this.hideToast();
      // a cashier asking for the manager screen stays on the till, sale and all
      if (!(refused && showing('cashier'))) {
        this.screenLocale = session.locale;
        this.screenState.value = { name, key: ++this.lastKey };
      }
      if (refused) this.toast(this.tr.t('managersOnly'), 'error');
    });
    void this.refreshStatus();
  }

  /** After the PIN change: the screen the user was on their way to (the till after a sign-in). */
  continueAfterPinChange(): void {
    this.go(this.afterPinChange);
  }

  async refreshSession(): Promise<void> {
    this.sessionState.value = await this.api['session.get']({});
  }

  showSession(session: SessionInfo): void {
    this.sessionState.value = session;
  }

  async refreshStatus(): Promise<void> {
    const session = this.sessionState.value;
    if (!session.user || session.pinChangeRequired) return;
    const s = await this.attempt(() => this.api['status.get']({}));
    if (s) this.statusState.value = s;
  }

  async toggleLanguage(): Promise<void> {
    const next = this.sessionState.value.locale === 'ar' ? 'en' : 'ar';
    const s = await this.attempt(() => this.api['session.setLocale']({ locale: next }));
    if (s) {
      this.sessionState.value = s;
      this.go(this.screenState.value.name); // the screen again, in the new language and direction
    }
  }

  async signOut(): Promise<void> {
    const s = await this.attempt(() => this.api['session.logout']({}));
    if (s) {
      batch(() => {
        this.sessionState.value = s;
        this.statusState.value = null;
        this.go('login');
      });
    }
  }

  /** An event from main: kept where the app shows it, then passed to the screen's listeners. */
  handleEvent(event: AppEvent): void {
    if (event.type === 'status') this.statusState.value = event.status;
    else if (event.type === 'print') this.unprinted.record(event.number, event.outcome);
    else if (event.type === 'mode-changed') {
      void this.refreshSession().then(() => this.go(this.sessionState.value.user ? this.screenState.value.name : 'login'));
    }
    for (const listener of this.listeners) listener(event);
  }

  /** Subscribes to main's events; returns the unsubscribe. */
  listen(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The keys of the whole app, then the shown screen's; true when the key was used. */
  handleKey(press: KeyPress): boolean {
    if (this.dialogState.value) return false; // the dialog owns the keyboard
    const key = press.key.toLowerCase();
    if (press.altKey && key === 'l') {
      void this.toggleLanguage();
      return true;
    }
    if (press.altKey && key === 'q' && this.sessionState.value.user) {
      void this.signOut();
      return true;
    }
    return this.keyHandler?.(press) ?? false;
  }

  /** The shown screen's key handler; returns what removes it. */
  registerKeys(handler: KeyHandler): () => void {
    this.keyHandler = handler;
    return () => {
      if (this.keyHandler === handler) this.keyHandler = null;
    };
  }

  tick(now = Date.now()): void {
    this.clock.value = now;
  }

  toast(text: string, kind: ToastKind = 'info'): void {
    this.toastSignal.value = { text, kind, visible: true };
    if (this.toastTimer !== undefined) this.timers.clearTimeout(this.toastTimer);
    this.toastTimer = this.timers.setTimeout(() => this.hideToast(), kind === 'error' ? 10_000 : 5000);
  }

  private hideToast(): void {
    const t = this.toastSignal.value;
    if (t.visible) this.toastSignal.value = { ...t, visible: false };
  }

  prompt(options: PromptOptions): Promise<string | null> {
    return new Promise((resolve) => this.openDialog({ id: ++this.lastDialog, kind: 'prompt', options, resolve }));
  }

  confirm(text: string): Promise<boolean> {
    return new Promise((resolve) => this.openDialog({ id: ++this.lastDialog, kind: 'confirm', text, resolve }));
  }

  /**
   * The dialog's answer (null or false when cancelled); a dialog already answered is ignored. A prompt with a check
   * closes only once its value passes; a refused value keeps it open, saying why (a wrong manager PIN).
   */
  closeDialog(id: number, value: string | boolean | null): void {
    const d = this.dialogState.value;
    if (!d || d.id !== id) return;
    if (d.kind === 'prompt' && d.options.check && typeof value === 'string') {
      if (d.checking) return;
      this.dialogState.value = { ...d, checking: true };
      void d.options.check(value).then((problem) => {
        if (this.dialogState.value?.id !== id) return; // cancelled meanwhile
        if (problem === null) {
          this.dialogState.value = null;
          d.resolve(value);
        } else this.dialogState.value = { ...d, problem, checking: false };
      });
      return;
    }
    this.dialogState.value = null;
    if (d.kind === 'prompt') d.resolve(typeof value === 'string' ? value : null);
    else d.resolve(value === true);
  }

  private openDialog(request: DialogRequest): void {
    const open = this.dialogState.value;
    if (open) this.closeDialog(open.id, null);
    this.dialogState.value = request;
  }

  async attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (e) {
      this.toast(this.errorText(e), 'error');
      return undefined;
    }
  }

  errorText(e: unknown): string {
    return errorText(e, this.tr.locale);
  }
}
