// SPDX-License-Identifier: UNLICENSED
// Price- and weight-embedded EAN-13 labels, as shop scales print them (docs/catalog.md, "Scale labels"). GS1 keeps
// the prefixes 20–29 for numbers a shop assigns itself; a scale writes the item's code and the weight (or the price)
// into the 12 digits and adds the check digit. Which digits are which is the shop's choice, so each layout is a
// pattern of the 12 digits before the check digit, in the notation of the common barcode nomenclatures:
//
//   21.....{NNDDD}    prefix 21, five item-code digits, a weight of NN.DDD kg (i.e. in grams)
//   23.....{NNNDD}    prefix 23, five item-code digits, a price of NNN.DD SAR (i.e. in halalas)
//
// A digit is a literal the code must have, `.` an item-code digit, and one `{N…D…}` group the value: N its whole
// part, D its decimals. The product a label belongs to is found by its item code: the label's code with every value
// digit set to 0 and the check digit recomputed (the code the product carries in the catalog), e.g. the label
// 2100042012509 (item 00042, 1.250 kg) belongs to the product with barcode 2100042000001.
import { DukkanError } from '../errors/index';
import { Decimal } from '../money/decimal';
import type { ProductUnit } from './units';

export type ScaleKind = 'weight' | 'price';

export interface ScaleLayout {
  readonly pattern: string;
  readonly kind: ScaleKind;
}

/** The layouts a terminal uses until its manager saves others: the usual weight (21) and price (23) labels. */
export const DEFAULT_SCALE_LAYOUTS: readonly ScaleLayout[] = [
  { pattern: '21.....{NNDDD}', kind: 'weight' },
  { pattern: '23.....{NNNDD}', kind: 'price' },
];

/** A weight in grams needs at most 3 decimals of a kilogram; a price in halalas at most 2 decimals of a riyal. */
const MAX_DECIMALS: Readonly<Record<ScaleKind, number>> = { weight: 3, price: 2 };

interface CompiledLayout extends ScaleLayout {
  /** Per position of the 12 digits: a literal digit, an item-code digit or a value digit. */
  readonly slots: readonly ('item' | 'value' | string)[];
  readonly whole: number;
  readonly decimals: number;
  /** The literal digits before the first item or value digit. */
  readonly prefix: string;
}

/** The parameters and field of a refused layout: the layout's number (1-based) and its pattern field. */
const at = (layout: ScaleLayout, index: number, extra: Record<string, number> = {}) =>
  [{ pattern: layout.pattern, layout: index + 1, ...extra }, { field: `layouts.${index}.pattern` }] as const;

function compile(layout: ScaleLayout, index: number): CompiledLayout {
  const m = /^(\d[\d.]*)\{(N+)(D*)\}([\d.]*)$/.exec(layout.pattern);
  const length = m ? m[1]!.length + m[2]!.length + m[3]!.length + m[4]!.length : 0;
  if (!m || length !== 12 || !/\./.test(m[1]! + m[4]!)) throw new DukkanError('scale.layout-shape', ...at(layout, index));
  const [, before, whole, decimals, after] = m as unknown as [string, string, string, string, string];
  const prefix = /^\d*/.exec(before)![0];
  if (prefix.length < 2 || prefix[0] !== '2') throw new DukkanError('scale.layout-prefix', ...at(layout, index));
  if (decimals.length > MAX_DECIMALS[layout.kind]) throw new DukkanError('scale.layout-decimals', ...at(layout, index, { max: MAX_DECIMALS[layout.kind] }));
  const slot = (c: string) => (c === '.' ? 'item' : c);
  const slots = [...before].map(slot).concat(Array<string>(whole.length + decimals.length).fill('value'), [...after].map(slot));
  return { ...layout, slots, whole: whole.length, decimals: decimals.length, prefix };
}

/**
 * The layouts, checked: each pattern well formed, with a prefix of 20–29, and no two layouts able to claim the same
 * label (one prefix the start of another's). Refusals name the layout (1-based) and its field.
 */
export function compileScaleLayouts(layouts: readonly ScaleLayout[]): readonly CompiledLayout[] {
  const compiled = layouts.map(compile);
  compiled.forEach((a, i) =>
    compiled.forEach((b, j) => {
      if (i < j && (a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix)))
        throw new DukkanError('scale.layout-overlap', { first: i + 1, second: j + 1, prefix: b.prefix }, { field: `layouts.${j}.pattern` });
    }),
  );
  return compiled;
}

/** The EAN-13 check digit of 12 digits (GS1: weights 1, 3, 1, 3, … from the left). */
export function ean13CheckDigit(first12: string): string {
  const sum = [...first12].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return String((10 - (sum % 10)) % 10);
}

export interface ScaleLabel {
  readonly kind: ScaleKind;
  readonly pattern: string;
  /** The item-code digits as printed. */
  readonly itemCode: string;
  /** The barcode the product carries in the catalog: the label with the value zeroed, check digit recomputed. */
  readonly productBarcode: string;
  /** Kilograms (weight) or riyals (price), with the layout's decimals, e.g. "1.250" or "12.50". */
  readonly value: string;
}

/**
 * What a scanned code says, if it is a scale label of one of `layouts` (compiled); undefined when it is not (not 13
 * digits, or no layout's prefix). A label with a wrong check digit or a zero value is refused: it was misread.
 */
export function readScaleLabel(code: string, layouts: readonly CompiledLayout[]): ScaleLabel | undefined {
  if (!/^\d{13}$/.test(code)) return undefined;
  const layout = layouts.find((l) => l.slots.every((s, i) => s === 'item' || s === 'value' || s === code[i]));
  if (!layout) return undefined;
  if (ean13CheckDigit(code.slice(0, 12)) !== code[12]) throw new DukkanError('scale.check-digit', { barcode: code }, { field: 'barcode' });
  const digits = (which: string) => [...code.slice(0, 12)].filter((_, i) => layout.slots[i] === which).join('');
  const raw = digits('value');
  if (/^0+$/.test(raw)) throw new DukkanError('scale.zero-value', { barcode: code }, { field: 'barcode' });
  const whole = raw.slice(0, layout.whole).replace(/^0+(?=\d)/, '');
  const value = layout.decimals > 0 ? `${whole}.${raw.slice(layout.whole)}` : whole;
  const zeroed = [...code.slice(0, 12)].map((c, i) => (layout.slots[i] === 'value' ? '0' : c)).join('');
  return { kind: layout.kind, pattern: layout.pattern, itemCode: digits('item'), productBarcode: zeroed + ean13CheckDigit(zeroed), value };
}

/**
 * The quantity a weight label sells of a product sold in `unit`: the weight in kilograms, or in grams; a weight label
 * on a product sold by the piece or the litre is refused (its catalog entry or the layout is wrong). A price label
 * sells one labelled item at the label's price.
 */
export function labelQuantity(label: ScaleLabel, unit: ProductUnit, product: string): string {
  if (label.kind === 'price') return '1';
  const kg = Decimal.parse(label.value);
  if (unit === 'kg') return kg.toMinimal();
  if (unit === 'g') return kg.mul(Decimal.fromInt(1000)).toMinimal();
  throw new DukkanError('scale.weight-for-unit', { barcode: label.productBarcode, product, unit }, { field: 'barcode' });
}
