// SPDX-License-Identifier: UNLICENSED
// Restoring the ledger from a backup (docs/backups.md, "Restoring from the screen"): the manager names the backup
// folders or files and types the passphrase from the recovery sheet; the backup is checked, decrypted and audited
// now and placed at the next start, so the ledger is never swapped under a running till. Shown in training too: a
// till whose data folder was lost starts as a new terminal, and this is where its manager brings the old one back.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { PendingRestoreView } from '../../../../app/contract/backupTypes';
import { Field, Form, Num } from '../../components/common';
import { useApp, useI18n } from '../../components/hooks';

export function RestorePanel() {
  const app = useApp();
  const { t, dateTime } = useI18n();
  const pending = useSignal<PendingRestoreView | null>(null);
  const sources = useSignal('');
  const passphrase = useSignal('');
  useEffect(() => {
    void app.attempt(() => app.api['backup.pendingRestore']({})).then((p) => (pending.value = p ?? null));
  }, []);
  const stage = async () => {
    const list = sources
      .peek()
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const typed = passphrase.peek().trim();
    const r = await app.attempt(() => app.api['backup.stageRestore']({ sources: list, ...(typed ? { passphrase: typed } : {}) }));
    passphrase.value = ''; // never kept on screen longer than the request
    if (r) pending.value = r;
  };
  const cancel = async () => {
    if ((await app.attempt(() => app.api['backup.cancelRestore']({}))) !== undefined) pending.value = null;
  };
  const p = pending.value;
  return (
    <div class="restore-panel" data-test="restore-panel">
      <h2>{t('restoreTitle')}</h2>
      {p ? (
        <div data-test="restore-pending">
          <p>
            {t('restorePending', { n: p.documents, d: dateTime(p.createdAt) })} <Num text={p.egsSerial ?? p.terminal} />
          </p>
          <p class="note">{t('restoreAtNextStart')}</p>
          <button type="button" data-test="restore-cancel" onClick={() => void cancel()}>
            {t('restoreCancel')}
          </button>
        </div>
      ) : (
        <Form onSubmit={() => void stage()}>
          <Field label={t('restoreSources')}>
            <textarea rows={2} dir="ltr" data-test="restore-sources" value={sources.value} onInput={(e) => (sources.value = e.currentTarget.value)} />
          </Field>
          <Field label={t('restorePassphrase')}>
            <input
              type="password"
              autocomplete="off"
              dir="ltr"
              data-test="restore-passphrase"
              value={passphrase.value}
              onInput={(e) => (passphrase.value = e.currentTarget.value)}
            />
          </Field>
          <div class="buttons">
            <button type="submit" data-test="restore-stage">
              {t('restoreStage')}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
