// SPDX-License-Identifier: UNLICENSED
// Daily X (running) and Z (closing) reports: totals per VAT rate and payment method, document counts.
import type { DailyReport } from '../../../../app/contract/types';
import type { AppContext } from '../../app';
import { h, mount, num } from '../../dom';
import { dateTime, t, tk } from '../../i18n';
import { attempt, confirmBox } from '../../ui';
import type { Tab } from '../manager';

export function reportsTab(ctx: AppContext): Tab {
  const out = h('div', { class: 'report', attrs: { 'data-test': 'report' } });
  const show = (r: DailyReport) => {
    const row = (label: string, value: string) => h('tr', {}, h('th', {}, label), h('td', {}, num(value)));
    mount(
      out,
      h('h3', {}, r.kind === 'Z' ? `Z ${r.number ?? ''}` : 'X', r.training ? ` — ${t('trainingBadge')}` : ''),
      h('p', {}, t('period'), ': ', dateTime(r.from), ' → ', dateTime(r.to)),
      h(
        'table',
        {},
        row(t('invoices'), String(r.documents.invoices)),
        row(t('creditNotes'), String(r.documents.creditNotes)),
        row(t('debitNotes'), String(r.documents.debitNotes)),
      ),
      h('h4', {}, t('byVatRate')),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', {}, t('vatCategory')), h('th', {}, t('taxable')), h('th', {}, t('vat')))),
        h(
          'tbody',
          {},
          r.vat.map((v) => h('tr', {}, h('td', {}, num(`${v.category} ${v.rate}%`)), h('td', {}, num(v.taxable)), h('td', {}, num(v.vat)))),
        ),
      ),
      h('h4', {}, t('byPayment')),
      h(
        'table',
        {},
        h(
          'tbody',
          {},
          r.payments.map((p) => row(tk(p.method === 'cash' || p.method === 'card' ? p.method : `method_${p.method}`), p.amount)),
        ),
      ),
      h(
        'table',
        { class: 'grand' },
        row(t('sales'), r.totals.sales),
        row(t('returns'), r.totals.returns),
        row(t('debits'), r.totals.debits),
        row(t('net'), r.totals.net),
        row(t('vat'), r.totals.vat),
      ),
    );
  };
  const run = async (kind: 'X' | 'Z') => {
    if (kind === 'Z' && !(await confirmBox(t('confirmZ')))) return;
    const r = await attempt(() => ctx.api['reports.daily']({ kind }));
    if (r) show(r);
  };
  return {
    el: h(
      'div',
      {},
      h(
        'div',
        { class: 'buttons' },
        h('button', { attrs: { type: 'button', 'data-test': 'x-report' }, on: { click: () => void run('X') } }, t('xReport')),
        h('button', { attrs: { type: 'button', 'data-test': 'z-report' }, on: { click: () => void run('Z') } }, t('zReport')),
      ),
      out,
    ),
  };
}
