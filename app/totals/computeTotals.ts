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
//
// The category net is then split over everything in the category — its lines, allowances and charges — each part
// near its own ideal (gross / (1 + rate)) and within its own bounds: a line's net between 0 and its shelf total (so
// its VAT is never negative and a free item stays 0.00), an allowance's or a charge's between 0 and its gross. A
// category may hold only charges (a delivery charge at 15 % on a zero-rated sale) or a free item and charges.
import { DukkanError, type ErrorCode, type ErrorParams } from '../errors';
import { Decimal } from '../money/decimal';
import type { AllowanceInput, ChargeInput, DocumentInput, LineInput, VatCategory } from '../document/documentInput';
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
  readonly input: AllowanceInput | ChargeInput;
  readonly charge: boolean;
  /** A charge's reason code (BT-105, UNTDID 7161); allowances have none. */
  readonly reasonCode?: string;
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

/** Input the totals cannot be computed for (a discount above its line, allowances above their category). */
export class TotalsError extends DukkanError {
  override readonly name = 'TotalsError';
  constructor(code: Extract<ErrorCode, `totals.${string}`>, params: ErrorParams & { readonly path: string }) {
    super(code, params, { field: params.path });
  }

  /** The field the refusal is about, e.g. "lines.0.discount.amount" (the same as `field`). */
  get path(): string {
    return this.field ?? '';
  }
}

/** Subtotals are per category and rate (BR-S-08, BR-Z-08, BR-E-08, BR-O-08), one exemption code and reason each. */
function keyString(k: { readonly category: VatCategory; readonly rate: Decimal }): string {
  return `${k.category}|${k.rate.toFixed(2)}`;
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
  const items = [
    ...doc.lines.map((l, i) => [`lines.${i}`, l.vat] as const),
    ...doc.allowances.map((a, i) => [`allowances.${i}`, a.vat] as const),
    ...doc.charges.map((c, i) => [`charges.${i}`, c.vat] as const),
  ];
  // one breakdown per category and rate, in first-seen order; its code is the one its items give, its reason the
  // first one given, else the code's standard text (reference §7.7)
  const groups = new Map<string, { category: VatCategory; rate: Decimal; code?: string; reason?: string }>();
  for (const [path, vat] of items) {
    const rate = Decimal.parse(vat.rate);
    const s = keyString({ category: vat.category, rate });
    const group = groups.get(s) ?? { category: vat.category, rate };
    groups.set(s, group);
    if (vat.exemptionCode !== undefined && group.code !== undefined && vat.exemptionCode !== group.code) {
      // parseDocumentInput refuses this already, naming both items
      throw new TotalsError('totals.exemption-code-differs', { path: `${path}.vat.exemptionCode`, code: vat.exemptionCode, other: group.code });
    }
    group.code ??= vat.exemptionCode;
    group.reason ??= vat.exemptionReason;
  }
  const keyByString = new Map<string, VatKey>();
  for (const [s, g] of groups) {
    const reason = g.reason ?? (g.code !== undefined ? defaultExemptionReason(g.category, g.code) : undefined);
    keyByString.set(s, {
      category: g.category,
      rate: g.rate,
      ...(g.code !== undefined ? { exemptionCode: g.code } : {}),
      ...(reason !== undefined ? { exemptionReason: reason } : {}),
    });
  }
  const keyOf = (vat: LineInput['vat']) => keyByString.get(keyString({ category: vat.category, rate: Decimal.parse(vat.rate) }))!;
  const plan: VatPlan = {
    lineKeys: doc.lines.map((l) => keyOf(l.vat)),
    allowanceKeys: doc.allowances.map((a) => keyOf(a.vat)),
    chargeKeys: doc.charges.map((c) => keyOf(c.vat)),
    categoryOrder: [...groups.keys()],
    keyByString,
  };
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
    if (net.isNegative()) throw discountExceeds(i, allowance!, gross);
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
  const charges = doc.charges.map((c, i): AllowanceTotals => ({
    input: c,
    charge: true,
    reasonCode: c.reasonCode,
    amount: Decimal.parse(c.amount),
    vatKey: chargeKeys[i]!,
  }));
  const categories = categoryOrder.map((s): CategoryTotals => {
    const vatKey = keyByString.get(s)!;
    const taxable = Decimal.sum(lines.filter((l) => keyString(l.vatKey) === s).map((l) => l.net))
      .sub(Decimal.sum(allowances.filter((a) => keyString(a.vatKey) === s).map((a) => a.amount)))
      .add(Decimal.sum(charges.filter((c) => keyString(c.vatKey) === s).map((c) => c.amount)));
    if (taxable.isNegative()) throw allowancesExceed(allowanceKeys, s, vatKey, taxable);
    return { vatKey, taxable, vat: vatOf(taxable, vatKey.rate) };
  });
  return assemble(lines, allowances, charges, categories);
}

function discountExceeds(line: number, discount: Decimal, amount: Decimal): TotalsError {
  return new TotalsError('totals.discount-exceeds-line', { path: `lines.${line}.discount.amount`, discount: discount.toFixed(2), amount: amount.toFixed(2) });
}

function allowancesExceed(allowanceKeys: readonly VatKey[], s: string, vatKey: VatKey, balance: Decimal): TotalsError {
  const first = allowanceKeys.findIndex((k) => keyString(k) === s);
  return new TotalsError('totals.allowances-exceed', {
    path: `allowances.${first}.amount`,
    category: vatKey.category,
    rate: vatKey.rate.toMinimal(),
    excess: balance.neg().toFixed(2),
  });
}

/** One part of a category's net: a line (sign +1), a charge (+1) or an allowance (−1). */
interface NetPart {
  /** Its shelf (VAT-inclusive) amount: the upper bound of its net. */
  readonly gross: Decimal;
  readonly sign: 1 | -1;
}

function computeInclusive(doc: DocumentInput, plan: VatPlan): DocumentTotals {
  const { lineKeys, allowanceKeys, chargeKeys, categoryOrder, keyByString } = plan;
  const gross = doc.lines.map((line, i) => {
    const g = Decimal.parse(line.quantity).mul(Decimal.parse(line.unitPrice)).round(2);
    const d = line.discount ? Decimal.parse(line.discount.amount) : Decimal.ZERO;
    if (g.sub(d).isNegative()) throw discountExceeds(i, d, g);
    return { shown: g.sub(d), discount: d };
  });
  const factorOf = (k: VatKey) => ONE.add(k.rate.div(HUNDRED, 6));
  const lineNets = new Array<Decimal>(doc.lines.length);
  const allowanceNets = new Array<Decimal>(doc.allowances.length);
  const chargeNets = new Array<Decimal>(doc.charges.length);

  const categories = categoryOrder.map((s): CategoryTotals => {
    const vatKey = keyByString.get(s)!;
    const f = factorOf(vatKey);
    const inCategory = (keys: readonly VatKey[]) => keys.flatMap((k, i) => (keyString(k) === s ? [i] : []));
    const lineIdx = inCategory(lineKeys);
    const allowanceIdx = inCategory(allowanceKeys);
    const chargeIdx = inCategory(chargeKeys);
    const parts: NetPart[] = [
      ...lineIdx.map((i): NetPart => ({ gross: gross[i]!.shown, sign: 1 })),
      ...allowanceIdx.map((i): NetPart => ({ gross: Decimal.parse(doc.allowances[i]!.amount), sign: -1 })),
      ...chargeIdx.map((i): NetPart => ({ gross: Decimal.parse(doc.charges[i]!.amount), sign: 1 })),
    ];
    const catGross = Decimal.sum(parts.map((p) => (p.sign > 0 ? p.gross : p.gross.neg())));
    if (catGross.isNegative()) throw allowancesExceed(allowanceKeys, s, vatKey, catGross);
    // the net whose net + VAT is exactly the shelf total, if one exists within a cent of the ideal
    const ideal = catGross.div(f, 2);
    const taxable = [ideal, ideal.sub(CENT), ideal.add(CENT)].find((n) => !n.isNegative() && n.add(vatOf(n, vatKey.rate)).eq(catGross)) ?? ideal;
    const nets = splitNet(parts, f, taxable);
    lineIdx.forEach((i, j) => (lineNets[i] = nets[j]!));
    allowanceIdx.forEach((i, j) => (allowanceNets[i] = nets[lineIdx.length + j]!));
    chargeIdx.forEach((i, j) => (chargeNets[i] = nets[lineIdx.length + allowanceIdx.length + j]!));
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
  const allowances = doc.allowances.map((a, i): AllowanceTotals => ({ input: a, charge: false, amount: allowanceNets[i]!, vatKey: allowanceKeys[i]! }));
  const charges = doc.charges.map((c, i): AllowanceTotals => ({
    input: c,
    charge: true,
    reasonCode: c.reasonCode,
    amount: chargeNets[i]!,
    vatKey: chargeKeys[i]!,
  }));
  return assemble(lines, allowances, charges, categories);
}

/**
 * Splits a category's net `target` into the nets of its parts so that Σ sign × net = target exactly: each net starts
 * at its ideal (gross / f) rounded to cents, then single cents move — largest remainders first — until the sum is
 * right. A net stays within [0, gross]: a line's VAT (gross − net) is never negative and a free line stays 0.00,
 * and an allowance or a charge never changes sign. Lowering an allowance's net raises the category's net, so the
 * cents may land on any part. Such a split always exists: 0 ≤ target ≤ Σ sign × gross.
 */
function splitNet(parts: readonly NetPart[], f: Decimal, target: Decimal): Decimal[] {
  const ideals = parts.map((p) => p.gross.div(f, 8));
  const nets = ideals.map((v) => v.round(2));
  const contribution = (i: number, v: Decimal) => (parts[i]!.sign > 0 ? v : v.neg());
  let diffCents = Number(target.sub(Decimal.sum(nets.map((v, i) => contribution(i, v)))).round(2).units);
  if (diffCents === 0) return nets;
  const up = diffCents > 0;
  // how far each part's contribution is below its ideal: raising the total takes the largest, lowering the smallest
  const order = ideals
    .map((v, i) => ({ i, below: contribution(i, v.sub(nets[i]!)) }))
    .sort((a, b) => (up ? b.below.cmp(a.below) : a.below.cmp(b.below)))
    .map((o) => o.i);
  while (diffCents !== 0) {
    let moved = false;
    for (const i of order) {
      const step = parts[i]!.sign > 0 === up ? CENT : CENT.neg();
      const next = nets[i]!.add(step);
      if (next.isNegative() || next.cmp(parts[i]!.gross) > 0) continue;
      nets[i] = next;
      moved = true;
      diffCents += up ? -1 : 1;
      if (diffCents === 0) break;
    }
    // the split always exists (see above): reaching this is a bug, not a refusal, so it stays a plain Error
    if (!moved) throw new Error(`computeTotals: a category net of ${target.toFixed(2)} cannot be split within its parts' bounds`);
  }
  return nets;
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
