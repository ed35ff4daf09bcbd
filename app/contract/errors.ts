// SPDX-License-Identifier: UNLICENSED
// Every call answers with an envelope: the value, or an error the cashier can read. Errors never carry stack traces,
// SQL, file contents or secrets — only a code, a plain-language message and, for bad input, the fields at fault.

export type ApiErrorCode =
  /** The arguments did not match the contract (names the fields and the rule). */
  | 'invalid-input'
  /** No such method, or a call from a sender that is not our window. */
  | 'refused'
  | 'not-signed-in'
  /** Signed in, but the role may not do this (a cashier calling a manager method). */
  | 'forbidden'
  | 'wrong-pin'
  /** Signed in with a factory PIN on a live terminal: only choosing a new PIN is allowed until then. */
  | 'pin-change-required'
  | 'locked'
  | 'not-found'
  /** The operation was understood and refused by a service (e.g. the ledger: return exceeds sale, clock behind). */
  | 'rejected'
  | 'internal';

export interface ApiError {
  readonly code: ApiErrorCode;
  readonly message: string;
  /** The same message in Arabic, when the service gave one. */
  readonly messageAr?: string;
  readonly fields?: readonly { readonly path: string; readonly message: string }[];
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };
