// SPDX-License-Identifier: UNLICENSED
// Sign-in: pick the user with ↑/↓ (or the mouse), type the PIN, Enter. State: LoginStore.
import { useRef, useState } from 'preact/hooks';
import { Form } from '../components/common';
import { useApp, useFocusRequests, useI18n, useScreenKeys } from '../components/hooks';
import { LoginStore } from '../state/loginStore';
import { ROLE } from '../labels';

export function LoginScreen() {
  const app = useApp();
  const { t } = useI18n();
  const [store] = useState(() => new LoginStore(app));
  const pin = useRef<HTMLInputElement>(null);
  useFocusRequests(store.focus, () => pin.current);
  useScreenKeys((press) => store.keydown(press));
  const hint = app.session.value.defaultPinsHint;
  return (
    <section class="screen-login">
      <Form class="login card" onSubmit={() => void store.submit()}>
        <h1>{t('signInTitle')}</h1>
        <p class="muted">{t('chooseUser')}</p>
        <UserChoice store={store} />
        <label class="field">
          <span>{t('pin')}</span>
          <input
            ref={pin}
            type="password"
            inputMode="numeric"
            autocomplete="off"
            maxLength={8}
            aria-label={t('pin')}
            data-test="pin"
            dir="ltr"
            value={store.pin.value}
            onInput={(e) => (store.pin.value = e.currentTarget.value)}
          />
        </label>
        <p class="error" role="alert" data-test="login-error">
          {store.error.value}
        </p>
        {hint ? (
          <p class="hint" data-test="default-pins">
            {t('defaultPins', { m: hint.manager, c: hint.cashier })}
          </p>
        ) : null}
        <button type="submit" data-test="sign-in">
          {t('signIn')}
        </button>
      </Form>
    </section>
  );
}

function UserChoice({ store }: { readonly store: LoginStore }) {
  const { t } = useI18n();
  const selected = store.selected.value;
  return (
    <ul class="users" role="radiogroup" aria-label={t('chooseUser')}>
      {store.users.map((u, i) => (
        <li key={u.id} role="radio" aria-checked={i === selected ? 'true' : 'false'} data-test={`user-${u.name}`} onClick={() => store.select(i)}>
          <strong>{u.name}</strong> <span class="muted">{ROLE[u.role](t)}</span>
        </li>
      ))}
    </ul>
  );
}
