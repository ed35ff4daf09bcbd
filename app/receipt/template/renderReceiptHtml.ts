// SPDX-License-Identifier: UNLICENSED
// The one receipt template: print, preview, reprint and PDF/PNG export all render this HTML, so what the cashier
// previews is what the printer burns. Self-contained (inline CSS and SVG, a CSP that forbids every fetch), so
// rendering never touches the network and gives the same pixels every time. Fonts: only the families the app ships
// (./receiptFonts), whose @font-face rules the rasterizer's page holds, so no OS font decides how a receipt looks.
//
// Geometry: 1 CSS px = 1 printer dot (the rasterizer uses device scale factor 1 and a viewport exactly paperDots
// wide). Arabic is laid out by the browser's shaping engine (HarfBuzz): joined and right to left, which ESC/POS
// text mode cannot do. Amounts, dates and numbers are printed exactly as given in the model
// (= the signed XML), never reformatted.
import type { ReceiptLine, ReceiptModel } from '../receiptModel';
import { CURRENCY, LABELS, paymentLabel, TITLES, VAT_CATEGORY_LABELS, VOUCHER_BALANCE, type Bilingual } from './labels';
import { qrMatrix, type QrMatrix } from '../qrPlan';
import { qrSvg } from './qrSvg';
import { RECEIPT_CSP, RECEIPT_FONT_STACK } from './receiptFonts';

export interface ReceiptRenderOptions {
  /** Printable width in dots: 384 (58 mm) or 576 (80 mm). */
  readonly paperDots: 384 | 576;
  /** Whole dots per QR module, from planQr (app/receipt/qrPlan). */
  readonly qrModulePx: number;
  /** Must match the level planQr used; M by default. Ignored when qrMatrix is given. */
  readonly qrErrorCorrection?: 'L' | 'M' | 'Q' | 'H';
  /** The symbol planQr already computed for model.qr (saves computing it twice, ~4 ms: BENCHMARKS.md, "Printing"). */
  readonly qrMatrix?: QrMatrix;
}

/** The element whose box the rasterizer reports, so the self-check can decode the QR from its own region. */
export const RECEIPT_QR_ELEMENT_ID = 'receipt-qr';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function bi(text: Bilingual, cls = ''): string {
  return `<div class="bi ${cls}"><div class="ar" lang="ar">${esc(text.ar)}</div><div class="en" lang="en" dir="ltr">${esc(text.en)}</div></div>`;
}

export function ltr(text: string, cls = 'num'): string {
  return `<span class="${cls}" dir="ltr">${esc(text)}</span>`;
}

export function row(label: Bilingual, value: string, cls = ''): string {
  return `<div class="row ${cls}">${bi(label, 'label')}${ltr(value, 'num value')}</div>`;
}

// An item name is its own block (a bidi paragraph of its own), isolated, with its direction from its own first
// letter: whatever it contains can reorder only itself, never the quantity, price or total printed next to it
// (docs/security.md, "Names cannot disguise a receipt"; the amounts are isolated LTR spans too, `.num`).
function lineHtml(line: ReceiptLine): string {
  const discount = line.discount
    ? `<div class="row sub"><span class="small">${esc(LABELS.lineDiscount.ar)} / <span dir="ltr">${esc(LABELS.lineDiscount.en)}</span></span>${ltr(`-${line.discount}`)}</div>`
    : '';
  return (
    `<div class="line"><div class="name" dir="auto">${esc(line.name)}</div>` +
    `<div class="row sub">${ltr(`${line.quantity} × ${line.unitPrice}`)}${ltr(line.lineTotal, 'num value')}</div>${discount}</div>`
  );
}

function css(o: ReceiptRenderOptions): string {
  const wide = o.paperDots === 576;
  const fontPx = wide ? 24 : 20;
  const padPx = wide ? 12 : 8;
  return `
@page { size: ${o.paperDots}px auto; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: ${o.paperDots}px; font-family: ${RECEIPT_FONT_STACK}; font-size: ${fontPx}px;
  line-height: 1.3; direction: rtl; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
.pad { padding: ${Math.round(fontPx / 3)}px ${padPx}px; }
.center { text-align: center; }
.shop-ar { font-size: ${Math.round(fontPx * 1.4)}px; font-weight: 700; }
.shop-en { font-size: ${Math.round(fontPx * 1.1)}px; font-weight: 700; }
.small, .bi .en, .sub { font-size: ${Math.round(fontPx * 0.8)}px; }
.title .ar { font-size: ${Math.round(fontPx * 1.25)}px; font-weight: 700; }
.title .en { font-size: ${fontPx}px; font-weight: 700; }
.title { text-align: center; margin: 4px 0; }
.row { display: flex; justify-content: space-between; align-items: flex-end; gap: ${padPx}px; }
.label { flex: 1 1 auto; min-width: 0; }
.label .ar { font-weight: 700; }
.label .en { text-align: right; }
.num { unicode-bidi: isolate; white-space: nowrap; flex: 0 0 auto; }
.value { font-weight: 700; }
.vat-row .ar { font-weight: 400; font-size: ${Math.round(fontPx * 0.8)}px; }
.grand .value, .grand .ar { font-size: ${Math.round(fontPx * 1.2)}px; }
.name { font-weight: 700; unicode-bidi: isolate; }
.line { padding: 2px 0; }
hr { border: none; border-top: 2px dashed #000; margin: ${Math.round(fontPx / 3)}px 0; }
.banner { margin: 6px ${padPx}px; padding: 2px 4px; border: 3px solid #000; text-align: center; font-weight: 700; }
.banner.training { background: #000; color: #fff; }
.qr { direction: ltr; line-height: 0; padding: 8px 0; }
.qr svg { display: block; }
`;
}

export function renderReceiptHtml(model: ReceiptModel, options: ReceiptRenderOptions): string {
  if (options.paperDots !== 384 && options.paperDots !== 576)
    throw new Error(`renderReceiptHtml: paperDots must be 384 or 576, got ${String(options.paperDots)}`);
  if (!model.qr) throw new Error('renderReceiptHtml: model.qr is empty; a receipt is printed only from a committed, stamped document');
  const qr = qrSvg(options.qrMatrix ?? qrMatrix(model.qr, options.qrErrorCorrection ?? 'M'), options.qrModulePx);
  if (qr.sizePx > options.paperDots) {
    throw new Error(
      `renderReceiptHtml: QR (${qr.modules} modules at ${options.qrModulePx} px = ${qr.sizePx} px) is wider than ${options.paperDots} dots; plan it with planQr`,
    );
  }
  // Whole-px left offset so module edges land on dot boundaries.
  const qrLeft = Math.floor((options.paperDots - qr.sizePx) / 2);
  const training = model.training ? `<div class="banner training">${bi(LABELS.training)}</div>` : '';
  const copy = model.copy ? `<div class="banner copy">${esc(LABELS.copy.ar)} / <span dir="ltr">${esc(LABELS.copy.en)}</span></div>` : '';
  const shop = model.shop;
  const header =
    `<div class="pad center"><div class="shop-ar" lang="ar" dir="auto">${esc(shop.nameAr)}</div>` +
    `<div class="shop-en" lang="en" dir="auto">${esc(shop.nameEn)}</div>` +
    (shop.branch ? `<div class="small" dir="auto">${esc(LABELS.branch.ar)}: ${esc(shop.branch)}</div>` : '') +
    (shop.address ? `<div class="small" dir="auto">${esc(shop.address)}</div>` : '') +
    `<div class="small">${esc(LABELS.vatNumber.ar)} / <span dir="ltr">${esc(LABELS.vatNumber.en)}</span>: ${ltr(shop.vatNumber)}</div></div>`;
  const info =
    `<div class="pad">${bi(TITLES[model.kind], 'title')}` +
    row(LABELS.number, model.number) +
    // IssueDate/IssueTime are already Riyadh local time (reference §7.2): printed as written, never converted.
    row(LABELS.dateTime, `${model.issueDate} ${model.issueTime}`) +
    (model.cashier ? `<div class="row">${bi(LABELS.cashier, 'label')}<span class="value" dir="auto">${esc(model.cashier)}</span></div>` : '') +
    (model.originalInvoice ? row(LABELS.originalInvoice, model.originalInvoice) : '') +
    (model.reason ? `<div class="row">${bi(LABELS.reason, 'label')}<span class="value" dir="auto">${esc(model.reason)}</span></div>` : '') +
    `</div>`;
  const lines = `<div class="pad">${model.lines.map(lineHtml).join('')}${model.itemCount ? row(LABELS.itemCount, model.itemCount) : ''}</div>`;
  const vatRows = model.vatBreakdown
    .map((v) => {
      const cat = VAT_CATEGORY_LABELS[v.category];
      return row({ ar: `${cat.ar} ${v.rate}% ${LABELS.on.ar} ${v.taxable}`, en: `${cat.en} ${v.rate}% ${LABELS.on.en} ${v.taxable}` }, v.vat, 'vat-row');
    })
    .join('');
  const t = model.totals;
  const totals =
    `<div class="pad">` +
    (model.documentDiscount ? row(LABELS.documentDiscount, `-${model.documentDiscount}`) : '') +
    vatRows +
    row(LABELS.taxExclusive, t.taxExclusive) +
    row(LABELS.vat, t.vat) +
    row({ ar: LABELS.taxInclusive.ar, en: `${LABELS.taxInclusive.en} (${CURRENCY.en})` }, t.taxInclusive, 'grand') +
    (t.payable !== t.taxInclusive ? row(LABELS.payable, t.payable, 'grand') : '') +
    `</div>`;
  const payments =
    model.payments.length || model.change
      ? `<div class="pad">${model.payments.map((p) => row(paymentLabel(p), p.amount) + (p.voucher ? row(VOUCHER_BALANCE, p.voucher.balance) : '')).join('')}${model.tendered ? row(LABELS.tendered, model.tendered) : ''}${model.change ? row(LABELS.change, model.change) : ''}</div><hr>`
      : '';
  const footer = model.footer ? `<div class="pad center small" dir="auto">${esc(model.footer)}</div>` : '';
  const body =
    training +
    copy +
    header +
    '<hr>' +
    info +
    '<hr>' +
    lines +
    '<hr>' +
    totals +
    '<hr>' +
    payments +
    `<div class="qr" style="padding-left:${qrLeft}px"><div id="${RECEIPT_QR_ELEMENT_ID}" style="width:${qr.sizePx}px">${qr.svg}</div></div>` +
    footer +
    training +
    '<div style="height:8px"></div>';
  return (
    `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${RECEIPT_CSP}">` +
    `<title>${esc(TITLES[model.kind].en)} ${esc(model.number)}</title><style>${css(options)}</style></head><body>${body}</body></html>`
  );
}
