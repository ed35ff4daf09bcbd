// SPDX-License-Identifier: UNLICENSED
// Refusals of the till's own tools: held (parked) sales and quick keys (main/till; texts and conventions:
// app/errors/catalog.ts). Every refusal writes nothing.
import type { CatalogText } from '../catalogText';

export const TILL_CODES = {
  'held.not-found': {
    en: 'Held sale {id} is not there any more: it was recalled already. Nothing was changed.',
    ar: 'البيع المعلّق {id} لم يعد موجودًا: تم استرجاعه من قبل. لم يتغير شيء.',
  },
  'held.too-many': {
    en: 'There are already {max} held sales: recall or clear one first. Nothing was held.',
    ar: 'يوجد بالفعل {max} عملية بيع معلّقة: استرجع إحداها أو امسحها أولًا. لم يُعلَّق شيء.',
  },
  'held.unknown-product': {
    en: 'lines.{line}.productId: product {id} is not in the catalog, so the sale cannot be held. Nothing was held.',
    ar: 'lines.{line}.productId: الصنف {id} غير موجود في قائمة الأصناف، فلا يمكن تعليق البيع. لم يُعلَّق شيء.',
  },
  'input.quick-key-colour': {
    en: 'must be one of the quick-key colours: green, blue, amber, red, purple, teal, grey',
    ar: 'يجب أن يكون أحد ألوان أزرار الأصناف: green أو blue أو amber أو red أو purple أو teal أو grey',
  },
  'quickkeys.unknown-product': {
    en: 'keys.{key}.productId: product {id} is not an active product of the catalog. Nothing was saved.',
    ar: 'keys.{key}.productId: الصنف {id} ليس صنفًا فعالًا في قائمة الأصناف. لم يُحفظ شيء.',
  },
} as const satisfies Record<string, CatalogText>;
