// SPDX-License-Identifier: UNLICENSED
// The live ledger's backups on the status tab (docs/backups.md): the folder and schedule, the passphrase created once
// and shown once with its recovery sheet to print, a backup now, and checking a backup file as a restore would
// (checksum, passphrase, decryption, full audit) without restoring anything.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { BackupScreen } from '../../../../app/contract/backupTypes';
import { Field, Form, Num } from '../../components/common';
import { useApp, useI18n } from '../../components/hooks';

export function BackupPanel({ onChange }: { readonly onChange: () => void }) {
  const app = useApp();
  const { t, dateTime } = useI18n();
  const screen = useSignal<BackupScreen | null>(null);
  /** One folder per line: a USB drive and a network share each get every backup (backupRun.ts). */
  const folders = useSignal('');
  const hours = useSignal('4');
  const sheet = useSignal<string | null>(null);
  const file = useSignal('');
  const checked = useSignal<string | null>(null);
  const show = (s: BackupScreen | undefined) => {
    if (!s) return;
    screen.value = s;
    folders.value = s.targets.join('\n');
    hours.value = String(s.everyHours);
    onChange();
  };
  useEffect(() => {
    void app.attempt(() => app.api['backup.status']({})).then(show);
  }, []);
  const save = async () => {
    const s = screen.peek();
    const targets = folders
      .peek()
      .split('\n')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    show(await app.attempt(() => app.api['backup.configure']({ targets, everyHours: Number(hours.peek()), keepNewest: s?.keepNewest ?? 3 })));
  };
  const create = async () => {
    const r = await app.attempt(() => app.api['backup.createPassphrase']({}));
    if (r) sheet.value = r.sheet;
    show(await app.attempt(() => app.api['backup.status']({})));
  };
  const now = async () => show(await app.attempt(() => app.api['backup.runNow']({})));
  const check = async () => {
    const r = await app.attempt(() => app.api['backup.check']({ file: file.peek().trim() }));
    checked.value = r ? t('backupChecked', { n: r.documents, d: dateTime(r.createdAt) }) : null;
  };
  return (
    <div class="backup-panel" data-test="backup-panel">
      <Form loading={screen.value === null} onSubmit={() => void save()}>
        <Field label={t('backupFolder')}>
          <textarea rows={2} dir="ltr" data-test="backup-folders" value={folders.value} onInput={(e) => (folders.value = e.currentTarget.value)} />
        </Field>
        <Field label={t('backupEvery')}>
          <input type="number" min="1" max="168" data-test="backup-hours" value={hours.value} onInput={(e) => (hours.value = e.currentTarget.value)} />
        </Field>
        <div class="buttons">
          <button class="primary" type="submit" data-test="backup-save">
            {t('save')}
          </button>
          <button type="button" data-test="backup-now" onClick={() => void now()}>
            {t('backupNow')}
          </button>
          {screen.value && !screen.value.passphraseSet ? (
            <button type="button" data-test="backup-passphrase" onClick={() => void create()}>
              {t('backupCreatePassphrase')}
            </button>
          ) : null}
        </div>
      </Form>
      {sheet.value ? (
        <div class="recovery-sheet" data-test="recovery-sheet">
          <p>{t('backupPassphraseOnce')}</p>
          <pre dir="ltr">{sheet.value}</pre>
          <button type="button" data-test="print-sheet" onClick={() => window.print()}>
            {t('backupPrintSheet')}
          </button>
        </div>
      ) : null}
      <Form onSubmit={() => void check()}>
        <Field label={t('backupCheckFile')}>
          <input type="text" dir="ltr" data-test="backup-file" value={file.value} onInput={(e) => (file.value = e.currentTarget.value)} />
        </Field>
        <div class="buttons">
          <button type="submit" data-test="backup-check">
            {t('backupCheck')}
          </button>
        </div>
      </Form>
      {checked.value ? (
        <p data-test="backup-checked">
          <Num text={file.value} /> {checked.value}
        </p>
      ) : null}
    </div>
  );
}
