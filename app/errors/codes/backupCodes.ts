// SPDX-License-Identifier: UNLICENSED
// Refusals of the ledger's backups and restores (main/backup, docs/backups.md): a target that cannot take a backup,
// a backup file that is not whole, not this terminal's or not readable with the passphrase given, and a restore that
// would lose documents. Each says what was left untouched. Texts and conventions: app/errors/catalog.ts.
import type { CatalogText } from '../catalogText';

export const BACKUP_CODES = {
  'backup.target-missing': {
    en: 'The backup folder {target} is not there (a USB drive removed, a network share not connected). Nothing was written; connect it and back up again.',
    ar: 'مجلد النسخ الاحتياطي {target} غير موجود (قرص USB منزوع أو مجلد شبكة غير متصل). لم يُكتب شيء؛ صِله ثم أعد النسخ الاحتياطي.',
  },
  'backup.target-read-only': {
    en: 'The backup folder {target} cannot be written to (read-only drive or no permission). Nothing was written; choose a writable folder.',
    ar: 'تعذرت الكتابة في مجلد النسخ الاحتياطي {target} (قرص للقراءة فقط أو بلا صلاحية). لم يُكتب شيء؛ اختر مجلدًا قابلًا للكتابة.',
  },
  'backup.target-full': {
    en: 'The backup folder {target} is full: the backup needs about {bytes} bytes. The partial file was removed and older backups were kept; free space or choose another folder.',
    ar: 'مجلد النسخ الاحتياطي {target} ممتلئ: تحتاج النسخة نحو {bytes} بايت. حُذف الملف الناقص وأُبقيت النسخ الأقدم؛ وفّر مساحة أو اختر مجلدًا آخر.',
  },
  'backup.target-lost': {
    en: 'The backup folder {target} went away while the backup was written ({detail}): the drive was removed or disconnected. No half-written backup was left under a backup name; reconnect it and back up again.',
    ar: 'اختفى مجلد النسخ الاحتياطي {target} أثناء كتابة النسخة ({detail}): نُزع القرص أو انقطع الاتصال. لم تُترك نسخة ناقصة باسم نسخة احتياطية؛ أعد وصله ثم أعد النسخ الاحتياطي.',
  },
  'backup.target-not-folder': {
    en: 'backup target {target}: must be the full path of a folder (USB drive, network share), not a file.',
    ar: 'وجهة النسخ الاحتياطي {target}: يجب أن تكون المسار الكامل لمجلد (قرص USB أو مجلد شبكة)، لا ملفًا.',
  },
  'backup.target-is-data-folder': {
    en: 'backup target {target}: must not be inside the data folder; a backup on the same disk dies with it. Choose a USB drive or a network share.',
    ar: 'وجهة النسخ الاحتياطي {target}: يجب ألا تكون داخل مجلد البيانات؛ فالنسخة على القرص نفسه تتلف معه. اختر قرص USB أو مجلد شبكة.',
  },
  'backup.no-passphrase': {
    en: 'No backup passphrase is set up for this terminal: create one first (manager screen → backups, or dukkan backup --new-passphrase) and keep its recovery sheet. Nothing was written.',
    ar: 'لم تُعدّ عبارة مرور للنسخ الاحتياطي في هذه المحطة: أنشئ واحدة أولًا (شاشة المدير ← النسخ الاحتياطي، أو dukkan backup --new-passphrase) واحفظ ورقة الاسترداد. لم يُكتب شيء.',
  },
  'backup.passphrase-needed': {
    en: "passphrase: this computer's keychain does not hold the backup passphrase of terminal {terminal}; type the one on its recovery sheet. Nothing was replaced.",
    ar: 'عبارة المرور: لا تحوي سلسلة مفاتيح هذا الحاسوب عبارة مرور النسخ الاحتياطي للمحطة {terminal}؛ اكتب العبارة المدوّنة في ورقة استردادها. لم يُستبدل شيء.',
  },
  'backup.passphrase-exists': {
    en: 'This terminal already has a backup passphrase; its recovery sheet was shown when it was created. A second one would make the earlier backups unreadable with the new sheet, so none was created.',
    ar: 'لهذه المحطة عبارة مرور للنسخ الاحتياطي بالفعل؛ عُرضت ورقة استردادها عند إنشائها. إنشاء عبارة ثانية يجعل النسخ السابقة غير مقروءة بالورقة الجديدة، لذا لم تُنشأ.',
  },
  'backup.passphrase-format': {
    en: 'passphrase: must be the 24 letters and digits of the recovery sheet (groups of 4, dashes and spaces optional); got {length} usable characters.',
    ar: 'عبارة المرور: يجب أن تكون الأحرف والأرقام الأربعة والعشرين من ورقة الاسترداد (مجموعات من 4، والشرطات والمسافات اختيارية)؛ وصل {length} حرفًا صالحًا.',
  },
  'backup.wrong-passphrase': {
    en: 'The passphrase does not open the backup {file} (it was made by terminal {terminal} on {createdAt}). Check the recovery sheet of that terminal. Nothing was replaced.',
    ar: 'عبارة المرور لا تفتح النسخة الاحتياطية {file} (أنشأتها المحطة {terminal} في {createdAt}). راجع ورقة الاسترداد لتلك المحطة. لم يُستبدل شيء.',
  },
  'backup.not-a-backup': {
    en: '{file} is not a Dukkan backup (its first bytes are not a backup header). Nothing was replaced.',
    ar: 'الملف {file} ليس نسخة احتياطية من دكان (بايتاته الأولى ليست ترويسة نسخة احتياطية). لم يُستبدل شيء.',
  },
  'backup.newer-format': {
    en: 'The backup {file} was written in format {format}, which this version of Dukkan cannot read; update Dukkan. Nothing was replaced.',
    ar: 'كُتبت النسخة الاحتياطية {file} بالصيغة {format} التي لا يقرؤها هذا الإصدار من دكان؛ حدّث دكان. لم يُستبدل شيء.',
  },
  'backup.truncated': {
    en: 'The backup {file} is cut short: {bytes} of {expected} bytes (copied before the copy ended, or the drive was removed while writing). Use another copy. Nothing was replaced.',
    ar: 'النسخة الاحتياطية {file} مبتورة: {bytes} من {expected} بايت (نُسخت قبل اكتمال النسخ أو نُزع القرص أثناء الكتابة). استخدم نسخة أخرى. لم يُستبدل شيء.',
  },
  'backup.checksum-mismatch': {
    en: 'The backup {file} is damaged: its checksum does not match its content (the file was changed or the drive has bad sectors). Use another copy. Nothing was replaced.',
    ar: 'النسخة الاحتياطية {file} تالفة: مجموع التحقق لا يطابق محتواها (تغيّر الملف أو في القرص قطاعات تالفة). استخدم نسخة أخرى. لم يُستبدل شيء.',
  },
  'backup.audit-failed': {
    en: 'The ledger inside the backup {file} fails the audit: {detail}. It was not restored; use another copy. Nothing was replaced.',
    ar: 'السجل داخل النسخة الاحتياطية {file} لا يجتاز التدقيق: {detail}. لم تُستعد؛ استخدم نسخة أخرى. لم يُستبدل شيء.',
  },
  'backup.other-terminal': {
    en: "The backup {file} is of another terminal ({backupTerminal}, EGS {backupEgs}); this data folder belongs to terminal {terminal}. Restoring it here would mix two devices' chains, so nothing was replaced.",
    ar: 'النسخة الاحتياطية {file} لمحطة أخرى ({backupTerminal}، وحدة EGS {backupEgs})؛ ومجلد البيانات هذا للمحطة {terminal}. استعادتها هنا تخلط سلسلتي جهازين، لذا لم يُستبدل شيء.',
  },
  'backup.mixed-terminals': {
    en: 'The backups given are of different terminals ({terminals}); restore one terminal at a time. Nothing was replaced.',
    ar: 'النسخ الاحتياطية المعطاة لمحطات مختلفة ({terminals})؛ استعد محطة واحدة في كل مرة. لم يُستبدل شيء.',
  },
  'backup.older-than-ledger': {
    en: 'The ledger in this data folder is further on than the backup: the chain of certificate {serial} reaches ICV {ledgerIcv} here and ICV {backupIcv} in the backup. Restoring would lose documents, so nothing was replaced.',
    ar: 'السجل في مجلد البيانات هذا أحدث من النسخة الاحتياطية: تصل سلسلة الشهادة {serial} هنا إلى ICV {ledgerIcv} وفي النسخة إلى ICV {backupIcv}. الاستعادة تُضيّع مستندات، لذا لم يُستبدل شيء.',
  },
  'backup.forked-from-anchor': {
    en: "The backup {file} does not belong to this terminal's chain: at ICV {icv} of the chain of certificate {serial} it holds another document than the one recorded in the keychain. Nothing was replaced.",
    ar: 'النسخة الاحتياطية {file} لا تنتمي إلى سلسلة هذه المحطة: عند ICV {icv} من سلسلة الشهادة {serial} تحوي مستندًا غير المسجّل في سلسلة مفاتيح النظام. لم يُستبدل شيء.',
  },
  'backup.ledger-in-use': {
    en: 'The ledger {file} is open in a running Dukkan: close the app on this terminal before restoring. Nothing was replaced.',
    ar: 'السجل {file} مفتوح في دكان قيد التشغيل: أغلق التطبيق في هذه المحطة قبل الاستعادة. لم يُستبدل شيء.',
  },
  'backup.nothing-to-back-up': {
    en: 'The data folder {dataDir} holds no ledger to back up.',
    ar: 'لا يحوي مجلد البيانات {dataDir} سجلًا لنسخه احتياطيًا.',
  },
  'backup.no-targets': {
    en: 'No backup folder is configured: add one (manager screen → backups, or dukkan backup --to FOLDER).',
    ar: 'لا يوجد مجلد نسخ احتياطي مُعدّ: أضف واحدًا (شاشة المدير ← النسخ الاحتياطي، أو dukkan backup --to FOLDER).',
  },
} as const satisfies Record<string, CatalogText>;
