// SPDX-License-Identifier: UNLICENSED
// Device status: mode and environment, certificate expiry, chain head, reporting queue.
import type { DeviceStatus } from '../../../../app/contract/types';
import type { AppContext } from '../../app';
import { h, mount, num } from '../../dom';
import { dateTime, t, tk } from '../../i18n';
import { attempt, toast } from '../../ui';
import type { Tab } from '../manager';

export function statusTab(ctx: AppContext): Tab {
  const box = h('dl', { class: 'facts', attrs: { 'data-test': 'device-status' } });
  const render = (s: DeviceStatus) => {
    const q = s.queue;
    mount(
      box,
      h('dt', {}, t('mode')),
      h('dd', { attrs: { 'data-test': 'mode' } }, s.mode === 'training' ? t('modeTraining') : t('modeLive')),
      h('dt', {}, t('environment')),
      h('dd', { attrs: { 'data-test': 'environment' } }, tk(`env_${s.environment.replace('developer-portal', 'developer_portal')}`)),
      h('dt', {}, t('egs')),
      h('dd', {}, s.egsName ?? '—'),
      h('dt', {}, t('certificate')),
      h('dd', {}, s.certificate ? [num(s.certificate.serial), ' · ', t('expires', { d: dateTime(s.certificate.notAfter), n: s.certificate.daysLeft })] : '—'),
      h('dt', {}, t('chainHead')),
      h('dd', {}, s.chainHead ? [num(`ICV ${s.chainHead.icv}`), ' · ', num(s.chainHead.number), ' · ', num(s.chainHead.hash, 'num hash')] : '—'),
      h('dt', {}, t('queue')),
      h(
        'dd',
        { attrs: { 'data-test': 'queue' } },
        t('queueCounts', { q: q.queued, f: q.inFlight, r: q.reported, w: q.warnings, x: q.rejected, e: q.failed, o: q.overdue }),
      ),
      h('dt', {}, t('dataFolder')),
      h('dd', {}, num(s.dataDir)),
    );
  };
  const load = async () => {
    const s = await attempt(() => ctx.api['device.status']({}));
    if (s) render(s);
  };
  void load();
  const retry = h(
    'button',
    {
      attrs: { type: 'button', 'data-test': 'retry-now' },
      on: {
        click: async () => {
          if (await attempt(() => ctx.api['sync.retryNow']({}))) toast(t('retryNow'), 'ok');
          void load();
        },
      },
    },
    t('retryNow'),
  );
  return { el: h('div', {}, box, retry), onEvent: (e) => (e.type === 'status' ? void load() : undefined) };
}
