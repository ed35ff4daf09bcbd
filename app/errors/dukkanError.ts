// SPDX-License-Identifier: UNLICENSED
// The one base of every expected failure: a refusal the terminal can explain (bad input, a clock behind the last
// document, an expired certificate, Fatoora's rejection). It carries a stable code from the catalog and the
// parameters of its text, never a sentence of its own, so the renderer shows it in the screen's language and a
// log line or a test matches the code. Anything thrown that is not a DukkanError is a bug: it is logged with its
// stack and answered as "internal", with no detail reaching the screen (main/ipc/dispatcher.ts).
import { ERROR_CATALOG, type ErrorCode } from './catalog';
import { errorText, type ErrorParams } from './errorText';

/** One problem with one input field, for refusals that list several at once (document JSON, CSV, shop JSON). */
export interface FieldProblem {
  /** Dotted path into the input, e.g. "lines.2.vat.rate". */
  readonly path: string;
  readonly code: ErrorCode;
  readonly params?: ErrorParams;
}

export class DukkanError extends Error {
  override readonly name: string = 'DukkanError';
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** The field the refusal is about, when there is one. */
  readonly field: string | undefined;
  /** Per-field problems, when the input had several. */
  readonly problems: readonly FieldProblem[];

  constructor(code: ErrorCode, params: ErrorParams = {}, options: { field?: string; problems?: readonly FieldProblem[]; cause?: unknown } = {}) {
    super(errorText(code, params, 'en'), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.params = params;
    this.field = options.field;
    this.problems = options.problems ?? [];
  }

  /** The text in a language, parameters filled in. */
  text(locale: 'en' | 'ar'): string {
    return errorText(this.code, this.params, locale);
  }
}

export function isDukkanError(e: unknown): e is DukkanError {
  return e instanceof DukkanError;
}

export { ERROR_CATALOG };
