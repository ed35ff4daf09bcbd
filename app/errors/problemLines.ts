// SPDX-License-Identifier: UNLICENSED
// A refusal that lists several problems (document JSON, the rules a stamped document breaks) reads as its text and
// then one indented line per problem, `path: text` — the same in both languages, in the CLI and in the log.
import type { FieldProblem } from './dukkanError';
import { errorText } from './errorText';

/** One problem in a language: its field path, when it has one, then its text. */
export function problemLine(problem: FieldProblem, locale: 'en' | 'ar'): string {
  const text = errorText(problem.code, problem.params ?? {}, locale);
  return problem.path ? `${problem.path}: ${text}` : text;
}

/** `head`, then each problem on its own indented line. */
export function withProblemLines(head: string, problems: readonly FieldProblem[], locale: 'en' | 'ar'): string {
  return [head, ...problems.map((p) => `  ${problemLine(p, locale)}`)].join('\n');
}
