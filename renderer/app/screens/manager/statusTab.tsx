// SPDX-License-Identifier: UNLICENSED
// Device status: mode and environment, certificate expiry, chain head, reporting queue, backups.
import type { BackupStatusView } from '../../../../app/contract/backupTypes';
import type { DeviceStatus } from '../../../../app/contract/types';
import { errorText, type ErrorCode } from '../../../../app/errors/index';
import { Num } from '../../components/common';
import { useApp, useAppEvents, useI18n, useLoaded } from '../../components/hooks';
import { environmentLabel } from '../../labels';
import { BackupPanel } from './backupPanel';
import { RestorePanel } from './restorePanel';
import { TrainingCatalogChoice } from './trainingCatalogChoice';

export function StatusTab() {
  const app = useApp();
  const { t } = useI18n();
  const status = useLoaded(() => app.api['device.status']({}));
  useAppEvents((e) => {
    if (e.type === 'status') void status.reload();
  });
  const retry = async () => {
    if (await app.attempt(() => app.api['sync.retryNow']({}))) app.toast(t('retryNow'), 'ok');
    void status.reload();
  };
  return (
    <div>
      <TrainingCatalogChoice />
      <dl class="facts" data-test="device-status">
        {status.value ? <DeviceFacts s={status.value} /> : null}
      </dl>
      <button type="button" data-test="retry-now" onClick={() => void retry()}>
        {t('retryNow')}
      </button>
      {status.value?.backups ? <BackupPanel onChange={() => void status.reload()} /> : null}
      <RestorePanel />
    </div>
  );
}

function DeviceFacts({ s }: { readonly s: DeviceStatus }) {
  const { t, dateTime } = useI18n();
  const q = s.queue;
  return (
    <>
      <dt>{t('mode')}</dt>
      <dd data-test="mode">{s.mode === 'training' ? t('modeTraining') : t('modeLive')}</dd>
      <dt>{t('environment')}</dt>
      <dd data-test="environment">{environmentLabel(t, s.environment)}</dd>
      <dt>{t('egs')}</dt>
      <dd>{s.egsName ?? '—'}</dd>
      <dt>{t('certificate')}</dt>
      <dd>
        {s.certificate ? (
          <>
            <Num text={s.certificate.serial} />
            {' · '}
            {t('expires', { d: dateTime(s.certificate.notAfter), n: s.certificate.daysLeft })}
          </>
        ) : (
          '—'
        )}
      </dd>
      <dt>{t('chainHead')}</dt>
      <dd>
        {s.chainHead ? (
          <>
            <Num text={`ICV ${s.chainHead.icv}`} />
            {' · '}
            <Num text={s.chainHead.number} />
            {' · '}
            <Num text={s.chainHead.hash} cls="num hash" />
          </>
        ) : (
          '—'
        )}
      </dd>
      <dt>{t('queue')}</dt>
      <dd data-test="queue">{t('queueCounts', { q: q.queued, f: q.inFlight, r: q.reported, w: q.warnings, x: q.rejected, e: q.failed, o: q.overdue })}</dd>
      {s.clearance ? (
        <>
          <dt>{t('b2bClearanceRow')}</dt>
          <dd data-test="clearance-counts">{t('b2bClearanceCounts', { a: s.clearance.awaiting, x: s.clearance.rejected, c: s.clearance.cleared })}</dd>
        </>
      ) : null}
      <dt>{t('dataFolder')}</dt>
      <dd>
        <Num text={s.dataDir} />
      </dd>
      {s.backups ? <BackupFacts b={s.backups} /> : null}
    </>
  );
}

/** Per folder: the last successful backup, the failure since, and the 24-hour warning (docs/backups.md). */
function BackupFacts({ b }: { readonly b: BackupStatusView }) {
  const { t, dateTime, locale } = useI18n();
  return (
    <>
      <dt>{t('backups')}</dt>
      <dd data-test="backups" class={b.warning ? 'warn' : undefined}>
        {b.targets.length === 0 ? t('backupNoTarget') : null}
        {b.targets.map((x) => (
          <div key={x.target} data-test="backup-target">
            {x.storeServer ? `${t('backupStoreServer')} ` : null}
            <Num text={x.storeServer ?? x.target} />
            {' · '}
            {x.lastSuccessAt ? t('backupLast', { d: dateTime(x.lastSuccessAt) }) : t('backupNever')}
            {x.stale ? ` · ${t('backupStale')}` : null}
            {x.lastFailure ? ` · ${errorText(x.lastFailure.code as ErrorCode, x.lastFailure.params, locale)}` : null}
          </div>
        ))}
      </dd>
    </>
  );
}
