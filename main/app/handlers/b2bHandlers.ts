// SPDX-License-Identifier: UNLICENSED
// B2B at the till: saved customers, the live check of the buyer form, the standard sale with its clearance, and what
// the cashier may do after ZATCA's answer (retry, a simplified invoice instead, the cleared files). All of it is the
// B2B desk of the mode in use (main/sale/b2bDesk.ts); the handlers only pass the till's session along.
import type { CustomerSummary } from '../../../app/contract/b2bTypes';
import { buyerProblems, formOf, type Buyer } from '../../customers/buyerCheck';
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { B2bDesk } from '../../sale/b2bDesk';
import { B2B_METHOD_NAMES } from '../../../app/contract/b2bMethodNames';

export const B2B_METHODS = B2B_METHOD_NAMES;

export interface B2bServices {
  /** The B2B desk of the mode in use: a new one after the switch to live. */
  b2b(): B2bDesk;
}

export function b2bHandlers(app: B2bServices): Pick<ApiHandlers, (typeof B2B_METHODS)[number]> {
  return {
    'customers.search': ({ query }) =>
      app
        .b2b()
        .customers.search(query)
        .map((c): CustomerSummary => ({ id: c.id, name: c.name, vatNumber: c.vat_number, form: formOf(JSON.parse(c.buyer_json) as Buyer) })),
    'customers.check': ({ buyer }) => {
      const problems = buyerProblems(buyer);
      return { ok: problems.length === 0, problems };
    },
    'sale.completeStandard': (input, { session }) => app.b2b().counter.completeStandard(input, session),
    'clearance.get': ({ number }) => app.b2b().counter.view(number),
    'clearance.retry': ({ number }) => app.b2b().counter.retry(number),
    'clearance.issueSimplified': ({ number, requestId }, { session }) => app.b2b().counter.issueSimplified(number, requestId, session),
    'clearance.files': ({ number }) => app.b2b().files(number),
  };
}
