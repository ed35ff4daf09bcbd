// SPDX-License-Identifier: UNLICENSED
// Returns at this till of another till's sale, through the store server (spread into API in api.ts;
// docs/store-server.md, "Returns at another till"): find it by number or QR when it is not in this till's ledger,
// then return chosen lines with a credit note of this till, checked against what the shop's tills already returned.
import { z } from 'zod';
import type { MethodDefinition } from './api';
import { id, paymentMethod, quantity, rule, text, uuid } from './schemas';
import type { IssueResult, ReceiptLineDetails } from './types';

const def =
  <O>() =>
  <I extends z.ZodType>(access: MethodDefinition<I, O>['access'], input: I): MethodDefinition<I, O> => ({ access, input });

/** Another till's invoice as the store server holds it, with what is still returnable of each line. */
export interface ForeignReceipt {
  readonly uuid: string;
  readonly number: string;
  readonly till: string;
  readonly branch: string;
  readonly issueDate: string;
  readonly issueTime: string;
  readonly total: string;
  readonly pricesIncludeVat: boolean;
  readonly lines: readonly ReceiptLineDetails[];
}

export const FOREIGN_RETURN_API = {
  /** By the receipt's number or its QR text, across the shop's other tills; refused with the reason when not found. */
  'returns.findForeign': def<ForeignReceipt>()(
    'cashier',
    z.object({ query: z.string(rule('input.text')).trim().min(1, rule('input.receipt-query')).max(2000, rule('input.too-long')) }).strict(),
  ),
  /** Chosen lines of another till's invoice (by its UUID, as found), approved by a manager, refunded by one method. */
  'returns.foreign': def<IssueResult>()(
    'cashier',
    z
      .object({
        originalUuid: uuid,
        lines: z
          .array(z.object({ lineId: id, quantity }).strict())
          .min(1, rule('input.no-lines'))
          .max(1000, rule('input.too-many')),
        reason: text(200),
        refundMethod: paymentMethod,
        approvalId: uuid,
        requestId: uuid,
      })
      .strict(),
  ),
} as const;
