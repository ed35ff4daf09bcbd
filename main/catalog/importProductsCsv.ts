// SPDX-License-Identifier: UNLICENSED
// Catalog import from a spreadsheet. Columns by header name (any order, case-insensitive):
//   name (required), name_ar, barcode (several separated by | or spaces), price (required),
//   price_includes_vat (yes/no, default yes: Saudi shelf prices include VAT), vat_category (S, Z, E, O; default S),
//   vat_rate (15, 5, 0; default 15 for S, else 0), exemption_code (required for Z, E, O).
// A row whose barcode (or, without barcode, whose name) matches an existing product updates it. Every row is
// checked first; if any row is wrong nothing is imported and every problem is listed with its line number.
import type { CsvImportResult, VatCategoryCode } from '../../app/contract/types';
import { CatalogError, checkProductVat, type CatalogStore, type ProductInput } from './catalogStore';
import { CsvSyntaxError, parseCsv } from './parseCsv';

const COLUMNS = ['name', 'name_ar', 'barcode', 'price', 'price_includes_vat', 'vat_category', 'vat_rate', 'exemption_code'] as const;
type Column = (typeof COLUMNS)[number];

const YES = new Set(['yes', 'y', 'true', '1', 'نعم']);
const NO = new Set(['no', 'n', 'false', '0', 'لا']);

function parseRow(get: (c: Column) => string): ProductInput {
  const name = get('name');
  if (!name) throw new CatalogError('name', 'is empty');
  if (name.length > 200) throw new CatalogError('name', 'is longer than 200 characters');
  const price = get('price').replace(/,/g, '');
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(price)) throw new CatalogError('price', `"${get('price')}" is not a price such as 12.50`);
  const incl = get('price_includes_vat').toLowerCase();
  if (incl && !YES.has(incl) && !NO.has(incl)) throw new CatalogError('price_includes_vat', `"${incl}" must be yes or no`);
  const category = (get('vat_category').toUpperCase() || 'S') as VatCategoryCode;
  if (!['S', 'Z', 'E', 'O'].includes(category)) throw new CatalogError('vat_category', `"${category}" must be S, Z, E or O`);
  const rate = get('vat_rate').replace(/%$/, '') || (category === 'S' ? '15' : '0');
  const barcodes = get('barcode')
    .split(/[|\s]+/)
    .filter((b) => b.length > 0);
  for (const b of barcodes) if (!/^[\x21-\x7E]{1,64}$/.test(b)) throw new CatalogError('barcode', `"${b}" is not a barcode`);
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
  checkProductVat(product);
  return product;
}

export function importProductsCsv(store: CatalogStore, csv: string): CsvImportResult {
  let rows;
  try {
    rows = parseCsv(csv);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { created: 0, updated: 0, errors: [{ line: e.line, message: e.message.replace(/^line \d+: /, '') }] };
    throw e;
  }
  const [header, ...data] = rows;
  if (!header) return { created: 0, updated: 0, errors: [{ line: 1, message: 'the file has no header line' }] };
  const index = new Map(header.fields.map((h, i) => [h.trim().toLowerCase().replace(/\s+/g, '_'), i]));
  const missing = (['name', 'price'] as const).filter((c) => !index.has(c));
  if (missing.length > 0)
    return { created: 0, updated: 0, errors: [{ line: header.line, message: `missing column ${missing.join(' and ')} (columns: ${COLUMNS.join(', ')})` }] };

  const errors: { line: number; message: string }[] = [];
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
        if (first !== undefined) throw new CatalogError('barcode', `${b} is also on line ${first}`);
        seenBarcodes.set(b, row.line);
      }
      parsed.push({ line: row.line, product });
    } catch (e) {
      if (!(e instanceof CatalogError)) throw e;
      errors.push({ line: row.line, message: e.message });
    }
  }
  if (errors.length > 0) return { created: 0, updated: 0, errors };

  let created = 0;
  let updated = 0;
  try {
    store.transaction(() => {
      const byName = new Map(store.list().map((p) => [p.name.toLowerCase(), p.id]));
      for (const { line, product } of parsed) {
        const existing =
          product.barcodes.map((b) => store.lookup(b)?.id).find((id) => id !== undefined) ??
          (product.barcodes.length === 0 ? byName.get(product.name.toLowerCase()) : undefined);
        try {
          store.save({ ...product, id: existing });
        } catch (e) {
          if (e instanceof CatalogError) throw new CatalogError(`line ${line}`, e.message);
          throw e;
        }
        if (existing === undefined) created++;
        else updated++;
      }
    });
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    return { created: 0, updated: 0, errors: [{ line: Number(/line (\d+)/.exec(e.field)?.[1] ?? 0), message: e.message.replace(/^line \d+: /, '') }] };
  }
  return { created, updated, errors: [] };
}
