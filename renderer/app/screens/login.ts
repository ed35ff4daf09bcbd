// SPDX-License-Identifier: UNLICENSED
// Sign-in: pick the user with ↑/↓ (or the mouse), type the PIN, Enter.
import type { AppContext, Screen } from '../app';
import { h } from '../dom';
import { t } from '../i18n';
import { errorText } from '../ui';

export function loginScreen(ctx: AppContext): Screen {
  const session = ctx.session();
  const users = session.users.filter((u) => u.active);
  let selected = Math.max(
    0,
    users.findIndex((u) => u.role === 'cashier'),
  );
  const error = h('p', { class: 'error', attrs: { role: 'alert', 'data-test': 'login-error' } });
  const pin = h('input', {
    attrs: { type: 'password', inputmode: 'numeric', autocomplete: 'off', maxlength: 8, 'aria-label': t('pin'), 'data-test': 'pin', dir: 'ltr' },
  });
  const options = users.map((u, i) =>
    h(
      'li',
      { attrs: { role: 'radio', 'aria-checked': i === selected ? 'true' : 'false', 'data-test': `user-${u.name}` }, on: { click: () => select(i) } },
      h('strong', {}, u.name),
      ' ',
      h('span', { class: 'muted' }, t(u.role)),
    ),
  );
  const list = h('ul', { class: 'users', attrs: { role: 'radiogroup', 'aria-label': t('chooseUser') } }, options);

  function select(i: number): void {
    selected = (i + users.length) % users.length;
    options.forEach((o, j) => o.setAttribute('aria-checked', j === selected ? 'true' : 'false'));
    pin.focus();
  }

  async function submit(): Promise<void> {
    const user = users[selected];
    if (!user) return;
    error.textContent = '';
    try {
      await ctx.api['session.login']({ userId: user.id, pin: pin.value });
      await ctx.refreshSession();
      ctx.go('cashier');
    } catch (e) {
      pin.value = '';
      error.textContent = errorText(e);
      pin.focus();
    }
  }

  const form = h(
    'form',
    { class: 'login card', on: { submit: (e) => (e.preventDefault(), void submit()) } },
    h('h1', {}, t('signInTitle')),
    h('p', { class: 'muted' }, t('chooseUser')),
    list,
    h('label', { class: 'field' }, h('span', {}, t('pin')), pin),
    error,
    session.defaultPinsHint
      ? h(
          'p',
          { class: 'hint', attrs: { 'data-test': 'default-pins' } },
          t('defaultPins', { m: session.defaultPinsHint.manager, c: session.defaultPinsHint.cashier }),
        )
      : null,
    h('button', { attrs: { type: 'submit', 'data-test': 'sign-in' } }, t('signIn')),
  );

  return {
    el: h('section', { class: 'screen-login' }, form),
    keys: 'chooseUser',
    focus: () => pin.focus(),
    keydown(e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        select(selected + (e.key === 'ArrowDown' ? 1 : -1));
        return true;
      }
      return false;
    },
  };
}
