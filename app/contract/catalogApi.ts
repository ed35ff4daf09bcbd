// SPDX-License-Identifier: UNLICENSED
// The catalog's data methods (docs/catalog.md), defined as api.ts defines every method and spread into its API map:
// a scan that may be a scale label, the scale label layouts, the preview of a CSV import, the cart kept in main.
import { z } from 'zod';
import type { Access, MethodDefinition } from './api';
import type { CsvImportPreview, OpenCart, ScaleLayoutValue, ScanMatch } from './catalogTypes';
import { barcode, empty, id, money, price, quantity, rule, text } from './schemas';

const def =
  <O>() =>
  <I extends z.ZodType>(access: Access, input: I): MethodDefinition<I, O> => ({ access, input });

/** What a product is sold by (app/catalog/units.ts). */
export const productUnit = z.enum(['piece', 'kg', 'g', 'l'], rule('input.unit'));

/** A scanned price label a cart line carries: main reads the price from it, never from the till (docs/catalog.md). */
export const labelBarcode = barcode;

const csvText = z.string(rule('input.text')).min(1, rule('input.file-empty')).max(2_000_000, rule('input.file-too-large'));

const openCartLine = z
  .object({
    productId: id,
    name: text(200),
    quantity,
    unitPrice: price.optional(),
    discount: money.optional(),
    labelBarcode: labelBarcode.optional(),
  })
  .strict();

export const CATALOG_DATA_API = {
  'catalog.scan': def<ScanMatch | null>()('cashier', z.object({ barcode }).strict()),
  'catalog.previewCsv': def<CsvImportPreview>()('manager', z.object({ csv: csvText }).strict()),
  'scale.layouts': def<ScaleLayoutValue[]>()('manager', empty),
  'scale.saveLayouts': def<ScaleLayoutValue[]>()(
    'manager',
    z
      .object({
        layouts: z
          .array(
            z
              .object({
                pattern: z.string(rule('input.text')).trim().max(20, rule('input.too-long')),
                kind: z.enum(['weight', 'price'], rule('input.scale-kind')),
              })
              .strict(),
          )
          .max(10, rule('input.too-many')),
      })
      .strict(),
  ),
  'cart.get': def<OpenCart | null>()('cashier', empty),
  'cart.save': def<null>()('cashier', z.object({ lines: z.array(openCartLine).max(500, rule('input.too-many')) }).strict()),
} as const;
