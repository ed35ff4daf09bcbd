// SPDX-License-Identifier: UNLICENSED
// Cashiers and managers with their PINs (stored hashed in main; a PIN is only ever sent, never shown).
import type { UserSummary } from '../../../../app/contract/types';
import type { AppContext } from '../../app';
import { h, mount } from '../../dom';
import { t } from '../../i18n';
import { attempt, errorText, field, toast } from '../../ui';
import type { Tab } from '../manager';

export function usersTab(ctx: AppContext): Tab {
  const body = h('tbody', { attrs: { 'data-test': 'users' } });
  const form = h('form', { class: 'user-form' });
  const load = async () => {
    const users = await attempt(() => ctx.api['users.list']({}));
    if (users)
      mount(
        body,
        users.map((u) =>
          h(
            'tr',
            { class: u.active ? '' : 'inactive' },
            h('td', {}, u.name),
            h('td', {}, t(u.role)),
            h('td', {}, h('button', { attrs: { type: 'button' }, on: { click: () => edit(u) } }, t('edit'))),
          ),
        ),
      );
  };
  function edit(u: UserSummary | null): void {
    const name = h('input', { attrs: { type: 'text', 'data-test': 'u-name' }, value: u?.name ?? '' });
    const role = h(
      'select',
      { attrs: { 'data-test': 'u-role' } },
      (['cashier', 'manager'] as const).map((r) => h('option', { attrs: { value: r, selected: (u?.role ?? 'cashier') === r } }, t(r))),
    );
    const pin = h('input', { attrs: { type: 'password', inputmode: 'numeric', autocomplete: 'new-password', maxlength: 8, 'data-test': 'u-pin', dir: 'ltr' } });
    const active = h('input', { attrs: { type: 'checkbox' }, checked: u?.active ?? true });
    const error = h('p', { class: 'error', attrs: { role: 'alert' } });
    form.onsubmit = async (e) => {
      e.preventDefault();
      try {
        await ctx.api['users.save']({
          ...(u ? { id: u.id } : {}),
          name: name.value,
          role: role.value as 'cashier',
          ...(pin.value ? { pin: pin.value } : {}),
          active: active.checked,
        });
        toast(t('saved'), 'ok');
        mount(form);
        void load();
        void ctx.refreshSession();
      } catch (err) {
        error.textContent = errorText(err);
      }
    };
    mount(
      form,
      h('h3', {}, u?.name ?? t('newUser')),
      field('name', name),
      field('role', role),
      field('newPin', pin),
      h('label', { class: 'check' }, active, t('active')),
      error,
      h('button', { class: 'primary', attrs: { type: 'submit', 'data-test': 'u-save' } }, t('save')),
    );
    name.focus();
  }
  void load();
  return {
    el: h(
      'div',
      {},
      h('button', { attrs: { type: 'button', 'data-test': 'new-user' }, on: { click: () => edit(null) } }, t('newUser')),
      form,
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('name')), h('th', {}, t('role')), h('th', {}, ''))), body),
    ),
  };
}
