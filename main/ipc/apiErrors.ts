// SPDX-License-Identifier: UNLICENSED
// Any DukkanError as the envelope's ApiError (app/contract/errors.ts): its catalog code and parameters, its field
// problems, and the category the screens branch on. The category follows from the code — a wrong PIN is always
// 'wrong-pin', whoever raised it — so the services raise DukkanErrors and know nothing of the envelope.
import type { ApiError, ApiErrorCode, ApiFieldError } from '../../app/contract/errors';
import type { DukkanError, ErrorCode } from '../../app/errors/index';

/** Codes whose category is not the one of their area (below). */
const CATEGORY_OF: Partial<Record<ErrorCode, ApiErrorCode>> = {
  'api.unknown-method': 'refused',
  'api.foreign-window': 'refused',
  'api.not-authorised': 'refused',
  'api.internal': 'internal',
  'api.no-answer': 'internal',
  'session.not-signed-in': 'not-signed-in',
  'session.manager-only': 'forbidden',
  'approval.missing': 'forbidden',
  'session.pin-change-required': 'pin-change-required',
  'approval.factory-pin': 'pin-change-required',
  'user.wrong-pin': 'wrong-pin',
  'user.current-pin-wrong': 'wrong-pin',
  'approval.wrong-pin': 'wrong-pin',
  'user.locked': 'locked',
  'approval.locked': 'locked',
  'receipt.not-found': 'not-found',
  'sale.unknown-product': 'not-found',
  'onboarding.invalid-input': 'invalid-input',
  'user.name-taken': 'invalid-input',
  'user.pin-required': 'invalid-input',
  'user.no-such-user': 'invalid-input',
  'user.last-manager': 'invalid-input',
  'user.pin-format': 'invalid-input',
  'user.pin-factory': 'invalid-input',
  'user.pin-repeated': 'invalid-input',
  'user.pin-unchanged': 'invalid-input',
  'sale.discount-exceeds-line': 'invalid-input',
  'sale.no-such-line': 'invalid-input',
  'printer.system-queue-unsupported': 'invalid-input',
};

/** Areas whose every refusal is about what was typed or sent: the argument, a product, a CSV file, a document. */
const INPUT_AREAS: ReadonlySet<string> = new Set(['api', 'input', 'catalog', 'csv', 'shop', 'document', 'totals']);

export function categoryOf(code: ErrorCode): ApiErrorCode {
  const explicit = CATEGORY_OF[code];
  if (explicit) return explicit;
  return INPUT_AREAS.has(code.slice(0, code.indexOf('.'))) ? 'invalid-input' : 'rejected';
}

function fieldsOf(e: DukkanError): ApiFieldError[] | undefined {
  if (e.problems.length > 0) return e.problems.map((p) => ({ path: p.path, reason: p.code, params: { ...p.params } }));
  return e.field === undefined ? undefined : [{ path: e.field, reason: e.code, params: { ...e.params } }];
}

export function apiErrorOf(e: DukkanError): ApiError {
  const fields = fieldsOf(e);
  return {
    code: categoryOf(e.code),
    reason: e.code,
    params: { ...e.params },
    message: e.message,
    ...(e.field !== undefined ? { field: e.field } : {}),
    ...(fields ? { fields } : {}),
  };
}
