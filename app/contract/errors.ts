// SPDX-License-Identifier: UNLICENSED
// Every call answers with an envelope: the value, or an error the cashier can read. Errors never carry stack traces,
// SQL, file contents or secrets — only a category, the catalog code of the refusal with its parameters and, for bad
// input, the fields at fault with theirs. The screens show the catalog's text in their own language
// (app/errors: errorText); `message` is the English text for logs and the command line, never shown on a screen.
import type { ErrorCode, ErrorParams } from '../errors/index';

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

/** A catalog text by reference: the code and the values of its placeholders. */
export interface ErrorText {
  readonly reason: ErrorCode;
  readonly params: ErrorParams;
}

/** One field at fault: its dotted path in the argument (e.g. "lines.0.discount") and why. */
export interface ApiFieldError extends ErrorText {
  readonly path: string;
}

export interface ApiError extends ErrorText {
  /** The category: what kind of refusal (the screens branch on it, e.g. a wrong PIN clears the PIN field). */
  readonly code: ApiErrorCode;
  /** The refusal's text in English, for logs and the command line. */
  readonly message: string;
  /** The field the refusal is about, when there is one. */
  readonly field?: string;
  readonly fields?: readonly ApiFieldError[];
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };
