// SPDX-License-Identifier: UNLICENSED
// Choosing one's own PIN, shown after a sign-in with a factory PIN on a live terminal (main refuses every other
// call until the PIN is changed, so this screen is a convenience, not the guard). Current PIN, the new one twice,
// Enter; Enter while a later field is still empty moves there instead; Alt+Q signs out instead.
import type { AppContext, Screen } from '../app';
import { ApiCallError } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { errorText, field, toast } from '../ui';

export function pinChangeScreen(ctx: AppContext): Screen {
  const error = h('p', { class: 'error', attrs: { role: 'alert', 'data-test': 'pin-change-error' } });
  const pinInput = (test: string, autocomplete: string) =>
    h('input', { attrs: { type: 'password', inputmode: 'numeric', autocomplete, maxlength: 8, 'data-test': test, dir: 'ltr' } });
  const current = pinInput('current-pin', 'current-password');
  const next = pinInput('new-pin', 'new-password');
  const again = pinInput('new-pin-again', 'new-password');
  const order = [current, next, again];

  function retype(first: HTMLInputElement, ...others: HTMLInputElement[]): void {
    for (const input of [first, ...others]) input.value = '';
    first.focus();
  }

  async function submit(): Promise<void> {
    error.textContent = '';
    if (next.value !== again.value) {
      error.textContent = t('pinsDiffer');
      retype(next, again);
      return;
    }
    try {
      await ctx.api['session.changePin']({ oldPin: current.value, newPin: next.value });
      await ctx.refreshSession();
      ctx.continueAfterPinChange();
      toast(t('pinChanged'), 'ok');
    } catch (e) {
      error.textContent = errorText(e);
      // point at what to fix: the current PIN when it was refused, otherwise the new one
      if (e instanceof ApiCallError && (e.error.code === 'wrong-pin' || e.error.code === 'locked')) retype(current);
      else retype(next, again);
    }
  }

  const form = h(
    'form',
    { class: 'login card', attrs: { 'data-test': 'pin-change' }, on: { submit: (e) => (e.preventDefault(), void submit()) } },
    h('h1', {}, t('pinChangeTitle')),
    h('p', {}, t('pinChangeWhy')),
    field('currentPin', current),
    field('newPinOwn', next),
    field('newPinAgain', again),
    h('p', { class: 'muted' }, t('pinRules')),
    error,
    h('button', { class: 'primary', attrs: { type: 'submit', 'data-test': 'save-pin' } }, t('savePin')),
  );

  return {
    el: h('section', { class: 'screen-login' }, form),
    keys: 'keysPinChange',
    focus: () => current.focus(),
    keydown(e) {
      const at = order.indexOf(e.target as HTMLInputElement);
      const empty = at >= 0 ? order.slice(at + 1).find((input) => input.value === '') : undefined;
      if (e.key === 'Enter' && empty) {
        empty.focus();
        return true;
      }
      return false;
    },
  };
}
