// SPDX-License-Identifier: UNLICENSED
// The onboarding wizard: shop details + environment + the OTP from the Fatoora portal, then the steps of reference
// §10 with their progress, and plain-language errors from the onboarding service (both languages), field by field.
import type { AppEvent } from '../../../../app/contract/events';
import type { OnboardingProgress } from '../../../../app/contract/types';
import type { AppContext } from '../../app';
import { h, mount } from '../../dom';
import { locale, t, tk, type StringKey } from '../../i18n';
import { errorText } from '../../ui';
import type { Tab } from '../manager';

const ENVIRONMENTS = ['simulation', 'production', 'developer-portal', 'local-simulator'] as const;

export function onboardingTab(ctx: AppContext): Tab {
  const input = (name: string, attrs: Record<string, string> = {}) =>
    h('input', { attrs: { type: 'text', name, autocomplete: 'off', 'data-test': `ob-${name}`, ...attrs } });
  const fields = {
    vatNumber: input('vatNumber', { inputmode: 'numeric', dir: 'ltr' }),
    crn: input('crn', { inputmode: 'numeric', dir: 'ltr' }),
    nameAr: input('nameAr', { lang: 'ar', dir: 'rtl' }),
    nameEn: input('nameEn', { lang: 'en', dir: 'ltr' }),
    branch: input('branch', { dir: 'ltr' }),
    industry: input('industry', { dir: 'ltr' }),
    street: input('street'),
    building: input('building', { inputmode: 'numeric', dir: 'ltr' }),
    district: input('district'),
    city: input('city'),
    postalCode: input('postalCode', { inputmode: 'numeric', dir: 'ltr' }),
    otp: input('otp', { inputmode: 'numeric', dir: 'ltr', maxlength: '6' }),
  };
  const offered = ctx.session().onboardingEnvironments;
  const environment = h(
    'select',
    { attrs: { name: 'environment', 'data-test': 'ob-environment' } },
    ENVIRONMENTS.filter((e) => offered.includes(e)).map((e) =>
      h('option', { attrs: { value: e } }, tk(`env_${e === 'developer-portal' ? 'developer_portal' : e}`)),
    ),
  );
  const standard = h('input', { attrs: { type: 'checkbox', name: 'standard', 'data-test': 'ob-standard' } });
  const steps = h('ol', { class: 'steps', attrs: { 'data-test': 'ob-steps' } });
  const message = h('div', { class: 'ob-message', attrs: { role: 'status', 'aria-live': 'polite', 'data-test': 'ob-message' } });
  const submit = h('button', { class: 'primary', attrs: { type: 'submit', 'data-test': 'ob-start' } }, t('startOnboarding'));

  const label = (key: StringKey, el: HTMLElement) =>
    h('label', { class: 'field', attrs: { 'data-field': el.getAttribute('name') ?? '' } }, h('span', {}, t(key)), el);

  // map the service's field paths (e.g. "address.building", "sellerName.ar") to our inputs
  const FIELD_OF: Record<string, HTMLElement> = {
    vatNumber: fields.vatNumber,
    crn: fields.crn,
    'sellerName.ar': fields.nameAr,
    'sellerName.en': fields.nameEn,
    branch: fields.branch,
    industry: fields.industry,
    'address.street': fields.street,
    'address.building': fields.building,
    'address.district': fields.district,
    'address.city': fields.city,
    'address.postalCode': fields.postalCode,
    otp: fields.otp,
    environment,
  };

  function render(p: OnboardingProgress): void {
    mount(
      steps,
      p.steps.map((s) =>
        h(
          'li',
          { class: s.done ? 'done' : s.current ? 'current' : '', attrs: { 'aria-current': s.current ? 'step' : undefined } },
          s.done ? '✓ ' : s.current ? '… ' : '',
          tk(`step_${s.id}`),
        ),
      ),
    );
    for (const el of Object.values(FIELD_OF)) el.removeAttribute('aria-invalid');
    if (p.state === 'done') {
      mount(
        message,
        h(
          'p',
          { class: 'ok', attrs: { 'data-test': 'ob-done' } },
          t('onboardDone', { e: tk(`env_${(p.environment ?? '').replace('developer-portal', 'developer_portal')}`) }),
        ),
      );
    } else if (p.state === 'failed' && p.error) {
      const lang = locale();
      for (const f of p.error.fields) FIELD_OF[f.field]?.setAttribute('aria-invalid', 'true');
      mount(
        message,
        h('p', { class: 'error', attrs: { role: 'alert', 'data-test': 'ob-error' } }, p.error[lang]),
        p.error.fields.length > 0
          ? h(
              'ul',
              { class: 'error' },
              p.error.fields.map((f) => h('li', {}, f[lang])),
            )
          : null,
      );
      const first = p.error.fields.map((f) => FIELD_OF[f.field]).find((el) => el !== undefined);
      first?.focus();
    } else if (p.state === 'in-progress') mount(message, h('p', {}, t('onboardRunning')));
    else mount(message);
    submit.disabled = p.state === 'in-progress';
  }

  async function start(): Promise<void> {
    submit.disabled = true;
    mount(message, h('p', {}, t('onboardRunning')));
    try {
      const progress = await ctx.api['onboarding.start']({
        environment: environment.value as (typeof ENVIRONMENTS)[number],
        otp: fields.otp.value.trim(),
        standardInvoices: standard.checked,
        shop: {
          vatNumber: fields.vatNumber.value,
          crn: fields.crn.value,
          sellerName: { ar: fields.nameAr.value, en: fields.nameEn.value },
          branch: fields.branch.value,
          industry: fields.industry.value,
          address: {
            street: fields.street.value,
            building: fields.building.value,
            district: fields.district.value,
            city: fields.city.value,
            postalCode: fields.postalCode.value,
          },
        },
      });
      fields.otp.value = ''; // an OTP is single use
      render(progress);
      if (progress.state === 'done') {
        await ctx.refreshSession();
        // live now: a manager still on the factory PIN chooses their own before anything else (also on mode-changed)
        if (ctx.session().pinChangeRequired) ctx.go('manager');
      }
    } catch (e) {
      mount(message, h('p', { class: 'error', attrs: { role: 'alert', 'data-test': 'ob-error' } }, errorText(e)));
      submit.disabled = false;
    }
  }

  void ctx.api['onboarding.get']({}).then(render, () => undefined);

  const form = h(
    'form',
    { class: 'onboarding', on: { submit: (e) => (e.preventDefault(), void start()) } },
    h('h2', {}, t('onboardTitle')),
    h('p', { class: 'muted' }, t('onboardIntro')),
    steps,
    h(
      'div',
      { class: 'grid' },
      label('environment', environment),
      label('vatNumber', fields.vatNumber),
      label('crn', fields.crn),
      label('nameAr', fields.nameAr),
      label('nameEn', fields.nameEn),
      label('branch', fields.branch),
      label('industry', fields.industry),
      label('street', fields.street),
      label('building', fields.building),
      label('district', fields.district),
      label('city', fields.city),
      label('postalCode', fields.postalCode),
    ),
    h('label', { class: 'check' }, standard, t('standardToo')),
    label('otp', fields.otp),
    message,
    submit,
  );
  return {
    el: form,
    onEvent(event: AppEvent) {
      if (event.type === 'onboarding') render(event.progress);
    },
  };
}
