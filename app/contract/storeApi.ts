// SPDX-License-Identifier: UNLICENSED
// The till's link to its store server (spread into API in api.ts; docs/store-server.md): what it is enrolled as,
// and enrolment with the one-time code from the server's manager page plus a manager's PIN typed at this till.
import { z } from 'zod';
import type { MethodDefinition } from './api';
import { pin, rule } from './schemas';
import { enrolmentCode } from './storeSync';

const def =
  <O>() =>
  <I extends z.ZodType>(access: MethodDefinition<I, O>['access'], input: I): MethodDefinition<I, O> => ({ access, input });

export interface StoreLinkView {
  readonly url: string;
  readonly terminalId: string;
  readonly name: string;
  readonly branch: string;
  readonly enrolledAt: string;
  /** SHA-256 of the server's TLS certificate this till pinned at enrolment; null for plain http:// on this machine. */
  readonly fingerprint: string | null;
}

const serverUrl = z
  .string(rule('input.text'))
  .trim()
  .max(200, rule('input.too-long'))
  .regex(/^https?:\/\/[^\s/?#]+\/?$/, rule('store.url'));

/** A document of any till of the shop, as the store server's search finds it (a return of another till's sale). */
export interface ShopDocumentView {
  readonly number: string;
  readonly kind: string;
  readonly branch: string;
  readonly till: string;
  readonly issueDate: string;
  readonly issueTime: string;
  readonly cashier: string;
  readonly total: string;
  /** The signed XML exactly as that till stored it. */
  readonly xml: string;
}

export const STORE_API = {
  /** The store server this till pushes to, or null. */
  'store.get': def<StoreLinkView | null>()('manager', z.object({}).strict()),
  /** Live tills only; the PIN of a manager is checked here, as for an approval, before anything is sent. */
  'store.enrol': def<StoreLinkView>()('manager', z.object({ url: serverUrl, code: enrolmentCode, pin }).strict()),
  /** By number or by the receipt's QR text, across every till of the shop. */
  'store.findDocument': def<ShopDocumentView[]>()(
    'cashier',
    z
      .object({
        number: z.string(rule('input.document-number')).trim().min(1, rule('input.empty')).max(127, rule('input.too-long')).optional(),
        qr: z.string(rule('input.text')).trim().min(1, rule('input.empty')).max(4000, rule('input.too-long')).optional(),
      })
      .strict()
      .refine((q) => (q.number === undefined) !== (q.qr === undefined), { ...rule('store.number-or-qr'), path: ['number'] }),
  ),
} as const;
