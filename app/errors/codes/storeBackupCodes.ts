// SPDX-License-Identifier: UNLICENSED
// Backups kept on the store server (docs/backups.md, "The store server as a target"): the server's refusals of an
// upload, and the till's when it fetches a backup back (texts and conventions: app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const STORE_BACKUP_CODES = {
  'store.backup-unknown': {
    en: 'The store server holds no backup named {name} of this till. Nothing was changed.',
    ar: 'لا يحتفظ خادم المتجر بنسخة احتياطية باسم {name} لهذا الصندوق. لم يتغير شيء.',
  },
  'store.backup-conflict': {
    en: 'The store server already holds a backup named {name} of this till, of {size} bytes, not {offered}: it was kept as it is, and nothing was received.',
    ar: 'يحتفظ خادم المتجر مسبقًا بنسخة احتياطية باسم {name} لهذا الصندوق حجمها {size} بايت لا {offered}: أُبقيت كما هي ولم يُستلم شيء.',
  },
  'store.backup-out-of-order': {
    en: 'Backup {name}: the part sent starts at byte {offset}, but the store server has the first {received} bytes; parts are taken in order. Nothing of this part was stored.',
    ar: 'النسخة الاحتياطية {name}: الجزء المرسل يبدأ عند البايت {offset}، لكن لدى خادم المتجر أول {received} بايت؛ تُستلم الأجزاء بالترتيب. لم يُخزَّن شيء من هذا الجزء.',
  },
  'store.backup-incomplete': {
    en: 'Backup {name}: the store server has {received} of its {size} bytes, so it cannot be finished yet. Send the rest; nothing was counted as backed up.',
    ar: 'النسخة الاحتياطية {name}: لدى خادم المتجر {received} من أصل {size} بايت، فلا يمكن إتمامها بعد. أرسل الباقي؛ لم يُحتسب شيء نسخة احتياطية.',
  },
  'store.backup-damaged': {
    en: 'Backup {name}: the bytes the store server received do not match the file’s own checksum: it was damaged on the way. The server removed it; the till sends it again at its next backup.',
    ar: 'النسخة الاحتياطية {name}: البايتات التي استلمها خادم المتجر لا تطابق المجموع الاختباري للملف نفسه: تلفت أثناء النقل. حذفها الخادم؛ ويرسلها الصندوق من جديد في النسخ الاحتياطي التالي.',
  },
  'backup.store-none': {
    en: 'The store server {url} holds no backup of this till yet. Restore from a backup folder instead; nothing was changed.',
    ar: 'لا يحتفظ خادم المتجر {url} بأي نسخة احتياطية لهذا الصندوق بعد. استعد من مجلد نسخ احتياطي بدلًا من ذلك؛ لم يتغير شيء.',
  },
  'backup.store-not-enrolled': {
    en: 'This till is not enrolled on a store server, so there is no server to fetch a backup from. Nothing was changed.',
    ar: 'هذا الصندوق غير مسجَّل على خادم متجر، فلا يوجد خادم تُجلب منه نسخة احتياطية. لم يتغير شيء.',
  },
} as const satisfies Record<string, CatalogText>;
