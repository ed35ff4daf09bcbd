// SPDX-License-Identifier: UNLICENSED
// The status strip's backup chip (docs/backups.md): shown, as a warning in the screen's language, only when the live
// ledger's backups are overdue; training and a healthy backup show none. And the B2B chips: invoices awaiting
// clearance and not cleared, counted apart from reporting's waiting and rejected (main/clearance).
import { describe, expect, it } from 'vitest';
import type { StatusSnapshot } from '../../../app/contract/types';
import { translator } from '../i18n';
import { statusChips } from './statusChips';

const BASE: StatusSnapshot = {
  mode: 'live',
  environment: 'production',
  connectivity: 'online',
  waiting: 0,
  rejected: 0,
  overdue: 0,
  nearestDeadline: null,
  printer: { configured: true, state: 'ready', message: null },
  at: '2026-12-04T08:00:00.000Z',
};

const backupChip = (s: StatusSnapshot, locale: 'en' | 'ar' = 'en') => statusChips(s, translator(locale), Date.parse(s.at)).find((c) => c.test === 'backup');

describe('the status strip and backups', () => {
  it('warns when the backups are overdue, in English and Arabic', () => {
    expect(backupChip({ ...BASE, backupWarning: true })).toEqual({ state: 'warn', text: 'Backup overdue', test: 'backup' });
    expect(backupChip({ ...BASE, backupWarning: true }, 'ar')?.text).toBe('النسخ الاحتياطي متأخر');
  });

  it('shows nothing when they are up to date or not kept (training)', () => {
    expect(backupChip({ ...BASE, backupWarning: false })).toBeUndefined();
    expect(backupChip({ ...BASE, mode: 'training' })).toBeUndefined();
  });
});

describe('the status strip and B2B clearance', () => {
  const chips = (s: StatusSnapshot, locale: 'en' | 'ar' = 'en') =>
    statusChips(s, translator(locale), Date.parse(s.at)).filter((c) => c.test.startsWith('b2b-'));

  it('counts awaiting and not-cleared invoices apart from reporting, in English and Arabic', () => {
    const s = { ...BASE, waiting: 3, clearance: { awaiting: 2, rejected: 1 } };
    expect(chips(s)).toEqual([
      { state: 'warn', text: 'Awaiting clearance: 2', test: 'b2b-awaiting' },
      { state: 'bad', text: 'Not cleared: 1', test: 'b2b-not-cleared' },
    ]);
    expect(chips(s, 'ar').map((c) => c.text)).toEqual(['بانتظار الاعتماد: 2', 'غير معتمدة: 1']);
    expect(statusChips(s, translator('en'), Date.parse(s.at)).find((c) => c.test === 'waiting')?.text).toBe('To report: 3');
  });

  it('shows no B2B chip when nothing awaits or was refused', () => {
    expect(chips({ ...BASE, clearance: { awaiting: 0, rejected: 0 } })).toEqual([]);
    expect(chips(BASE)).toEqual([]);
  });
});

describe('the status strip while training mode is being prepared (a first start)', () => {
  const chip = (s: StatusSnapshot, locale: 'en' | 'ar' = 'en') =>
    statusChips(s, translator(locale), Date.parse(s.at)).find((c) => c.test === 'training-preparing-chip');
  const training: StatusSnapshot = { ...BASE, mode: 'training', environment: 'none' };

  it('says it is preparing, and when it failed says why and that it is tried again, in English and Arabic', () => {
    expect(chip({ ...training, preparingTraining: { lastError: null, retryAt: null } })).toEqual({
      state: 'warn',
      text: 'Preparing training mode…',
      test: 'training-preparing-chip',
    });
    const failed = { ...training, preparingTraining: { lastError: 'Fatoora did not answer in time', retryAt: '2026-12-04T08:00:05.000Z' } };
    expect(chip(failed)).toEqual({
      state: 'bad',
      text: 'Training mode is not ready: Fatoora did not answer in time. Trying again automatically.',
      test: 'training-preparing-chip',
    });
    expect(chip(failed, 'ar')?.text).toBe('وضع التدريب غير جاهز: Fatoora did not answer in time. تُعاد المحاولة تلقائيًا.');
  });

  it('shows nothing once training mode is ready', () => {
    expect(chip(training)).toBeUndefined();
  });
});
