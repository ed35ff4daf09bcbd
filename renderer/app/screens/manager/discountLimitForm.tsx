// SPDX-License-Identifier: UNLICENSED
// The cash tab's discount limit: the percent of a line a cashier may discount without a manager (docs/cash-control.md).
// Sent as typed; main checks it (0–100, up to 2 decimals), refuses by name, and puts each change in the trail.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { Field, Form } from '../../components/common';
import { useApp, useI18n } from '../../components/hooks';

export function DiscountLimitForm({ onSaved }: { readonly onSaved: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const percent = useSignal('');
  const loaded = useSignal(false);
  useEffect(() => {
    void app
      .attempt(() => app.api['discount.limit']({}))
      .then((r) => {
        if (!r) return;
        percent.value = r.percent;
        loaded.value = true;
      });
  }, [app]);
  const save = async () => {
    const r = await app.attempt(() => app.api['discount.limitSave']({ percent: percent.peek() }));
    if (!r) return;
    percent.value = r.percent;
    app.toast(t('discountLimitSaved', { p: r.percent }), 'ok');
    onSaved();
  };
  return (
    <Form loading={!loaded.value} onSubmit={() => void save()}>
      <Field label={t('discountLimitLabel')}>
        <input data-test="discount-limit" inputMode="decimal" dir="ltr" value={percent.value} onInput={(e) => (percent.value = e.currentTarget.value)} />
      </Field>
      <button type="submit" data-test="discount-limit-save">
        {t('save')}
      </button>
    </Form>
  );
}
