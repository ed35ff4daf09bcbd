import { describe, expect, it } from 'vitest';
import { DukkanError } from '../errors/index';
import { thrownBy } from '../../test/support/thrownBy';
import { detectDecimalSeparator, readCsvNumber, type DecimalSeparator } from './csvNumbers';

const at = { row: 7, column: 'price' };

describe('the decimal separator of a file', () => {
  it.each<[string, string[], DecimalSeparator | null]>([
    ['an English Excel export', ['12.50', '6.5', '39.13', '1,250.00', '15'], '.'],
    ['an Arabic or European Excel export (the file that imported 12,50 as 1250)', ['12,50', '6,5', '39,13', '1.250,00', '15'], ','],
    ['whole prices only', ['12', '6', '1250', '15'], null],
    ['only three-decimal numbers: nothing tells', ['1,250', '2,500'], null],
    ['grouped thousands tell the other one', ['1,250,000', '3'], '.'],
    ['Arabic-Indic digits with the Arabic separator do not vote', ['١٢٫٥٠', '٦٫٥'], null],
    ['mostly commas, one stray dot', ['12,50', '6,50', '3.5'], ','],
  ])('%s', (_what, cells, separator) => expect(detectDecimalSeparator(cells)).toBe(separator));
});

describe('numbers read with the file separator', () => {
  it.each<[string, DecimalSeparator | null, string]>([
    ['12.50', '.', '12.50'],
    ['12,50', ',', '12.50'], // the decimal-comma file: 12,50 is 12.50, never 1250
    ['12,50', null, '12.50'], // a comma with two decimals can only be a decimal
    ['6,5', ',', '6.5'],
    ['0,750', null, '0.750'], // 0,750 cannot be a thousand
    ['1,250', ',', '1.250'], // in a decimal-comma file
    ['1.250', '.', '1.250'],
    ['1,250.00', '.', '1250.00'],
    ['1.250,00', ',', '1250.00'],
    ['1,250,000', '.', '1250000'],
    ['1250', null, '1250'],
    ['015', null, '15'],
    ['١٢٫٥٠', null, '12.50'], // Arabic-Indic digits, Arabic decimal separator
    ['١٢٫٥٠', '.', '12.50'],
    ['١٬٢٥٠٫٥٠', ',', '1250.50'], // Arabic thousands separator
    ['١٢,٥٠', ',', '12.50'], // Arabic-Indic digits, ASCII comma
    ['١٥', null, '15'],
    ['۱۲.۵۰', '.', '12.50'], // Eastern Arabic-Indic digits
    [' 12.50 ', '.', '12.50'],
    ['1 250,50', ',', '1250.50'], // a space between thousands
  ])('%s (file: %s) → %s', (cell, separator, value) => expect(readCsvNumber(cell, separator, at)).toBe(value));

  it.each<[string, DecimalSeparator | null, string]>([
    ['1,250', null, 'csv.number-ambiguous'],
    ['1,250', '.', 'csv.number-ambiguous'], // a thousand, or a decimal typed the other way: never guessed
    ['1.250', ',', 'csv.number-ambiguous'],
    ['12,50', '.', 'csv.number-separator'],
    ['12.50', ',', 'csv.number-separator'],
    ['1,250,000', ',', 'csv.number-separator'],
    ['12.5.0', '.', 'csv.number'],
    ['SAR 12.50', '.', 'csv.number'],
    ['12.50 ر.س', '.', 'csv.number'],
    ['-3', '.', 'csv.number'],
    ['1e3', '.', 'csv.number'],
    ['', '.', 'csv.number'],
    ['12,', ',', 'csv.number'],
  ])('%s (file: %s) is refused as %s, naming row and column', (cell, separator, reason) => {
    const e = thrownBy(DukkanError, () => readCsvNumber(cell, separator, at));
    expect(e.code).toBe(reason);
    expect(e.params).toMatchObject({ row: 7, column: 'price', value: cell.trim() });
    expect(e.field).toBe('price');
    expect(e.text('en')).toMatch(/^Row 7, column price: /);
    expect(e.text('ar')).toMatch(/^الصف 7، العمود price: /);
  });

  it('says what the ambiguous 1,250 could mean', () => {
    expect(thrownBy(DukkanError, () => readCsvNumber('1,250', null, at)).text('en')).toBe(
      'Row 7, column price: "1,250" could mean 1250 or 1.250. Write it without a thousands separator: 1250, or 1.250 with the decimal separator of the rest of the file.',
    );
  });
});
