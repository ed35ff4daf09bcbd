// SPDX-License-Identifier: UNLICENSED
// Refusals about how a sale is paid beyond plain cash: the card's network label and store credit (its vouchers,
// issued by returns and redeemed at payment — docs/cash-control.md, "Tenders"). Texts and conventions:
// app/errors/catalog.ts. Every refusal changes nothing: a voucher is only used inside a committed sale.
import type { CatalogText } from '../catalogText';

export const TENDER_CODES = {
  'input.tender-method': {
    en: 'The payment method must be cash, card or store credit.',
    ar: 'يجب أن تكون طريقة الدفع نقدًا أو بطاقة أو رصيدًا في المتجر.',
  },
  'input.refund-method': {
    en: 'The refund must be in cash, to the card or as store credit.',
    ar: 'يجب أن يكون الاسترداد نقدًا أو إلى البطاقة أو رصيدًا في المتجر.',
  },
  'input.card-network': {
    en: 'The card network must be one of mada, visa, mastercard, amex or other.',
    ar: 'يجب أن تكون شبكة البطاقة إحدى: mada أو visa أو mastercard أو amex أو other.',
  },
  'input.network-not-card': {
    en: 'A card network can only be given on a card payment.',
    ar: 'لا تُحدَّد شبكة البطاقة إلا لدفعة بالبطاقة.',
  },
  'input.voucher-code': {
    en: 'A store-credit payment needs its voucher code: 4 to 20 letters and digits, as printed (e.g. SC-7K3M-9QXD).',
    ar: 'الدفع برصيد المتجر يحتاج رمز القسيمة: من 4 إلى 20 حرفًا ورقمًا كما هو مطبوع (مثل SC-7K3M-9QXD).',
  },
  'input.voucher-not-store-credit': {
    en: 'A voucher code can only be given on a store-credit payment.',
    ar: 'لا يُعطى رمز القسيمة إلا لدفعة برصيد المتجر.',
  },
  'store-credit.unknown-code': {
    en: 'Voucher code {code}: there is no store-credit voucher with this code on this till. Check it on the return receipt. Nothing was used.',
    ar: 'رمز القسيمة {code}: لا توجد قسيمة رصيد متجر بهذا الرمز في نقطة البيع هذه. تحقق منه في إيصال الإرجاع. لم يُستخدم شيء.',
  },
  'store-credit.exhausted': {
    en: 'Voucher code {code}: this store-credit voucher is used up (balance 0.00). Nothing was used.',
    ar: 'رمز القسيمة {code}: قسيمة رصيد المتجر هذه مستنفدة (الرصيد 0.00). لم يُستخدم شيء.',
  },
  'store-credit.above-balance': {
    en: 'Store-credit amount {amount}: more than the balance {balance} of voucher {code}; a voucher never goes below zero. Nothing was used.',
    ar: 'مبلغ رصيد المتجر {amount}: أكبر من رصيد القسيمة {code} وهو {balance}؛ لا ينزل رصيد القسيمة عن الصفر أبدًا. لم يُستخدم شيء.',
  },
  'store-credit.voucher-twice': {
    en: 'Voucher code {code}: this voucher is already a payment of this sale; change its amount instead.',
    ar: 'رمز القسيمة {code}: هذه القسيمة مستخدمة بالفعل في دفعة من هذا البيع؛ عدّل مبلغها بدلًا من ذلك.',
  },
  'store-credit.exceeds-total': {
    en: 'Card and store credit together ({amount}) are more than the total {total}: change is given only from cash.',
    ar: 'البطاقة ورصيد المتجر معًا ({amount}) أكثر من الإجمالي {total}: الباقي يُعطى من النقد فقط.',
  },
  'store-credit.standard-invoice': {
    en: 'Payment method: a tax invoice (B2B) is paid in cash or by card, not with store credit.',
    ar: 'طريقة الدفع: الفاتورة الضريبية (بين المنشآت) تُدفع نقدًا أو بالبطاقة، لا برصيد المتجر.',
  },
} as const satisfies Record<string, CatalogText>;
