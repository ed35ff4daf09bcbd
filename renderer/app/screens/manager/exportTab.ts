// SPDX-License-Identifier: UNLICENSED
// Export of a period's signed XML documents as one zip file, for the accountant or a ZATCA request.
import type { AppContext } from '../../app';
import { h } from '../../dom';
import { t } from '../../i18n';
import { attempt, field, toast } from '../../ui';
import type { Tab } from '../manager';

export function exportTab(ctx: AppContext): Tab {
  const today = new Date().toISOString().slice(0, 10);
  const from = h('input', { attrs: { type: 'date', 'data-test': 'export-from' }, value: today });
  const to = h('input', { attrs: { type: 'date', 'data-test': 'export-to' }, value: today });
  const result = h('p', { attrs: { role: 'status', 'data-test': 'export-result' } });
  const run = async (e: Event) => {
    e.preventDefault();
    const r = await attempt(() => ctx.api['export.documents']({ from: from.value, to: to.value }));
    if (r) {
      result.textContent = t('exported', { n: r.documents, p: r.path });
      toast(result.textContent, 'ok');
    }
  };
  return {
    el: h(
      'form',
      { on: { submit: (e) => void run(e) } },
      h('div', { class: 'grid' }, field('from', from), field('to', to)),
      h('button', { class: 'primary', attrs: { type: 'submit', 'data-test': 'export-run' } }, t('exportZip')),
      result,
    ),
  };
}
