// SPDX-License-Identifier: UNLICENSED
// Printer set-up: address and paper width, and a test print that goes through the real receipt pipeline.
import type { AppContext } from '../../app';
import { h } from '../../dom';
import { t } from '../../i18n';
import { attempt, field, toast } from '../../ui';
import type { Tab } from '../manager';

export function printerTab(ctx: AppContext): Tab {
  const address = h('input', { attrs: { type: 'text', dir: 'ltr', 'data-test': 'printer-address', placeholder: 'tcp://192.168.1.50:9100' } });
  const width = h(
    'select',
    { attrs: { 'data-test': 'printer-width' } },
    h('option', { attrs: { value: '80' } }, '80 mm'),
    h('option', { attrs: { value: '58' } }, '58 mm'),
  );
  void ctx.api['printer.get']({}).then((s) => {
    address.value = s.address ?? '';
    width.value = String(s.paperWidth);
  });
  const save = async (e: Event) => {
    e.preventDefault();
    const s = await attempt(() => ctx.api['printer.save']({ address: address.value.trim() || null, paperWidth: width.value === '58' ? 58 : 80 }));
    if (s) toast(t('saved'), 'ok');
  };
  const test = async () => {
    const outcome = await attempt(() => ctx.api['printer.testPrint']({}));
    if (outcome)
      toast(
        outcome.state === 'printed' ? t('printed') : outcome.state === 'no-printer' ? t('printerNone') : t('printFailed', { m: outcome.message ?? '' }),
        outcome.state === 'printed' ? 'ok' : 'error',
      );
  };
  return {
    el: h(
      'form',
      { class: 'printer', on: { submit: (e) => void save(e) } },
      field('printerAddress', address),
      field('paperWidth', width),
      h(
        'div',
        { class: 'buttons' },
        h('button', { class: 'primary', attrs: { type: 'submit', 'data-test': 'printer-save' } }, t('save')),
        h('button', { attrs: { type: 'button', 'data-test': 'test-print' }, on: { click: () => void test() } }, t('testPrint')),
      ),
    ),
  };
}
