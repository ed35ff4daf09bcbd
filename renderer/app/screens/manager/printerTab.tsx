// SPDX-License-Identifier: UNLICENSED
// Printer set-up: address and paper width, a test print that goes through the real receipt pipeline, and the
// receipt's footer.
import { useSignal, type Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { Field, Form } from '../../components/common';
import { useApp, useI18n } from '../../components/hooks';
import { printOutcomeText } from '../../state/printOutcome';
import { ReceiptFooterForm } from './receiptFooterForm';

export function PrinterTab() {
  const app = useApp();
  const { t } = useI18n();
  const address = useSignal('');
  const width = useSignal('80');
  const loaded = useSignal(false);
  useEffect(() => {
    void app.api['printer.get']({}).then(
      (s) => {
        address.value = s.address ?? '';
        width.value = String(s.paperWidth);
        loaded.value = true;
      },
      (e: unknown) => app.toast(app.errorText(e), 'error'),
    );
  }, []);
  const save = async () => {
    const s = await app.attempt(() => app.api['printer.save']({ address: address.peek().trim() || null, paperWidth: width.peek() === '58' ? 58 : 80 }));
    if (s) app.toast(t('saved'), 'ok');
  };
  const test = async () => {
    const outcome = await app.attempt(() => app.api['printer.testPrint']({}));
    if (outcome) app.toast(printOutcomeText(outcome, app.tr), outcome.state === 'printed' ? 'ok' : 'error');
  };
  return (
    <>
      <PrinterForm loading={!loaded.value} address={address} width={width} onSave={() => void save()} onTest={() => void test()} />
      <ReceiptFooterForm />
    </>
  );
}

interface PrinterFormProps {
  readonly loading: boolean;
  readonly address: Signal<string>;
  readonly width: Signal<string>;
  readonly onSave: () => void;
  readonly onTest: () => void;
}

function PrinterForm({ loading, address, width, onSave, onTest }: PrinterFormProps) {
  const { t } = useI18n();
  return (
    <Form class="printer" loading={loading} onSubmit={onSave}>
      <Field label={t('printerAddress')}>
        <input
          type="text"
          dir="ltr"
          data-test="printer-address"
          placeholder="tcp://192.168.1.50:9100"
          value={address.value}
          onInput={(e) => (address.value = e.currentTarget.value)}
        />
      </Field>
      <Field label={t('paperWidth')}>
        <select data-test="printer-width" value={width.value} onChange={(e) => (width.value = e.currentTarget.value)}>
          <option value="80">80 mm</option>
          <option value="58">58 mm</option>
        </select>
      </Field>
      <div class="buttons">
        <button class="primary" type="submit" data-test="printer-save">
          {t('save')}
        </button>
        <button type="button" data-test="test-print" onClick={onTest}>
          {t('testPrint')}
        </button>
      </div>
    </Form>
  );
}
