// SPDX-License-Identifier: UNLICENSED
// The rasterizer's long-lived page and the scripts it runs there. The page is written once: the receipt CSP, the
// app's @font-face rules (fonts decoded once, receiptFonts.ts) and an empty style element. Each receipt is then
// swapped in — its <style> into that element, its <body> in place of the last one — instead of loading a new
// document per sale, which would load and decode the fonts again. The receipt HTML is parsed by DOMParser into an
// inert document (no script runs, nothing loads) and only its styles and body are adopted, under the page's CSP,
// which is the template's own (app/receipt/template/receiptFonts.ts).
import { RECEIPT_CSP, type ReceiptFontFace } from '../../app/receipt/template/receiptFonts';
import { RECEIPT_QR_ELEMENT_ID } from '../../app/receipt/template/renderReceiptHtml';
import type { PixelBox } from './rasterizer';

const RECEIPT_STYLE_ID = 'dukkan-receipt-style';

export function hostPageHtml(fontFaceCss: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${RECEIPT_CSP}">` +
    `<style>html, body { margin: 0; padding: 0; background: #fff; }</style>` +
    `<style id="dukkan-fonts">${fontFaceCss}</style><style id="${RECEIPT_STYLE_ID}"></style></head><body></body></html>`
  );
}

export interface FaceStatus {
  readonly family: string;
  readonly weight: string;
  readonly status: string;
}

/** Writes the host page into the blank page and loads every declared face; evaluates to FaceStatus[]. */
export function writeHostPageScript(html: string): string {
  return `(async (html) => {
  document.open();
  document.write(html);
  document.close();
  const faces = [...document.fonts];
  await Promise.allSettled(faces.map((face) => face.load()));
  return faces.map((face) => ({ family: face.family.replace(/^["']|["']$/g, ''), weight: String(face.weight), status: face.status }));
})(${JSON.stringify(html)})`;
}

/** The declared faces that did not load (by family and weight), or [] when every one did. */
export function facesNotLoaded(statuses: readonly FaceStatus[], declared: readonly ReceiptFontFace[]): string[] {
  return declared
    .filter((f) => !statuses.some((s) => s.family === f.family && s.weight === String(f.weight) && s.status === 'loaded'))
    .map((f) => `${f.family} ${f.weight}`);
}

export interface ReceiptMeasure {
  /** Content height in px: the bitmap must be exactly this tall. */
  readonly height: number;
  readonly qrBox: PixelBox | null;
}

/** Swaps the receipt into the host page, waits for fonts, and evaluates to its ReceiptMeasure. */
export function showReceiptScript(receiptHtml: string): string {
  return `(async (html) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.getElementById(${JSON.stringify(RECEIPT_STYLE_ID)}).textContent = Array.from(doc.head.querySelectorAll('style'), (s) => s.textContent).join('\\n');
  for (const name of ['lang', 'dir']) {
    const value = doc.documentElement.getAttribute(name);
    if (value === null) document.documentElement.removeAttribute(name);
    else document.documentElement.setAttribute(name, value);
  }
  document.title = doc.title;
  document.body.replaceWith(document.adoptNode(doc.body));
  await document.fonts.ready;
  const body = document.body.getBoundingClientRect();
  const qr = document.getElementById(${JSON.stringify(RECEIPT_QR_ELEMENT_ID)});
  const r = qr ? qr.getBoundingClientRect() : null;
  return {
    // the body, not the document: the document is never shorter than the viewport, which keeps the last receipt's height
    height: body.height > 0 ? Math.ceil(body.bottom + window.scrollY) : 0,
    qrBox: r ? { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height } : null,
  };
})(${JSON.stringify(receiptHtml)})`;
}
