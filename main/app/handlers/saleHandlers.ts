// SPDX-License-Identifier: UNLICENSED
// The counter's calls: quote and complete a sale, a return (credit note), an undercharge (debit note). All of it is
// the counter of the mode in use (main/sale); the handlers only pass the till's session along.
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { Counter } from '../../sale/index';

export const SALE_METHODS = ['sale.quote', 'sale.complete', 'returns.create', 'debitNotes.create'] as const;

export interface SaleServices {
  /** The counter of the mode in use: a new one after the switch to live. */
  counter(): Pick<Counter, 'quote' | 'completeSale' | 'creditNote' | 'debitNote'>;
}

export function saleHandlers(app: SaleServices): Pick<ApiHandlers, (typeof SALE_METHODS)[number]> {
  return {
    'sale.quote': (input, { session }) => app.counter().quote(input, session),
    'sale.complete': (input, { session }) => app.counter().completeSale(input, session),
    'returns.create': (input, { session }) => app.counter().creditNote(input, session),
    'debitNotes.create': (input, { session }) => app.counter().debitNote(input, session),
  };
}
