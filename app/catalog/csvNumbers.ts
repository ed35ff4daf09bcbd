// SPDX-License-Identifier: UNLICENSED
// Numbers in a spreadsheet's CSV, read exactly (docs/catalog.md, "CSV import"). Excel writes the numbers of the
// locale it runs in: 12.50 in English, 12,50 in Arabic and most European locales (with ; between fields), and
// either may group thousands (1,250.00 / 1.250,00). Reading "12,50" by deleting the comma made it 1250 — a price a
// hundred times too high, signed into every invoice. So:
//   - the decimal separator is read from the file: every number that can only be read one way (12,50 · 3.5 ·
//     1,250.00 · ١٢٫٥٠) is evidence; the separator with more evidence is the file's;
//   - a number that could be read both ways (1,250 or 1.250: a decimal with three places, or a thousand and more)
//     is refused, naming its row and column, unless it is written with the file's decimal separator;
//   - a number written with the other separator than the rest of the file is refused, never guessed;
//   - Arabic-Indic digits, the Arabic decimal separator ٫ and the Arabic thousands separator ٬ are read as such.
import { DukkanError } from '../errors/index';
import { asciiDigits } from './searchText';

export type DecimalSeparator = '.' | ',';

/** Where a number is, for the refusal: the file's line and the column's header name. */
export interface CellPlace {
  readonly row: number;
  readonly column: string;
}

const other = (s: DecimalSeparator): DecimalSeparator => (s === '.' ? ',' : '.');

/** The cell with ASCII digits and no white space (the Arabic separators ٫ and ٬ stay: each has one meaning). */
const plain = (cell: string): string => asciiDigits(cell).replace(/[\s\u00A0\u202F]/g, '');

type Reading =
  | { readonly kind: 'integer'; readonly digits: string }
  /** Only one reading: the decimal separator is `decimal`. */
  | { readonly kind: 'decimal'; readonly decimal: DecimalSeparator | '٫'; readonly whole: string; readonly fraction: string }
  /** d{1,3}Sddd: a decimal with three places if S is the decimal separator, a whole number if S groups thousands. */
  | { readonly kind: 'ambiguous'; readonly separator: DecimalSeparator; readonly whole: string; readonly fraction: string }
  /** Whole thousands grouped by S (1,250,000), which therefore is not the decimal separator. */
  | { readonly kind: 'grouped'; readonly separator: DecimalSeparator; readonly digits: string }
  | { readonly kind: 'invalid' };

const GROUPED = (s: string) => new RegExp(`^\\d{1,3}(?:\\${s}\\d{3})+$`);

function read(cell: string): Reading {
  const t = plain(cell);
  if (/^\d+$/.test(t)) return { kind: 'integer', digits: t };
  let m = /^(\d+(?:\u066C\d{3})*)٫(\d+)$/.exec(t);
  if (m) return { kind: 'decimal', decimal: '٫', whole: m[1]!.replace(/\u066C/g, ''), fraction: m[2]! };
  if (/^\d{1,3}(?:\u066C\d{3})+$/.test(t)) return { kind: 'integer', digits: t.replace(/\u066C/g, '') };
  for (const s of ['.', ','] as const) {
    const g = other(s);
    // both separators: the last one is the decimal separator, the other groups thousands
    m = new RegExp(`^(\\d{1,3}(?:\\${g}\\d{3})+)\\${s}(\\d+)$`).exec(t);
    if (m) return { kind: 'decimal', decimal: s, whole: m[1]!.split(g).join(''), fraction: m[2]! };
    m = new RegExp(`^(\\d+)\\${s}(\\d+)$`).exec(t);
    if (m) {
      const [, whole, fraction] = m as unknown as [string, string, string];
      return fraction.length === 3 && whole.length <= 3 && whole !== '0'
        ? { kind: 'ambiguous', separator: s, whole, fraction }
        : { kind: 'decimal', decimal: s, whole, fraction };
    }
    if (GROUPED(s).test(t)) return { kind: 'grouped', separator: s, digits: t.split(s).join('') };
  }
  return { kind: 'invalid' };
}

/** The decimal separator the numbers of a file show; null when none of them tells (whole numbers only). */
export function detectDecimalSeparator(cells: Iterable<string>): DecimalSeparator | null {
  const votes = { '.': 0, ',': 0 };
  for (const cell of cells) {
    const r = read(cell);
    if (r.kind === 'decimal' && r.decimal !== '٫') votes[r.decimal]++;
    else if (r.kind === 'grouped') votes[other(r.separator)]++;
  }
  if (votes['.'] === 0 && votes[','] === 0) return null;
  return votes[','] > votes['.'] ? ',' : '.';
}

/**
 * The number in `cell` as a plain decimal string ("1250", "12.50"), read with the file's decimal separator
 * (detectDecimalSeparator). Refuses, naming row and column: text that is not a number (`csv.number`), a number
 * two readings fit (`csv.number-ambiguous`), a number using the other separator than the file (`csv.number-separator`).
 */
export function readCsvNumber(cell: string, decimal: DecimalSeparator | null, at: CellPlace): string {
  const r = read(cell);
  const value = cell.trim();
  const where = { row: at.row, column: at.column, value };
  const field = { field: at.column };
  switch (r.kind) {
    case 'integer':
      return r.digits.replace(/^0+(?=\d)/, '');
    case 'decimal':
      if (r.decimal !== '٫' && decimal !== null && r.decimal !== decimal)
        throw new DukkanError('csv.number-separator', { ...where, found: r.decimal, expected: decimal }, field);
      return `${r.whole.replace(/^0+(?=\d)/, '')}.${r.fraction}`;
    case 'grouped':
      if (decimal === r.separator) throw new DukkanError('csv.number-separator', { ...where, found: r.separator, expected: other(r.separator) }, field);
      return r.digits.replace(/^0+(?=\d)/, '');
    case 'ambiguous':
      // with the file's decimal separator it is a decimal (1,250 in a file of 12,50s is 1.25); otherwise it may be a
      // grouped thousand or a decimal typed the other way, and money is never guessed
      if (decimal === r.separator) return `${r.whole}.${r.fraction}`;
      throw new DukkanError('csv.number-ambiguous', { ...where, thousands: `${r.whole}${r.fraction}`, decimal: `${r.whole}.${r.fraction}` }, field);
    case 'invalid':
      throw new DukkanError('csv.number', { ...where, separator: decimal ?? '.' }, field);
  }
}
