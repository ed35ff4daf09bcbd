import { describe, expect, it } from 'vitest';
import { DukkanError } from '../errors/index';
import { thrownBy } from '../../test/support/thrownBy';
import { checkQuantityForUnit, UNIT_CODES } from './units';

describe('quantities by unit', () => {
  it.each([
    ['1', 'piece'],
    ['12', 'piece'],
    ['2.000', 'piece'],
    ['0.75', 'kg'],
    ['1.250', 'kg'],
    ['0.001', 'kg'],
    ['250', 'g'],
    ['1.5', 'l'],
    ['0.330', 'l'],
  ] as const)('%s by the %s is sold', (q, unit) => expect(() => checkQuantityForUnit(q, unit, 'lines.0.quantity')).not.toThrow());

  it.each([
    ['2.5', 'piece', 'unit.whole-quantity'],
    ['0.1', 'piece', 'unit.whole-quantity'],
    ['12.5', 'g', 'unit.whole-quantity'],
    ['1.2345', 'kg', 'unit.too-many-decimals'],
  ] as const)('%s by the %s is refused as %s', (q, unit, reason) => {
    const e = thrownBy(DukkanError, () => checkQuantityForUnit(q, unit, 'lines.2.quantity'));
    expect(e.code).toBe(reason);
    expect(e.field).toBe('lines.2.quantity');
    expect(e.text('ar')).toContain(q);
  });

  it('invoices each unit with its UN/ECE Rec 20 code', () => {
    expect(UNIT_CODES).toEqual({ piece: 'PCE', kg: 'KGM', g: 'GRM', l: 'LTR' });
  });
});
