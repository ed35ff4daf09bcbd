// SPDX-License-Identifier: UNLICENSED
// Exact decimal numbers for money and quantities: an integer count of 10^-scale units. No binary floating point
// anywhere (ZATCA totals are checked to the cent; see reference §7.6).

const DECIMAL_PATTERN = /^(-)?(\d+)(?:\.(\d+))?$/;

export class Decimal {
  /** The value is units × 10^-scale. */
  private constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new Decimal(0n, 0);

  /** Parses a plain decimal string ("12", "0.375", "-3.10"); no exponents, no grouping, no "+". */
  static parse(text: string): Decimal {
    const m = DECIMAL_PATTERN.exec(text);
    if (!m) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
    const frac = m[3] ?? '';
    const units = BigInt(m[2]! + frac);
    return new Decimal(m[1] ? -units : units, frac.length);
  }

  static isValid(text: string): boolean {
    return DECIMAL_PATTERN.test(text);
  }

  static fromUnits(units: bigint, scale: number): Decimal {
    if (!Number.isInteger(scale) || scale < 0) throw new RangeError(`bad scale ${scale}`);
    return new Decimal(units, scale);
  }

  static fromInt(n: number | bigint): Decimal {
    if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
    return new Decimal(BigInt(n), 0);
  }

  /** Number of decimal places written in the source text (trailing zeros count: "1.50" has 2). */
  get decimalPlaces(): number {
    return this.scale;
  }

  private rescaled(scale: number): bigint {
    if (scale < this.scale) throw new RangeError('rescaled() only widens');
    return this.units * 10n ** BigInt(scale - this.scale);
  }

  private static align(a: Decimal, b: Decimal): [bigint, bigint, number] {
    const scale = Math.max(a.scale, b.scale);
    return [a.rescaled(scale), b.rescaled(scale), scale];
  }

  add(other: Decimal): Decimal {
    const [a, b, scale] = Decimal.align(this, other);
    return new Decimal(a + b, scale);
  }

  sub(other: Decimal): Decimal {
    const [a, b, scale] = Decimal.align(this, other);
    return new Decimal(a - b, scale);
  }

  mul(other: Decimal): Decimal {
    return new Decimal(this.units * other.units, this.scale + other.scale);
  }

  neg(): Decimal {
    return new Decimal(-this.units, this.scale);
  }

  abs(): Decimal {
    return this.units < 0n ? this.neg() : this;
  }

  /** this / other, rounded half away from zero to `scale` places. */
  div(other: Decimal, scale: number): Decimal {
    if (other.units === 0n) throw new RangeError('division by zero');
    // (a·10^-sa) / (b·10^-sb) = (a/b)·10^(sb-sa); we want q·10^-scale
    const num = this.units * 10n ** BigInt(Math.max(0, scale + other.scale - this.scale));
    const den = other.units * 10n ** BigInt(Math.max(0, this.scale - scale - other.scale));
    return new Decimal(divRoundHalfUp(num, den), scale);
  }

  /** this / other, rounded toward +infinity at `scale` places. */
  divCeil(other: Decimal, scale: number): Decimal {
    if (other.units === 0n) throw new RangeError('division by zero');
    const num = this.units * 10n ** BigInt(Math.max(0, scale + other.scale - this.scale));
    const den = other.units * 10n ** BigInt(Math.max(0, this.scale - scale - other.scale));
    const q = num / den;
    const exact = q * den === num;
    const positive = num < 0n === den < 0n;
    return new Decimal(exact || !positive ? q : q + 1n, scale);
  }

  /** Rounds half away from zero (ZATCA: "half-up", XML-1.2 §10) to `scale` places; widening pads with zeros. */
  round(scale: number): Decimal {
    if (scale >= this.scale) return new Decimal(this.rescaled(scale), scale);
    return new Decimal(divRoundHalfUp(this.units, 10n ** BigInt(this.scale - scale)), scale);
  }

  /** Truncates toward zero to `scale` places (BR-KSA-EN16931-11 truncates qty × price at 3 decimals). */
  trunc(scale: number): Decimal {
    if (scale >= this.scale) return new Decimal(this.rescaled(scale), scale);
    return new Decimal(this.units / 10n ** BigInt(this.scale - scale), scale);
  }

  cmp(other: Decimal): -1 | 0 | 1 {
    const [a, b] = Decimal.align(this, other);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(other: Decimal): boolean {
    return this.cmp(other) === 0;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  isNegative(): boolean {
    return this.units < 0n;
  }

  /** Written with exactly `scale` places, rounding half-up when narrowing. */
  toFixed(scale: number): string {
    return this.round(scale).toString();
  }

  /** Written with its own scale ("1.50" stays "1.50"). */
  toString(): string {
    const negative = this.units < 0n;
    const digits = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, '0');
    const body = this.scale === 0 ? digits : `${digits.slice(0, -this.scale)}.${digits.slice(-this.scale)}`;
    return negative ? `-${body}` : body;
  }

  /** Shortest form with at least `minScale` places: trailing zeros beyond it removed. */
  toMinimal(minScale = 0): string {
    let { units, scale } = this;
    while (scale > minScale && units % 10n === 0n) {
      units /= 10n;
      scale -= 1;
    }
    return new Decimal(units, scale).round(Math.max(minScale, scale)).toString();
  }

  static sum(values: Iterable<Decimal>): Decimal {
    let total = Decimal.ZERO;
    for (const v of values) total = total.add(v);
    return total;
  }
}

function divRoundHalfUp(num: bigint, den: bigint): bigint {
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

export function dec(text: string): Decimal {
  return Decimal.parse(text);
}
