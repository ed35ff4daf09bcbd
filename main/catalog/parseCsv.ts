// SPDX-License-Identifier: UNLICENSED
// RFC 4180 CSV as spreadsheets write it: quoted fields with "" escapes and embedded newlines, CRLF or LF, an optional
// UTF-8 BOM (Excel's "CSV UTF-8", the usual way Arabic product names arrive), and comma, semicolon or tab as the
// separator (detected from the header line: Excel in Arabic and European locales writes semicolons).

export interface CsvRow {
  /** 1-based line number where the record starts, for error messages. */
  readonly line: number;
  readonly fields: readonly string[];
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
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
        if (next !== undefined && next !== sep && next !== '\r' && next !== '\n')
          throw new CsvSyntaxError(line, 'a closing quote must be followed by a separator or the end of the line');
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field.trim() !== '') throw new CsvSyntaxError(line, 'a quote may only open a field');
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
  if (quoted) throw new CsvSyntaxError(recordLine, 'a quoted field is not closed');
  if (field !== '' || fields.length > 0) endRecord();
  return rows;
}
