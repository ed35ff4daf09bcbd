// SPDX-License-Identifier: UNLICENSED
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvSyntaxError, parseCsv } from './parseCsv';

describe('parseCsv', () => {
  it('reads what spreadsheets write: BOM, CRLF, quotes, doubled quotes, separators and newlines inside quotes', () => {
    const text = '\uFEFFname,price\r\n"Tea, green",12.50\r\n"He said ""hi""",1\r\n"two\r\nlines",2\r\n\r\nلبن,3';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['name', 'price'] },
      { line: 2, fields: ['Tea, green', '12.50'] },
      { line: 3, fields: ['He said "hi"', '1'] },
      { line: 4, fields: ['two\r\nlines', '2'] },
      { line: 7, fields: ['لبن', '3'] },
    ]);
  });

  it('detects semicolon and tab separators from the header line', () => {
    expect(parseCsv('a;b\n1,5;2\n').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    expect(parseCsv('a\tb\nx y\tz').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x y', 'z'],
    ]);
  });

  it('reports malformed quoting with the line', () => {
    expect(() => parseCsv('a,b\n"open,1\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n"open,1\n')).toThrow(expect.objectContaining({ code: 'csv.quote-not-closed', line: 2 }));
    expect(() => parseCsv('a,b\n"x"y,1')).toThrow(expect.objectContaining({ code: 'csv.quote-then-separator', line: 2 }));
    expect(() => parseCsv('a,b\nx"y",1')).toThrow(expect.objectContaining({ code: 'csv.quote-inside-field', line: 2 }));
  });

  it('round-trips any table written with RFC 4180 quoting', () => {
    const cell = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const header = ['h1', 'h2'];
        const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const text = [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
        expect(parseCsv(text).map((r) => r.fields)).toEqual([header, ...rows].filter((r) => !(r.length === 1 && r[0]!.trim() === '')));
      }),
    );
  });
});
