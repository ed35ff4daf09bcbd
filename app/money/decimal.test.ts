import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, dec } from './decimal';

const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
  .map(([neg, units, scale]) => Decimal.fromUnits(neg ? -units : units, scale).toString());

describe('Decimal', () => {
  it('parses and prints without loss', () => {
    fc.assert(fc.property(decimalText, (t) => Decimal.parse(t).toString() === t));
  });
  it('rejects exponents, grouping and signs other than a leading minus', () => {
    for (const bad of ['1e3', '1,000', '+1', '.5', '5.', '', ' 1', 'NaN']) expect(() => dec(bad)).toThrow(/not a decimal/);
  });
  it('rounds half away from zero', () => {
    expect(dec('4.545').toFixed(2)).toBe('4.55');
    expect(dec('4.544').toFixed(2)).toBe('4.54');
    expect(dec('-4.545').toFixed(2)).toBe('-4.55');
    expect(dec('0.005').toFixed(2)).toBe('0.01');
    expect(dec('2').toFixed(2)).toBe('2.00');
  });
  it('truncates toward zero', () => {
    expect(dec('33.3339').trunc(3).toString()).toBe('33.333');
    expect(dec('-1.2349').trunc(2).toString()).toBe('-1.23');
  });
  it('adds, subtracts and multiplies exactly', () => {
    expect(dec('0.1').add(dec('0.2')).toString()).toBe('0.3');
    expect(dec('10.10').mul(dec('0.15')).toString()).toBe('1.5150');
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const x = dec(a);
        const y = dec(b);
        return x.add(y).sub(y).eq(x) && x.mul(y).eq(y.mul(x));
      }),
    );
  });
  it('divides with half-up and ceiling rounding', () => {
    expect(dec('100').div(dec('1.15'), 2).toString()).toBe('86.96');
    expect(dec('10').div(dec('3'), 4).toString()).toBe('3.3333');
    expect(dec('10').divCeil(dec('3'), 4).toString()).toBe('3.3334');
    expect(dec('9').divCeil(dec('3'), 2).toString()).toBe('3.00');
    expect(() => dec('1').div(dec('0'), 2)).toThrow(/division by zero/);
  });
  it('prints minimal forms', () => {
    expect(dec('15.00').toMinimal()).toBe('15');
    expect(dec('0.3750').toMinimal()).toBe('0.375');
    expect(dec('3.000000').toMinimal(2)).toBe('3.00');
  });
});
