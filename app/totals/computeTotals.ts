// SPDX-License-Identifier: UNLICENSED
// Line nets, VAT breakdown and document totals, computed so that every totals rule of reference §7.6 holds exactly
// (not merely within the validator's tolerance): category VAT is computed on the category taxable amount, never as a
// sum of rounded line VAT (XML-1.2 §10) — the "three lines of 10.10 at 15 %" case gives 4.55, not 4.56.
//
// Shelf prices in Saudi shops include VAT. For those documents the customer must pay exactly the sum of the shelf
// prices, so the category net is chosen such that net + round(net × rate) equals the category's gross when such a
// net exists. For about one gross value in eight no such net exists (net + VAT jumps by 0.02 at some steps); then
// VAT = gross − net, which is within 0.01 of round(net × rate) — inside the tolerance of BR-CO-17 / BR-S-09
// (±0.01 × number of lines, reference §7.6). We do not use PayableRoundingAmount for it: SDK 3.4.6 writes the
// payable amount into QR tag 4 when the two differ, the standard says the total with VAT, and a document where
// both are equal is right under either reading.
import { Decimal } from '../money/decimal';
import type { AllowanceInput, DocumentInput, LineInput, VatCategory } from '../document/documentInput';
import { defaultExemptionReason } from '../document/exemptionCodes';

const HUNDRED = Decimal.fromInt(100);
const ONE = Decimal.fromInt(1);
const CENT = Decimal.parse('0.01');

export interface VatKey {
  readonly category: VatCategory;
  /** Percent, e.g. 15 or 0. */
  readonly rate: Decimal;
  readonly exemptionCode?: string;
  readonly exemptionReason?: string;
}

export interface LineTotals {
  /** cbc:ID of the line: 1, 2, … (F-06-C17: at most 6 characters). */
  readonly id: string;
  readonly input: LineInput;
  readonly quantity: Decimal;
  /** Net unit price written to cac:Price/cbc:PriceAmount (may have more than 2 decimals, XML-1.2 §7.3). */
  readonly netUnitPrice: Decimal;
  /** Net line discount written as the line's cac:AllowanceCharge, if any. */
  readonly allowance?: Decimal;
  /** cbc:LineExtensionAmount: net of VAT, after the line discount, 2 decimals. */
  readonly net: Decimal;
  /** Line VAT (KSA-11) and line amount with VAT (KSA-12, RoundingAmount = net + VAT, BR-KSA-51). */
  readonly vat: Decimal;
  readonly inclusive: Decimal;
  /** What the receipt shows as the unit price and line total (VAT-inclusive when the shop's prices are). */
  readonly shownUnitPrice: Decimal;
  readonly shownTotal: Decimal;
  readonly vatKey: VatKey;
}

export interface AllowanceTotals {
  readonly input: AllowanceInput;
  readonly charge: boolean;
  /** Net amount written to cac:AllowanceCharge/cbc:Amount. */
  readonly amount: Decimal;
  readonly vatKey: VatKey;
}

export interface CategoryTotals {
  readonly vatKey: VatKey;
  /** BR-S-08 & co.: Σ line nets − allowances + charges of this category. */
  readonly taxable: Decimal;
  /** round(taxable × rate / 100, 2) exactly for VAT-exclusive prices; within 0.01 of it for VAT-inclusive ones. */
  readonly vat: Decimal;
}

export interface DocumentTotals {
  readonly lines: readonly LineTotals[];
  readonly allowances: readonly AllowanceTotals[];
  readonly charges: readonly AllowanceTotals[];
  readonly categories: readonly CategoryTotals[];
  /** BT-106 Σ line nets. */
  readonly lineExtension: Decimal;
  readonly allowanceTotal: Decimal;
  readonly chargeTotal: Decimal;
  /** BT-109. */
  readonly taxExclusive: Decimal;
  /** BT-110 = BT-111 for SAR documents. */
  readonly vat: Decimal;
  /** BT-112, QR tag 4. */
  readonly taxInclusive: Decimal;
  /** BT-114: always zero for documents we build (see the note on VAT-inclusive prices above). */
  readonly payableRounding: Decimal;
  /** BT-115: what the customer pays. */
  readonly payable: Decimal;
}

export class TotalsError extends Error {
  override readonly name = 'TotalsError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

function vatKeyOf(vat: LineInput['vat']): VatKey {
  const exemptionReason = vat.exemptionReason ?? (vat.exemptionCode ? defaultExemptionReason(vat.category, vat.exemptionCode) : undefined);
  return {
    category: vat.category,
    rate: Decimal.parse(vat.rate),
    ...(vat.exemptionCode !== undefined ? { exemptionCode: vat.exemptionCode } : {}),
    ...(exemptionReason !== undefined ? { exemptionReason } : {}),
  };
}

/** Subtotals are per category, rate and exemption code (BR-S-08, BR-Z-08, BR-E-08, BR-O-08). */
function keyString(k: VatKey): string {
  return `${k.category}|${k.rate.toFixed(2)}|${k.exemptionCode ?? ''}`;
}

function vatOf(net: Decimal, rate: Decimal): Decimal {
  return net.mul(rate).div(HUNDRED, 2);
}

function integerDigits(d: Decimal): number {
  return d.trunc(0).abs().toString().length;
}

/**
 * Net unit price such that BR-KSA-EN16931-11's check, round(trunc₃(qty × price) − allowance, 2), gives exactly the
 * line net: rounding the price up at (integer digits of qty + 3) places keeps qty × price within 0.001 above the
 * target, so truncation at 3 places lands on it.
 */
function netUnitPriceFor(netBeforeAllowance: Decimal, quantity: Decimal): Decimal {
  const places = Math.max(2, integerDigits(quantity) + 3 + quantity.decimalPlaces);
  const price = netBeforeAllowance.divCeil(quantity, places);
  return Decimal.parse(price.toMinimal(2));
}

export function computeTotals(doc: DocumentInput): DocumentTotals {
  const lineKeys = doc.lines.map((l) => vatKeyOf(l.vat));
  const allowanceKeys = doc.allowances.map((a) => vatKeyOf(a.vat));
  const chargeKeys = doc.charges.map((c) => vatKeyOf(c.vat));
  const categoryOrder: string[] = [];
  const keyByString = new Map<string, VatKey>();
  for (const k of [...lineKeys, ...allowanceKeys, ...chargeKeys]) {
    const s = keyString(k);
    if (!keyByString.has(s)) {
      keyByString.set(s, k);
      categoryOrder.push(s);
    }
  }
  for (const [i, k] of [...allowanceKeys.map((k, i) => ['allowances', k, i] as const), ...chargeKeys.map((k, i) => ['charges', k, i] as const)].map(
    ([field, k, i]) => [`${field}.${i}`, k] as const,
  )) {
    if (!lineKeys.some((l) => keyString(l) === keyString(k))) {
      throw new TotalsError(`${i}.vat`, `no line has VAT category ${k.category} at ${k.rate.toMinimal()} % to apply this to`);
    }
  }
  const plan: VatPlan = { lineKeys, allowanceKeys, chargeKeys, categoryOrder, keyByString };
  return doc.pricesIncludeVat ? computeInclusive(doc, plan) : computeExclusive(doc, plan);
}

/** The VAT key of every line, allowance and charge, and the breakdown's categories in first-seen order. */
interface VatPlan {
  readonly lineKeys: VatKey[];
  readonly allowanceKeys: VatKey[];
  readonly chargeKeys: VatKey[];
  readonly categoryOrder: string[];
  readonly keyByString: Map<string, VatKey>;
}

function computeExclusive(doc: DocumentInput, plan: VatPlan): DocumentTotals {
  const { lineKeys, allowanceKeys, chargeKeys, categoryOrder, keyByString } = plan;
  const lines = doc.lines.map((line, i): LineTotals => {
    const quantity = Decimal.parse(line.quantity);
    const price = Decimal.parse(line.unitPrice);
    const allowance = line.discount ? Decimal.parse(line.discount.amount) : undefined;
    const gross = quantity.mul(price).round(2);
    const net = allowance ? gross.sub(allowance) : gross;
    if (net.isNegative()) throw new TotalsError(`lines.${i}.discount.amount`, `discount ${allowance?.toFixed(2)} exceeds the line amount ${gross.toFixed(2)}`);
    const vatKey = lineKeys[i]!;
    const vat = vatOf(net, vatKey.rate);
    return {
      id: String(i + 1),
      input: line,
      quantity,
      netUnitPrice: price,
      ...(allowance ? { allowance } : {}),
      net,
      vat,
      inclusive: net.add(vat),
      shownUnitPrice: price,
      shownTotal: net,
      vatKey,
    };
  });
  const allowances = doc.allowances.map((a, i): AllowanceTotals => ({ input: a, charge: false, amount: Decimal.parse(a.amount), vatKey: allowanceKeys[i]! }));
  const charges = doc.charges.map((c, i): AllowanceTotals => ({ input: c, charge: true, amount: Decimal.parse(c.amount), vatKey: chargeKeys[i]! }));
  const categories = categoryOrder.map((s): CategoryTotals => {
    const vatKey = keyByString.get(s)!;
    const taxable = Decimal.sum(lines.filter((l) => keyString(l.vatKey) === s).map((l) => l.net))
      .sub(Decimal.sum(allowances.filter((a) => keyString(a.vatKey) === s).map((a) => a.amount)))
      .add(Decimal.sum(charges.filter((c) => keyString(c.vatKey) === s).map((c) => c.amount)));
    if (taxable.isNegative())
      throw new TotalsError('allowances', `allowances exceed the lines of VAT category ${vatKey.category} ${vatKey.rate.toMinimal()} %`);
    return { vatKey, taxable, vat: vatOf(taxable, vatKey.rate) };
  });
  return assemble(lines, allowances, charges, categories);
}

function computeInclusive(doc: DocumentInput, plan: VatPlan): DocumentTotals {
  const { lineKeys, allowanceKeys, chargeKeys, categoryOrder, keyByString } = plan;
  const gross = doc.lines.map((line, i) => {
    const g = Decimal.parse(line.quantity).mul(Decimal.parse(line.unitPrice)).round(2);
    const d = line.discount ? Decimal.parse(line.discount.amount) : Decimal.ZERO;
    if (g.sub(d).isNegative()) throw new TotalsError(`lines.${i}.discount.amount`, `discount ${d.toFixed(2)} exceeds the line amount ${g.toFixed(2)}`);
    return { shown: g.sub(d), discount: d };
  });
  const factorOf = (k: VatKey) => ONE.add(k.rate.div(HUNDRED, 6));
  const allowances = doc.allowances.map((a, i): AllowanceTotals => {
    const k = allowanceKeys[i]!;
    return { input: a, charge: false, amount: Decimal.parse(a.amount).div(factorOf(k), 2), vatKey: k };
  });
  const charges = doc.charges.map((c, i): AllowanceTotals => {
    const k = chargeKeys[i]!;
    return { input: c, charge: true, amount: Decimal.parse(c.amount).div(factorOf(k), 2), vatKey: k };
  });

  const lineNets = new Array<Decimal>(doc.lines.length);
  const categories = categoryOrder.map((s): CategoryTotals => {
    const vatKey = keyByString.get(s)!;
    const f = factorOf(vatKey);
    const idx = doc.lines.map((_, i) => i).filter((i) => keyString(lineKeys[i]!) === s);
    const catAllowIncl = Decimal.sum(doc.allowances.filter((_, i) => keyString(allowanceKeys[i]!) === s).map((a) => Decimal.parse(a.amount)));
    const catChargeIncl = Decimal.sum(doc.charges.filter((_, i) => keyString(chargeKeys[i]!) === s).map((c) => Decimal.parse(c.amount)));
    const catGross = Decimal.sum(idx.map((i) => gross[i]!.shown))
      .sub(catAllowIncl)
      .add(catChargeIncl);
    if (catGross.isNegative())
      throw new TotalsError('allowances', `allowances exceed the lines of VAT category ${vatKey.category} ${vatKey.rate.toMinimal()} %`);
    // the net whose net + VAT is exactly the shelf total, if one exists within a cent of the ideal
    const ideal = catGross.div(f, 2);
    const taxable = [ideal, ideal.sub(CENT), ideal.add(CENT)].find((n) => !n.isNegative() && n.add(vatOf(n, vatKey.rate)).eq(catGross)) ?? ideal;
    // spread the lines' share of the category net over the lines, cent by cent, closest to each line's ideal
    const allowNet = Decimal.sum(allowances.filter((a) => keyString(a.vatKey) === s).map((a) => a.amount));
    const chargeNet = Decimal.sum(charges.filter((c) => keyString(c.vatKey) === s).map((c) => c.amount));
    const target = taxable.add(allowNet).sub(chargeNet);
    distributeCents(
      idx.map((i) => gross[i]!.shown.div(f, 8)),
      target,
    ).forEach((net, j) => (lineNets[idx[j]!] = net));
    return { vatKey, taxable, vat: catGross.sub(taxable) };
  });

  const lines = doc.lines.map((line, i): LineTotals => {
    const vatKey = lineKeys[i]!;
    const quantity = Decimal.parse(line.quantity);
    const net = lineNets[i]!;
    const allowance = line.discount ? gross[i]!.discount.div(factorOf(vatKey), 2) : undefined;
    return {
      id: String(i + 1),
      input: line,
      quantity,
      netUnitPrice: netUnitPriceFor(allowance ? net.add(allowance) : net, quantity),
      ...(allowance ? { allowance } : {}),
      net,
      vat: gross[i]!.shown.sub(net),
      inclusive: gross[i]!.shown,
      shownUnitPrice: Decimal.parse(line.unitPrice),
      shownTotal: gross[i]!.shown,
      vatKey,
    };
  });
  return assemble(lines, allowances, charges, categories);
}

/**
 * Rounds each ideal share to cents, then moves single cents (largest remainders first) until the shares add up to
 * `target` exactly. Shares never go negative.
 */
function distributeCents(ideals: Decimal[], target: Decimal): Decimal[] {
  const shares = ideals.map((v) => v.round(2));
  let diffCents = Number(target.sub(Decimal.sum(shares)).round(2).units);
  const order = ideals
    .map((v, i) => ({ i, remainder: v.sub(shares[i]!) }))
    .sort((a, b) => (diffCents > 0 ? b.remainder.cmp(a.remainder) : a.remainder.cmp(b.remainder)));
  for (let k = 0; diffCents !== 0 && order.length > 0; k++) {
    const { i } = order[k % order.length]!;
    const step = diffCents > 0 ? CENT : CENT.neg();
    const next = shares[i]!.add(step);
    if (!next.isNegative()) {
      shares[i] = next;
      diffCents += diffCents > 0 ? -1 : 1;
    }
    if (k > order.length * 1000) throw new TotalsError('lines', 'cannot split the category net over its lines');
  }
  return shares;
}

function assemble(lines: LineTotals[], allowances: AllowanceTotals[], charges: AllowanceTotals[], categories: CategoryTotals[]): DocumentTotals {
  const lineExtension = Decimal.sum(lines.map((l) => l.net));
  const allowanceTotal = Decimal.sum(allowances.map((a) => a.amount)).round(2);
  const chargeTotal = Decimal.sum(charges.map((c) => c.amount)).round(2);
  const taxExclusive = lineExtension.sub(allowanceTotal).add(chargeTotal);
  const vat = Decimal.sum(categories.map((c) => c.vat)).round(2);
  const taxInclusive = taxExclusive.add(vat);
  const payableRounding = Decimal.parse('0.00');
  return {
    lines,
    allowances,
    charges,
    categories,
    lineExtension: lineExtension.round(2),
    allowanceTotal,
    chargeTotal,
    taxExclusive: taxExclusive.round(2),
    vat,
    taxInclusive: taxInclusive.round(2),
    payableRounding,
    payable: taxInclusive.add(payableRounding).round(2),
  };
}
