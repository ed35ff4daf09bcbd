// SPDX-License-Identifier: UNLICENSED
// A catalog text with its parameters filled in. Parameters are plain values (text or numbers), never markup: the
// screens insert the result as text.
import { ERROR_CATALOG, type ErrorCode } from './catalog';

export type ErrorParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The names of a template's placeholders, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The text of `code` in `locale`; a placeholder without a parameter stays visible as `{name}` (a bug, not a crash). */
export function errorText(code: ErrorCode, params: ErrorParams, locale: 'en' | 'ar'): string {
  const entry = ERROR_CATALOG[code];
  const template = entry ? entry[locale] : code;
  return template.replace(PLACEHOLDER, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
