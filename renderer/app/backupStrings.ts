// SPDX-License-Identifier: UNLICENSED
// The words of backups on the manager's screens (docs/backups.md), in Arabic and English. Part of the one catalog of
// renderer/app/i18n.ts (spread into it).
export const BACKUP_STRINGS = {
  backups: { en: 'Backups', ar: 'النسخ الاحتياطية' },
  backupNoTarget: {
    en: 'No backup folder: the ledger exists only on this computer (dukkan backup --data-dir … FOLDER)',
    ar: 'لا يوجد مجلد نسخ احتياطي: السجل موجود على هذا الحاسوب فقط (dukkan backup --data-dir … FOLDER)',
  },
  backupLast: { en: 'last backup {d}', ar: 'آخر نسخة {d}' },
  backupNever: { en: 'never backed up', ar: 'لم يُنسخ قط' },
  backupStale: { en: 'no backup for over 24 hours', ar: 'لا نسخة احتياطية منذ أكثر من 24 ساعة' },
  backupWarningStrip: { en: 'Backup overdue', ar: 'النسخ الاحتياطي متأخر' },
} as const;
