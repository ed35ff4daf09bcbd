// SPDX-License-Identifier: UNLICENSED
// The refusal of a document JSON (README "Document JSON"): one DukkanError ('document.invalid') whose problems name
// the field path, the catalog code of the rule broken and, where ZATCA has one, the rule id — in English and Arabic
// alike, so the CLI, the log and both screens say the same thing.
//
// The schema (documentInput.ts) is written with zod, whose checks carry a message string. Each check gets
// `problem(code, params)` instead of a sentence: the code and its parameters travel as that string and are read
// back here, so every text comes from the catalog (app/errors/codes/engineCodes.ts) and none is written twice.
import { DukkanError, ERROR_CATALOG, errorText, type ErrorCode, type ErrorParams, type FieldProblem } from '../errors';
import { problemLine, withProblemLines } from '../errors/problemLines';
import { closestKey, knownKeysAt } from '../errors/unknownKeys';

export type DocumentProblemCode = Extract<ErrorCode, `document.${string}`>;

export interface InputProblem extends FieldProblem {
  /** Dotted path into the document JSON, e.g. "lines.2.vat.rate"; empty for the document itself. */
  readonly path: string;
  readonly code: DocumentProblemCode;
  readonly params: ErrorParams;
  /** ZATCA rule id when the check is one of theirs (the `rule` parameter), else "FORMAT". */
  readonly rule: string;
  /** The problem in English, from the catalog (with its path, in a language: `problemText(p, locale)`). */
  readonly message: string;
}

const MARK = 'dukkan-problem:';

/** The message a zod check carries for a catalog problem (`ctx.addIssue({ message })`). */
export function problemMessage(code: DocumentProblemCode, params: ErrorParams = {}): string {
  return MARK + JSON.stringify({ code, params });
}

/** zod's `{ error }` option for a catalog problem: `.regex(re, problem('document.digits', { count: 4, rule }))`. */
export function problem(code: DocumentProblemCode, params: ErrorParams = {}): { error: string } {
  return { error: problemMessage(code, params) };
}

/** What zod reports: the issue's path, its message, and for its own checks what it expected. */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly expected?: unknown;
  /** The keys of an `unrecognized_keys` issue (a strict object given a key it does not know). */
  readonly keys?: readonly string[];
}

function decode(issue: SchemaIssue): { code: DocumentProblemCode; params: ErrorParams } {
  if (issue.message.startsWith(MARK)) {
    const { code, params } = JSON.parse(issue.message.slice(MARK.length)) as { code: DocumentProblemCode; params: ErrorParams };
    if (code in ERROR_CATALOG) return { code, params };
  }
  // zod's own checks where the schema gives no message: a wrong JSON type for an object or a list
  if (issue.code === 'invalid_type' && issue.expected === 'object') return { code: 'document.not-object', params: {} };
  if (issue.code === 'invalid_type' && issue.expected === 'array') return { code: 'document.not-list', params: {} };
  return { code: 'document.field-invalid', params: {} };
}

function made(path: readonly PropertyKey[], code: DocumentProblemCode, params: ErrorParams): InputProblem {
  const rule = typeof params.rule === 'string' ? params.rule : 'FORMAT';
  return { path: path.map(String).join('.'), code, params, rule, message: errorText(code, params, 'en') };
}

/**
 * The problems of one zod issue. An unknown key is one problem per key, at the key's own path, naming the known key
 * it is probably a typo of (`pricesIncludeVAT` → `pricesIncludeVat`), else listing the keys known there: a key is
 * never dropped, because the default in its place would change what is signed (docs/security.md).
 */
export function inputProblems(issue: SchemaIssue, schema: unknown): InputProblem[] {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    const known = knownKeysAt(schema, issue.path);
    return issue.keys.map((key) => {
      const suggestion = closestKey(key, known);
      return suggestion !== undefined
        ? made([...issue.path, key], 'document.unknown-key-close', { key, suggestion })
        : made([...issue.path, key], 'document.unknown-key', { key, known: known.join(', ') });
    });
  }
  const { code, params } = decode(issue);
  return [made(issue.path, code, params)];
}

/** One problem as a line: its field path, then its text. */
export function problemText(p: InputProblem, locale: 'en' | 'ar'): string {
  return problemLine(p, locale);
}

export class DocumentInputError extends DukkanError {
  override readonly name = 'DocumentInputError';
  declare readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[]) {
    super('document.invalid', { count: problems.length }, { problems });
    this.message = this.text('en');
  }

  /** The refusal and every problem on its own line, each naming its field and, where ZATCA has one, the rule. */
  override text(locale: 'en' | 'ar'): string {
    return withProblemLines(super.text(locale), this.problems, locale);
  }
}
