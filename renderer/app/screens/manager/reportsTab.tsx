// SPDX-License-Identifier: UNLICENSED
// Daily X (running) and Z (closing) reports: totals per VAT rate and payment method, document counts.
import { useSignal } from '@preact/signals';
import type { DailyReport } from '../../../../app/contract/types';
import { Num } from '../../components/common';
import { useApp, useI18n } from '../../components/hooks';
import { PAYMENT } from '../../labels';

export function ReportsTab() {
  const app = useApp();
  const { t } = useI18n();
  const report = useSignal<DailyReport | null>(null);
  const run = async (kind: 'X' | 'Z') => {
    if (kind === 'Z' && !(await app.confirm(t('confirmZ')))) return;
    const r = await app.attempt(() => app.api['reports.daily']({ kind }));
    if (r) report.value = r;
  };
  return (
    <div>
      <div class="buttons">
        <button type="button" data-test="x-report" onClick={() => void run('X')}>
          {t('xReport')}
        </button>
        <button type="button" data-test="z-report" onClick={() => void run('Z')}>
          {t('zReport')}
        </button>
      </div>
      <div class="report" data-test="report">
        {report.value ? <Report r={report.value} /> : null}
      </div>
    </div>
  );
}

function Row({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <tr>
      <th>{label}</th>
      <td>
        <Num text={value} />
      </td>
    </tr>
  );
}

function Report({ r }: { readonly r: DailyReport }) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <h3>
        {r.kind === 'Z' ? `Z ${r.number ?? ''}` : 'X'}
        {r.training ? ` — ${t('trainingBadge')}` : ''}
      </h3>
      <p>
        {t('period')}
        {': '}
        {dateTime(r.from)}
        {' → '}
        {dateTime(r.to)}
      </p>
      <table>
        <Row label={t('invoices')} value={String(r.documents.invoices)} />
        <Row label={t('creditNotes')} value={String(r.documents.creditNotes)} />
        <Row label={t('debitNotes')} value={String(r.documents.debitNotes)} />
        {r.notCleared ? <Row label={t('b2bNotClearedRow')} value={`${r.notCleared.documents} · ${r.notCleared.amount}`} /> : null}
      </table>
      <h4>{t('byVatRate')}</h4>
      <table>
        <thead>
          <tr>
            <th>{t('vatCategory')}</th>
            <th>{t('taxable')}</th>
            <th>{t('vat')}</th>
          </tr>
        </thead>
        <tbody>
          {r.vat.map((v) => (
            <tr key={`${v.category} ${v.rate}`}>
              <td>
                <Num text={`${v.category} ${v.rate}%`} />
              </td>
              <td>
                <Num text={v.taxable} />
              </td>
              <td>
                <Num text={v.vat} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('byPayment')}</h4>
      <table>
        <tbody>
          {r.payments.map((p) => (
            <Row key={p.method} label={PAYMENT[p.method](t)} value={p.amount} />
          ))}
        </tbody>
      </table>
      <table class="grand">
        <Row label={t('sales')} value={r.totals.sales} />
        <Row label={t('returns')} value={r.totals.returns} />
        <Row label={t('debits')} value={r.totals.debits} />
        <Row label={t('net')} value={r.totals.net} />
        <Row label={t('vat')} value={r.totals.vat} />
      </table>
    </>
  );
}
