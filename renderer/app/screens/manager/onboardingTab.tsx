// SPDX-License-Identifier: UNLICENSED
// The onboarding wizard: shop details + environment + the OTP from the Fatoora portal, then the steps of reference
// §10 with their progress, and the onboarding service's refusals in the screen's language (from the error catalog),
// field by field, each under the field's own label. State: OnboardingStore.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { ApiError } from '../../../../app/contract/errors';
import type { Locale, OnboardingProgress } from '../../../../app/contract/types';
import { errorText } from '../../../../app/errors/index';
import { Check, Form } from '../../components/common';
import { useApp, useAppEvents, useFocusRequests, useI18n } from '../../components/hooks';
import type { Translator } from '../../i18n';
import { environmentLabel, STEP, type Label } from '../../labels';
import { FIELD_OF, OnboardingStore, type OnboardingInput, type ShopField } from '../../state/onboardingStore';

type Store = { readonly store: OnboardingStore };
type Elements = { current: Partial<Record<OnboardingInput, HTMLElement | null>> };

/** Each input's label: above the input, and before the service's problem with it. */
const LABEL: Readonly<Record<OnboardingInput, Label>> = {
  environment: (t) => t('environment'),
  vatNumber: (t) => t('vatNumber'),
  crn: (t) => t('crn'),
  nameAr: (t) => t('nameAr'),
  nameEn: (t) => t('nameEn'),
  branch: (t) => t('branch'),
  industry: (t) => t('industry'),
  street: (t) => t('street'),
  building: (t) => t('building'),
  district: (t) => t('district'),
  city: (t) => t('city'),
  postalCode: (t) => t('postalCode'),
  otp: (t) => t('otp'),
};

/** Each shop field and how it is typed. */
const INPUTS: readonly { readonly field: Exclude<ShopField, 'otp'>; readonly attrs: Readonly<Record<string, string>> }[] = [
  { field: 'vatNumber', attrs: { inputmode: 'numeric', dir: 'ltr' } },
  { field: 'crn', attrs: { inputmode: 'numeric', dir: 'ltr' } },
  { field: 'nameAr', attrs: { lang: 'ar', dir: 'rtl' } },
  { field: 'nameEn', attrs: { lang: 'en', dir: 'ltr' } },
  { field: 'branch', attrs: { dir: 'ltr' } },
  { field: 'industry', attrs: { dir: 'ltr' } },
  { field: 'street', attrs: {} },
  { field: 'building', attrs: { inputmode: 'numeric', dir: 'ltr' } },
  { field: 'district', attrs: {} },
  { field: 'city', attrs: {} },
  { field: 'postalCode', attrs: { inputmode: 'numeric', dir: 'ltr' } },
];

/** One problem the service found: under the label of its input where it has one, else its path. */
function problemLine(t: Translator['t'], locale: Locale, f: NonNullable<ApiError['fields']>[number]): string {
  const input = Object.hasOwn(FIELD_OF, f.path) ? FIELD_OF[f.path] : undefined;
  const where = input ? LABEL[input](t) : f.path;
  const text = errorText(f.reason, f.params, locale);
  return where ? `${where}: ${text}` : text;
}

export function OnboardingTab() {
  const app = useApp();
  const { t } = useI18n();
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
        <Labelled input="environment">
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
                {environmentLabel(t, e)}
              </option>
            ))}
          </select>
        </Labelled>
        {INPUTS.map(({ field, attrs }) => (
          <Labelled key={field} input={field}>
            <ShopInput store={store} field={field} attrs={attrs} invalid={invalid.has(field)} inputRef={ref(field)} />
          </Labelled>
        ))}
      </div>
      <Check label={t('standardToo')} value={store.standard} test="ob-standard" name="standard" />
      <Labelled input="otp">
        <ShopInput store={store} field="otp" attrs={{ inputmode: 'numeric', dir: 'ltr', maxlength: '6' }} invalid={invalid.has('otp')} inputRef={ref('otp')} />
      </Labelled>
      <Message store={store} />
      <button class="primary" type="submit" data-test="ob-start" disabled={store.busy.value}>
        {t('startOnboarding')}
      </button>
    </Form>
  );
}

function Labelled({ input, children }: { readonly input: OnboardingInput; readonly children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <label class="field" data-field={input}>
      <span>{LABEL[input](t)}</span>
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
  const { t } = useI18n();
  return (
    <ol class="steps" data-test="ob-steps">
      {progress?.steps.map((s) => (
        <li key={s.id} class={s.done ? 'done' : s.current ? 'current' : undefined} aria-current={s.current ? 'step' : undefined}>
          {s.done ? '✓ ' : s.current ? '… ' : ''}
          {STEP[s.id](t)}
        </li>
      ))}
    </ol>
  );
}

function Message({ store }: Store) {
  const { t, locale } = useI18n();
  const m = store.message.value;
  return (
    <div class="ob-message" role="status" aria-live="polite" data-test="ob-message">
      {m.kind === 'done' ? (
        <p class="ok" data-test="ob-done">
          {t('onboardDone', { e: environmentLabel(t, m.environment) })}
        </p>
      ) : m.kind === 'failed' ? (
        <>
          <p class="error" role="alert" data-test="ob-error">
            {errorText(m.error.reason, m.error.params, locale)}
          </p>
          {m.error.fields?.length ? (
            <ul class="error" data-test="ob-problems">
              {m.error.fields.map((f, i) => (
                <li key={i}>{problemLine(t, locale, f)}</li>
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
