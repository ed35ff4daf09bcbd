// SPDX-License-Identifier: UNLICENSED
// Refusals of the ledger's anchor (main/ledger/chainAnchor.ts, docs/security.md "The ledger's anchor"): a database
// behind or beside the chain head recorded in the keychain stops issuing, so that no ICV is signed twice (reference
// §11). Texts and conventions: app/errors/catalog.ts.
import type { CatalogText } from '../catalogText';

export const ANCHOR_CODES = {
  'ledger.rolled-back': {
    en: 'The ledger is behind its anchor: the keychain records ICV {anchorIcv} (hash {anchorHash}) for the chain of certificate {serial}, but this database ends at ICV {databaseIcv}; Fatoora has acknowledged up to ICV {acknowledgedIcv}. The database was restored from an older copy or lost its last writes. Issuing is stopped so that no ICV is used twice: put back the newest copy of the database, then run dukkan audit (docs/security.md, "Recovering a rolled-back ledger"). Nothing was signed.',
    ar: 'السجل متأخر عن مرساته: تسجّل سلسلة مفاتيح النظام الرقم التسلسلي ICV {anchorIcv} (البصمة {anchorHash}) لسلسلة الشهادة {serial}، لكن قاعدة البيانات هذه تنتهي عند ICV {databaseIcv}؛ وقد أقرّت فاتورة حتى ICV {acknowledgedIcv}. استُعيدت قاعدة البيانات من نسخة أقدم أو فقدت آخر ما كُتب فيها. أُوقف الإصدار حتى لا يُستخدم أي ICV مرتين: أعد أحدث نسخة من قاعدة البيانات ثم شغّل dukkan audit (docs/security.md، «استعادة سجل مُرجَع»). لم يُوقَّع أي مستند.',
  },
  'ledger.chain-forked': {
    en: 'The ledger does not match its anchor: at ICV {icv} of the chain of certificate {serial} this database holds the document with hash {databaseHash}, but the keychain records ICV {anchorIcv} with hash {anchorHash} (Fatoora has acknowledged up to ICV {acknowledgedIcv}). This is not the database that issued the chain. Issuing is stopped so that the chain does not fork: put back the database that issued it, then run dukkan audit (docs/security.md, "Recovering a rolled-back ledger"). Nothing was signed.',
    ar: 'السجل لا يطابق مرساته: عند ICV {icv} من سلسلة الشهادة {serial} تحوي قاعدة البيانات هذه المستند ذا البصمة {databaseHash}، لكن سلسلة مفاتيح النظام تسجّل ICV {anchorIcv} بالبصمة {anchorHash} (وقد أقرّت فاتورة حتى ICV {acknowledgedIcv}). ليست هذه قاعدة البيانات التي أصدرت السلسلة. أُوقف الإصدار حتى لا تتفرع السلسلة: أعد قاعدة البيانات التي أصدرتها ثم شغّل dukkan audit (docs/security.md، «استعادة سجل مُرجَع»). لم يُوقَّع أي مستند.',
  },
  'ledger.chain-closed': {
    en: 'The chain of certificate {serial} was closed on {closedAt} after documents were lost ({reason}); it never issues again, so that no ICV is used twice. Renew the CSID to start a new chain at ICV 1 (docs/security.md, "Recovering a rolled-back ledger"). Nothing was signed.',
    ar: 'أُغلقت سلسلة الشهادة {serial} في {closedAt} بعد فقد مستندات ({reason})؛ ولن تُصدر أي مستند بعد الآن حتى لا يُستخدم أي ICV مرتين. جدّد شهادة التشفير CSID لبدء سلسلة جديدة من ICV 1 (docs/security.md، «استعادة سجل مُرجَع»). لم يُوقَّع أي مستند.',
  },
  'ledger.anchor-unreadable': {
    en: 'The ledger anchor in the OS keychain (entry {entry}) cannot be read: it was changed outside Dukkan. Issuing is stopped; see docs/security.md, "Recovering a rolled-back ledger". Nothing was signed.',
    ar: 'تعذرت قراءة مرساة السجل في سلسلة مفاتيح النظام (المدخل {entry}): غُيّرت خارج دكان. أُوقف الإصدار؛ راجع docs/security.md، «استعادة سجل مُرجَع». لم يُوقَّع أي مستند.',
  },
  'ledger.nothing-to-close': {
    en: 'No chain of this ledger is behind its anchor: there is nothing to close (dukkan anchor --close closes only chains whose documents were lost).',
    ar: 'لا توجد سلسلة في هذا السجل متأخرة عن مرساتها: لا شيء لإغلاقه (يغلق dukkan anchor --close السلاسل التي فُقدت مستنداتها فقط).',
  },
  'ledger.no-anchor': {
    en: 'The keychain holds no anchor for the ledger {file} (device {service}): the app writes one at its first issue; a ledger of dukkan issue has none (docs/security.md).',
    ar: 'لا تحوي سلسلة مفاتيح النظام أي مرساة للسجل {file} (الجهاز {service}): يكتبها التطبيق عند أول إصدار؛ أما سجل dukkan issue فلا مرساة له (docs/security.md).',
  },
} as const satisfies Record<string, CatalogText>;
