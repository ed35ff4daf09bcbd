// SPDX-License-Identifier: UNLICENSED
// The app's receipt fonts (main/resources/fonts, declared in app/receipt/template/receiptFonts.ts) as @font-face
// rules the rasterizer's page holds. The files are found the way the UBL schemas are (main/zatca/xsdFiles.ts): from
// DUKKAN_RESOURCES, from the source tree (tsx), or from the bundle's dist/resources (the Electron build copies
// main/resources there), so development, browser mode and the packaged app all use the same files.
//
// The rules carry the fonts as data: URLs. They are built once per process and written into the rasterizer's
// long-lived page once, where Chromium decodes each face once; receipts then only swap their styles and body in
// (receiptHostPage.ts), so a sale never pays for fonts. data: is also the only font source the receipt's CSP allows:
// no file:// access and no origin to intercept, in Electron and in headless Chromium alike.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RECEIPT_FONT_FACES, type ReceiptFontFace } from '../../app/receipt/template/receiptFonts';

export const FONTS_ROOT =
  [
    process.env.DUKKAN_RESOURCES ? path.join(process.env.DUKKAN_RESOURCES, 'fonts') : '',
    path.resolve(import.meta.dirname, '..', 'resources', 'fonts'),
    path.resolve(import.meta.dirname, '..', 'main', 'resources', 'fonts'),
  ].find((p) => p !== '' && existsSync(p)) ?? path.resolve(import.meta.dirname, '..', 'resources', 'fonts');

export interface LoadedFontFace extends ReceiptFontFace {
  readonly bytes: Uint8Array;
}

let shipped: readonly LoadedFontFace[] | null = null;

/** The faces the template uses, read from the app's fonts folder (once per process). */
export function shippedReceiptFonts(): readonly LoadedFontFace[] {
  shipped ??= loadReceiptFonts(FONTS_ROOT);
  return shipped;
}

export function loadReceiptFonts(root: string, faces: readonly ReceiptFontFace[] = RECEIPT_FONT_FACES): LoadedFontFace[] {
  return faces.map((face) => {
    const file = path.join(root, face.file);
    if (!existsSync(file)) throw new Error(`receipt font ${face.file} is missing from ${root}; the app's resources folder is incomplete`);
    return { ...face, bytes: readFileSync(file) };
  });
}

/** font-display: block — a receipt must never be laid out in a fallback font while a face loads. */
export function fontFaceCss(faces: readonly LoadedFontFace[]): string {
  return faces
    .map(
      (f) =>
        `@font-face { font-family: '${f.family}'; font-weight: ${f.weight}; font-style: normal; font-display: block; ` +
        `src: url(data:font/ttf;base64,${Buffer.from(f.bytes).toString('base64')}) format('truetype'); }`,
    )
    .join('\n');
}
