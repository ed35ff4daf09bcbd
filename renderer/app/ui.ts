// SPDX-License-Identifier: UNLICENSED
// Shared pieces of the screens: modal prompts (native <dialog>: focus trapped, Esc cancels, Enter confirms),
// messages, and a plain-language line for a refused call.
import type { ApiError } from '../../app/contract/errors';
import { ApiCallError } from './api';
import { h } from './dom';
import { locale, t, type StringKey } from './i18n';

export interface PromptOptions {
  readonly title: string;
  readonly label: string;
  readonly type?: 'text' | 'password';
  readonly inputMode?: 'numeric' | 'decimal' | 'text';
  readonly value?: string;
  readonly pattern?: RegExp;
  readonly test?: string;
}

/** Asks for one value; resolves null when cancelled. */
export function prompt(options: PromptOptions): Promise<string | null> {
  return new Promise((resolve) => {
    const input = h('input', {
      attrs: {
        type: options.type ?? 'text',
        inputmode: options.inputMode ?? 'text',
        autocomplete: 'off',
        'aria-label': options.label,
        'data-test': options.test ?? 'prompt-input',
        dir: 'ltr',
      },
      value: options.value ?? '',
    });
    const problem = h('p', { class: 'error', attrs: { role: 'alert' } });
    const form = h(
      'form',
      { attrs: { method: 'dialog' } },
      h('h2', {}, options.title),
      h('label', {}, options.label, input),
      problem,
      h(
        'div',
        { class: 'buttons' },
        h('button', { attrs: { type: 'submit', value: 'ok', 'data-test': 'prompt-ok' } }, t('ok')),
        h('button', { attrs: { type: 'button', value: 'cancel' }, on: { click: () => dialog.close('cancel') } }, t('cancel')),
      ),
    );
    const dialog = h('dialog', { class: 'prompt' }, form);
    form.addEventListener('submit', (e) => {
      const value = input.value.trim();
      if (options.pattern && !options.pattern.test(value)) {
        e.preventDefault();
        problem.textContent = '✗';
        input.select();
        return;
      }
      dialog.returnValue = 'ok';
    });
    dialog.addEventListener('close', () => {
      const value = dialog.returnValue === 'ok' ? input.value.trim() : null;
      dialog.remove();
      resolve(value);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    input.focus();
    input.select();
  });
}

export function confirmBox(text: string): Promise<boolean> {
  return new Promise((resolve) => {
    const yes = h('button', { attrs: { type: 'submit', value: 'yes', 'data-test': 'confirm-yes' } }, t('yes'));
    const dialog = h(
      'dialog',
      { class: 'prompt' },
      h(
        'form',
        { attrs: { method: 'dialog' } },
        h('p', {}, text),
        h('div', { class: 'buttons' }, yes, h('button', { attrs: { type: 'submit', value: 'no' } }, t('no'))),
      ),
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'yes');
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    yes.focus();
  });
}

/** The message of a refused call in the screen's language (services give Arabic where they can). */
export function errorText(e: unknown): string {
  if (e instanceof ApiCallError) return messageOf(e.error);
  return e instanceof Error ? e.message : String(e);
}

export function messageOf(error: ApiError): string {
  return locale() === 'ar' && error.messageAr ? error.messageAr : error.message;
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;

/** A short message in the live region (read out by screen readers), kept for a few seconds. */
export function toast(text: string, kind: 'info' | 'ok' | 'error' = 'info'): void {
  const el = document.getElementById('toast');
  if (!el) return;
  el.textContent = text;
  el.className = `toast ${kind}`;
  el.hidden = false;
  if (toastTimer) clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.hidden = true), kind === 'error' ? 10_000 : 5000);
}

export function field(labelKey: StringKey, input: HTMLElement): HTMLLabelElement {
  return h('label', { class: 'field' }, h('span', {}, t(labelKey)), input);
}

/** Wraps a call: shows its error as a toast and resolves undefined instead of throwing. */
export async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    toast(errorText(e), 'error');
    return undefined;
  }
}
