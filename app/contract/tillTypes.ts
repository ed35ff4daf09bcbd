// SPDX-License-Identifier: UNLICENSED
// What the touch till's own methods answer: held (parked) sales and the quick-key grid (main/till).

/** A line of a held sale, as the till puts it back in the cart (names as the catalog has them now). */
export interface HeldSaleLine {
  readonly productId: number;
  readonly name: string;
  readonly nameAr: string | null;
  readonly quantity: string;
  readonly unitPrice?: string;
  readonly discount?: string;
  /** A scanned price label: the line is one labelled item at the label's price (docs/catalog.md). */
  readonly labelBarcode?: string;
}

/** A cart put aside under a label: never signed, numbered or reported. */
export interface HeldSale {
  readonly id: number;
  readonly label: string;
  /** ISO instant. */
  readonly heldAt: string;
  readonly lines: readonly HeldSaleLine[];
}

/** The colours a quick key may have: a short palette that stays readable with white text. */
export const QUICK_KEY_COLOURS = ['green', 'blue', 'amber', 'red', 'purple', 'teal', 'grey'] as const;
export type QuickKeyColour = (typeof QUICK_KEY_COLOURS)[number];

/** A quick key as the manager sets it: a product (often without a barcode: bread, bags), its category and colour. */
export interface QuickKey {
  readonly productId: number;
  readonly category: string;
  readonly colour: QuickKeyColour;
}

/** A quick key as the till shows it, with the product's names and price as the catalog has them now. */
export interface QuickKeyView extends QuickKey {
  readonly name: string;
  readonly nameAr: string | null;
  readonly price: string;
}

/** What the customer-facing display shows: the till's cart and totals, and after payment the change and the QR. */
export interface CustomerDisplay {
  readonly lines: readonly { readonly name: string; readonly quantity: string; readonly lineTotal: string }[];
  readonly total: string;
  readonly paid: string;
  readonly change: string;
  /** After the sale: its number and the receipt's QR text (as signed); null while selling. */
  readonly number: string | null;
  readonly qr: string | null;
}
