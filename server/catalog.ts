// SPDX-License-Identifier: UNLICENSED
// The catalog as the store server keeps it (docs/store-server.md, "Manager page"): the products among the master
// data, checked at the server with the very schema the tills apply (app/contract/storeMasterData.ts pulledProduct)
// and the till catalog's VAT and name rules, so that a product the tills cannot use is refused when the manager sets
// it, not found at the next pull. The stored body is what was sent: a till drops the fields it does not use.
import { pulledProduct, type PulledProduct } from '../app/contract/storeMasterData';
import { spoofingCharacter } from '../app/bytes/spoofingCharacters';
import { DukkanError, type ErrorCode, type ErrorParams, type FieldProblem } from '../app/errors/index';
import type { Queryable } from './db/storage';
import { parsePayload } from './http/payload';

/**
 * The rules a till's catalog applies on save beyond the schema, as one problem: names that cannot disguise a receipt
 * (app/bytes/spoofingCharacters.ts) and the VAT category's rate and exemption reason
 * (BR-KSA-84, BR-KSA-11, BR-KSA-69/23/24; docs/zatca-reference.md).
 */
function tillRule(p: PulledProduct): { code: ErrorCode; field: string; params: ErrorParams } | undefined {
  for (const field of ['name', 'nameAr'] as const) {
    const value = p[field];
    const character = value === undefined ? undefined : spoofingCharacter(value);
    if (character !== undefined) return { code: 'catalog.spoofing-character', field, params: { field, character } };
  }
  // standard-rated: 15 or 5 % and no exemption reason; Z, E and O: 0 % with a VATEX-SA reason
  if (p.vatCategory === 'S') {
    if (p.vatRate !== '15' && p.vatRate !== '5') return { code: 'catalog.standard-rate', field: 'vatRate', params: {} };
    if (p.exemptionCode) return { code: 'catalog.standard-no-exemption', field: 'exemptionCode', params: {} };
    return undefined;
  }
  if (p.vatRate !== '0') return { code: 'catalog.zero-rate', field: 'vatRate', params: { category: p.vatCategory } };
  if (!p.exemptionCode) return { code: 'catalog.exemption-required', field: 'exemptionCode', params: { category: p.vatCategory } };
  return undefined;
}

/**
 * A product body the tills can apply, or a refusal listing each field with its rule; `at` prefixes the paths
 * ("body." for the JSON change of /manager/api/master-data); `key` names the product in the refusal. Checks all a till checks except whether a barcode
 * belongs to another product of the till's own (the server's product takes it there).
 */
export function checkProduct(key: string, body: unknown, at = ''): PulledProduct {
  const refused = (problems: readonly FieldProblem[]) =>
    new DukkanError('store.product-invalid', { key, count: problems.length }, { problems, field: problems[0]?.path });
  let product: PulledProduct;
  try {
    product = parsePayload(pulledProduct, body);
  } catch (e) {
    if (!(e instanceof DukkanError)) throw e;
    throw refused(e.problems.map((p) => ({ ...p, path: `${at}${p.path}` })));
  }
  const broken = tillRule(product);
  if (broken === undefined) return product;
  throw refused([{ path: `${at}${broken.field}`, code: broken.code, params: broken.params }]);
}

export interface CatalogEntry {
  readonly key: string;
  readonly version: number;
  readonly body: Record<string, unknown>;
}

/** The live products matching `search` (key, name, Arabic name or barcode, case-blind), by key; `limit + 1` tells "more". */
export async function catalogProducts(db: Queryable, search: string, limit: number): Promise<CatalogEntry[]> {
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.query<CatalogEntry>(
    `SELECT key, version, body FROM master_data
      WHERE kind = 'product' AND body IS NOT NULL
        AND ($1 = '' OR key ILIKE $2 OR body->>'name' ILIKE $2 OR body->>'nameAr' ILIKE $2
             OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(body->'barcodes') = 'array' THEN body->'barcodes' ELSE '[]'::jsonb END) b WHERE b ILIKE $2))
      ORDER BY key LIMIT $3`,
    [search, like, limit],
  );
}

/** One product's stored body (null: removed or never set). */
export async function catalogProduct(db: Queryable, key: string): Promise<Record<string, unknown> | null> {
  const [row] = await db.query<{ body: Record<string, unknown> | null }>("SELECT body FROM master_data WHERE kind = 'product' AND key = $1", [key]);
  return row?.body ?? null;
}

/** The form's fields as typed, kept to fill the form again after a refusal. */
export type ProductForm = Readonly<Record<(typeof PRODUCT_FIELDS)[number], string>>;
export const PRODUCT_FIELDS = [
  'key',
  'name',
  'nameAr',
  'barcodes',
  'price',
  'priceIncludesVat',
  'vatCategory',
  'vatRate',
  'exemptionCode',
  'unit',
  'active',
] as const;

export function productForm(fields: Readonly<Record<string, string>>): ProductForm {
  return Object.fromEntries(PRODUCT_FIELDS.map((f) => [f, (fields[f] ?? '').slice(0, 2000)])) as ProductForm;
}

/** The form as the body tills apply: barcodes split on commas and spaces; empty optional fields left out. */
export function productBody(form: ProductForm): Record<string, unknown> {
  const flag = (v: string) => (v === 'true' ? true : v === 'false' ? false : v);
  const body: Record<string, unknown> = {
    name: form.name,
    barcodes: form.barcodes.split(/[\s,]+/).filter((b) => b.length > 0),
    price: form.price,
    priceIncludesVat: flag(form.priceIncludesVat || 'true'),
    vatCategory: form.vatCategory || 'S',
    vatRate: form.vatRate || '15',
    active: flag(form.active || 'true'),
    unit: form.unit || 'piece',
  };
  if (form.nameAr.trim() !== '') body.nameAr = form.nameAr;
  if (form.exemptionCode.trim() !== '') body.exemptionCode = form.exemptionCode.trim();
  return body;
}

/** A stored body as the form shows it for `?edit=KEY`. */
export function formOf(key: string, body: Record<string, unknown>): ProductForm {
  const s = (v: unknown, fallback = '') => (v === undefined || v === null ? fallback : String(v));
  return productForm({
    key,
    name: s(body.name),
    nameAr: s(body.nameAr),
    barcodes: Array.isArray(body.barcodes) ? body.barcodes.join(' ') : '',
    price: s(body.price),
    priceIncludesVat: s(body.priceIncludesVat, 'true'),
    vatCategory: s(body.vatCategory, 'S'),
    vatRate: s(body.vatRate, '15'),
    exemptionCode: s(body.exemptionCode),
    unit: s(body.unit, 'piece'),
    active: s(body.active, 'true'),
  });
}
