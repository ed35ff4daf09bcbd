// SPDX-License-Identifier: UNLICENSED
// The counter's calls: quote and complete a sale, a return (credit note), an undercharge (debit note). All of it is
// the counter of the mode in use (main/sale); the handlers only pass the till's session along.
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { CatalogScanner } from '../../catalog/catalogScanner';
import type { Counter } from '../../sale/index';
import { withLabelPrices } from '../../sale/labelLines';
import type { OpenCartStore } from '../../sale/openCartStore';

export const SALE_METHODS = ['sale.quote', 'sale.complete', 'returns.create', 'debitNotes.create'] as const;

export interface SaleServices {
  /** The counter of the mode in use: a new one after the switch to live. */
  counter(): Pick<Counter, 'quote' | 'completeSale' | 'creditNote' | 'debitNote'>;
  /** Reads the price of a cart line's scanned price label (docs/catalog.md). */
  labels(): Pick<CatalogScanner, 'labelPrice'>;
  /** The cart kept in main for its cashier: a completed sale is no longer open. */
  readonly carts: Pick<OpenCartStore, 'clear'>;
}

export function saleHandlers(app: SaleServices): Pick<ApiHandlers, (typeof SALE_METHODS)[number]> {
  return {
    'sale.quote': (input, { session }) => app.counter().quote(withLabelPrices(input, app.labels()), session),
    'sale.complete': async (input, { session }) => {
      const result = await app.counter().completeSale(withLabelPrices(input, app.labels()), session);
      // sold: a reload must not bring the cart back to be sold again
      if (session.user) app.carts.clear(session.user.id);
      return result;
    },
    'returns.create': (input, { session }) => app.counter().creditNote(input, session),
    'debitNotes.create': (input, { session }) => app.counter().debitNote(input, session),
  };
}
