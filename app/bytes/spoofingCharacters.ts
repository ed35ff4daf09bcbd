// SPDX-License-Identifier: UNLICENSED
// Characters that change how text around them is displayed without being seen themselves (docs/security.md,
// "Names cannot disguise a receipt"): a name with a right-to-left override and zero-width spaces printed as
// "Milk 1L SAR 0.00 - FREE!". They are refused in names and other printed text at input:
//
// - bidi embeddings and overrides U+202A–U+202E, and isolates U+2066–U+2069 (they reorder what follows);
// - the marks LRM/RLM U+200E/U+200F and zero-width space U+200B, word joiner U+2060, and U+FEFF (invisible);
// - C1 controls U+0080–U+009F and DEL U+007F (never typed; some terminals and printers act on them).
//
// ZWNJ U+200C and ZWJ U+200D are kept where they do their job: Persian and Urdu write ZWNJ inside words
// (می‌خواهم), Arabic and Indic scripts use ZWJ to choose a joining form, and emoji sequences join with ZWJ. So
// each is allowed only between two letters or marks (or, for emoji, two pictographs) and refused anywhere else —
// at the start or end of a text, next to a space, a digit or punctuation — where it can only hide.
const ALWAYS_REFUSED = /[\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;
const JOINER = /[\u200C\u200D]/gu;
const JOINABLE = /[\p{L}\p{M}\p{Extended_Pictographic}\uFE0F]/u;

/** The code point as Unicode writes it: U+202E. */
const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first character of `text` that may disguise it (above), as `U+XXXX`; undefined when there is none.
 * A joiner counts only when a neighbour is not a letter, mark or pictograph.
 */
export function spoofingCharacter(text: string): string | undefined {
  const refused = ALWAYS_REFUSED.exec(text);
  let first = refused?.index;
  for (const m of text.matchAll(JOINER)) {
    const before = [...text.slice(0, m.index)].at(-1) ?? '';
    const after = [...text.slice(m.index + 1)][0] ?? '';
    if (!JOINABLE.test(before) || !JOINABLE.test(after)) {
      if (first === undefined || m.index < first) first = m.index;
      break;
    }
  }
  return first === undefined ? undefined : codePoint(text[first]!);
}
