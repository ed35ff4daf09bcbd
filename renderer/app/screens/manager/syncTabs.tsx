// SPDX-License-Identifier: UNLICENSED
// The sync log (every attempt to report, with ZATCA's own messages) and the documents that need the manager:
// rejected ones and those past the 24-hour deadline, each with what to do.
import type { ProblemDocument, SyncLogEntry, ZatcaMessage } from '../../../../app/contract/types';
import { Num } from '../../components/common';
import { useApp, useAppEvents, useI18n, useLoaded } from '../../components/hooks';
import { ADVICE, DOCUMENT_KIND, PROBLEM } from '../../labels';

function ZatcaMessages({ list }: { readonly list: readonly ZatcaMessage[] }) {
  return (
    <ul class="zatca-messages">
      {list.map((m, i) => (
        <li key={i} class={m.type.toLowerCase()}>
          {m.code ? (
            <>
              <Num text={m.code} cls="num code" />{' '}
            </>
          ) : null}
          {m.message}
        </li>
      ))}
    </ul>
  );
}

export function SyncTab() {
  const app = useApp();
  const { t } = useI18n();
  const entries = useLoaded(() => app.api['sync.log']({ limit: 200 }));
  useAppEvents((e) => {
    if (e.type === 'sync') void entries.reload();
  });
  return (
    <div>
      <table class="log">
        <thead>
          <tr>
            <th>{t('time')}</th>
            <th>{t('document')}</th>
            <th>{t('outcome')}</th>
            <th>HTTP</th>
            <th>{t('messages')}</th>
          </tr>
        </thead>
        <tbody data-test="sync-log">{entries.value ? <SyncRows entries={entries.value} /> : null}</tbody>
      </table>
    </div>
  );
}

function SyncRows({ entries }: { readonly entries: readonly SyncLogEntry[] }) {
  const { t, dateTime } = useI18n();
  if (entries.length === 0)
    return (
      <tr>
        <td colspan={5}>{t('noEntries')}</td>
      </tr>
    );
  return (
    <>
      {entries.map((e, i) => (
        <tr key={i}>
          <td>{dateTime(e.at)}</td>
          <td>
            <Num text={e.number} />
          </td>
          <td>{e.outcome}</td>
          <td>{e.httpStatus === null ? '' : <Num text={String(e.httpStatus)} />}</td>
          <td>
            <ZatcaMessages list={e.messages} />
          </td>
        </tr>
      ))}
    </>
  );
}

export function ProblemsTab() {
  const app = useApp();
  const problems = useLoaded(() => app.api['sync.problems']({}));
  useAppEvents((e) => {
    if (e.type === 'status') void problems.reload();
  });
  return <div data-test="problems">{problems.value ? <ProblemList problems={problems.value} /> : null}</div>;
}

function ProblemList({ problems }: { readonly problems: readonly ProblemDocument[] }) {
  const { t, dateTime } = useI18n();
  if (problems.length === 0) return <p class="ok">{t('noProblems')}</p>;
  return (
    <>
      {problems.map((p) => (
        <article key={p.number} class={`problem ${p.problem}`}>
          <h3>
            {PROBLEM[p.problem](t)}
            {' — '}
            {DOCUMENT_KIND[p.kind](t)} <Num text={p.number} />
          </h3>
          <p>
            {dateTime(p.issuedAt)}
            {' · '}
            {t('attempts')} <Num text={String(p.attempts)} />
          </p>
          <ZatcaMessages list={p.messages} />
          <p class="action">
            <strong>{t('whatToDo')}: </strong>
            {ADVICE[p.advice.kind](t, p.advice)}
          </p>
        </article>
      ))}
    </>
  );
}
