// SPDX-License-Identifier: UNLICENSED
// Cashiers and managers with their PINs (stored hashed in main; a PIN is only ever sent, never shown).
import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Role, UserSummary } from '../../../../app/contract/types';
import { Check, Field, Form, SaveFooter } from '../../components/common';
import { useApp, useEditing, useI18n, useLoaded, useSave } from '../../components/hooks';
import { ROLE } from '../../labels';

export function UsersTab() {
  const app = useApp();
  const { t } = useI18n();
  const users = useLoaded(() => app.api['users.list']({}));
  const editing = useEditing<UserSummary>();
  const saved = () => {
    editing.close();
    void users.reload();
    void app.refreshSession();
  };
  const e = editing.current;
  return (
    <div>
      <button type="button" data-test="new-user" onClick={() => editing.open(null)}>
        {t('newUser')}
      </button>
      {e ? <UserForm key={e.n} user={e.item} onSaved={saved} /> : <form class="user-form" />}
      <table>
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('role')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody data-test="users">
          {(users.value ?? []).map((u) => (
            <tr key={u.id} class={u.active ? undefined : 'inactive'}>
              <td>{u.name}</td>
              <td>{ROLE[u.role](t)}</td>
              <td>
                <button type="button" onClick={() => editing.open(u)}>
                  {t('edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserForm({ user: u, onSaved }: { readonly user: UserSummary | null; readonly onSaved: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const name = useSignal(u?.name ?? '');
  const role = useSignal<Role>(u?.role ?? 'cashier');
  const pin = useSignal('');
  const active = useSignal(u?.active ?? true);
  const first = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => first.current?.focus(), []);
  const save = useSave(
    () =>
      app.api['users.save']({
        ...(u ? { id: u.id } : {}),
        name: name.peek(),
        role: role.peek(),
        ...(pin.peek() ? { pin: pin.peek() } : {}),
        active: active.peek(),
      }),
    onSaved,
  );
  return (
    <Form class="user-form" onSubmit={() => void save.submit()}>
      <h3>{u?.name ?? t('newUser')}</h3>
      <Field label={t('name')}>
        <input ref={first} type="text" data-test="u-name" value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
      </Field>
      <Field label={t('role')}>
        <select data-test="u-role" value={role.value} onChange={(e) => (role.value = e.currentTarget.value as Role)}>
          {(['cashier', 'manager'] as const).map((r) => (
            <option key={r} value={r}>
              {ROLE[r](t)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('newPin')}>
        <input
          type="password"
          inputMode="numeric"
          autocomplete="new-password"
          maxLength={8}
          data-test="u-pin"
          dir="ltr"
          value={pin.value}
          onInput={(e) => (pin.value = e.currentTarget.value)}
        />
      </Field>
      <Check label={t('active')} value={active} />
      <SaveFooter error={save.error} test="u-save" label={t('save')} />
    </Form>
  );
}
