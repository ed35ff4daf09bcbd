// SPDX-License-Identifier: UNLICENSED
// Document totals (reference §7.6): cac:LegalMonetaryTotal against the lines, allowances, charges and the VAT
// breakdown (BR-CO-10..16, CEN file of SCH-3.4.6), presence (BR-13/14/15/16, BR-53) and decimals (BR-DEC-09..18).
// Every comparison is exact decimal arithmetic with XPath round() (halves toward +infinity) where the rule rounds.
import type { XmlElement } from 'libxml2-wasm';
import { Decimal } from '../money/decimal';
import type { Finding } from '../findings/finding';
import { amount, digitsAfterPoint, parseXsdDecimal, round2, sum } from './amounts';
import { error, q, warning, type RuleContext } from './ruleContext';
import { attr, elements, exists, first, norm, parseXsdBoolean, text } from './xmlQuery';

const LMT = 'cac:LegalMonetaryTotal';

function docAllowanceCharges(ctx: RuleContext, charge: boolean): XmlElement[] {
  return elements(ctx.root, 'cac:AllowanceCharge').filter((ac) => parseXsdBoolean(text(ac, 'cbc:ChargeIndicator')) === charge);
}

const show = (d: Decimal | undefined, raw?: string) => (d ? d.toString() : q(raw));

/** BR-CO-10 (warning), BR-CO-11/12 (errors), BR-CO-13 (warning), BR-CO-16 (warning), BR-13 (warning), BR-14/15 (errors). */
export function checkMonetaryTotals(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const lmt = first(ctx.root, LMT);
  if (!lmt) return out; // XSD: LegalMonetaryTotal is mandatory
  const field = (name: string) => first(lmt, `cbc:${name}`);
  const value = (name: string) => parseXsdDecimal(field(name)?.content);

  if (!field('TaxExclusiveAmount')) out.push(warning('BR-13', 'cac:LegalMonetaryTotal has no cbc:TaxExclusiveAmount (BT-109).', lmt));
  if (!field('TaxInclusiveAmount')) out.push(error('BR-14', 'cac:LegalMonetaryTotal has no cbc:TaxInclusiveAmount (BT-112).', lmt));
  if (!field('PayableAmount')) out.push(error('BR-15', 'cac:LegalMonetaryTotal has no cbc:PayableAmount (BT-115).', lmt));

  const lineSum = sum(ctx.lines.map((l) => amount(l, 'cbc:LineExtensionAmount')));
  const lineTotal = value('LineExtensionAmount');
  if (!lineTotal || !lineTotal.eq(round2(lineSum))) {
    out.push(
      warning(
        'BR-CO-10',
        `cac:LegalMonetaryTotal/cbc:LineExtensionAmount is ${show(lineTotal, field('LineExtensionAmount')?.content)} but the ${ctx.lines.length} line net amounts add up to ${round2(lineSum)}.`,
        field('LineExtensionAmount') ?? lmt,
      ),
    );
  }

  const allowances = docAllowanceCharges(ctx, false);
  const allowanceSum = round2(sum(allowances.map((ac) => amount(ac, 'cbc:Amount'))));
  const allowanceTotal = value('AllowanceTotalAmount');
  if (!(allowanceTotal?.eq(allowanceSum) || (!field('AllowanceTotalAmount') && allowances.length === 0))) {
    out.push(
      error(
        'BR-CO-11',
        `cbc:AllowanceTotalAmount is ${show(allowanceTotal, field('AllowanceTotalAmount')?.content)} but the ${allowances.length} document level allowance(s) add up to ${allowanceSum}.`,
        field('AllowanceTotalAmount') ?? lmt,
      ),
    );
  }

  const charges = docAllowanceCharges(ctx, true);
  const chargeSum = round2(sum(charges.map((ac) => amount(ac, 'cbc:Amount'))));
  const chargeEl = field('ChargeTotalAmount');
  const chargeTotal = value('ChargeTotalAmount');
  const chargeEmpty = chargeEl !== undefined && norm(chargeEl.content) === '';
  if (chargeEmpty || !(chargeTotal?.eq(chargeSum) || (!chargeEl && charges.length === 0))) {
    out.push(
      error(
        'BR-CO-12',
        `cbc:ChargeTotalAmount is ${show(chargeTotal, chargeEl?.content)} but the ${charges.length} document level charge(s) add up to ${chargeSum}.`,
        chargeEl ?? lmt,
      ),
    );
  }

  // BR-CO-13 as SCH-3.4.6 evaluates it: with an allowance or charge total, Σ line nets (not BT-106) ± those
  // totals, rounded; with neither, TaxExclusiveAmount must equal LineExtensionAmount exactly.
  const exclusive = value('TaxExclusiveAmount');
  const hasA = field('AllowanceTotalAmount') !== undefined;
  const hasC = chargeEl !== undefined;
  let expectedExclusive: Decimal | undefined;
  let explanation: string;
  if (!hasA && !hasC) {
    expectedExclusive = lineTotal;
    explanation = `cbc:LineExtensionAmount ${show(lineTotal, field('LineExtensionAmount')?.content)}`;
  } else {
    const a = hasA ? allowanceTotal : undefined;
    const c = hasC ? chargeTotal : undefined;
    const operandsOk = (!hasA || a !== undefined) && (!hasC || c !== undefined);
    expectedExclusive = operandsOk ? round2(lineSum.add(c ?? Decimal.ZERO).sub(a ?? Decimal.ZERO)) : undefined;
    explanation = `the line nets ${lineSum}${hasC ? ` + ChargeTotalAmount ${show(c, chargeEl?.content)}` : ''}${hasA ? ` − AllowanceTotalAmount ${show(a, field('AllowanceTotalAmount')?.content)}` : ''}`;
  }
  if (chargeEmpty || !exclusive || !expectedExclusive || !exclusive.eq(expectedExclusive)) {
    out.push(
      warning(
        'BR-CO-13',
        `cbc:TaxExclusiveAmount is ${show(exclusive, field('TaxExclusiveAmount')?.content)} but ${explanation}${expectedExclusive ? ` = ${expectedExclusive}` : ''}.`,
        field('TaxExclusiveAmount') ?? lmt,
      ),
    );
  }

  // BR-CO-16: PayableAmount − PayableRoundingAmount = TaxInclusiveAmount − PrepaidAmount (absent terms are 0).
  const payable = value('PayableAmount');
  const inclusive = value('TaxInclusiveAmount');
  const prepaid = field('PrepaidAmount') ? value('PrepaidAmount') : Decimal.ZERO;
  const rounding = field('PayableRoundingAmount') ? value('PayableRoundingAmount') : Decimal.ZERO;
  if (payable && inclusive && prepaid && rounding && !round2(payable.sub(rounding)).eq(round2(inclusive.sub(prepaid)))) {
    out.push(
      warning(
        'BR-CO-16',
        `cbc:PayableAmount is ${payable} but TaxInclusiveAmount ${inclusive} − PrepaidAmount ${prepaid} + PayableRoundingAmount ${rounding} = ${round2(inclusive.sub(prepaid)).add(rounding)}.`,
        field('PayableAmount'),
      ),
    );
  }

  for (const [rule, name, what] of [
    ['BR-DEC-09', 'LineExtensionAmount', 'sum of line net amounts (BT-106)'],
    ['BR-DEC-10', 'AllowanceTotalAmount', 'sum of allowances (BT-107)'],
    ['BR-DEC-11', 'ChargeTotalAmount', 'sum of charges (BT-108)'],
    ['BR-DEC-12', 'TaxExclusiveAmount', 'total without VAT (BT-109)'],
    ['BR-DEC-14', 'TaxInclusiveAmount', 'total with VAT (BT-112)'],
    ['BR-DEC-16', 'PrepaidAmount', 'prepaid amount (BT-113)'],
    ['BR-DEC-17', 'PayableRoundingAmount', 'rounding amount (BT-114)'],
    ['BR-DEC-18', 'PayableAmount', 'amount due (BT-115)'],
  ] as const) {
    const el = field(name);
    if (el && digitsAfterPoint(el.content) > 2) out.push(warning(rule, `cbc:${name}, the ${what}, is ${el.content}: more than 2 decimals.`, el));
  }
  return out;
}

/**
 * VAT totals: BR-CO-14 (error, a TaxTotal with subtotals equals their sum), BR-CO-15 (error, TaxInclusive =
 * TaxExclusive + Σ subtotal VAT, and a VAT total in the document currency exists), BR-DEC-13/15 (warnings),
 * BR-53 (warning, the SAR total is given), BR-16 (error, at least one line).
 */
export function checkTaxTotals(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  if (ctx.lines.length === 0) out.push(error('BR-16', 'The document has no cac:InvoiceLine (BG-25).', root));
  const taxTotals = elements(root, 'cac:TaxTotal');
  for (const tt of taxTotals) {
    const subs = elements(tt, 'cac:TaxSubtotal');
    if (subs.length === 0) continue;
    const subSum = round2(sum(subs.map((s) => amount(s, 'cbc:TaxAmount'))));
    const total = amount(tt, 'cbc:TaxAmount');
    if (!total || !total.eq(subSum)) {
      out.push(
        error(
          'BR-CO-14',
          `cac:TaxTotal/cbc:TaxAmount (BT-110) is ${show(total, text(tt, 'cbc:TaxAmount'))} but its ${subs.length} cac:TaxSubtotal VAT amount(s) add up to ${subSum}.`,
          first(tt, 'cbc:TaxAmount') ?? tt,
        ),
      );
    }
  }

  const lmt = first(root, 'cac:LegalMonetaryTotal');
  const inclusive = lmt ? amount(lmt, 'cbc:TaxInclusiveAmount') : undefined;
  const exclusive = lmt ? amount(lmt, 'cbc:TaxExclusiveAmount') : undefined;
  const vatSum = sum(elements(root, 'cac:TaxTotal/cac:TaxSubtotal').map((s) => amount(s, 'cbc:TaxAmount')));
  const docCurrency = text(root, 'cbc:DocumentCurrencyCode');
  const inDocCurrency = docCurrency === undefined || elements(root, 'cac:TaxTotal/cbc:TaxAmount').some((t) => attr(t, 'currencyID') === docCurrency);
  const expected = exclusive ? round2(exclusive.add(vatSum)) : undefined;
  if (!inDocCurrency) {
    out.push(
      error(
        'BR-CO-15',
        `No cac:TaxTotal/cbc:TaxAmount is in the document currency ${q(docCurrency)}; the invoice total VAT (BT-110) must be given in it.`,
        root,
      ),
    );
  } else if (!inclusive || !expected || !inclusive.eq(expected)) {
    out.push(
      error(
        'BR-CO-15',
        `cbc:TaxInclusiveAmount is ${show(inclusive, lmt ? text(lmt, 'cbc:TaxInclusiveAmount') : undefined)} but TaxExclusiveAmount ${show(exclusive, lmt ? text(lmt, 'cbc:TaxExclusiveAmount') : undefined)} + VAT ${vatSum}${expected ? ` = ${expected}` : ''}.`,
        (lmt && first(lmt, 'cbc:TaxInclusiveAmount')) ?? lmt ?? root,
        'The total with VAT must equal the total without VAT plus the sum of the category VAT amounts, to the cent.',
      ),
    );
  }

  const taxCurrency = text(root, 'cbc:TaxCurrencyCode');
  for (const t of elements(root, 'cac:TaxTotal/cbc:TaxAmount')) {
    const currency = attr(t, 'currencyID');
    if (digitsAfterPoint(t.content) > 2) {
      if (currency === docCurrency) out.push(warning('BR-DEC-13', `The invoice total VAT (BT-110) ${t.content} has more than 2 decimals.`, t));
      if (currency === taxCurrency)
        out.push(warning('BR-DEC-15', `The invoice total VAT in accounting currency (BT-111) ${t.content} has more than 2 decimals.`, t));
    }
  }
  if (taxCurrency !== undefined) {
    const plain = elements(root, 'cac:TaxTotal[not(cac:TaxSubtotal)]');
    const bad = plain.find((tt) => !exists(tt, 'cbc:TaxAmount') || elements(tt, 'cbc:TaxAmount').some((t) => attr(t, 'currencyID') !== taxCurrency));
    if (bad) {
      out.push(
        warning('BR-53', `With cbc:TaxCurrencyCode ${q(taxCurrency)}, the VAT total without subtotals (BT-111) must give cbc:TaxAmount in that currency.`, bad),
      );
    }
  }
  return out;
}
