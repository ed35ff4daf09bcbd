// SPDX-License-Identifier: UNLICENSED
// Refusals of the catalog's data rules (docs/catalog.md): scale-label layouts and labels, product units and their
// quantities, the numbers of a CSV import, the open cart kept in main (texts and conventions: app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const CATALOG_DATA_CODES = {
  // ── scale labels (app/catalog/scaleBarcode.ts) ──
  'scale.layout-shape': {
    en: 'Scale label layout {layout} ("{pattern}") is not a layout: write the 12 digits before the check digit, with literal digits, "." for each item-code digit and one {N…D…} group for the value, e.g. 21.....{NNDDD}.',
    ar: 'تخطيط ملصق الميزان رقم {layout} ("{pattern}") غير صالح: اكتب الخانات الاثنتي عشرة التي تسبق رقم التحقق، بأرقام ثابتة، و"." لكل خانة من رمز الصنف، ومجموعة واحدة {N…D…} للقيمة، مثل 21.....{NNDDD}.',
  },
  'scale.layout-prefix': {
    en: 'Scale label layout {layout} ("{pattern}") must start with a prefix from 20 to 29, the numbers GS1 leaves to shops.',
    ar: 'يجب أن يبدأ تخطيط ملصق الميزان رقم {layout} ("{pattern}") ببادئة من 20 إلى 29، وهي الأرقام التي تتركها GS1 للمتاجر.',
  },
  'scale.layout-decimals': {
    en: 'Scale label layout {layout} ("{pattern}") has more than {max} decimals (D) for its kind: weights are in grams (3), prices in halalas (2).',
    ar: 'تخطيط ملصق الميزان رقم {layout} ("{pattern}") فيه أكثر من {max} خانات عشرية (D) لنوعه: الأوزان بالغرام (3) والأسعار بالهللة (2).',
  },
  'scale.layout-overlap': {
    en: 'Scale label layouts {first} and {second} both claim the labels starting with {prefix}: give each its own prefix.',
    ar: 'تخطيطا ملصق الميزان رقم {first} ورقم {second} يطالبان كلاهما بالملصقات التي تبدأ بـ {prefix}: اجعل لكل منهما بادئة خاصة.',
  },
  'scale.check-digit': {
    en: 'The scale label {barcode} was misread (its check digit is wrong): scan it again or type it.',
    ar: 'قُرئ ملصق الميزان {barcode} خطأً (رقم التحقق غير صحيح): امسحه مرة أخرى أو اكتبه.',
  },
  'scale.zero-value': {
    en: 'The scale label {barcode} carries a weight or price of zero: weigh the item again.',
    ar: 'ملصق الميزان {barcode} يحمل وزنًا أو سعرًا صفريًا: أعد وزن الصنف.',
  },
  'scale.weight-for-unit': {
    en: "The scale label {barcode} is a weight, but {product} is sold by the {unit}: set the product's unit to kg or g, or fix the label layout.",
    ar: 'ملصق الميزان {barcode} يحمل وزنًا، لكن الصنف {product} يباع بوحدة {unit}: اجعل وحدة الصنف كجم أو جم، أو صحح تخطيط الملصق.',
  },
  'scale.unknown-item': {
    en: 'No product carries the item code of the scale label {barcode} (its product barcode would be {productBarcode}).',
    ar: 'لا يوجد صنف يحمل رمز الصنف في ملصق الميزان {barcode} (باركود الصنف المتوقع {productBarcode}).',
  },
  'scale.label-product': {
    en: 'Line {line}: the scale label {barcode} is not a label of this product.',
    ar: 'السطر {line}: ملصق الميزان {barcode} ليس ملصقًا لهذا الصنف.',
  },

  // ── units and quantities (app/catalog/units.ts) ──
  'unit.whole-quantity': {
    en: 'A quantity of {quantity} cannot be sold by the {unit}: this product is counted in whole units.',
    ar: 'لا يمكن بيع الكمية {quantity} بوحدة {unit}: هذا الصنف يُعد بوحدات كاملة.',
  },
  'unit.too-many-decimals': {
    en: 'A quantity of {quantity} has more than {decimals} decimals, the precision of {unit}.',
    ar: 'الكمية {quantity} فيها أكثر من {decimals} خانات عشرية، وهي دقة وحدة {unit}.',
  },

  // ── CSV numbers and units (app/catalog/csvNumbers.ts) ──
  'csv.number-ambiguous': {
    en: 'Row {row}, column {column}: "{value}" could mean {thousands} or {decimal}. Write it without a thousands separator: {thousands}, or {decimal} with the decimal separator of the rest of the file.',
    ar: 'الصف {row}، العمود {column}: القيمة "{value}" قد تعني {thousands} أو {decimal}. اكتبها دون فاصل الآلاف: {thousands}، أو {decimal} بفاصل الكسور العشرية المستخدم في باقي الملف.',
  },
  'csv.number': {
    en: 'Row {row}, column {column}: "{value}" is not a number such as 12{separator}50.',
    ar: 'الصف {row}، العمود {column}: "{value}" ليس رقمًا مثل 12{separator}50.',
  },
  'csv.number-separator': {
    en: 'Row {row}, column {column}: "{value}" uses "{found}" for decimals, but the rest of the file uses "{expected}".',
    ar: 'الصف {row}، العمود {column}: القيمة "{value}" تستخدم "{found}" للكسور العشرية، بينما يستخدم باقي الملف "{expected}".',
  },
  'csv.unit': {
    en: 'Row {row}, column {column}: "{value}" must be piece, kg, g or l.',
    ar: 'الصف {row}، العمود {column}: يجب أن تكون القيمة "{value}" إحدى الوحدات piece أو kg أو g أو l (حبة، كجم، جم، لتر).',
  },
  'csv.updates-by-barcode': {
    en: 'Barcode {barcode} belongs to the existing product {product}: this row will update it.',
    ar: 'الباركود {barcode} مسجل للصنف الموجود {product}: سيحدّث هذا الصف ذلك الصنف.',
  },
  'csv.updates-by-name': {
    en: 'The existing product {product} has this name and no barcode is given: this row will update it.',
    ar: 'الصنف الموجود {product} يحمل هذا الاسم ولم يُذكر باركود: سيحدّث هذا الصف ذلك الصنف.',
  },
  'csv.duplicate-name': {
    en: '"{name}" will be a new product, but the existing product {product} has the same name: check that it is not the same item.',
    ar: '"{name}" سيكون صنفًا جديدًا، لكن الصنف الموجود {product} يحمل الاسم نفسه: تأكد أنه ليس الصنف نفسه.',
  },
  'csv.name-repeated': {
    en: '"{name}" is also the name on line {line} of the file.',
    ar: '"{name}" هو أيضًا الاسم في السطر {line} من الملف.',
  },

  // ── API input (app/contract/catalogApi.ts) ──
  'input.unit': {
    en: 'The unit must be piece, kg, g or l.',
    ar: 'يجب أن تكون الوحدة piece أو kg أو g أو l (حبة، كجم، جم، لتر).',
  },
  'input.scale-kind': {
    en: 'A scale label layout is for a weight or a price.',
    ar: 'تخطيط ملصق الميزان يكون لوزن أو لسعر.',
  },
} as const satisfies Record<string, CatalogText>;
