// SPDX-License-Identifier: UNLICENSED
// Reading UBL amounts exactly. UBL amounts are xsd:decimal, whose lexical space is wider than app/money's strict
// parser ("+1", ".5", "5." and surrounding whitespace are valid xsd:decimal), so we normalise first. Anything
// that is still not a decimal yields undefined: the XSD check reports it, and arithmetic rules skip it, as the
// schematron's xs:decimal() cast would abort that rule rather than compare.
import { Decimal } from '../money/decimal';
import type { XmlNode } from 'libxml2-wasm';
import { text } from './xmlQuery';

const XSD_DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

export function parseXsdDecimal(raw: string | undefined): Decimal | undefined {
  if (raw === undefined) return undefined;
  const m = XSD_DECIMAL.exec(raw.trim());
  if (!m) return undefined;
  const whole = m[2] ?? '';
  const frac = m[3] ?? '';
  if (whole === '' && frac === '') return undefined;
  const body = `${whole === '' ? '0' : whole}${frac === '' ? '' : `.${frac}`}`;
  return Decimal.parse(m[1] === '-' ? `-${body}` : body);
}

/** The decimal value of the first match of `xpath`, or undefined when absent or not a decimal. */
export function amount(context: XmlNode, xpath: string): Decimal | undefined {
  return parseXsdDecimal(text(context, xpath));
}

/**
 * Number of characters after the first '.', exactly as the schematron's `string-length(substring-after(x,'.'))`
 * counts them on the raw element text (BR-DEC-*, BR-KSA-DEC-*).
 */
export function digitsAfterPoint(raw: string): number {
  const i = raw.indexOf('.');
  return i < 0 ? 0 : [...raw.slice(i + 1)].length;
}

/** XPath round(x, 2) on xs:decimal: halves round toward +infinity (half-up for the non-negative sums here). */
export function round2(value: Decimal): Decimal {
  return floorTo(value.add(Decimal.fromUnits(5n, 3)), 2);
}

/** floor(x) at `scale` places (toward -infinity), as the schematron's floor(x * 10^n) div 10^n. */
export function floorTo(value: Decimal, scale: number): Decimal {
  const t = value.trunc(scale);
  return value.isNegative() && !t.eq(value) ? t.sub(Decimal.fromUnits(1n, scale)) : t;
}

export function sum(values: Iterable<Decimal | undefined>): Decimal {
  let total = Decimal.ZERO;
  for (const v of values) if (v) total = total.add(v);
  return total;
}

export const CENT = Decimal.fromUnits(1n, 2);

/** Two places, for messages: "30.15". */
export function show(value: Decimal): string {
  return value.toString();
}
