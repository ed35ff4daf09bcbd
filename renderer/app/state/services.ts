// SPDX-License-Identifier: UNLICENSED
// What a screen's state needs from the app around it: main's API, the words of the current language, and the shared
// ways to tell the user something or ask them (toast, prompt, confirm). The app store provides them in the
// renderer; unit tests hand in fakes, so every screen's state runs in Node without a DOM.
import type { DukkanApi } from '../../../app/contract/api';
import type { ApiError, ErrorText } from '../../../app/contract/errors';
import type { Locale, SessionInfo } from '../../../app/contract/types';
import { errorText as catalogText } from '../../../app/errors/index';
import type { ReadonlySignal } from '@preact/signals';
import { ApiCallError } from '../api';
import type { Translator } from '../i18n';

export type ToastKind = 'info' | 'ok' | 'error';

export interface PromptOptions {
  readonly title: string;
  readonly label: string;
  readonly type?: 'text' | 'password';
  readonly inputMode?: 'numeric' | 'decimal' | 'text';
  readonly value?: string;
  readonly pattern?: RegExp;
  readonly test?: string;
  /**
   * Checked on OK before the dialog closes: an error text keeps it open and shows the text (a wrong PIN); null
   * closes it with the value.
   */
  readonly check?: (value: string) => Promise<string | null>;
  /** Answers offered as buttons under the field (a reason picked from a list): one tap answers with it. */
  readonly choices?: readonly string[];
}

export interface Services {
  readonly api: DukkanApi;
  /** The words of the language the app is in now. */
  readonly tr: Translator;
  /** A short message in the live region, kept for a few seconds. */
  toast(text: string, kind?: ToastKind): void;
  /** Asks for one value in a modal dialog; null when cancelled. */
  prompt(options: PromptOptions): Promise<string | null>;
  confirm(text: string): Promise<boolean>;
  /** Runs a call: shows its error as a toast and resolves undefined instead of throwing. */
  attempt<T>(work: () => Promise<T>): Promise<T | undefined>;
  /** The message of a refused call in the screen's language. */
  errorText(e: unknown): string;
}

export type ScreenName = 'login' | 'pin-change' | 'cashier' | 'receipts' | 'manager';

/** Services plus the session and the way between screens. */
export interface AppServices extends Services {
  readonly session: ReadonlySignal<SessionInfo>;
  /** Shows a screen, or the one the session allows instead. */
  go(screen: ScreenName): void;
  refreshSession(): Promise<void>;
  /** A session main has just answered with (a sign-in, a PIN change): shown without asking main again. */
  showSession(session: SessionInfo): void;
  /** After the PIN change: the screen the user was on their way to (the till after a sign-in). */
  continueAfterPinChange(): void;
}

/** A catalog text by reference (a refusal, a quote's problem) in `locale`. */
export function textOf(text: ErrorText, locale: Locale): string {
  return catalogText(text.reason, text.params, locale);
}

/**
 * A refused call in `locale`, from the error catalog (app/errors) — never main's English `message`. The fields at
 * fault follow, each with its path, unless the refusal is only about the one field it names.
 */
export function messageOf(error: ApiError, locale: Locale): string {
  const fields = (error.fields ?? []).filter((f) => !(f.path === error.field && f.reason === error.reason));
  return [textOf(error, locale), ...fields.map((f) => `${f.path ? `${f.path}: ` : ''}${textOf(f, locale)}`)].join(' · ');
}

/** What the screen says about a failure: a refusal in its language; anything else is a bug of the screen itself. */
export function errorText(e: unknown, locale: Locale): string {
  if (e instanceof ApiCallError) return messageOf(e.error, locale);
  console.error(e);
  return catalogText('api.internal', {}, locale);
}
