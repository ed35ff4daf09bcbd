// SPDX-License-Identifier: UNLICENSED
// The onboarding wizard: shop details + environment + the OTP from the Fatoora portal, then the steps of reference
// §10 with their progress, and plain-language errors from the onboarding service (both languages), field by field.
// State: OnboardingStore.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { OnboardingProgress } from '../../../../app/contract/types';
import { Check, Form } from '../../components/common';
import { useApp, useAppEvents, useFocusRequests, useI18n } from '../../components/hooks';
import type { StringKey } from '../../i18n';
import { OnboardingStore, type OnboardingInput, type ShopField } from '../../state/onboardingStore';

type Store = { readonly store: OnboardingStore };
type Elements = { current: Partial<Record<OnboardingInput, HTMLElement | null>> };

/** Each shop field: its label and how it is typed. */
const INPUTS: readonly { readonly field: Exclude<ShopField, 'otp'>; readonly label: StringKey; readonly attrs: Readonly<Record<string, string>> }[] = [
  { field: 'vatNumber', label: 'vatNumber', attrs: { inputmode: 'numeric', dir: 'ltr' } },
  { field: 'crn', label: 'crn', attrs: { inputmode: 'numeric', dir: 'ltr' } },
  { field: 'nameAr', label: 'nameAr', attrs: { lang: 'ar', dir: 'rtl' } },
  { field: 'nameEn', label: 'nameEn', attrs: { lang: 'en', dir: 'ltr' } },
  { field: 'branch', label: 'branch', attrs: { dir: 'ltr' } },
  { field: 'industry', label: 'industry', attrs: { dir: 'ltr' } },
  { field: 'street', label: 'street', attrs: {} },
  { field: 'building', label: 'building', attrs: { inputmode: 'numeric', dir: 'ltr' } },
  { field: 'district', label: 'district', attrs: {} },
  { field: 'city', label: 'city', attrs: {} },
  { field: 'postalCode', label: 'postalCode', attrs: { inputmode: 'numeric', dir: 'ltr' } },
];

const envKey = (environment: string) => `env_${environment.replace('developer-portal', 'developer_portal')}`;

export function OnboardingTab() {
  const app = useApp();
  const { t, tk } = useI18n();
  const [store] = useState(() => new OnboardingStore(app));
  const elements: Elements = useRef({});
  useFocusRequests(store.focus, (input) => elements.current[input]);
  useEffect(() => void store.load(), []);
  useAppEvents((event) => {
    if (event.type === 'onboarding') store.show(event.progress);
  });
  const invalid = store.invalid.value;
  const ref = (input: OnboardingInput) => (el: HTMLElement | null) => {
    elements.current[input] = el;
  };
  return (
    <Form class="onboarding" onSubmit={() => void store.start()}>
      <h2>{t('onboardTitle')}</h2>
      <p class="muted">{t('onboardIntro')}</p>
      <Steps progress={store.progress.value} />
      <div class="grid">
        <Labelled label="environment" name="environment">
          <select
            ref={ref('environment')}
            name="environment"
            data-test="ob-environment"
            aria-invalid={invalid.has('environment') ? 'true' : undefined}
            value={store.environment.value}
            onChange={(e) => (store.environment.value = e.currentTarget.value)}
          >
            {store.environments.map((e) => (
              <option key={e} value={e}>
                {tk(envKey(e))}
              </option>
            ))}
          </select>
        </Labelled>
        {INPUTS.map(({ field, label, attrs }) => (
          <Labelled key={field} label={label} name={field}>
            <ShopInput store={store} field={field} attrs={attrs} invalid={invalid.has(field)} inputRef={ref(field)} />
          </Labelled>
        ))}
      </div>
      <Check label={t('standardToo')} value={store.standard} test="ob-standard" name="standard" />
      <Labelled label="otp" name="otp">
        <ShopInput store={store} field="otp" attrs={{ inputmode: 'numeric', dir: 'ltr', maxlength: '6' }} invalid={invalid.has('otp')} inputRef={ref('otp')} />
      </Labelled>
      <Message store={store} />
      <button class="primary" type="submit" data-test="ob-start" disabled={store.busy.value}>
        {t('startOnboarding')}
      </button>
    </Form>
  );
}

function Labelled({ label, name, children }: { readonly label: StringKey; readonly name: string; readonly children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <label class="field" data-field={name}>
      <span>{t(label)}</span>
      {children}
    </label>
  );
}

interface ShopInputProps extends Store {
  readonly field: ShopField;
  readonly attrs: Readonly<Record<string, string>>;
  readonly invalid: boolean;
  readonly inputRef: (el: HTMLElement | null) => void;
}

function ShopInput({ store, field, attrs, invalid, inputRef }: ShopInputProps) {
  const value = store.values[field];
  return (
    <input
      ref={inputRef}
      type="text"
      name={field}
      autocomplete="off"
      data-test={`ob-${field}`}
      {...attrs}
      aria-invalid={invalid ? 'true' : undefined}
      value={value.value}
      onInput={(e) => (value.value = e.currentTarget.value)}
    />
  );
}

function Steps({ progress }: { readonly progress: OnboardingProgress | null }) {
  const { tk } = useI18n();
  return (
    <ol class="steps" data-test="ob-steps">
      {progress?.steps.map((s) => (
        <li key={s.id} class={s.done ? 'done' : s.current ? 'current' : undefined} aria-current={s.current ? 'step' : undefined}>
          {s.done ? '✓ ' : s.current ? '… ' : ''}
          {tk(`step_${s.id}`)}
        </li>
      ))}
    </ol>
  );
}

function Message({ store }: Store) {
  const { t, tk, locale } = useI18n();
  const m = store.message.value;
  return (
    <div class="ob-message" role="status" aria-live="polite" data-test="ob-message">
      {m.kind === 'done' ? (
        <p class="ok" data-test="ob-done">
          {t('onboardDone', { e: tk(envKey(m.environment)) })}
        </p>
      ) : m.kind === 'failed' ? (
        <>
          <p class="error" role="alert" data-test="ob-error">
            {m.error[locale]}
          </p>
          {m.fields.length > 0 ? (
            <ul class="error">
              {m.fields.map((f, i) => (
                <li key={i}>{f[locale]}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : m.kind === 'error' ? (
        <p class="error" role="alert" data-test="ob-error">
          {m.text}
        </p>
      ) : m.kind === 'running' ? (
        <p>{t('onboardRunning')}</p>
      ) : null}
    </div>
  );
}
