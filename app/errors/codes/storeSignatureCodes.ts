// SPDX-License-Identifier: UNLICENSED
// The store server's check of each pushed document's signature and signing certificate (docs/store-server.md,
// "Push"), and of its own checking threads (texts and conventions: app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const STORE_SIGNATURE_CODES = {
  'store.signature-missing': {
    en: 'Chain {chain}, ICV {icv}: the document carries no readable signature and signing certificate (ds:SignatureValue, ds:X509Certificate; reference §5). It was not stored.',
    ar: 'السلسلة {chain}، العداد {icv}: لا يحمل المستند توقيعًا وشهادة توقيع قابلين للقراءة (ds:SignatureValue و ds:X509Certificate؛ المرجع §5). لم يُخزَّن.',
  },
  'store.signature-invalid': {
    en: 'Chain {chain}, ICV {icv}: the signature does not verify with the certificate the document carries (serial {serial}) over its invoice hash (reference §2): it was not signed by that certificate’s key, or was changed after signing. It was not stored.',
    ar: 'السلسلة {chain}، العداد {icv}: التوقيع لا يتحقق بالشهادة التي يحملها المستند (الرقم التسلسلي {serial}) على تجزئة الفاتورة (المرجع §2): لم يوقّعه مفتاح تلك الشهادة أو عُدِّل بعد التوقيع. لم يُخزَّن.',
  },
  'store.certificate-foreign': {
    en: 'Chain {chain}, ICV {icv}: signed with certificate {serial}, but this till’s chain {chain} is signed with certificate {pinned}. A chain keeps one certificate (reference §11). It was not stored.',
    ar: 'السلسلة {chain}، العداد {icv}: موقّع بالشهادة {serial}، لكن سلسلة هذا الصندوق {chain} موقّعة بالشهادة {pinned}. للسلسلة شهادة واحدة (المرجع §11). لم يُخزَّن.',
  },
  'store.certificate-other-terminal': {
    en: 'Chain {chain}, ICV {icv}: certificate {serial} already signs chain {otherChain} of terminal {terminal}; a till pushes only documents signed with its own certificate, one chain per certificate. If this till was enrolled again, remove terminal {terminal} on the manager page first. It was not stored.',
    ar: 'السلسلة {chain}، العداد {icv}: الشهادة {serial} توقّع مسبقًا السلسلة {otherChain} للجهاز {terminal}؛ يرسل الصندوق فقط المستندات الموقّعة بشهادته، سلسلة واحدة لكل شهادة. إن سُجِّل هذا الصندوق من جديد فأزل الجهاز {terminal} من صفحة المدير أولًا. لم يُخزَّن.',
  },
  'store.check-unavailable': {
    en: 'The store server could not finish checking the pushed documents (a checking thread stopped: {reason}). Nothing of this push was stored; send it again.',
    ar: 'تعذّر على خادم المتجر إكمال فحص المستندات المرسلة (توقّف أحد مسارات الفحص: {reason}). لم يُخزَّن شيء من هذا الإرسال؛ أعد إرساله.',
  },
} as const satisfies Record<string, CatalogText>;
