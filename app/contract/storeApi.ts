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
}

const serverUrl = z
  .string(rule('input.text'))
  .trim()
  .max(200, rule('input.too-long'))
  .regex(/^https?:\/\/[^\s/?#]+\/?$/, rule('store.url'));

export const STORE_API = {
  /** The store server this till pushes to, or null. */
  'store.get': def<StoreLinkView | null>()('manager', z.object({}).strict()),
  /** Live tills only; the PIN of a manager is checked here, as for an approval, before anything is sent. */
  'store.enrol': def<StoreLinkView>()('manager', z.object({ url: serverUrl, code: enrolmentCode, pin }).strict()),
} as const;
