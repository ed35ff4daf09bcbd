// SPDX-License-Identifier: UNLICENSED
// Products and their barcodes. A product's price is kept exactly as the manager entered it, with or without VAT
// (priceIncludesVat); the sale builder (main/sale/saleBuilder) turns it into document lines. A barcode belongs to one
// product; saving a product with another product's barcode is refused rather than silently moving it. The till
// searches the folded form of the names (search_key, migration 0070; app/catalog/searchText.ts), kept with every
// save and brought up to date when the store opens, so "ارز" finds "أرز" (docs/catalog.md, "Search").
import type { Product, ProductUnit, VatCategoryCode } from '../../app/contract/types';
import { searchKey } from '../../app/catalog/searchText';
import { DukkanError, type ErrorCode, type ErrorParams } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { spoofingCharacter } from '../../app/bytes/spoofingCharacters';

interface ProductRow {
  id: number;
  name: string;
  name_ar: string | null;
  price: string;
  price_includes_vat: number;
  vat_category: VatCategoryCode;
  vat_rate: string;
  exemption_code: string | null;
  active: number;
  unit: ProductUnit;
  barcodes: string | null;
}

export interface ProductInput {
  readonly id?: number | undefined;
  readonly name: string;
  readonly nameAr?: string | undefined;
  readonly barcodes: readonly string[];
  readonly price: string;
  readonly priceIncludesVat: boolean;
  readonly vatCategory: VatCategoryCode;
  readonly vatRate: string;
  readonly exemptionCode?: string | undefined;
  readonly active: boolean;
  /** What the product is sold by; piece when left out. */
  readonly unit?: ProductUnit | undefined;
}

/** A product the catalog refuses (`catalog.*`, or `csv.*` for a row of an import), on the field at fault. */
export class CatalogError extends DukkanError {
  override readonly name = 'CatalogError';
  declare readonly code: Extract<ErrorCode, `catalog.${string}` | `csv.${string}`>;
  declare readonly field: string;

  constructor(code: Extract<ErrorCode, `catalog.${string}` | `csv.${string}`>, params: ErrorParams, options: { readonly field: string }) {
    super(code, params, options);
  }
}

/** The VAT rules a product must follow before it can be sold (BR-KSA-84, BR-KSA-11, BR-KSA-69/23/24). */
export function checkProductVat(p: Pick<ProductInput, 'vatCategory' | 'vatRate' | 'exemptionCode'>): void {
  if (p.vatCategory === 'S') {
    if (p.vatRate !== '15' && p.vatRate !== '5') throw new CatalogError('catalog.standard-rate', {}, { field: 'vatRate' });
    if (p.exemptionCode) throw new CatalogError('catalog.standard-no-exemption', {}, { field: 'exemptionCode' });
    return;
  }
  if (p.vatRate !== '0') throw new CatalogError('catalog.zero-rate', { category: p.vatCategory }, { field: 'vatRate' });
  if (!p.exemptionCode) throw new CatalogError('catalog.exemption-required', { category: p.vatCategory }, { field: 'exemptionCode' });
}

/**
 * A product's names are printed on every receipt of it: a bidi override, a zero-width or a C1 character in them is
 * refused (app/bytes/spoofingCharacters.ts; docs/security.md, "Names cannot disguise a receipt"). `fields` are the
 * names of the two fields as the caller's input spells them (the CSV's columns are name and name_ar).
 */
export function checkProductNames(
  p: Pick<ProductInput, 'name' | 'nameAr'>,
  fields: { name: string; nameAr: string } = { name: 'name', nameAr: 'nameAr' },
): void {
  for (const [value, field] of [
    [p.name, fields.name],
    [p.nameAr, fields.nameAr],
  ] as const) {
    const character = value === undefined ? undefined : spoofingCharacter(value);
    if (character !== undefined) throw new CatalogError('catalog.spoofing-character', { field, character }, { field });
  }
}

const SELECT = `SELECT p.*, (SELECT group_concat(barcode, char(10)) FROM product_barcodes b WHERE b.product_id = p.id) AS barcodes FROM products p`;

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    nameAr: row.name_ar,
    barcodes: row.barcodes ? row.barcodes.split('\n').sort() : [],
    price: row.price,
    priceIncludesVat: row.price_includes_vat === 1,
    vatCategory: row.vat_category,
    vatRate: row.vat_rate,
    exemptionCode: row.exemption_code,
    active: row.active === 1,
    unit: row.unit,
  };
}

/** The folded names of a product, as the till's search compares them. */
const keyOf = (name: string, nameAr: string | null | undefined): string => searchKey(nameAr ? `${name} ${nameAr}` : name);

/** A literal text inside a LIKE pattern: % and _ (and the escape itself) are escaped with backslash. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** LIKE pattern for a literal search text. */
const likeContains = (text: string): string => `%${escapeLike(text)}%`;

export class CatalogStore {
  private readonly q;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.q = {
      all: db.prepare<[], ProductRow>(`${SELECT} ORDER BY p.name COLLATE NOCASE`),
      byId: db.prepare<[number], ProductRow>(`${SELECT} WHERE p.id = ?`),
      byBarcode: db.prepare<[string], ProductRow>(`${SELECT} WHERE p.id = (SELECT product_id FROM product_barcodes WHERE barcode = ?)`),
      // the folded query against the folded names; a name starting with it first (search_key begins with the
      // English name, so "milk" ranks "Milk 1 L" before "Chocolate milk")
      search: db.prepare<[string, string, string], ProductRow>(
        `${SELECT} WHERE p.active = 1 AND (p.search_key LIKE ? ESCAPE '\\'
           OR EXISTS (SELECT 1 FROM product_barcodes b WHERE b.product_id = p.id AND b.barcode LIKE ? ESCAPE '\\'))
         ORDER BY (p.search_key LIKE ? ESCAPE '\\') DESC, p.name COLLATE NOCASE LIMIT 20`,
      ),
      insert: db.prepare<[string, string | null, string, number, string, string, string | null, number, string, string, number]>(
        'INSERT INTO products (name, name_ar, price, price_includes_vat, vat_category, vat_rate, exemption_code, active, unit, search_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      update: db.prepare<[string, string | null, string, number, string, string, string | null, number, string, string, number, number]>(
        'UPDATE products SET name = ?, name_ar = ?, price = ?, price_includes_vat = ?, vat_category = ?, vat_rate = ?, exemption_code = ?, active = ?, unit = ?, search_key = ?, updated_at = ? WHERE id = ?',
      ),
      keys: db.prepare<[], { id: number; name: string; name_ar: string | null; search_key: string }>('SELECT id, name, name_ar, search_key FROM products'),
      setKey: db.prepare<[string, number]>('UPDATE products SET search_key = ? WHERE id = ?'),
      barcodeOwner: db.prepare<[string], { product_id: number }>('SELECT product_id FROM product_barcodes WHERE barcode = ?'),
      clearBarcodes: db.prepare<[number]>('DELETE FROM product_barcodes WHERE product_id = ?'),
      addBarcode: db.prepare<[string, number]>('INSERT INTO product_barcodes (barcode, product_id) VALUES (?, ?)'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM products'),
    };
    this.refreshSearchKeys();
  }

  /** Folds again every name whose stored key differs (rows from before migration 0070, or a changed folding). */
  private refreshSearchKeys(): void {
    const stale = this.q.keys.all().filter((r) => r.search_key !== keyOf(r.name, r.name_ar));
    if (stale.length === 0) return;
    this.db.transaction(() => {
      for (const r of stale) this.q.setKey.run(keyOf(r.name, r.name_ar), r.id);
    })();
  }

  list(): Product[] {
    return this.q.all.all().map(toProduct);
  }

  get(id: number): Product | undefined {
    const row = this.q.byId.get(id);
    return row ? toProduct(row) : undefined;
  }

  lookup(barcode: string): Product | undefined {
    const row = this.q.byBarcode.get(barcode.trim());
    return row ? toProduct(row) : undefined;
  }

  search(text: string): Product[] {
    const key = searchKey(text);
    if (!key) return [];
    return this.q.search.all(likeContains(key), `${escapeLike(text.trim())}%`, `${escapeLike(key)}%`).map(toProduct);
  }

  isEmpty(): boolean {
    return (this.q.count.get()?.n ?? 0) === 0;
  }

  /** Inserts (no id) or updates a product with its barcodes, in one transaction. */
  save(input: ProductInput): Product {
    checkProductNames(input);
    checkProductVat(input);
    const barcodes = [...new Set(input.barcodes.map((b) => b.trim()).filter((b) => b.length > 0))];
    const id = this.db.transaction((): number => {
      for (const b of barcodes) {
        const owner = this.q.barcodeOwner.get(b)?.product_id;
        if (owner !== undefined && owner !== input.id)
          throw new CatalogError('catalog.barcode-taken', { barcode: b, product: this.get(owner)?.name ?? owner }, { field: 'barcodes' });
      }
      const values = [
        input.name,
        input.nameAr ?? null,
        input.price,
        input.priceIncludesVat ? 1 : 0,
        input.vatCategory,
        input.vatRate,
        input.exemptionCode ?? null,
        input.active ? 1 : 0,
        input.unit ?? 'piece',
        keyOf(input.name, input.nameAr),
        this.now().getTime(),
      ] as const;
      let productId: number;
      if (input.id === undefined) productId = Number(this.q.insert.run(...values).lastInsertRowid);
      else {
        if (this.q.update.run(...values, input.id).changes !== 1) throw new CatalogError('catalog.no-such-product', { id: input.id }, { field: 'id' });
        productId = input.id;
      }
      this.q.clearBarcodes.run(productId);
      for (const b of barcodes) this.q.addBarcode.run(b, productId);
      return productId;
    })();
    return this.get(id)!;
  }

  /** Runs `work` in one transaction (CSV import: all rows or none). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
