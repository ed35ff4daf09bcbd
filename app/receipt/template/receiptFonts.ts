// SPDX-License-Identifier: UNLICENSED
// The fonts of the receipt, shipped with the app (main/resources/fonts, OFL) so a receipt looks the same on every
// OS, whatever fonts the OS has. The family names are our own: no OS has a font called "Dukkan …", so a receipt can
// only get these families from the app's @font-face rules — if those were missing it would visibly fall back to the
// generic family, which the rasterizer refuses to let happen (it checks every face loaded before rendering).
//
// Latin first: Noto Sans has no Arabic letters, so Arabic falls through to Noto Naskh Arabic letter by letter,
// while digits, Latin text and punctuation keep one look in both languages.

export const RECEIPT_FONT_FAMILIES = {
  latin: 'Dukkan Noto Sans',
  arabic: 'Dukkan Noto Naskh Arabic',
} as const;

/** The CSS font-family of the whole receipt: the shipped families, then only a generic fallback. */
export const RECEIPT_FONT_STACK = `'${RECEIPT_FONT_FAMILIES.latin}', '${RECEIPT_FONT_FAMILIES.arabic}', sans-serif`;

export interface ReceiptFontFace {
  readonly family: string;
  /** The CSS weight this file provides: the template uses 400 and 700 only. */
  readonly weight: 400 | 700;
  /** File name in the app's fonts folder. */
  readonly file: string;
}

export const RECEIPT_FONT_FACES: readonly ReceiptFontFace[] = [
  { family: RECEIPT_FONT_FAMILIES.latin, weight: 400, file: 'NotoSans-Regular.ttf' },
  { family: RECEIPT_FONT_FAMILIES.latin, weight: 700, file: 'NotoSans-Bold.ttf' },
  { family: RECEIPT_FONT_FAMILIES.arabic, weight: 400, file: 'NotoNaskhArabic-Regular.ttf' },
  { family: RECEIPT_FONT_FAMILIES.arabic, weight: 700, file: 'NotoNaskhArabic-Bold.ttf' },
];

/**
 * The Content Security Policy a receipt is rendered under: nothing may be fetched; styles are inline, the QR is
 * inline SVG, and fonts come only as data: URLs, which is how the rasterizer hands over the app's font files
 * (main/printing/receiptFonts.ts). No script-src: the document has no script.
 */
export const RECEIPT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";
