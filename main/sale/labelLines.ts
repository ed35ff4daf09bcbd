// SPDX-License-Identifier: UNLICENSED
// A cart line carrying a scanned price label gets its price here, in main, from the label itself (docs/catalog.md,
// "Scale labels"): the till sends the code it scanned, never a price, so a label can only sell at what it says.
import type { CatalogScanner } from '../catalog/catalogScanner';
import type { Cart } from './saleBuilder';

/** The cart with each price label's price read from its code; refuses a label that is not one of the line's product. */
export function withLabelPrices<C extends Cart>(cart: C, labels: Pick<CatalogScanner, 'labelPrice'>): C {
  if (!cart.lines.some((l) => l.labelBarcode !== undefined)) return cart;
  return {
    ...cart,
    lines: cart.lines.map((line, i) => {
      const { labelPrice: _fromTill, ...rest } = line;
      return line.labelBarcode === undefined ? rest : { ...rest, labelPrice: labels.labelPrice(line.labelBarcode, line.productId, i + 1) };
    }),
  };
}
