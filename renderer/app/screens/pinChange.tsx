// SPDX-License-Identifier: UNLICENSED
// Choosing one's own PIN after a sign-in with a factory PIN on a live terminal: current PIN, the new one twice,
// Enter (Enter while a later field is still empty moves there instead). State: PinChangeStore.
import { useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { Signal } from '@preact/signals';
import { Field, Form } from '../components/common';
import { useApp, useFocusRequests, useI18n, useScreenKeys } from '../components/hooks';
import { PIN_FIELDS, PinChangeStore, type PinField } from '../state/pinChangeStore';

export function PinChangeScreen() {
  const app = useApp();
  const { t } = useI18n();
  const [store] = useState(() => new PinChangeStore(app));
  const inputs: Record<PinField, RefObject<HTMLInputElement | null>> = {
    current: useRef<HTMLInputElement>(null),
    next: useRef<HTMLInputElement>(null),
    again: useRef<HTMLInputElement>(null),
  };
  useFocusRequests(store.focus, (field) => inputs[field].current);
  useScreenKeys((press) => press.key === 'Enter' && store.enter(PIN_FIELDS.find((f) => inputs[f].current === press.target) ?? null));
  return (
    <section class="screen-login">
      <Form class="login card" data-test="pin-change" onSubmit={() => void store.submit()}>
        <h1>{t('pinChangeTitle')}</h1>
        <p>{t('pinChangeWhy')}</p>
        <Field label={t('currentPin')}>
          <PinInput input={inputs.current} value={store.values.current} test="current-pin" autocomplete="current-password" />
        </Field>
        <Field label={t('newPinOwn')}>
          <PinInput input={inputs.next} value={store.values.next} test="new-pin" autocomplete="new-password" />
        </Field>
        <Field label={t('newPinAgain')}>
          <PinInput input={inputs.again} value={store.values.again} test="new-pin-again" autocomplete="new-password" />
        </Field>
        <p class="muted">{t('pinRules')}</p>
        <p class="error" role="alert" data-test="pin-change-error">
          {store.error.value}
        </p>
        <button class="primary" type="submit" data-test="save-pin">
          {t('savePin')}
        </button>
      </Form>
    </section>
  );
}

interface PinInputProps {
  readonly input: RefObject<HTMLInputElement | null>;
  readonly value: Signal<string>;
  readonly test: string;
  readonly autocomplete: string;
}

function PinInput({ input, value, test, autocomplete }: PinInputProps) {
  return (
    <input
      ref={input}
      type="password"
      inputMode="numeric"
      autocomplete={autocomplete}
      maxLength={8}
      data-test={test}
      dir="ltr"
      value={value.value}
      onInput={(e) => (value.value = e.currentTarget.value)}
    />
  );
}
