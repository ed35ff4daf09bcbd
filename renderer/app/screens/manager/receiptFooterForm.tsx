// SPDX-License-Identifier: UNLICENSED
// The receipt footer (return policy, phone, thank-you), printed under the QR of every receipt from now on.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { Field, Form } from '../../components/common';
import { useApp, useI18n } from '../../components/hooks';

export function ReceiptFooterForm() {
  const app = useApp();
  const { t } = useI18n();
  const footer = useSignal('');
  const loaded = useSignal(false);
  useEffect(() => {
    void app
      .attempt(() => app.api['receiptFooter.get']({}))
      .then((f) => {
        if (f === undefined) return;
        footer.value = f;
        loaded.value = true;
      });
  }, []);
  const save = async () => {
    const saved = await app.attempt(() => app.api['receiptFooter.save']({ footer: footer.peek() }));
    if (saved !== undefined) app.toast(t('saved'), 'ok');
  };
  return (
    <Form class="receipt-footer" loading={!loaded.value} onSubmit={() => void save()}>
      <Field label={t('receiptFooter')}>
        <textarea rows={3} dir="auto" maxLength={300} data-test="receipt-footer" value={footer.value} onInput={(e) => (footer.value = e.currentTarget.value)} />
      </Field>
      <div class="buttons">
        <button class="primary" type="submit" data-test="receipt-footer-save">
          {t('save')}
        </button>
      </div>
    </Form>
  );
}
