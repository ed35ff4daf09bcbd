// SPDX-License-Identifier: UNLICENSED
// Invoice line rules (reference §7.5): identifiers and names, quantities and prices, the line net amount
// (BR-KSA-EN16931-11 with its truncation and ±0.01 tolerance), line VAT fields (BR-KSA-51/52/53, DEC-03/04) and
// the price discount (BR-KSA-EN16931-06/07/12). Ids, severities, guards: SCH-3.4.6.
import type { XmlElement } from 'libxml2-wasm';
import { Decimal } from '../money/decimal';
import type { Finding } from '../findings/finding';
import { amount, CENT, digitsAfterPoint, floorTo, parseXsdDecimal, round2, sum } from './amounts';
import { error, q, warning, type RuleContext } from './ruleContext';
import { attr, charLength, elements, exists, first, parseXsdBoolean, text } from './xmlQuery';

function lineLabel(line: XmlElement): string {
  return `Invoice line ${q(text(line, 'cbc:ID'))}`;
}

/**
 * Line structure: BR-KSA-F-06-C17 (error), BR-21 (warning), BR-22/24/26 (errors), BR-25 (warning), BR-CO-04
 * (error), BR-DEC-23, BR-KSA-F-06-C18/C19/C20/C21/C30/C31 and BR-KSA-F-C-01 (warnings). BR-2x, BR-CO-04 and
 * BR-DEC-23 are CEN.
 */
export function checkLineStructure(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const line of ctx.lines) {
    const label = lineLabel(line);
    const idEl = first(line, 'cbc:ID');
    if (idEl && (charLength(idEl.content) > 6 || charLength(idEl.content) < 1)) {
      out.push(
        error(
          'BR-KSA-F-06-C17',
          `${label}: the line id cbc:ID (BT-126) has ${charLength(idEl.content)} characters; it must have 1 to 6.`,
          idEl,
          'Number lines 1, 2, 3…',
        ),
      );
    }
    if (!idEl || idEl.content === '') out.push(warning('BR-21', `${label}: the line has no identifier cbc:ID (BT-126).`, line));
    const qty = first(line, 'cbc:InvoicedQuantity');
    if (!qty || qty.content === '0')
      out.push(error('BR-22', `${label}: cbc:InvoicedQuantity (BT-129) is ${q(qty?.content)}; each line needs an invoiced quantity.`, qty ?? line));
    const netEl = first(line, 'cbc:LineExtensionAmount');
    if (!netEl) out.push(error('BR-24', `${label}: the line net amount cbc:LineExtensionAmount (BT-131) is missing.`, line));
    if (netEl && digitsAfterPoint(netEl.content) > 2) {
      out.push(warning('BR-DEC-23', `${label}: the line net amount ${netEl.content} has more than 2 decimals.`, netEl));
    }
    const name = text(line, 'cac:Item/cbc:Name');
    if (!name) out.push(warning('BR-25', `${label}: the item name cac:Item/cbc:Name (BT-153) is missing or empty.`, line));
    if (!exists(line, 'cac:Price/cbc:PriceAmount'))
      out.push(error('BR-26', `${label}: the item net price cac:Price/cbc:PriceAmount (BT-146) is missing.`, line));
    if (!exists(line, "cac:Item/cac:ClassifiedTaxCategory[cac:TaxScheme[translate(normalize-space(cbc:ID), 'vat', 'VAT') = 'VAT']]/cbc:ID")) {
      out.push(error('BR-CO-04', `${label}: the item has no VAT category cac:Item/cac:ClassifiedTaxCategory/cbc:ID (BT-151).`, line));
    }
    const unit = attr(qty, 'unitCode');
    if (unit !== undefined && charLength(unit) > 127) {
      out.push(warning('BR-KSA-F-06-C18', `${label}: the quantity unitCode has ${charLength(unit)} characters; the maximum is 127.`, qty));
    }
    if (name !== undefined && exists(line, 'cac:Item/cbc:Name')) {
      const length = charLength(name);
      if (length < 3 || length > 1000) {
        out.push(
          warning('BR-KSA-F-06-C19', `${label}: the item name ${q(name)} has ${length} characters; it must have 3 to 1000.`, first(line, 'cac:Item/cbc:Name')),
        );
      }
      if (/^\p{Nd}+$/u.test(name)) {
        out.push(
          warning(
            'BR-KSA-F-C-01',
            `${label}: the item name ${q(name)} is only digits; give a clear description of the goods (VAT Regulations, Article 53).`,
            first(line, 'cac:Item/cbc:Name'),
          ),
        );
      }
    }
    for (const [rule, path, what] of [
      ['BR-KSA-F-06-C20', 'cac:Item/cac:StandardItemIdentification/cbc:ID', 'item standard identifier (BT-157)'],
      ['BR-KSA-F-06-C30', 'cac:Item/cac:BuyersItemIdentification/cbc:ID', "item buyer's identifier (BT-156)"],
      ['BR-KSA-F-06-C31', 'cac:Item/cac:SellersItemIdentification/cbc:ID', "item seller's identifier (BT-155)"],
    ] as const) {
      const el = first(line, path);
      if (el && charLength(el.content) > 127)
        out.push(warning(rule, `${label}: the ${what} has ${charLength(el.content)} characters; the maximum is 127.`, el));
    }
    const baseUnit = attr(first(line, 'cac:Price/cbc:BaseQuantity'), 'unitCode');
    if (baseUnit !== undefined && charLength(baseUnit) > 127) {
      out.push(
        warning(
          'BR-KSA-F-06-C21',
          `${label}: the base quantity unitCode has ${charLength(baseUnit)} characters; the maximum is 127.`,
          first(line, 'cac:Price/cbc:BaseQuantity'),
        ),
      );
    }
  }
  return out;
}

/**
 * BR-KSA-EN16931-11 (warning): line net = round2( trunc3(quantity × price / base quantity) + line charges − line
 * allowances ), and the validator also accepts that value ± 0.01. trunc3 is floor(x·1000)/1000 as in SCH-3.4.6.
 */
export function checkLineNetAmounts(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const line of ctx.lines) {
    const netEl = first(line, 'cbc:LineExtensionAmount');
    const net = parseXsdDecimal(netEl?.content);
    const qty = amount(line, 'cbc:InvoicedQuantity');
    const price = amount(line, 'cac:Price/cbc:PriceAmount');
    const hasBase = exists(line, 'cac:Price/cbc:BaseQuantity');
    const base = amount(line, 'cac:Price/cbc:BaseQuantity');
    const missing = [
      netEl ? undefined : 'cbc:LineExtensionAmount',
      qty ? undefined : 'cbc:InvoicedQuantity',
      price ? undefined : 'cac:Price/cbc:PriceAmount',
    ].filter((m): m is string => m !== undefined);
    if (missing.length > 0 || !net || !qty || !price || (hasBase && (!base || base.isZero()))) {
      // Absent operands make the schematron's comparison false, so the rule fires; unparsable ones abort it.
      if (missing.length > 0) {
        out.push(warning('BR-KSA-EN16931-11', `${lineLabel(line)}: the line net amount cannot be checked because ${missing.join(', ')} is missing.`, line));
      }
      continue;
    }
    const charges = sum(lineAllowanceCharges(line, true).map((ac) => amount(ac, 'cbc:Amount')));
    const allowances = sum(lineAllowanceCharges(line, false).map((ac) => amount(ac, 'cbc:Amount')));
    const gross = hasBase ? floorDiv(qty.mul(price), base!, 3) : floorTo(qty.mul(price), 3);
    const expected = round2(gross.add(charges).sub(allowances));
    if (net.sub(expected).abs().cmp(CENT) > 0) {
      const basis = hasBase ? `${qty} × ${price} / ${base}` : `${qty} × ${price}`;
      const adjustments = charges.isZero() && allowances.isZero() ? '' : ` + charges ${charges} − allowances ${allowances}`;
      out.push(
        warning(
          'BR-KSA-EN16931-11',
          `${lineLabel(line)}: cbc:LineExtensionAmount is ${netEl!.content} but ${basis} (truncated to ${gross})${adjustments} gives ${expected}; only ±0.01 is tolerated.`,
          netEl,
        ),
      );
    }
  }
  return out;
}

function lineAllowanceCharges(line: XmlElement, charge: boolean): XmlElement[] {
  return elements(line, 'cac:AllowanceCharge').filter((ac) => parseXsdBoolean(text(ac, 'cbc:ChargeIndicator')) === charge);
}

/** floor(a / b) at `scale` places, exactly (BR-KSA-EN16931-11 divides the price by the base quantity). */
function floorDiv(a: Decimal, b: Decimal, scale: number): Decimal {
  // a/b·10^scale = (ua·10^-sa)/(ub·10^-sb)·10^scale = ua·10^(sb-sa+scale) / ub
  const e = b.scale - a.scale + scale;
  let num = a.units * (e >= 0 ? 10n ** BigInt(e) : 1n);
  let den = b.units * (e < 0 ? 10n ** BigInt(-e) : 1n);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const quotient = num >= 0n ? num / den : -((-num + den - 1n) / den);
  return Decimal.fromUnits(quotient, scale);
}

/**
 * Line VAT fields: BR-KSA-51 (warning, any document: RoundingAmount = round2(LineExtensionAmount + TaxAmount)),
 * BR-KSA-DEC-03/04 (warnings), BR-KSA-52/53 (errors, standard documents only; simplified samples carry them
 * anyway, reference §7.5).
 */
export function checkLineVat(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const line of ctx.lines) {
    const label = lineLabel(line);
    const lineTaxAmount = first(line, 'cac:TaxTotal/cbc:TaxAmount');
    const lineRounding = first(line, 'cac:TaxTotal/cbc:RoundingAmount');
    if (lineTaxAmount && digitsAfterPoint(lineTaxAmount.content) > 2) {
      out.push(warning('BR-KSA-DEC-03', `${label}: the line VAT amount (KSA-11) ${lineTaxAmount.content} has more than 2 decimals.`, lineTaxAmount));
    }
    if (lineRounding && digitsAfterPoint(lineRounding.content) > 2) {
      out.push(warning('BR-KSA-DEC-04', `${label}: the line amount with VAT (KSA-12) ${lineRounding.content} has more than 2 decimals.`, lineRounding));
    }
    for (const taxTotal of elements(line, 'cac:TaxTotal')) {
      const vat = amount(taxTotal, 'cbc:TaxAmount');
      const withVat = amount(taxTotal, 'cbc:RoundingAmount');
      const net = amount(line, 'cbc:LineExtensionAmount');
      const expected = vat && net ? round2(vat.add(net)) : undefined;
      if (!withVat || !expected || !withVat.round(2).eq(expected)) {
        const shown = expected ? `${net} + ${vat} = ${expected}` : 'cannot be computed (an amount is missing)';
        out.push(
          warning(
            'BR-KSA-51',
            `${label}: the line amount with VAT cbc:RoundingAmount (KSA-12) is ${q(text(taxTotal, 'cbc:RoundingAmount'))}, but LineExtensionAmount + line TaxAmount ${shown}.`,
            first(taxTotal, 'cbc:RoundingAmount') ?? taxTotal,
          ),
        );
      }
    }
  }
  if (ctx.isStandard) {
    const noVat = ctx.lines.filter((l) => (text(l, 'cac:TaxTotal/cbc:TaxAmount') ?? '') === '');
    if (noVat.length > 0) {
      out.push(
        error(
          'BR-KSA-52',
          `A tax invoice (subtype 01) needs the line VAT amount cac:TaxTotal/cbc:TaxAmount (KSA-11) on every line; missing on ${noVat.map(lineLabel).join(', ')}.`,
          noVat[0],
        ),
      );
    }
    const noTotal = ctx.lines.filter((l) => (text(l, 'cac:TaxTotal/cbc:RoundingAmount') ?? '') === '');
    if (noTotal.length > 0) {
      out.push(
        error(
          'BR-KSA-53',
          `A tax invoice (subtype 01) needs the line amount with VAT cac:TaxTotal/cbc:RoundingAmount (KSA-12) on every line; missing on ${noTotal.map(lineLabel).join(', ')}.`,
          noTotal[0],
        ),
      );
    }
  }
  return out;
}

/**
 * Price: BR-KSA-EN16931-06 (error: a price-level AllowanceCharge must be an allowance), BR-KSA-EN16931-07 (error:
 * net price = gross price − price discount), BR-KSA-EN16931-12 (error: base quantity > 0).
 */
export function checkPrices(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const line of ctx.lines) {
    const label = lineLabel(line);
    for (const ac of elements(line, 'cac:Price/cac:AllowanceCharge')) {
      if (parseXsdBoolean(text(ac, 'cbc:ChargeIndicator')) === true) {
        out.push(
          error(
            'BR-KSA-EN16931-06',
            `${label}: cac:Price/cac:AllowanceCharge has cbc:ChargeIndicator ${q(text(ac, 'cbc:ChargeIndicator'))}; a charge on the price is not allowed, only a price discount (false).`,
            first(ac, 'cbc:ChargeIndicator'),
            'Put surcharges in the line cac:AllowanceCharge (before cac:TaxTotal) or into the price itself.',
          ),
        );
      }
      const baseEl = first(ac, 'cbc:BaseAmount');
      if (!baseEl) continue;
      const net = amount(line, 'cac:Price/cbc:PriceAmount');
      const gross = parseXsdDecimal(baseEl.content);
      const discount = amount(ac, 'cbc:Amount');
      if (!net || !gross || !discount || !net.eq(gross.sub(discount))) {
        out.push(
          error(
            'BR-KSA-EN16931-07',
            `${label}: the net price cbc:PriceAmount is ${q(text(line, 'cac:Price/cbc:PriceAmount'))} but gross price cbc:BaseAmount ${q(baseEl.content)} − discount cbc:Amount ${q(text(ac, 'cbc:Amount'))}${gross && discount ? ` = ${gross.sub(discount)}` : ''}.`,
            baseEl,
          ),
        );
      }
    }
    const baseQty = first(line, 'cac:Price/cbc:BaseQuantity');
    if (baseQty && baseQty.content !== '') {
      const value = parseXsdDecimal(baseQty.content);
      if (!value || value.cmp(Decimal.ZERO) <= 0) {
        out.push(
          error('BR-KSA-EN16931-12', `${label}: cac:Price/cbc:BaseQuantity (BT-149) is ${q(baseQty.content)}; it must be a number above zero.`, baseQty),
        );
      }
    }
  }
  return out;
}
