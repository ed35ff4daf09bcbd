// SPDX-License-Identifier: UNLICENSED
// Export of a period's signed XML documents as one zip file, for the accountant or a ZATCA request.
import { useSignal } from '@preact/signals';
import { Field, Form } from '../../components/common';
import { useApp, useI18n } from '../../components/hooks';
import { riyadhDay } from '../../i18n';

export function ExportTab() {
  const app = useApp();
  const { t } = useI18n();
  // the export's days are Riyadh calendar days, as the documents' own dates are
  const today = riyadhDay(new Date());
  const from = useSignal(today);
  const to = useSignal(today);
  const result = useSignal('');
  const run = async () => {
    const r = await app.attempt(() => app.api['export.documents']({ from: from.peek(), to: to.peek() }));
    if (r) {
      result.value = t('exported', { n: r.documents, p: r.path });
      app.toast(result.value, 'ok');
    }
  };
  return (
    <Form onSubmit={() => void run()}>
      <div class="grid">
        <Field label={t('from')}>
          <input type="date" data-test="export-from" value={from.value} onInput={(e) => (from.value = e.currentTarget.value)} />
        </Field>
        <Field label={t('to')}>
          <input type="date" data-test="export-to" value={to.value} onInput={(e) => (to.value = e.currentTarget.value)} />
        </Field>
      </div>
      <button class="primary" type="submit" data-test="export-run">
        {t('exportZip')}
      </button>
      <p role="status" data-test="export-result">
        {result.value}
      </p>
    </Form>
  );
}
