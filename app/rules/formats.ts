// SPDX-License-Identifier: UNLICENSED
// Value formats that cut across the document: non-negative amounts and quantities (BR-KSA-F-04), currencyID
// attributes (BR-KSA-CL-02, BR-CL-03) and country codes (BR-CL-14). Element lists are SCH-3.4.6's.
import type { Finding } from '../findings/finding';
import { parseXsdDecimal } from './amounts';
import { COUNTRIES, CURRENCIES } from './codeLists';
import { error, q, warning, type RuleContext } from './ruleContext';
import { attr, elements, norm } from './xmlQuery';

const NON_NEGATIVE = [
  "cac:TaxTotal/cac:TaxSubtotal[normalize-space(cac:TaxCategory/cbc:ID) != 'O']/cbc:TaxableAmount",
  'cac:AllowanceCharge/cbc:Amount',
  'cac:AllowanceCharge/cbc:BaseAmount',
  'cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount',
  'cac:LegalMonetaryTotal/cbc:LineExtensionAmount',
  'cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount',
  'cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount',
  'cac:LegalMonetaryTotal/cbc:AllowanceTotalAmount',
  'cac:LegalMonetaryTotal/cbc:ChargeTotalAmount',
  'cac:LegalMonetaryTotal/cbc:PrepaidAmount',
  'cac:TaxTotal/cbc:TaxAmount',
  'cac:InvoiceLine/cac:AllowanceCharge/cbc:Amount',
  'cac:InvoiceLine/cac:AllowanceCharge/cbc:BaseAmount',
  'cac:InvoiceLine/cac:TaxTotal/cbc:TaxAmount',
  'cac:InvoiceLine/cac:Price/cbc:PriceAmount',
  'cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cbc:Amount',
  'cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cbc:BaseAmount',
  'cac:InvoiceLine/cbc:InvoicedQuantity',
  'cac:InvoiceLine/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount',
  'cac:InvoiceLine/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount',
  'cac:TaxExchangeRate/cbc:CalculationRate',
].join(' | ');

// BR-KSA-CL-02's context: every amount except the VAT total without subtotals (BT-111, in SAR).
const SAME_CURRENCY = [
  '//cbc:Amount',
  '//cbc:BaseAmount',
  'cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount',
  'cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount',
  '//cbc:LineExtensionAmount',
  '//cbc:PriceAmount',
  '//cbc:TaxExclusiveAmount',
  '//cbc:TaxInclusiveAmount',
  '//cbc:AllowanceTotalAmount',
  '//cbc:ChargeTotalAmount',
  '//cbc:PrepaidAmount',
  '//cbc:PayableRoundingAmount',
  '//cbc:PayableAmount',
  '//cac:InvoiceLine/cac:TaxTotal/cbc:TaxAmount',
  '//cac:InvoiceLine/cac:TaxTotal/cbc:RoundingAmount',
  '//cac:InvoiceLine/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount',
  '//cac:InvoiceLine/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount',
].join(' | ');

const ANY_AMOUNT = [
  'Amount',
  'BaseAmount',
  'PriceAmount',
  'TaxAmount',
  'TaxableAmount',
  'LineExtensionAmount',
  'TaxExclusiveAmount',
  'TaxInclusiveAmount',
  'AllowanceTotalAmount',
  'ChargeTotalAmount',
  'PrepaidAmount',
  'PayableRoundingAmount',
  'PayableAmount',
]
  .map((name) => `//cbc:${name}`)
  .join(' | ');

/** BR-KSA-F-04 (error): amounts and quantities are positive; credit notes carry positive amounts too (§7.6). */
export function checkNonNegative(ctx: RuleContext): Finding[] {
  return elements(ctx.root, NON_NEGATIVE)
    .filter((el) => el.content !== '')
    .filter((el) => {
      const value = parseXsdDecimal(el.content);
      return !value || value.isNegative();
    })
    .map((el) =>
      error(
        'BR-KSA-F-04',
        `cbc:${el.name} is ${q(el.content)}; amounts and quantities must be zero or positive.`,
        el,
        ctx.isNote ? 'Credit and debit notes state positive amounts; the type code gives the direction.' : undefined,
      ),
    );
}

/** BR-KSA-CL-02 (error): currencyID equals the document currency; BR-CL-03 (CEN, error): currencyID is ISO 4217. */
export function checkCurrencyIds(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const doc = ctx.documentCurrency;
  for (const el of elements(ctx.root, SAME_CURRENCY)) {
    const currency = attr(el, 'currencyID');
    // SCH-3.4.6 tests matches(normalize-space(DocumentCurrencyCode), @currencyID); for codes that is containment.
    if (!currency || !doc.includes(currency)) {
      out.push(
        error(
          'BR-KSA-CL-02',
          `cbc:${el.name} has currencyID ${q(currency)}; amounts must use the document currency ${q(doc)} (only the SAR VAT total BT-111 may differ).`,
          el,
        ),
      );
    }
  }
  for (const el of elements(ctx.root, ANY_AMOUNT)) {
    const currency = attr(el, 'currencyID');
    if (currency && !CURRENCIES.has(norm(currency))) out.push(error('BR-CL-03', `cbc:${el.name} has currencyID ${q(currency)}, which is not ISO 4217.`, el));
  }
  return out;
}

/** BR-CL-14 (CEN, warning): country codes are ISO 3166-1 alpha-2. */
export function checkCountryCodes(ctx: RuleContext): Finding[] {
  return elements(ctx.root, '//cac:Country/cbc:IdentificationCode')
    .filter((el) => !COUNTRIES.has(norm(el.content)))
    .map((el) => warning('BR-CL-14', `The country code ${q(el.content)} is not ISO 3166-1 alpha-2.`, el));
}
