// SPDX-License-Identifier: UNLICENSED
// The words of backups on the manager's screens (docs/backups.md), in Arabic and English. Part of the one catalog of
// renderer/app/i18n.ts (spread into it).
export const BACKUP_STRINGS = {
  restoreTitle: { en: 'Restore from a backup', ar: 'الاستعادة من نسخة احتياطية' },
  restoreSources: { en: 'Backup folders or files, one per line', ar: 'مجلدات أو ملفات النسخ الاحتياطي، واحد في كل سطر' },
  restorePassphrase: {
    en: 'Passphrase from the recovery sheet (empty: the one this terminal keeps)',
    ar: 'عبارة المرور من ورقة الاسترداد (فارغة: العبارة التي يحفظها هذا الجهاز)',
  },
  restoreStage: { en: 'Check and restore at the next start', ar: 'افحص واستعد عند التشغيل القادم' },
  restorePending: { en: 'Ready to restore: {n} documents, backed up {d}, of', ar: 'جاهزة للاستعادة: {n} مستند، نُسخت في {d}، للجهاز' },
  restoreAtNextStart: {
    en: 'Checked, decrypted and audited. Close Dukkan and start it again to put it in place; the current ledger is kept aside, never deleted.',
    ar: 'تم الفحص وفك التشفير والتدقيق. أغلق دكّان وشغّله من جديد لوضعها مكانها؛ يُحفظ السجل الحالي جانبًا ولا يُحذف.',
  },
  restoreCancel: { en: 'Cancel the restore', ar: 'إلغاء الاستعادة' },
  archivedDocument: {
    en: 'From the read-only archive {name} (EGS unit {egs}): a copy can be printed. Its chain is closed: return its items with “Return without this till’s receipt” (Cash & trail), giving this number and date.',
    ar: 'من الأرشيف للقراءة فقط {name} (وحدة الفوترة {egs}): يمكن طباعة نسخة منه. سلسلته مغلقة: أرجع أصنافه عبر «مرتجع دون إيصال هذا الصندوق» (النقد والسجل) مع ذكر هذا الرقم والتاريخ.',
  },
  backups: { en: 'Backups', ar: 'النسخ الاحتياطية' },
  backupNoTarget: {
    en: 'No backup folder: the ledger exists only on this computer (dukkan backup --data-dir … FOLDER)',
    ar: 'لا يوجد مجلد نسخ احتياطي: السجل موجود على هذا الحاسوب فقط (dukkan backup --data-dir … FOLDER)',
  },
  backupLast: { en: 'last backup {d}', ar: 'آخر نسخة {d}' },
  backupNever: { en: 'never backed up', ar: 'لم يُنسخ قط' },
  backupStoreServer: { en: 'store server', ar: 'خادم المتجر' },
  backupStale: { en: 'no backup for over 24 hours', ar: 'لا نسخة احتياطية منذ أكثر من 24 ساعة' },
  kindBackup: { en: 'Backup', ar: 'نسخ احتياطي' },
  kindRestore: { en: 'Restore', ar: 'استعادة' },
  backupWarningStrip: { en: 'Backup overdue', ar: 'النسخ الاحتياطي متأخر' },
  backupFolder: { en: 'Backup folders, one per line (USB drive, network share)', ar: 'مجلدات النسخ الاحتياطي، مجلد في كل سطر (قرص USB أو مجلد شبكة)' },
  backupEvery: { en: 'Back up every (hours)', ar: 'النسخ الاحتياطي كل (ساعات)' },
  backupNow: { en: 'Back up now', ar: 'انسخ الآن' },
  backupCreatePassphrase: { en: 'Create the backup passphrase', ar: 'أنشئ عبارة مرور النسخ الاحتياطي' },
  backupPassphraseOnce: {
    en: 'Shown this one time: print the recovery sheet and keep it away from the till. Restoring on another computer needs it.',
    ar: 'تُعرض هذه المرة فقط: اطبع ورقة الاسترداد واحفظها بعيدًا عن نقطة البيع. تلزم للاستعادة على حاسوب آخر.',
  },
  backupPrintSheet: { en: 'Print the recovery sheet', ar: 'اطبع ورقة الاسترداد' },
  backupCheckFile: { en: 'Check a backup file', ar: 'افحص ملف نسخة احتياطية' },
  backupCheck: { en: 'Check', ar: 'افحص' },
  backupChecked: {
    en: 'Whole and readable: {n} documents, made {d}; nothing was restored (dukkan restore does that with the app closed)',
    ar: 'سليمة ومقروءة: {n} مستند، أُنشئت {d}؛ لم يُستعد شيء (يفعل ذلك dukkan restore والتطبيق مغلق)',
  },
} as const;
