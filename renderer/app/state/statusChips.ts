// SPDX-License-Identifier: UNLICENSED
// The status strip that is always visible once someone is signed in: online/offline, documents waiting to be
// reported, the nearest 24-hour deadline (red in its last four hours), overdue and rejected documents, B2B invoices
// awaiting clearance or not cleared, the printer, and a backup with no success for 24 hours (docs/backups.md).
import type { StatusSnapshot } from '../../../app/contract/types';
import type { Translator } from '../i18n';

export interface Chip {
  /** ok, warn, bad, or '' for neutral. */
  readonly state: '' | 'ok' | 'warn' | 'bad';
  readonly text: string;
  readonly test: string;
}

export function statusChips(s: StatusSnapshot, tr: Translator, now: number): Chip[] {
  const { t } = tr;
  const chips: Chip[] = [
    s.connectivity === 'online'
      ? { state: 'ok', text: t('online'), test: 'connectivity' }
      : s.connectivity === 'offline'
        ? { state: 'bad', text: t('offline'), test: 'connectivity' }
        : { state: '', text: t('connUnknown'), test: 'connectivity' },
    { state: s.waiting > 0 ? 'warn' : 'ok', text: t('waiting', { n: s.waiting }), test: 'waiting' },
    s.nearestDeadline
      ? {
          state: Date.parse(s.nearestDeadline) - now < 4 * 3600_000 ? 'bad' : 'warn',
          text: t('deadline', { t: tr.timeLeft(s.nearestDeadline, now) }),
          test: 'deadline',
        }
      : { state: 'ok', text: t('noDeadline'), test: 'deadline' },
  ];
  if (s.overdue > 0) chips.push({ state: 'bad', text: t('overdueChip', { n: s.overdue }), test: 'overdue' });
  if (s.rejected > 0) chips.push({ state: 'bad', text: t('rejectedChip', { n: s.rejected }), test: 'rejected' });
  // B2B: awaiting clearance and not cleared are counted apart from reporting (main/clearance)
  if (s.clearance && s.clearance.awaiting > 0) chips.push({ state: 'warn', text: t('b2bAwaitingChip', { n: s.clearance.awaiting }), test: 'b2b-awaiting' });
  if (s.clearance && s.clearance.rejected > 0) chips.push({ state: 'bad', text: t('b2bRejectedChip', { n: s.clearance.rejected }), test: 'b2b-not-cleared' });
  // a first start's training mode still onboarding in the background (main/app/modeController.ts, 'preparing')
  if (s.preparingTraining)
    chips.push(
      s.preparingTraining.lastError === null
        ? { state: 'warn', text: t('preparingTraining'), test: 'training-preparing-chip' }
        : { state: 'bad', text: t('preparingTrainingFailed', { m: s.preparingTraining.lastError }), test: 'training-preparing-chip' },
    );
  if (s.backupWarning) chips.push({ state: 'warn', text: t('backupWarningStrip'), test: 'backup' });
  chips.push(
    !s.printer.configured
      ? { state: '', text: t('printerNone'), test: 'printer' }
      : s.printer.state === 'error'
        ? { state: 'bad', text: `${t('printerError')}: ${s.printer.message ?? ''}`, test: 'printer' }
        : s.printer.state === 'unknown'
          ? { state: '', text: t('printerSetUp'), test: 'printer' }
          : { state: 'ok', text: t('printerReady'), test: 'printer' },
  );
  return chips;
}
