// SPDX-License-Identifier: UNLICENSED
// The units a product is sold in, the UN/ECE Recommendation 20 code each is invoiced with (cbc:InvoicedQuantity
// @unitCode; the document's default is PCE, README "Document JSON"), and which quantities each allows. Pieces and
// grams are counted whole; kilograms and litres are weighed or measured to three decimals (a gram, a millilitre),
// the precision of the API's quantities and of the scale labels (docs/catalog.md).
import { DukkanError } from '../errors/index';

export const PRODUCT_UNITS = ['piece', 'kg', 'g', 'l'] as const;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];

/** UN/ECE Rec 20: H87 would also be "piece"; PCE is what ZATCA's own samples and this terminal have always used. */
export const UNIT_CODES: Readonly<Record<ProductUnit, string>> = { piece: 'PCE', kg: 'KGM', g: 'GRM', l: 'LTR' };

const DECIMALS: Readonly<Record<ProductUnit, number>> = { piece: 0, kg: 3, g: 0, l: 3 };

export function isProductUnit(value: string): value is ProductUnit {
  return (PRODUCT_UNITS as readonly string[]).includes(value);
}

/** How many decimals a quantity of `unit` may have. */
export function quantityDecimals(unit: ProductUnit): number {
  return DECIMALS[unit];
}

/**
 * Refuses a quantity `unit` cannot be sold in (2.5 pieces, 12.5 g); `field` names the input field. The quantity is a
 * plain decimal string the API already checked (up to 3 decimals); trailing zeros do not count ("2.000" pieces is 2).
 */
export function checkQuantityForUnit(quantity: string, unit: ProductUnit, field: string): void {
  const fraction = /\.(\d*?)0*$/.exec(quantity)?.[1] ?? '';
  if (fraction.length > DECIMALS[unit]) {
    if (DECIMALS[unit] === 0) throw new DukkanError('unit.whole-quantity', { quantity, unit }, { field });
    throw new DukkanError('unit.too-many-decimals', { quantity, unit, decimals: DECIMALS[unit] }, { field });
  }
}
