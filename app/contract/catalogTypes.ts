// SPDX-License-Identifier: UNLICENSED
// What the catalog's data methods answer (docs/catalog.md): a scan that may be a scale label, the scale label
// layouts, the preview of a CSV import, and the cart kept in main. Plain JSON, as every answer (types.ts).
import type { ErrorText } from './errors';
import type { Product, ProductUnit, VatCategoryCode } from './types';

/** A scanned code: the product, and what a scale label on it says (quantity sold; the price, for a price label). */
export interface ScanMatch {
  readonly product: Product;
  /** The quantity to sell: "1" for a product code or a price label, the weight (kg or g) of a weight label. */
  readonly quantity: string;
  /** The scanned price label, which the cart line carries so main can read its price itself; null otherwise. */
  readonly labelBarcode: string | null;
  /** The price a price label carries (VAT-inclusive shelf price); null otherwise. */
  readonly labelPrice: string | null;
}

export interface ScaleLayoutValue {
  /** The 12 digits before the check digit: literal digits, `.` item-code digits, one {N…D…} value group. */
  readonly pattern: string;
  readonly kind: 'weight' | 'price';
}

/** A problem with a row of a CSV file, or a note about it (a duplicate): its line and why, by catalog code. */
export type CsvRowNote = ErrorText & { readonly line: number; readonly field?: string };

export interface CsvPreviewRow {
  readonly line: number;
  readonly name: string;
  readonly nameAr: string | null;
  readonly barcodes: readonly string[];
  /** Exact decimal string, as it will be stored. */
  readonly price: string;
  readonly priceIncludesVat: boolean;
  readonly unit: ProductUnit;
  readonly vatCategory: VatCategoryCode;
  readonly vatRate: string;
  readonly exemptionCode: string | null;
  /** create: a new product; update: the product it matches (by barcode, or by name when it has none). */
  readonly action: 'create' | 'update';
  readonly existing: { readonly id: number; readonly name: string } | null;
}

/** What an import would do, before anything is written (catalog.previewCsv). */
export interface CsvImportPreview {
  /** The decimal separator read from the file's numbers; null when no number in it has decimals. */
  readonly decimalSeparator: '.' | ',' | null;
  readonly rows: readonly CsvPreviewRow[];
  /** Rows that are wrong: while there is one, nothing can be imported. */
  readonly errors: readonly CsvRowNote[];
  /** Duplicates of existing names or barcodes, for the manager to look at before confirming. */
  readonly warnings: readonly CsvRowNote[];
}

/** A line of the cart kept in main: as sale.quote takes it, with the name the till showed. */
export interface OpenCartLine {
  readonly productId: number;
  readonly name: string;
  readonly quantity: string;
  readonly unitPrice?: string;
  readonly discount?: string;
  readonly labelBarcode?: string;
}

export interface OpenCart {
  readonly lines: readonly OpenCartLine[];
  /** ISO instant of the last change. */
  readonly savedAt: string;
}
