// SPDX-License-Identifier: UNLICENSED
// Catalog import from a spreadsheet. Columns by header name (any order, case-insensitive):
//   name (required), name_ar, barcode (several separated by | or spaces), price (required),
//   price_includes_vat (yes/no, default yes: Saudi shelf prices include VAT), vat_category (S, Z, E, O; default S),
//   vat_rate (15, 5, 0; default 15 for S, else 0), exemption_code (required for Z, E, O).
// A row whose barcode (or, without barcode, whose name) matches an existing product updates it. Every row is
// checked first; if any row is wrong nothing is imported and every problem is listed with its line number and its
// catalog code (`csv.*`, `catalog.*`), which the manager screen shows in its language.
import type { CsvImportResult, VatCategoryCode } from '../../app/contract/types';
import { CatalogError, checkProductNames, checkProductVat, type CatalogStore, type ProductInput } from './catalogStore';
import { CsvSyntaxError, parseCsv } from './parseCsv';
import { closestKey } from '../../app/errors/unknownKeys';

const COLUMNS = ['name', 'name_ar', 'barcode', 'price', 'price_includes_vat', 'vat_category', 'vat_rate', 'exemption_code'] as const;
type Column = (typeof COLUMNS)[number];

const YES = new Set(['yes', 'y', 'true', '1', 'نعم']);
const NO = new Set(['no', 'n', 'false', '0', 'لا']);

function parseRow(get: (c: Column) => string): ProductInput {
  const name = get('name');
  if (!name) throw new CatalogError('csv.name-empty', {}, { field: 'name' });
  if (name.length > 200) throw new CatalogError('csv.name-too-long', { max: 200 }, { field: 'name' });
  const price = get('price').replace(/,/g, '');
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(price)) throw new CatalogError('csv.price', { value: get('price') }, { field: 'price' });
  const incl = get('price_includes_vat').toLowerCase();
  if (incl && !YES.has(incl) && !NO.has(incl)) throw new CatalogError('csv.yes-no', { value: incl }, { field: 'price_includes_vat' });
  const category = (get('vat_category').toUpperCase() || 'S') as VatCategoryCode;
  if (!['S', 'Z', 'E', 'O'].includes(category)) throw new CatalogError('csv.vat-category', { value: category }, { field: 'vat_category' });
  const rate = get('vat_rate').replace(/%$/, '') || (category === 'S' ? '15' : '0');
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
  };
  checkProductNames(product, { name: 'name', nameAr: 'name_ar' });
  checkProductVat(product);
  return product;
}

type RowError = CsvImportResult['errors'][number];

/** A refused row as the result lists it: its line, the code and parameters, and the column at fault. */
const rowError = (line: number, e: CatalogError | CsvSyntaxError): RowError => ({
  line,
  reason: e.code,
  params: { ...e.params },
  ...(e.field !== undefined ? { field: e.field } : {}),
});

function unknownColumn(line: number, column: string): RowError {
  const suggestion = closestKey(column, COLUMNS);
  return suggestion !== undefined
    ? { line, reason: 'csv.unknown-column-close', params: { column, suggestion }, field: column }
    : { line, reason: 'csv.unknown-column', params: { column, columns: COLUMNS.join(', ') }, field: column };
}

const refused = (errors: RowError[]): CsvImportResult => ({ created: 0, updated: 0, errors });

export function importProductsCsv(store: CatalogStore, csv: string): CsvImportResult {
  let rows;
  try {
    rows = parseCsv(csv);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return refused([rowError(e.line, e)]);
    throw e;
  }
  const [header, ...data] = rows;
  if (!header) return refused([{ line: 1, reason: 'csv.no-header', params: {} }]);
  const index = new Map(header.fields.map((h, i) => [h.trim().toLowerCase().replace(/\s+/g, '_'), i]));
  // a column nobody knows is refused, never skipped: `vat rate` misspelt would otherwise import every product at the
  // default rate (docs/security.md, "Input is read strictly"); a blank header names no column and is left alone
  const unknown = [...index.keys()].filter((h) => h !== '' && !(COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) return refused(unknown.map((column) => unknownColumn(header.line, column)));
  const missing = (['name', 'price'] as const).filter((c) => !index.has(c));
  if (missing.length > 0)
    return refused([{ line: header.line, reason: 'csv.missing-columns', params: { missing: missing.join(', '), columns: COLUMNS.join(', ') } }]);

  const errors: RowError[] = [];
  const parsed: { line: number; product: ProductInput }[] = [];
  const seenBarcodes = new Map<string, number>();
  for (const row of data) {
    const get = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (row.fields[i] ?? '').trim();
    };
    try {
      const product = parseRow(get);
      for (const b of product.barcodes) {
        const first = seenBarcodes.get(b);
        if (first !== undefined) throw new CatalogError('csv.barcode-repeated', { barcode: b, line: first }, { field: 'barcode' });
        seenBarcodes.set(b, row.line);
      }
      parsed.push({ line: row.line, product });
    } catch (e) {
      if (!(e instanceof CatalogError)) throw e;
      errors.push(rowError(row.line, e));
    }
  }
  if (errors.length > 0) return refused(errors);

  let created = 0;
  let updated = 0;
  let saving = 0; // the line of the row being saved, for a refusal by the store
  try {
    store.transaction(() => {
      const byName = new Map(store.list().map((p) => [p.name.toLowerCase(), p.id]));
      for (const { line, product } of parsed) {
        const existing =
          product.barcodes.map((b) => store.lookup(b)?.id).find((id) => id !== undefined) ??
          (product.barcodes.length === 0 ? byName.get(product.name.toLowerCase()) : undefined);
        saving = line;
        store.save({ ...product, id: existing });
        if (existing === undefined) created++;
        else updated++;
      }
    });
  } catch (e) {
    // the store refused a row (another product's barcode): the transaction is rolled back, nothing is imported
    if (!(e instanceof CatalogError)) throw e;
    return refused([rowError(saving, e)]);
  }
  return { created, updated, errors: [] };
}
