// SPDX-License-Identifier: UNLICENSED
// VAT categories, rates and the VAT breakdown (reference §7.6, §7.7): category codes and rates (BR-KSA-18,
// BR-KSA-84, BR-KSA-DEC-02, BR-*-05/06/07, BR-KSA-11/12/13), the breakdown per category (BR-S-08, BR-Z/E/O-08/09,
// BR-CO-17/BR-S-09 with the validator's per-line tolerance), and exemption codes (BR-KSA-CL-04/69/23/24/83).
import type { XmlElement } from 'libxml2-wasm';
import { Decimal } from '../money/decimal';
import type { Finding } from '../findings/finding';
import { amount, CENT, digitsAfterPoint, floorTo, parseXsdDecimal, sum } from './amounts';
import { EXEMPTION_REASON_CODES, VAT_CATEGORIES } from './codeLists';
import { error, q, warning, type RuleContext } from './ruleContext';
import { charLength, elements, exists, first, norm, parseXsdBoolean, text } from './xmlQuery';

type Category = 'S' | 'Z' | 'E' | 'O';
const VAT_SCHEME = "cac:TaxScheme[translate(normalize-space(cbc:ID), 'vat', 'VAT') = 'VAT']";
const HUNDRED = Decimal.fromInt(100);
const NAMES: Record<Category, string> = { S: 'standard rated', Z: 'zero rated', E: 'exempt', O: 'not subject to VAT' };

const categoryOf = (el: XmlElement) => norm(text(el, 'cbc:ID'));
const label = (category: string) => (category in NAMES ? `${NAMES[category as Category]} (${category})` : `category ${q(category)}`);
const isVatScheme = (el: XmlElement) => exists(el, VAT_SCHEME);

/** Document-level subtotals: /Invoice/cac:TaxTotal/cac:TaxSubtotal. */
function subtotals(ctx: RuleContext): XmlElement[] {
  return elements(ctx.root, 'cac:TaxTotal/cac:TaxSubtotal');
}

function documentAllowanceCharges(ctx: RuleContext, charge: boolean): XmlElement[] {
  return elements(ctx.root, 'cac:AllowanceCharge').filter((ac) => parseXsdBoolean(text(ac, 'cbc:ChargeIndicator')) === charge);
}

/** BR-KSA-18 (error, S/Z/E/O only), BR-CL-18 (CEN, error, UNCL 5305), BR-KSA-DEC-02 (error, rate format). */
export function checkCategoryCodes(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  const ids = elements(
    root,
    'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID | cac:InvoiceLine/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID | cac:AllowanceCharge/cac:TaxCategory/cbc:ID | cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:ID',
  );
  for (const id of ids) {
    // BR-KSA-18 tests contains(' S Z E O ', .): a substring test, like the validator's.
    if (!' S Z E O '.includes(id.content)) {
      out.push(error('BR-KSA-18', `The VAT category code is ${q(id.content)}; KSA documents use S, Z, E or O.`, id));
    }
    if (!VAT_CATEGORIES.has(norm(id.content))) out.push(error('BR-CL-18', `The VAT category code ${q(id.content)} is not in UNCL 5305.`, id));
  }
  const percents = elements(
    root,
    '//cac:AllowanceCharge/cac:TaxCategory/cbc:Percent | //cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent | //cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent',
  );
  for (const p of percents) {
    if (norm(p.content) === '') continue;
    const value = parseXsdDecimal(p.content);
    if (!value || value.isNegative() || value.cmp(HUNDRED) > 0 || digitsAfterPoint(p.content) > 2 || p.content.includes('%')) {
      out.push(
        error(
          'BR-KSA-DEC-02',
          `The VAT rate cbc:Percent is ${q(p.content)}; it must be a number from 0.00 to 100.00 with at most 2 decimals, without a % sign.`,
          p,
        ),
      );
    }
  }
  return out;
}

/**
 * Rates per category: BR-KSA-84 (error, S is 15 or 5), BR-S-05 (warning), BR-S-06 (error), BR-S-07 (warning),
 * BR-Z-05/06/07 and BR-E-05/06/07 (errors, rate 0), BR-KSA-11 (error) and BR-KSA-12/13 (warnings) for O.
 */
export function checkCategoryRates(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  const rate = (cat: XmlElement) => parseXsdDecimal(text(cat, 'cbc:Percent'));
  const rateText = (cat: XmlElement) => q(text(cat, 'cbc:Percent'));

  const sCategories = elements(
    root,
    'cac:AllowanceCharge/cac:TaxCategory | cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory | cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory | cac:InvoiceLine/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory',
  ).filter((c) => categoryOf(c) === 'S' && isVatScheme(c) && exists(c, 'cbc:Percent'));
  for (const cat of sCategories) {
    const r = rate(cat);
    // SCH-3.4.6 accepts floor(number(Percent)) = 15 or Percent = 5.
    if (!r || !(floorTo(r, 0).eq(Decimal.fromInt(15)) || r.eq(Decimal.fromInt(5)))) {
      out.push(
        error(
          'BR-KSA-84',
          `A standard rated (S) VAT category has rate ${rateText(cat)}; the standard rate in Saudi Arabia is 15 (or 5 where the 5% rate applies).`,
          first(cat, 'cbc:Percent'),
        ),
      );
    }
  }

  const positive = (cat: XmlElement) => rate(cat)?.cmp(Decimal.ZERO) === 1;
  const zero = (cat: XmlElement) => rate(cat)?.isZero() === true;
  const lineCats = elements(root, 'cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory');
  const allowanceCats = documentAllowanceCharges(ctx, false).flatMap((ac) => elements(ac, 'cac:TaxCategory'));
  const chargeCats = documentAllowanceCharges(ctx, true).flatMap((ac) => elements(ac, 'cac:TaxCategory'));
  const where = { line: 'An invoice line item', allowance: 'A document level allowance', charge: 'A document level charge' };
  const table: [string, Finding['severity'], XmlElement[], Category, (c: XmlElement) => boolean, string, string][] = [
    ['BR-S-05', 'warning', lineCats, 'S', positive, where.line, 'greater than zero'],
    ['BR-S-06', 'error', allowanceCats, 'S', positive, where.allowance, 'greater than zero'],
    ['BR-S-07', 'warning', chargeCats, 'S', positive, where.charge, 'greater than zero'],
    ['BR-Z-05', 'error', lineCats, 'Z', zero, where.line, '0'],
    ['BR-Z-06', 'error', allowanceCats, 'Z', zero, where.allowance, '0'],
    ['BR-Z-07', 'error', chargeCats, 'Z', zero, where.charge, '0'],
    ['BR-E-05', 'error', lineCats, 'E', zero, where.line, '0'],
    ['BR-E-06', 'error', allowanceCats, 'E', zero, where.allowance, '0'],
    ['BR-E-07', 'error', chargeCats, 'E', zero, where.charge, '0'],
  ];
  for (const [rule, severity, cats, category, ok, who, want] of table) {
    for (const cat of cats.filter((c) => categoryOf(c) === category && isVatScheme(c))) {
      if (!ok(cat)) {
        const make = severity === 'error' ? error : warning;
        out.push(
          make(
            rule,
            `${who} in category ${category} (${NAMES[category]}) has VAT rate ${rateText(cat)}; it must be ${want}.`,
            first(cat, 'cbc:Percent') ?? cat,
          ),
        );
      }
    }
  }
  const nonZero = (cat: XmlElement) => {
    const r = rate(cat);
    return r !== undefined && !r.isZero();
  };
  for (const [rule, severity, cats, who] of [
    ['BR-KSA-11', 'error', lineCats, where.line],
    ['BR-KSA-12', 'warning', allowanceCats, where.allowance],
    ['BR-KSA-13', 'warning', chargeCats, where.charge],
  ] as const) {
    for (const cat of cats.filter((c) => categoryOf(c) === 'O' && nonZero(c))) {
      const make = severity === 'error' ? error : warning;
      out.push(make(rule, `${who} is not subject to VAT (O) but has VAT rate ${rateText(cat)}; the rate must be 0 if present.`, first(cat, 'cbc:Percent')));
    }
  }
  return out;
}

/**
 * The VAT breakdown (BG-23): BR-CO-18, BR-45/46/47/48 (CEN, errors), BR-DEC-19/20 (warnings), BR-S/Z/E/O-01
 * (warnings, a category used on a line or allowance needs a breakdown), BR-S-10 (warning).
 */
export function checkBreakdownStructure(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  const subs = subtotals(ctx);
  if (subs.length === 0) out.push(error('BR-CO-18', 'The document has no VAT breakdown cac:TaxTotal/cac:TaxSubtotal (BG-23).', root));
  for (const sub of subs) {
    const cat = first(sub, 'cac:TaxCategory');
    if (!exists(sub, 'cbc:TaxableAmount')) out.push(error('BR-45', 'A VAT breakdown has no cbc:TaxableAmount (BT-116).', sub));
    if (!exists(sub, 'cbc:TaxAmount')) out.push(error('BR-46', 'A VAT breakdown has no cbc:TaxAmount (BT-117).', sub));
    if (!exists(sub, `cac:TaxCategory[${VAT_SCHEME}]/cbc:ID`))
      out.push(error('BR-47', 'A VAT breakdown has no VAT category code cac:TaxCategory/cbc:ID (BT-118).', sub));
    if (!exists(sub, `cac:TaxCategory[${VAT_SCHEME}]/cbc:Percent`) && !(cat && categoryOf(cat) === 'O' && isVatScheme(cat))) {
      out.push(error('BR-48', 'A VAT breakdown has no VAT rate cac:TaxCategory/cbc:Percent (BT-119); only category O may omit it.', sub));
    }
    for (const [rule, field, what] of [
      ['BR-DEC-19', 'cbc:TaxableAmount', 'VAT category taxable amount (BT-116)'],
      ['BR-DEC-20', 'cbc:TaxAmount', 'VAT category tax amount (BT-117)'],
    ] as const) {
      const el = first(sub, field);
      if (el && digitsAfterPoint(el.content) > 2) out.push(warning(rule, `The ${what} ${el.content} has more than 2 decimals.`, el));
    }
    if (cat && categoryOf(cat) === 'S' && isVatScheme(cat) && (exists(cat, 'cbc:TaxExemptionReason') || exists(cat, 'cbc:TaxExemptionReasonCode'))) {
      out.push(warning('BR-S-10', 'A standard rated (S) VAT breakdown must not carry an exemption reason or reason code.', cat));
    }
  }
  for (const category of ['S', 'Z', 'E', 'O'] as const) {
    const used = elements(root, `//cac:AllowanceCharge/cac:TaxCategory[${VAT_SCHEME}] | //cac:ClassifiedTaxCategory[${VAT_SCHEME}]`).some(
      (c) => categoryOf(c) === category,
    );
    const broken = subs.some((s) => {
      const cat = first(s, `cac:TaxCategory[${VAT_SCHEME}]`);
      return cat !== undefined && categoryOf(cat) === category;
    });
    if (used && !broken) {
      out.push(
        warning(
          `BR-${category}-01`,
          `Items or allowances/charges are ${NAMES[category]} (${category}) but the VAT breakdown has no category ${category} subtotal.`,
          first(root, 'cac:TaxTotal[cac:TaxSubtotal]') ?? root,
        ),
      );
    }
  }
  return out;
}

interface CategoryBasis {
  readonly expected: Decimal;
  readonly used: boolean;
  readonly detail: string;
}

/** Σ line nets + document charges − document allowances of one category (BR-S/Z/E/O-08). */
function categoryBasis(ctx: RuleContext, category: Category): CategoryBasis {
  const lines = ctx.lines.filter((l) => elements(l, 'cac:Item/cac:ClassifiedTaxCategory').some((c) => categoryOf(c) === category));
  const inCategory = (ac: XmlElement) => elements(ac, 'cac:TaxCategory').some((c) => categoryOf(c) === category);
  const charges = documentAllowanceCharges(ctx, true).filter(inCategory);
  const allowances = documentAllowanceCharges(ctx, false).filter(inCategory);
  const lineSum = sum(lines.map((l) => amount(l, 'cbc:LineExtensionAmount')));
  const chargeSum = sum(charges.map((ac) => amount(ac, 'cbc:Amount')));
  const allowanceSum = sum(allowances.map((ac) => amount(ac, 'cbc:Amount')));
  const used =
    ctx.lines.some((l) => elements(l, `cac:Item/cac:ClassifiedTaxCategory[${VAT_SCHEME}]`).some((c) => categoryOf(c) === category)) ||
    elements(ctx.root, `cac:AllowanceCharge/cac:TaxCategory[${VAT_SCHEME}]`).some((c) => categoryOf(c) === category);
  return {
    expected: lineSum.add(chargeSum).sub(allowanceSum),
    used,
    detail: `${lines.length} line(s) ${lineSum} + charges ${chargeSum} − allowances ${allowanceSum}`,
  };
}

/**
 * Per category: BR-S-08 (the S subtotals of a TaxTotal together) and BR-Z/E/O-08 (each subtotal), warnings: the
 * taxable amount equals the category's line nets + charges − allowances, exactly. BR-Z-09/E-09/O-09 (errors):
 * no VAT on Z, E, O.
 */
export function checkCategoryTaxableAmounts(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const bases = new Map<Category, CategoryBasis>();
  const basis = (c: Category) => bases.get(c) ?? bases.set(c, categoryBasis(ctx, c)).get(c)!;
  for (const taxTotal of elements(ctx.root, 'cac:TaxTotal')) {
    const subs = elements(taxTotal, 'cac:TaxSubtotal');
    const sSubs = subs.filter((s) => {
      const cat = first(s, `cac:TaxCategory[${VAT_SCHEME}]`);
      return cat !== undefined && categoryOf(cat) === 'S';
    });
    if (sSubs.length > 0) {
      const b = basis('S');
      const taxable = sum(sSubs.map((s) => amount(s, 'cbc:TaxableAmount')));
      if (!b.used || !taxable.eq(b.expected)) {
        out.push(
          warning(
            'BR-S-08',
            `The standard rated (S) taxable amount is ${taxable} but the S ${b.detail} = ${b.expected}.`,
            first(sSubs[0]!, 'cbc:TaxableAmount') ?? sSubs[0],
          ),
        );
      }
    }
    for (const sub of subs) {
      const cat = first(sub, `cac:TaxCategory[${VAT_SCHEME}]`);
      const category = cat ? categoryOf(cat) : '';
      if (category !== 'Z' && category !== 'E' && category !== 'O') continue;
      const b = basis(category);
      const taxableEl = first(sub, 'cbc:TaxableAmount');
      const taxable = parseXsdDecimal(taxableEl?.content);
      if (!b.used || !taxable || !taxable.eq(b.expected)) {
        out.push(
          warning(
            `BR-${category}-08`,
            `The ${NAMES[category]} (${category}) taxable amount is ${q(taxableEl?.content)} but the ${category} ${b.detail} = ${b.expected}.`,
            taxableEl ?? sub,
          ),
        );
      }
      const taxEl = first(sub, 'cbc:TaxAmount');
      const tax = parseXsdDecimal(taxEl?.content);
      if (!tax || !tax.isZero()) {
        out.push(
          error(`BR-${category}-09`, `A ${NAMES[category]} (${category}) VAT breakdown has VAT amount ${q(taxEl?.content)}; it must be 0.`, taxEl ?? sub),
        );
      }
    }
  }
  return out;
}

/**
 * BR-CO-17 (every subtotal) and BR-S-09 (S subtotals), warnings: the category VAT equals taxable × rate / 100
 * rounded to 2 places, within ±0.01 × (number of invoice lines). SCH-3.4.6 computes the expected value in
 * binary floating point and rounds with format-number (half-even), so at an exact half cent it may land on either
 * neighbour; we accept both there and are exact everywhere else. A missing rate makes the check fail, as in
 * SCH-3.4.6 (NaN comparisons).
 */
export function checkCategoryTaxAmounts(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const tolerance = CENT.mul(Decimal.fromInt(ctx.lines.length));
  for (const sub of subtotals(ctx)) {
    const cat = first(sub, 'cac:TaxCategory');
    const category = cat ? categoryOf(cat) : '';
    const taxEl = first(sub, 'cbc:TaxAmount');
    const tax = parseXsdDecimal(taxEl?.content);
    const taxable = amount(sub, 'cbc:TaxableAmount');
    const rateEl = first(sub, `cac:TaxCategory[${VAT_SCHEME}]/cbc:Percent`);
    const rate = parseXsdDecimal(rateEl?.content);
    const window = taxable && rate ? acceptedWindow(taxable.mul(rate).div(HUNDRED, 6), tolerance) : undefined;
    const within = window && tax ? tax.cmp(window.low) >= 0 && tax.cmp(window.high) <= 0 : false;
    if (!within && tax) {
      const message = window
        ? `The ${label(category)} VAT amount is ${taxEl!.content} but ${taxable} × ${rate}% = ${window.expected}; with ${ctx.lines.length} line(s) the validator accepts ${window.low} to ${window.high}.`
        : `The ${label(category)} VAT amount ${taxEl!.content} cannot be checked against taxable amount × rate because ${rate ? 'the taxable amount' : 'the rate cbc:Percent'} is missing.`;
      out.push(warning('BR-CO-17', message, taxEl));
      if (category === 'S' && isVatScheme(cat!)) out.push(warning('BR-S-09', message, taxEl));
    } else if (tax && category === 'S' && cat && isVatScheme(cat) && norm(text(cat, 'cbc:Percent')) === '') {
      out.push(warning('BR-S-09', 'A standard rated VAT breakdown has no rate cbc:Percent.', cat));
    }
  }
  return out;
}

/** Expected VAT (half-up) and the accepted interval; both neighbours count as expected at an exact half cent. */
function acceptedWindow(exact: Decimal, tolerance: Decimal): { expected: Decimal; low: Decimal; high: Decimal } {
  const down = floorTo(exact, 2);
  const up = exact.round(2);
  const isHalfCent = exact.sub(down).eq(Decimal.fromUnits(5n, 3));
  const expected = up;
  return { expected, low: (isHalfCent ? down : up).sub(tolerance), high: up.add(tolerance) };
}

/**
 * Exemption reasons on Z/E/O breakdowns: BR-KSA-CL-04 (code from the category's list), BR-KSA-69/23/24 (code
 * present for Z/E/O), BR-KSA-83 (reason text with the code), BR-KSA-F-06-C16 (text length); all warnings.
 */
export function checkExemptionReasons(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const presence: Record<'Z' | 'E' | 'O', string> = { Z: 'BR-KSA-69', E: 'BR-KSA-23', O: 'BR-KSA-24' };
  for (const cat of elements(ctx.root, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory')) {
    const category = categoryOf(cat);
    if (category !== 'Z' && category !== 'E' && category !== 'O') continue;
    const codeEl = first(cat, 'cbc:TaxExemptionReasonCode');
    const code = codeEl ? norm(codeEl.content) : undefined;
    if (code === undefined || (code !== '' && !EXEMPTION_REASON_CODES[category].has(code))) {
      out.push(
        warning(
          'BR-KSA-CL-04',
          `The ${NAMES[category]} (${category}) breakdown has exemption reason code ${q(codeEl?.content)}; it must be one of ${[...EXEMPTION_REASON_CODES[category]].join(', ')}.`,
          codeEl ?? cat,
        ),
      );
    }
    if (!code) {
      out.push(
        warning(
          presence[category],
          `A ${NAMES[category]} (${category}) VAT breakdown needs an exemption reason code cbc:TaxExemptionReasonCode (BT-121).`,
          cat,
          category === 'O' ? 'Use VATEX-SA-OOS with a free-text reason.' : undefined,
        ),
      );
    }
    if (codeEl && norm(text(cat, 'cbc:TaxExemptionReason')) === '') {
      out.push(
        warning('BR-KSA-83', `The exemption reason code ${q(codeEl.content)} must be accompanied by the reason text cbc:TaxExemptionReason (BT-120).`, cat),
      );
    }
    const reason = first(cat, 'cbc:TaxExemptionReason');
    if (reason && (charLength(reason.content) < 1 || charLength(reason.content) > 1000)) {
      out.push(warning('BR-KSA-F-06-C16', `The exemption reason text has ${charLength(reason.content)} characters; it must have 1 to 1000.`, reason));
    }
  }
  return out;
}
