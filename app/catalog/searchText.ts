// SPDX-License-Identifier: UNLICENSED
// The one folding of product names and search queries, used for both sides of a catalog search (the stored index
// and the typed query), so that a cashier finds "أرز" by typing "ارز", "شاي" by "شاى", "قهوة" by "قهوه" and "Café"
// by "cafe". What is folded, and why each is safe for a shop's catalog:
//   - compatibility forms (NFKD): Arabic presentation forms and ligatures (ﻻ → لا), full-width Latin, ﬁ → fi;
//   - every combining mark after NFKD: Latin accents (é → e) and the Arabic harakat, tanwin, shadda, sukun and the
//     hamza/madda marks NFKD splits off (أ إ آ → ا, ؤ → و, ئ → ي), plus the dagger alif;
//   - alif wasla ٱ → ا; taa marbuta ة → ه; alif maqsura ى → ي; Persian yeh ی → ي and keheh ک → ك (keyboards);
//   - tatweel (ـ, a stretching stroke that is never part of the word) is dropped;
//   - Arabic-Indic ٠–٩ and Eastern Arabic-Indic ۰–۹ digits → 0–9 (labels print either; barcodes are ASCII);
//   - letter case, and runs of white space to one space.
// Nothing here removes a base letter, so two different products never fold to one name by accident of the rules
// beyond these spelling variants.

const MARKS = /\p{M}/gu;
const TATWEEL = /\u0640/g;
const SPACES = /\s+/gu;

const LETTERS: Readonly<Record<string, string>> = {
  '\u0671': '\u0627', // ٱ alif wasla → ا
  '\u0629': '\u0647', // ة taa marbuta → ه
  '\u0649': '\u064A', // ى alif maqsura → ي
  '\u06CC': '\u064A', // ی Persian yeh → ي
  '\u06A9': '\u0643', // ک keheh → ك
};
const LETTER = /[\u0671\u0629\u0649\u06CC\u06A9]/g;

/** Arabic-Indic (U+0660–0669) and Eastern Arabic-Indic (U+06F0–06F9) digits as ASCII digits; everything else kept. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.codePointAt(0)! & 0xf));
}

/** The folded form of a name or a query (see the header). */
export function searchKey(text: string): string {
  const decomposed = text.normalize('NFKD').replace(MARKS, '').replace(TATWEEL, '');
  return asciiDigits(decomposed.replace(LETTER, (c) => LETTERS[c]!))
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}
