// SPDX-License-Identifier: UNLICENSED
// The status strip's backup chip (docs/backups.md): shown, as a warning in the screen's language, only when the live
// ledger's backups are overdue; training and a healthy backup show none.
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
