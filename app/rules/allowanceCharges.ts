// SPDX-License-Identifier: UNLICENSED
// Allowances and charges at document and line level (not price level, see lines.ts): presence of amount,
// category and reason, their decimals, percentage arithmetic and the indicator's format. SCH-3.4.6 ids.
import type { XmlElement } from 'libxml2-wasm';
import { Decimal } from '../money/decimal';
import type { Finding } from '../findings/finding';
import { digitsAfterPoint, parseXsdDecimal } from './amounts';
import { CHARGE_REASON_CODES_TEXT } from './codeLists';
import { error, q, warning, type RuleContext } from './ruleContext';
import { charLength, elements, exists, first, norm, parseXsdBoolean, text } from './xmlQuery';

const HUNDRED = Decimal.fromInt(100);

interface Level {
  readonly allowances: XmlElement[];
  readonly charges: XmlElement[];
}

function split(list: XmlElement[]): Level {
  return {
    allowances: list.filter((ac) => parseXsdBoolean(text(ac, 'cbc:ChargeIndicator')) === false),
    charges: list.filter((ac) => parseXsdBoolean(text(ac, 'cbc:ChargeIndicator')) === true),
  };
}

function decimals(out: Finding[], ac: XmlElement, rule: string, field: 'cbc:Amount' | 'cbc:BaseAmount', what: string): void {
  const el = first(ac, field);
  if (el && digitsAfterPoint(el.content) > 2) out.push(warning(rule, `The ${what} ${el.content} has more than 2 decimals.`, el));
}

function reasonLength(out: Finding[], ac: XmlElement, rule: string, what: string): void {
  const el = first(ac, 'cbc:AllowanceChargeReason');
  if (el && (charLength(el.content) < 1 || charLength(el.content) > 1000)) {
    out.push(warning(rule, `The ${what} has ${charLength(el.content)} characters; it must have 1 to 1000.`, el));
  }
}

/**
 * Document level: BR-31/32 (CEN, errors) and BR-DEC-01/02 for allowances; BR-36/37 (CEN, warnings) and
 * BR-DEC-05/06 for charges; BR-KSA-19/21 (warnings, charge reason code and text), BR-KSA-F-06-C33/C35 (warnings).
 */
export function checkDocumentAllowanceCharges(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { allowances, charges } = split(elements(ctx.root, 'cac:AllowanceCharge'));
  for (const ac of allowances) {
    if (!exists(ac, 'cbc:Amount')) out.push(error('BR-31', 'A document level allowance has no cbc:Amount (BT-92).', ac));
    if ((text(ac, "cac:TaxCategory[cac:TaxScheme[translate(normalize-space(cbc:ID), 'vat', 'VAT') = 'VAT']]/cbc:ID") ?? '') === '') {
      out.push(error('BR-32', 'A document level allowance has no VAT category cac:TaxCategory/cbc:ID (BT-95).', ac));
    }
    decimals(out, ac, 'BR-DEC-01', 'cbc:Amount', 'document level allowance amount (BT-92)');
    decimals(out, ac, 'BR-DEC-02', 'cbc:BaseAmount', 'document level allowance base amount (BT-93)');
    reasonLength(out, ac, 'BR-KSA-F-06-C35', 'document level allowance reason (BT-97)');
  }
  for (const ac of charges) {
    if (!exists(ac, 'cbc:Amount')) out.push(warning('BR-36', 'A document level charge has no cbc:Amount (BT-99).', ac));
    if (!exists(ac, 'cac:TaxCategory/cbc:ID')) out.push(warning('BR-37', 'A document level charge has no VAT category cac:TaxCategory/cbc:ID (BT-102).', ac));
    decimals(out, ac, 'BR-DEC-05', 'cbc:Amount', 'document level charge amount (BT-99)');
    decimals(out, ac, 'BR-DEC-06', 'cbc:BaseAmount', 'document level charge base amount (BT-100)');
    if (norm(text(ac, 'cbc:AllowanceChargeReasonCode')) === '') {
      out.push(warning('BR-KSA-19', 'A document level charge has no reason code cbc:AllowanceChargeReasonCode (BT-105).', ac));
    }
    if (norm(text(ac, 'cbc:AllowanceChargeReason')) === '') {
      out.push(warning('BR-KSA-21', 'A document level charge has no reason text cbc:AllowanceChargeReason (BT-104).', ac));
    }
    reasonLength(out, ac, 'BR-KSA-F-06-C33', 'document level charge reason (BT-104)');
  }
  return out;
}

/**
 * Line level: BR-41 (CEN, error) and BR-DEC-24/25 for allowances; BR-43 (CEN, warning) and BR-DEC-27/28 for
 * charges; BR-KSA-20/22 (warnings, charge reason code and text), BR-KSA-F-06-C34/C36 (warnings).
 */
export function checkLineAllowanceCharges(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const line of ctx.lines) {
    const { allowances, charges } = split(elements(line, 'cac:AllowanceCharge'));
    for (const ac of allowances) {
      if (!exists(ac, 'cbc:Amount')) out.push(error('BR-41', 'An invoice line allowance has no cbc:Amount (BT-136).', ac));
      decimals(out, ac, 'BR-DEC-24', 'cbc:Amount', 'invoice line allowance amount (BT-136)');
      decimals(out, ac, 'BR-DEC-25', 'cbc:BaseAmount', 'invoice line allowance base amount (BT-137)');
      reasonLength(out, ac, 'BR-KSA-F-06-C36', 'invoice line allowance reason (BT-139)');
    }
    for (const ac of charges) {
      if (!exists(ac, 'cbc:Amount')) out.push(warning('BR-43', 'An invoice line charge has no cbc:Amount (BT-141).', ac));
      decimals(out, ac, 'BR-DEC-27', 'cbc:Amount', 'invoice line charge amount (BT-141)');
      decimals(out, ac, 'BR-DEC-28', 'cbc:BaseAmount', 'invoice line charge base amount (BT-142)');
      if (norm(text(ac, 'cbc:AllowanceChargeReasonCode')) === '') {
        out.push(warning('BR-KSA-20', 'An invoice line charge has no reason code cbc:AllowanceChargeReasonCode (BT-145).', ac));
      }
      if (norm(text(ac, 'cbc:AllowanceChargeReason')) === '') {
        out.push(warning('BR-KSA-22', 'An invoice line charge has no reason text cbc:AllowanceChargeReason (BT-144).', ac));
      }
      reasonLength(out, ac, 'BR-KSA-F-06-C34', 'invoice line charge reason (BT-144)');
    }
  }
  return out;
}

/**
 * Across levels: BR-KSA-F-02 (error, indicator is true/false), BR-KSA-CL-06 (warning, charge reason code list),
 * BR-KSA-DEC-01 (error, allowance percentage 0-100 with ≤2 decimals), BR-KSA-EN16931-03 (warning, amount =
 * base × percentage / 100), BR-KSA-EN16931-04/05 (warnings, base and percentage go together).
 */
export function checkAllowanceChargeArithmetic(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  for (const indicator of elements(root, '//cac:AllowanceCharge/cbc:ChargeIndicator')) {
    if (parseXsdBoolean(indicator.content) === undefined) {
      out.push(error('BR-KSA-F-02', `cbc:ChargeIndicator is ${q(indicator.content)}; it must be "true" (charge) or "false" (allowance).`, indicator));
    }
  }
  const nonPrice = elements(root, 'cac:AllowanceCharge | cac:InvoiceLine/cac:AllowanceCharge');
  const { allowances, charges } = split(nonPrice);
  for (const ac of charges) {
    const code = text(ac, 'cbc:AllowanceChargeReasonCode') ?? '';
    // contains() on the rule's list string, so this is a substring test like the validator's.
    if (!CHARGE_REASON_CODES_TEXT.includes(code)) {
      out.push(warning('BR-KSA-CL-06', `The charge reason code ${q(code)} is not in UNTDID 7161.`, first(ac, 'cbc:AllowanceChargeReasonCode') ?? ac));
    }
  }
  for (const ac of allowances) {
    const factor = first(ac, 'cbc:MultiplierFactorNumeric');
    if (factor && factor.content !== '') {
      const value = parseXsdDecimal(factor.content);
      if (!value || value.isNegative() || value.cmp(HUNDRED) > 0 || digitsAfterPoint(factor.content) > 2) {
        out.push(
          error(
            'BR-KSA-DEC-01',
            `The allowance percentage cbc:MultiplierFactorNumeric is ${q(factor.content)}; it must be 0.00 to 100.00 with at most 2 decimals, no % sign.`,
            factor,
          ),
        );
      }
    }
  }
  for (const ac of nonPrice) {
    const baseEl = first(ac, 'cbc:BaseAmount');
    const amountEl = first(ac, 'cbc:Amount');
    const factorEl = first(ac, 'cbc:MultiplierFactorNumeric');
    if (baseEl && amountEl && baseEl.content !== '' && amountEl.content !== '') {
      const base = parseXsdDecimal(baseEl.content);
      const value = parseXsdDecimal(amountEl.content);
      const factor = parseXsdDecimal(factorEl?.content);
      const expected = base && factor ? base.mul(factor).div(HUNDRED, 2) : undefined;
      if (value && base && (!expected || !value.round(2).eq(expected))) {
        out.push(
          warning(
            'BR-KSA-EN16931-03',
            `The allowance/charge cbc:Amount is ${amountEl.content} but cbc:BaseAmount ${baseEl.content} × cbc:MultiplierFactorNumeric ${q(factorEl?.content)} / 100 ${expected ? `= ${expected}` : 'cannot be computed'}.`,
            amountEl,
          ),
        );
      }
    }
    if (baseEl && !factorEl) {
      out.push(warning('BR-KSA-EN16931-05', 'An allowance/charge gives cbc:BaseAmount without the percentage cbc:MultiplierFactorNumeric.', baseEl));
    }
  }
  for (const factorEl of elements(root, '//cac:AllowanceCharge/cbc:MultiplierFactorNumeric')) {
    if (!exists(factorEl, '../cbc:BaseAmount')) {
      out.push(warning('BR-KSA-EN16931-04', 'An allowance/charge gives the percentage cbc:MultiplierFactorNumeric without cbc:BaseAmount.', factorEl));
    }
  }
  return out;
}
