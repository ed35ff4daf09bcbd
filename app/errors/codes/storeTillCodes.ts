// SPDX-License-Identifier: UNLICENSED
// Refusals of a till enrolled on a store server about the shop's master data (docs/store-server.md, "Master data
// at the till"): local edits refused while the server manages them, a pulled entry the till cannot use (and the
// product the server refuses for that reason before storing it), and enrolment kept to one server at a time (texts and conventions: app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const STORE_TILL_CODES = {
  'store.managed-by-server': {
    en: 'This till is enrolled on the store server {url}, which manages the catalog and prices, quick keys, users, the receipt footer and the printer settings it sends for every till: make the change on the store server’s manager page; this till takes it within a minute. Nothing was changed.',
    ar: 'هذا الصندوق مسجَّل على خادم المتجر {url} الذي يدير الأصناف والأسعار ومفاتيح الاختصار والمستخدمين وتذييل الإيصال وإعدادات الطابعة التي يرسلها لكل الصناديق: أجرِ التغيير في صفحة المدير على خادم المتجر؛ يستلمه هذا الصندوق خلال دقيقة. لم يتغير شيء.',
  },
  'store.managed-server-unreachable': {
    en: 'This till is enrolled on the store server {url}, which manages this till’s master data, and cannot reach it now (last contact {since}, Riyadh time). Make the change there when it is back; a wrong price can meanwhile be corrected at the counter with a manager’s approval. Nothing was changed.',
    ar: 'هذا الصندوق مسجَّل على خادم المتجر {url} الذي يدير البيانات الرئيسية لهذا الصندوق، ولا يمكنه الوصول إليه الآن (آخر اتصال {since} بتوقيت الرياض). أجرِ التغيير هناك عند عودته؛ ويمكن في الأثناء تصحيح سعر خاطئ عند الصندوق بموافقة المدير. لم يتغير شيء.',
  },
  'store.master-data-invalid': {
    en: 'Master data from the store server: {kind} “{key}” (version {version}) cannot be used at this till: {field} is not valid (below). Nothing of this update was applied; correct the entry on the store server.',
    ar: 'بيانات رئيسية من خادم المتجر: {kind} «{key}» (الإصدار {version}) لا يمكن استخدامها في هذا الصندوق: الحقل {field} غير صالح (أدناه). لم يُطبَّق شيء من هذا التحديث؛ صحّح البيان على خادم المتجر.',
  },
  'store.product-invalid': {
    en: 'The product “{key}” was not saved: the tills could not use it, {count} field(s) break their rules (below). Nothing was stored.',
    ar: 'لم يُحفظ الصنف «{key}»: لا تستطيع الصناديق استخدامه، إذ يخالف {count} من حقوله قواعدها (أدناه). لم يُخزَّن شيء.',
  },
  'store.already-enrolled': {
    en: 'This till is already enrolled on the store server {url} as {name}: remove that enrolment first. Nothing was changed.',
    ar: 'هذا الصندوق مسجَّل مسبقًا على خادم المتجر {url} باسم {name}: أزل ذلك التسجيل أولًا. لم يتغير شيء.',
  },
} as const satisfies Record<string, CatalogText>;
