// SPDX-License-Identifier: UNLICENSED
// A request body against its contract schema (app/contract/storeSync.ts): valid, or one refusal listing every field
// with its catalog code, so the till's log and the manager see what was wrong in English and Arabic. The schemas
// name the code of each check; zod's own checks without one get the code of their kind. Never the value sent.
import type { z } from 'zod';
import { DukkanError, ERROR_CATALOG, type ErrorCode, type FieldProblem } from '../../app/errors/index';

const isCode = (text: string): text is ErrorCode => Object.hasOwn(ERROR_CATALOG, text);

function codeOf(issue: z.core.$ZodIssue): ErrorCode {
  if (isCode(issue.message)) return issue.message;
  if (issue.code === 'unrecognized_keys') return 'input.unknown-field';
  if (issue.code === 'too_big') return issue.origin === 'array' ? 'input.too-many' : 'input.too-long';
  return 'input.invalid';
}

export function parsePayload<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems: FieldProblem[] = parsed.error.issues.map((issue) => {
    const params: Record<string, string | number> = {};
    if ('maximum' in issue && issue.maximum !== undefined) params.max = Number(issue.maximum);
    if ('minimum' in issue && issue.minimum !== undefined) params.min = Number(issue.minimum);
    if ('keys' in issue && Array.isArray(issue.keys)) params.keys = issue.keys.join(', ');
    return { path: issue.path.map(String).join('.'), code: codeOf(issue), params };
  });
  throw new DukkanError('store.malformed', { count: problems.length }, { problems, field: problems[0]?.path });
}
