// SPDX-License-Identifier: UNLICENSED
// RFC 4180 CSV as spreadsheets write it: quoted fields with "" escapes and embedded newlines, CRLF or LF, an optional
// UTF-8 BOM (Excel's "CSV UTF-8", the usual way Arabic product names arrive), and comma, semicolon or tab as the
// separator (detected from the header line: Excel in Arabic and European locales writes semicolons).
import { DukkanError, type ErrorCode } from '../../app/errors/index';

export interface CsvRow {
  /** 1-based line number where the record starts, for error messages. */
  readonly line: number;
  readonly fields: readonly string[];
}

/** Quoting a spreadsheet would not write (`csv.quote-*`), at the line where the record starts. */
export class CsvSyntaxError extends DukkanError {
  override readonly name = 'CsvSyntaxError';
  declare readonly code: Extract<ErrorCode, `csv.quote-${string}`>;

  constructor(
    code: Extract<ErrorCode, `csv.quote-${string}`>,
    readonly line: number,
  ) {
    super(code, { line });
  }
}

function detectSeparator(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((s) => [s, header.split(s).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function parseCsv(input: string): CsvRow[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const sep = detectSeparator(text);
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) rows.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== sep && next !== '\r' && next !== '\n') throw new CsvSyntaxError('csv.quote-then-separator', line);
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field.trim() !== '') throw new CsvSyntaxError('csv.quote-inside-field', line);
      field = '';
      quoted = true;
      i++;
    } else if (c === sep) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new CsvSyntaxError('csv.quote-not-closed', recordLine);
  if (field !== '' || fields.length > 0) endRecord();
  return rows;
}
