// SPDX-License-Identifier: UNLICENSED
// Catalog import from a spreadsheet, in two steps (docs/catalog.md, "CSV import"): previewProductsCsv reads the file
// and says what it would do, writing nothing; importProductsCsv, called when the manager confirms the preview, does
// it, all rows or none. Columns by header name (any order, case-insensitive):
//   name (required), name_ar, barcode (several separated by | or spaces), price (required),
//   price_includes_vat (yes/no, default yes: Saudi shelf prices include VAT), vat_category (S, Z, E, O; default S),
//   vat_rate (15, 5, 0; default 15 for S, else 0), exemption_code (required for Z, E, O),
//   unit (piece, kg, g, l or حبة, كجم, جم, لتر; default piece).
// Numbers are read with the decimal separator the file uses (app/catalog/csvNumbers.ts). A row whose barcode (or,
// without barcode, whose name) matches an existing product updates it. Every row is checked first; if any row is
// wrong nothing is imported and every problem is listed with its line number and its catalog code (`csv.*`,
// `catalog.*`), which the manager screen shows in its language. Rows that match or resemble existing products are
// listed as warnings for the manager to look at before confirming.
import type { CsvImportPreview, CsvPreviewRow, CsvRowNote } from '../../app/contract/catalogTypes';
import type { CsvImportResult, Product, ProductUnit, VatCategoryCode } from '../../app/contract/types';
import { detectDecimalSeparator, readCsvNumber, type DecimalSeparator } from '../../app/catalog/csvNumbers';
import { searchKey } from '../../app/catalog/searchText';
import { DukkanError } from '../../app/errors/index';
import { CatalogError, checkProductNames, checkProductVat, type CatalogStore, type ProductInput } from './catalogStore';
import { CsvSyntaxError, parseCsv, type CsvRow } from './parseCsv';
import { closestKey } from '../../app/errors/unknownKeys';

const COLUMNS = ['name', 'name_ar', 'barcode', 'price', 'price_includes_vat', 'vat_category', 'vat_rate', 'exemption_code', 'unit'] as const;
type Column = (typeof COLUMNS)[number];

const YES = new Set(['yes', 'y', 'true', '1', 'نعم']);
const NO = new Set(['no', 'n', 'false', '0', 'لا']);
const UNITS: Readonly<Record<string, ProductUnit>> = {
  piece: 'piece',
  pcs: 'piece',
  pc: 'piece',
  حبة: 'piece',
  حبه: 'piece',
  kg: 'kg',
  كجم: 'kg',
  كغ: 'kg',
  كيلو: 'kg',
  g: 'g',
  جم: 'g',
  غ: 'g',
  غرام: 'g',
  l: 'l',
  لتر: 'l',
  ل: 'l',
};

function parseRow(get: (c: Column) => string, line: number, decimal: DecimalSeparator | null): ProductInput {
  const name = get('name');
  if (!name) throw new CatalogError('csv.name-empty', {}, { field: 'name' });
  if (name.length > 200) throw new CatalogError('csv.name-too-long', { max: 200 }, { field: 'name' });
  const price = readCsvNumber(get('price'), decimal, { row: line, column: 'price' });
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(price)) throw new CatalogError('csv.price', { value: get('price') }, { field: 'price' });
  const incl = get('price_includes_vat').toLowerCase();
  if (incl && !YES.has(incl) && !NO.has(incl)) throw new CatalogError('csv.yes-no', { value: incl }, { field: 'price_includes_vat' });
  const category = (get('vat_category').toUpperCase() || 'S') as VatCategoryCode;
  if (!['S', 'Z', 'E', 'O'].includes(category)) throw new CatalogError('csv.vat-category', { value: category }, { field: 'vat_category' });
  const rateCell = get('vat_rate').replace(/[%٪]$/, '');
  const rate = rateCell ? readCsvNumber(rateCell, decimal, { row: line, column: 'vat_rate' }).replace(/\.0+$/, '') : category === 'S' ? '15' : '0';
  const unitCell = get('unit').toLowerCase();
  const unit = unitCell ? UNITS[unitCell] : 'piece';
  if (!unit) throw new DukkanError('csv.unit', { row: line, column: 'unit', value: get('unit') }, { field: 'unit' });
  const barcodes = get('barcode')
    .split(/[|\s]+/)
    .filter((b) => b.length > 0);
  for (const b of barcodes) if (!/^[\x21-\x7E]{1,64}$/.test(b)) throw new CatalogError('csv.barcode', { value: b }, { field: 'barcode' });
  const exemption = get('exemption_code');
  const product: ProductInput = {
    name,
    nameAr: get('name_ar') || undefined,
    barcodes,
    price,
    priceIncludesVat: incl === '' || YES.has(incl),
    vatCategory: category,
    vatRate: rate,
    exemptionCode: exemption || undefined,
    active: true,
    unit,
  };
  checkProductNames(product, { name: 'name', nameAr: 'name_ar' });
  checkProductVat(product);
  return product;
}

/** A refused row as the result lists it: its line, the code and parameters, and the column at fault. */
const rowError = (line: number, e: DukkanError): CsvRowNote => ({
  line,
  reason: e.code,
  params: { ...e.params },
  ...(e.field !== undefined ? { field: e.field } : {}),
});

function unknownColumn(line: number, column: string): CsvRowNote {
  const suggestion = closestKey(column, COLUMNS);
  return suggestion !== undefined
    ? { line, reason: 'csv.unknown-column-close', params: { column, suggestion }, field: column }
    : { line, reason: 'csv.unknown-column', params: { column, columns: COLUMNS.join(', ') }, field: column };
}

interface Parsed {
  readonly line: number;
  readonly product: ProductInput;
}

/** The file's header and rows, or the refusal of its header or quoting. */
function readFile(csv: string): { errors: CsvRowNote[] } | { index: Map<string, number>; data: CsvRow[] } {
  let rows;
  try {
    rows = parseCsv(csv);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { errors: [rowError(e.line, e)] };
    throw e;
  }
  const [header, ...data] = rows;
  if (!header) return { errors: [{ line: 1, reason: 'csv.no-header', params: {} }] };
  const index = new Map(header.fields.map((h, i) => [h.trim().toLowerCase().replace(/\s+/g, '_'), i]));
  // a column nobody knows is refused, never skipped: `vat rate` misspelt would otherwise import every product at the
  // default rate (docs/security.md, "Input is read strictly"); a blank header names no column and is left alone
  const unknown = [...index.keys()].filter((h) => h !== '' && !(COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) return { errors: unknown.map((column) => unknownColumn(header.line, column)) };
  const missing = (['name', 'price'] as const).filter((c) => !index.has(c));
  if (missing.length > 0)
    return { errors: [{ line: header.line, reason: 'csv.missing-columns', params: { missing: missing.join(', '), columns: COLUMNS.join(', ') } }] };
  return { index, data };
}

/** What an import of `csv` would do to the catalog; writes nothing. */
export function previewProductsCsv(store: Pick<CatalogStore, 'list' | 'lookup'>, csv: string): CsvImportPreview {
  const file = readFile(csv);
  if ('errors' in file) return { decimalSeparator: null, rows: [], errors: file.errors, warnings: [] };
  const { index, data } = file;
  const cell = (row: CsvRow, c: Column) => {
    const i = index.get(c);
    return i === undefined ? '' : (row.fields[i] ?? '').trim();
  };
  const decimal = detectDecimalSeparator(data.flatMap((row) => [cell(row, 'price'), cell(row, 'vat_rate').replace(/[%٪]$/, '')]));

  const errors: CsvRowNote[] = [];
  const parsed: Parsed[] = [];
  const seenBarcodes = new Map<string, number>();
  for (const row of data) {
    try {
      const product = parseRow((c) => cell(row, c), row.line, decimal);
      for (const b of product.barcodes) {
        const first = seenBarcodes.get(b);
        if (first !== undefined) throw new CatalogError('csv.barcode-repeated', { barcode: b, line: first }, { field: 'barcode' });
        seenBarcodes.set(b, row.line);
      }
      parsed.push({ line: row.line, product });
    } catch (e) {
      if (!(e instanceof DukkanError)) throw e;
      errors.push(rowError(row.line, e));
    }
  }
  const matched = matchExisting(store, parsed);
  return { decimalSeparator: decimal, rows: matched.rows, errors: [...errors, ...matched.errors].sort((a, b) => a.line - b.line), warnings: matched.warnings };
}

/** Each row against the catalog: the product it updates, and the duplicates of names and barcodes to flag. */
function matchExisting(store: Pick<CatalogStore, 'list' | 'lookup'>, parsed: readonly Parsed[]) {
  const existing = store.list();
  const byName = new Map(existing.map((p) => [p.name.toLowerCase(), p]));
  const byKey = new Map(existing.map((p) => [searchKey(p.name), p]));
  const namesInFile = new Map<string, number>();
  const rows: CsvPreviewRow[] = [];
  const errors: CsvRowNote[] = [];
  const warnings: CsvRowNote[] = [];
  for (const { line, product } of parsed) {
    const owners = [...new Map(product.barcodes.flatMap((b) => store.lookup(b) ?? []).map((p) => [p.id, p])).values()];
    if (owners.length > 1) {
      const b = product.barcodes.find((code) => store.lookup(code)?.id === owners[1]!.id)!;
      errors.push({ line, reason: 'catalog.barcode-taken', params: { barcode: b, product: owners[1]!.name }, field: 'barcode' });
      continue;
    }
    const target: Product | undefined = owners[0] ?? (product.barcodes.length === 0 ? byName.get(product.name.toLowerCase()) : undefined);
    if (owners[0]) {
      const barcode = product.barcodes.find((code) => store.lookup(code)?.id === owners[0]!.id)!;
      warnings.push({ line, reason: 'csv.updates-by-barcode', params: { barcode, product: owners[0].name }, field: 'barcode' });
    } else if (target) warnings.push({ line, reason: 'csv.updates-by-name', params: { product: target.name }, field: 'name' });
    else {
      const twin = byKey.get(searchKey(product.name));
      if (twin) warnings.push({ line, reason: 'csv.duplicate-name', params: { name: product.name, product: twin.name }, field: 'name' });
    }
    const key = searchKey(product.name);
    const earlier = namesInFile.get(key);
    if (earlier !== undefined) warnings.push({ line, reason: 'csv.name-repeated', params: { name: product.name, line: earlier }, field: 'name' });
    else namesInFile.set(key, line);
    rows.push({
      line,
      name: product.name,
      nameAr: product.nameAr ?? null,
      barcodes: product.barcodes,
      price: product.price,
      priceIncludesVat: product.priceIncludesVat,
      unit: product.unit ?? 'piece',
      vatCategory: product.vatCategory,
      vatRate: product.vatRate,
      exemptionCode: product.exemptionCode ?? null,
      action: target ? 'update' : 'create',
      existing: target ? { id: target.id, name: target.name } : null,
    });
  }
  return { rows, errors, warnings: warnings.sort((a, b) => a.line - b.line) };
}

const refused = (errors: readonly CsvRowNote[]): CsvImportResult => ({ created: 0, updated: 0, errors });

/** Imports `csv` as its preview says, in one transaction; nothing at all while any row is wrong. */
export function importProductsCsv(store: CatalogStore, csv: string): CsvImportResult {
  const preview = previewProductsCsv(store, csv);
  if (preview.errors.length > 0) return refused(preview.errors);
  const inputs = new Map(preview.rows.map((r) => [r.line, r]));
  let saving = 0; // the line of the row being saved, for a refusal by the store
  try {
    return store.transaction(() => {
      for (const [line, row] of inputs) {
        saving = line;
        const { name, nameAr, barcodes, price, priceIncludesVat, vatCategory, vatRate, exemptionCode, unit } = row;
        store.save({
          ...{ id: row.existing?.id, name, nameAr: nameAr ?? undefined, barcodes, price, priceIncludesVat },
          ...{ vatCategory, vatRate, exemptionCode: exemptionCode ?? undefined, unit, active: true },
        });
      }
      const updated = preview.rows.filter((r) => r.action === 'update').length;
      return { created: preview.rows.length - updated, updated, errors: [] };
    });
  } catch (e) {
    // the store refused a row: the transaction is rolled back, nothing is imported
    if (!(e instanceof CatalogError)) throw e;
    return refused([rowError(saving, e)]);
  }
}
