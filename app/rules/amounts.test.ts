import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, dec } from '../money/decimal';
import { digitsAfterPoint, floorTo, parseXsdDecimal, round2 } from './amounts';

describe('parseXsdDecimal', () => {
  it('accepts the whole xsd:decimal lexical space', () => {
    expect(parseXsdDecimal(' 12.50 ')!.toString()).toBe('12.50');
    expect(parseXsdDecimal('+1')!.toString()).toBe('1');
    expect(parseXsdDecimal('.5')!.toString()).toBe('0.5');
    expect(parseXsdDecimal('5.')!.toString()).toBe('5');
    expect(parseXsdDecimal('-0.01')!.toString()).toBe('-0.01');
    expect(parseXsdDecimal('00.00')!.isZero()).toBe(true);
  });
  it('rejects what xsd:decimal rejects', () => {
    for (const bad of ['', '.', '1e3', '1,00', 'NaN', '15%', '1 000', undefined]) expect(parseXsdDecimal(bad)).toBeUndefined();
  });
});

describe('rounding as SCH-3.4.6 does it', () => {
  it('round2 rounds halves toward +infinity (XPath round)', () => {
    expect(round2(dec('4.545')).toString()).toBe('4.55');
    expect(round2(dec('4.5449')).toString()).toBe('4.54');
    expect(round2(dec('-4.545')).toString()).toBe('-4.54');
    expect(round2(dec('-4.546')).toString()).toBe('-4.55');
    expect(round2(dec('7')).toString()).toBe('7.00');
  });
  it('floorTo truncates toward -infinity', () => {
    expect(floorTo(dec('33.3339'), 3).toString()).toBe('33.333');
    expect(floorTo(dec('-1.2341'), 3).toString()).toBe('-1.235');
    expect(floorTo(dec('2.5'), 0).toString()).toBe('2');
  });
  it('round2 agrees with floor(x·100 + 0.5)/100 on random decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
        const x = Decimal.fromUnits(units, scale);
        const viaFloor = floorTo(x.mul(dec('100')).add(dec('0.5')), 0);
        return round2(x).eq(Decimal.fromUnits(viaFloor.units, 2));
      }),
    );
  });
  it('digitsAfterPoint counts raw characters after the point', () => {
    expect(digitsAfterPoint('1.000')).toBe(3);
    expect(digitsAfterPoint('12')).toBe(0);
    expect(digitsAfterPoint('1.5 ')).toBe(2);
  });
});
