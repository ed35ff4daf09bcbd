// SPDX-License-Identifier: UNLICENSED
// The error a handler throws when it refuses a call for a reason the cashier should read. Anything else a handler
// throws is logged and answered as "internal" without details (no stack, SQL or file paths reach the renderer).
import type { ApiError, ApiErrorCode } from '../../app/contract/errors';

export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { readonly messageAr?: string; readonly fields?: ApiError['fields'] } = {},
  ) {
    super(message);
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}
