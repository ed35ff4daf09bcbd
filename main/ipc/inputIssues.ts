// SPDX-License-Identifier: UNLICENSED
// An argument that fails its contract schema, as field errors by catalog code. The schemas name the code of each
// check (`rule('input.money')`, app/contract/schemas.ts); zod's own checks without one (an unknown key of a strict
// object, a number out of range) get the code of their kind. Parameters come from the check: the `max` of a
// too-long text, the keys nobody knows — never the value typed, which may be a PIN or an OTP.
import type { ApiFieldError } from '../../app/contract/errors';
import { ERROR_CATALOG, type ErrorCode, type ErrorParams } from '../../app/errors/index';
import { closestKey, knownKeysAt } from '../../app/errors/unknownKeys';

/** What the dispatcher reads of a zod issue (zod 4). */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly origin?: string;
  readonly maximum?: number | bigint;
  readonly minimum?: number | bigint;
  readonly keys?: readonly string[];
  readonly expected?: string;
}

const isErrorCode = (text: string): text is ErrorCode => Object.hasOwn(ERROR_CATALOG, text);

function paramsOf(issue: SchemaIssue): ErrorParams {
  const params: Record<string, string | number> = {};
  if (issue.maximum !== undefined) params.max = Number(issue.maximum);
  if (issue.minimum !== undefined) params.min = Number(issue.minimum);
  if (issue.keys) params.keys = issue.keys.join(', ');
  if (issue.expected !== undefined) params.expected = issue.expected;
  return params;
}

/** The code of a zod check the schema gave none. */
function kindOf(issue: SchemaIssue): ErrorCode {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'input.unknown-field';
    case 'invalid_type':
      return 'input.wrong-type';
    case 'too_big':
      return issue.origin === 'string' ? 'input.too-long' : issue.origin === 'array' ? 'input.too-many' : 'input.too-large';
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? 'input.empty' : 'input.at-least';
    default:
      return 'input.invalid';
  }
}

export function fieldErrorOf(issue: SchemaIssue): ApiFieldError {
  return { path: issue.path.map(String).join('.'), reason: isErrorCode(issue.message) ? issue.message : kindOf(issue), params: paramsOf(issue) };
}

/**
 * The field errors of one issue of the method's argument `schema`: an unknown key is one error per key, at the key's
 * own path, naming the known key it is probably a typo of, else the keys known there (docs/security.md, "Input is
 * read strictly").
 */
export function fieldErrorsOf(issue: SchemaIssue, schema: unknown): ApiFieldError[] {
  if (issue.code !== 'unrecognized_keys' || !issue.keys) return [fieldErrorOf(issue)];
  const known = knownKeysAt(schema, issue.path);
  return issue.keys.map((key): ApiFieldError => {
    const path = [...issue.path, key].map(String).join('.');
    const suggestion = closestKey(key, known);
    return suggestion !== undefined
      ? { path, reason: 'input.unknown-key-close', params: { key, suggestion } }
      : { path, reason: 'input.unknown-key', params: { key, known: known.join(', ') } };
  });
}
