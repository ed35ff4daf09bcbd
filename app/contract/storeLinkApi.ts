// SPDX-License-Identifier: UNLICENSED
// The manager's view of this till's store-server link (spread into API in api.ts; docs/store-server.md, "The
// till's store-server tab"): what it is enrolled as, how its push and master-data pull are doing, and removal of
// the enrolment with a manager's PIN typed at this till.
import { z } from 'zod';
import type { MethodDefinition } from './api';
import type { ApiFieldError, ErrorText } from './errors';
import { empty, pin } from './schemas';
import type { StoreLinkView } from './storeApi';

const def =
  <O>() =>
  <I extends z.ZodType>(access: MethodDefinition<I, O>['access'], input: I): MethodDefinition<I, O> => ({ access, input });

/** The last failure of the link, by catalog code (shown in the screen's language), with the fields at fault. */
export interface StoreFailureView extends ErrorText {
  readonly fields: readonly ApiFieldError[];
  /** ISO instant. */
  readonly at: string;
}

export interface StoreStatusView {
  readonly link: StoreLinkView;
  /** The last time the server took something this till pushed (ISO), or null. */
  readonly lastPushAt: string | null;
  /** Documents and records committed here and not yet taken by the server. */
  readonly backlog: number;
  /** The server's master-data version this till has applied (0: none yet). */
  readonly masterDataVersion: number;
  /** The last pull that reached the server and applied whole (ISO), or null. */
  readonly lastPullAt: string | null;
  /** The last pull's failure; null once a pull succeeds. */
  readonly lastError: StoreFailureView | null;
}

export const STORE_LINK_API = {
  /** The link and how it is doing, or null when this till is not enrolled. */
  'store.status': def<StoreStatusView | null>()('manager', empty),
  /** Ends the enrolment at this till (key, link, cursors); the PIN of a manager is checked first. */
  'store.remove': def<null>()('manager', z.object({ pin }).strict()),
} as const;
