// SPDX-License-Identifier: UNLICENSED
// The sync log (every attempt to report, with ZATCA's own messages) and the documents that need the manager:
// rejected ones and those past the 24-hour deadline, each with what to do.
import type { ZatcaMessage } from '../../../../app/contract/types';
import type { AppContext } from '../../app';
import { h, mount, num } from '../../dom';
import { dateTime, t, tk } from '../../i18n';
import { attempt } from '../../ui';
import type { Tab } from '../manager';

function messages(list: readonly ZatcaMessage[]): HTMLElement {
  return h(
    'ul',
    { class: 'zatca-messages' },
    list.map((m) => h('li', { class: m.type.toLowerCase() }, m.code ? [num(m.code, 'num code'), ' '] : null, m.message)),
  );
}

export function syncTab(ctx: AppContext): Tab {
  const body = h('tbody', { attrs: { 'data-test': 'sync-log' } });
  const load = async () => {
    const entries = await attempt(() => ctx.api['sync.log']({ limit: 200 }));
    if (!entries) return;
    mount(
      body,
      entries.length === 0
        ? h('tr', {}, h('td', { attrs: { colspan: 5 } }, t('noEntries')))
        : entries.map((e) =>
            h(
              'tr',
              {},
              h('td', {}, dateTime(e.at)),
              h('td', {}, num(e.number)),
              h('td', {}, e.outcome),
              h('td', {}, e.httpStatus === null ? '' : num(String(e.httpStatus))),
              h('td', {}, messages(e.messages)),
            ),
          ),
    );
  };
  void load();
  const table = h(
    'table',
    { class: 'log' },
    h('thead', {}, h('tr', {}, h('th', {}, t('time')), h('th', {}, t('document')), h('th', {}, t('outcome')), h('th', {}, 'HTTP'), h('th', {}, t('messages')))),
    body,
  );
  return { el: h('div', {}, table), onEvent: (e) => (e.type === 'sync' ? void load() : undefined) };
}

export function problemsTab(ctx: AppContext): Tab {
  const box = h('div', { attrs: { 'data-test': 'problems' } });
  const load = async () => {
    const problems = await attempt(() => ctx.api['sync.problems']({}));
    if (!problems) return;
    mount(
      box,
      problems.length === 0
        ? h('p', { class: 'ok' }, t('noProblems'))
        : problems.map((p) =>
            h(
              'article',
              { class: `problem ${p.problem}` },
              h('h3', {}, tk(`problem_${p.problem}`), ' — ', tk(`kind_${p.kind}`), ' ', num(p.number)),
              h('p', {}, dateTime(p.issuedAt), ' · ', t('attempts'), ' ', num(String(p.attempts))),
              messages(p.messages),
              h('p', { class: 'action' }, h('strong', {}, t('whatToDo'), ': '), p.action),
            ),
          ),
    );
  };
  void load();
  return { el: box, onEvent: (e) => (e.type === 'status' ? void load() : undefined) };
}
