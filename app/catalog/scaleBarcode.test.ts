import { describe, expect, it } from 'vitest';
import { DukkanError } from '../errors/index';
import { thrownBy } from '../../test/support/thrownBy';
import { compileScaleLayouts, DEFAULT_SCALE_LAYOUTS, ean13CheckDigit, labelQuantity, readScaleLabel, type ScaleLayout } from './scaleBarcode';

const defaults = compileScaleLayouts(DEFAULT_SCALE_LAYOUTS);

describe('EAN-13 check digit', () => {
  // a Saudi GS1 code (628), a Gulf one (629), a European one (40) and two deli-scale labels
  it.each([
    ['628100000001', '4'],
    ['629101110016', '0'],
    ['400638133393', '1'],
    ['210004201250', '9'],
    ['230012301250', '7'],
  ])('%s → %s', (first12, check) => expect(ean13CheckDigit(first12)).toBe(check));
});

describe('scale labels, default layouts (21 weight in grams, 23 price in halalas)', () => {
  it.each([
    // label              kind      item     value     product barcode
    ['2100042012509', 'weight', '00042', '1.250', '2100042000001'],
    ['2100042007505', 'weight', '00042', '0.750', '2100042000001'],
    ['2100042000018', 'weight', '00042', '0.001', '2100042000001'],
    ['2199999999995', 'weight', '99999', '99.999', '2199999000004'],
    ['2300123012507', 'price', '00123', '12.50', '2300123000009'],
    ['2300123000016', 'price', '00123', '0.01', '2300123000009'],
    ['2300123999990', 'price', '00123', '999.99', '2300123000009'],
  ])('%s is a %s label of item %s, value %s, product %s', (code, kind, itemCode, value, productBarcode) => {
    expect(readScaleLabel(code, defaults)).toEqual({ kind, pattern: expect.any(String), itemCode, value, productBarcode });
  });

  it.each([
    ['6281000000014', 'a GS1 product code (628)'],
    ['2012345678905', 'prefix 20: no layout for it'],
    ['2212345005000', 'prefix 22: no layout for it'],
    ['210004201250', 'twelve digits'],
    ['21000420125090', 'fourteen digits'],
    ['21OO042012509', 'letters'],
    ['', 'empty'],
  ])('%s is not a scale label (%s)', (code) => expect(readScaleLabel(code, defaults)).toBeUndefined());

  it.each([
    ['2100042012508', 'scale.check-digit'],
    ['2300123012500', 'scale.check-digit'],
    ['2100042000001', 'scale.zero-value'],
    ['2300123000009', 'scale.zero-value'],
  ])('%s is refused as %s, naming the barcode', (code, reason) => {
    const e = thrownBy(DukkanError, () => readScaleLabel(code, defaults));
    expect(e.code).toBe(reason);
    expect(e.params).toEqual({ barcode: code });
    expect(e.text('ar')).toContain(code);
  });
});

describe('scale label layouts a shop configures', () => {
  it.each<[ScaleLayout, string, string, string, string]>([
    // a 4-digit item code and a 6-digit price (up to 9999.99), as some Saudi scales print
    [{ pattern: '25....{NNNNDD}', kind: 'price' }, '2500010025003', '0001', '25.00', '2500010000000'],
    // prefix 28 and a literal department digit 1: a 4-digit item code, weight to the gram
    [{ pattern: '281....{NNDDD}', kind: 'weight' }, '2810007004042', '0007', '0.404', '2810007000006'],
    // the value first, then the item code
    [{ pattern: '27{NNNDD}.....', kind: 'price' }, '2700450123455', '12345', '4.50', '2700000123454'],
    // weight without decimals is a whole number of kilograms
    [{ pattern: '26.....{NNNNN}', kind: 'weight' }, '2600042000051', '00042', '5', '2600042000006'],
  ])('%o reads %s', (layout, code, itemCode, value, productBarcode) => {
    const compiled = compileScaleLayouts([layout]);
    const label = readScaleLabel(code, compiled);
    expect(label).toMatchObject({ itemCode, value });
    expect(label?.productBarcode.slice(0, 12)).toBe(productBarcode.slice(0, 12));
    expect(label?.productBarcode).toBe(productBarcode.slice(0, 12) + ean13CheckDigit(productBarcode.slice(0, 12)));
  });

  it.each<[ScaleLayout, string]>([
    [{ pattern: '21.....{NNDD}', kind: 'weight' }, 'scale.layout-shape'], // 11 digits
    [{ pattern: '21.....{NNDDDD}', kind: 'weight' }, 'scale.layout-shape'], // 13 digits
    [{ pattern: '21{NNNNNDDDDD}', kind: 'weight' }, 'scale.layout-shape'], // no item code
    [{ pattern: '21.....NNDDD', kind: 'weight' }, 'scale.layout-shape'], // no value group
    [{ pattern: '21...{NN}..{DD}.', kind: 'weight' }, 'scale.layout-shape'], // two groups
    [{ pattern: '21.....{DDDDD}', kind: 'weight' }, 'scale.layout-shape'], // no whole part
    [{ pattern: '.....21{NNDDD}', kind: 'weight' }, 'scale.layout-shape'], // no literal prefix
    [{ pattern: '31.....{NNDDD}', kind: 'weight' }, 'scale.layout-prefix'], // a GS1 company prefix
    [{ pattern: '2......{NNDDD}', kind: 'weight' }, 'scale.layout-prefix'], // one literal digit
    [{ pattern: '21.....{NDDDD}', kind: 'weight' }, 'scale.layout-decimals'], // a tenth of a gram
    [{ pattern: '23.....{NNDDD}', kind: 'price' }, 'scale.layout-decimals'], // a tenth of a halala
  ])('%o is refused as %s, on its pattern field', (layout, reason) => {
    const e = thrownBy(DukkanError, () => compileScaleLayouts([DEFAULT_SCALE_LAYOUTS[0]!, layout]));
    expect(e.code).toBe(reason);
    expect(e.field).toBe('layouts.1.pattern');
    expect(e.params).toMatchObject({ layout: 2 });
  });

  it('two layouts that could claim the same label are refused', () => {
    const e = thrownBy(DukkanError, () =>
      compileScaleLayouts([
        { pattern: '21.....{NNDDD}', kind: 'weight' },
        { pattern: '212....{NNNDD}', kind: 'price' },
      ]),
    );
    expect(e.code).toBe('scale.layout-overlap');
    expect(e.params).toEqual({ first: 1, second: 2, prefix: '212' });
  });
});

describe('the quantity a label sells', () => {
  const weight = readScaleLabel('2100042012509', defaults)!;
  const price = readScaleLabel('2300123012507', defaults)!;
  it.each([
    [weight, 'kg', '1.25'],
    [weight, 'g', '1250'],
    [readScaleLabel('2100042000018', defaults)!, 'g', '1'],
    [price, 'kg', '1'],
    [price, 'piece', '1'],
  ] as const)('%o of a product sold by %s: %s', (label, unit, quantity) => expect(labelQuantity(label, unit, 'Dates')).toBe(quantity));

  it.each(['piece', 'l'] as const)('a weight label on a product sold by %s is refused', (unit) => {
    const e = thrownBy(DukkanError, () => labelQuantity(weight, unit, 'Milk'));
    expect(e.code).toBe('scale.weight-for-unit');
    expect(e.params).toMatchObject({ product: 'Milk', unit });
  });
});
