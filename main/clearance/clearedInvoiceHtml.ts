// SPDX-License-Identifier: UNLICENSED
// The cleared standard tax invoice as an A4 page for the buyer (bilingual, Arabic first): seller and buyer with
// their VAT numbers, the lines, the VAT breakdown and the totals, and the QR of the XML ZATCA cleared (reference §6:
// a standard invoice's QR is ZATCA's). Drawn by Chromium's print-to-PDF from this self-contained document, under the
// receipt CSP (no script, no network; fonts are the host page's). Text is escaped; nothing is taken as markup.
import type { DocumentInput } from '../../app/document/documentInput';
import { qrMatrix } from '../../app/receipt/qrPlan';
import { qrSvg } from '../../app/receipt/template/qrSvg';
import { RECEIPT_QR_ELEMENT_ID } from '../../app/receipt/template/renderReceiptHtml';
import type { DocumentTotals } from '../../app/totals/computeTotals';

/** A4 at 96 CSS px per inch: 210 mm × 297 mm. */
export const A4_WIDTH_PX = 794;
export const A4_HEIGHT_PX = 1123;

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TITLES: Record<DocumentInput['kind'], string> = {
  invoice: 'فاتورة ضريبية | Tax Invoice',
  'credit-note': 'إشعار دائن | Credit Note',
  'debit-note': 'إشعار مدين | Debit Note',
};

function party(
  title: string,
  p: { name?: string | undefined; vatNumber?: string | undefined; address?: Record<string, string | undefined> | undefined },
): string {
  const a = p.address ?? {};
  const address = [a.building, a.street, a.additionalStreet, a.district, a.city, a.postalCode, a.country].filter((x): x is string => !!x).map(esc);
  return `<section class="party"><h2>${esc(title)}</h2><p class="name">${esc(p.name ?? '')}</p>${
    p.vatNumber ? `<p>الرقم الضريبي | VAT No. <b class="ltr">${esc(p.vatNumber)}</b></p>` : ''
  }<p>${address.join('، ')}</p></section>`;
}

export function clearedInvoiceHtml(doc: DocumentInput, totals: DocumentTotals, qr: string, training: boolean): string {
  const code = qrSvg(qrMatrix(qr, 'M'), 3);
  const rows = doc.lines
    .map(
      (l, i) =>
        `<tr><td>${i + 1}</td><td>${esc(l.name)}</td><td class="n">${esc(l.quantity)}</td><td class="n">${esc(l.unitPrice)}</td>` +
        `<td class="n">${esc(l.vat.rate)}%</td><td class="n">${totals.lines[i]!.shownTotal.toFixed(2)}</td></tr>`,
    )
    .join('');
  const reference = doc.billingReference ? `<p>الفاتورة الأصلية | Original invoice: <b class="ltr">${esc(doc.billingReference.number)}</b></p>` : '';
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
body { font-family: 'Noto Naskh Arabic', 'Noto Sans', sans-serif; font-size: 12px; color: #000; margin: 0; }
.page { width: ${A4_WIDTH_PX}px; min-height: ${A4_HEIGHT_PX}px; box-sizing: border-box; padding: 40px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 13px; margin: 0 0 4px; border-bottom: 1px solid #000; }
.head { display: flex; justify-content: space-between; align-items: flex-start; gap: 24px; }
.parties { display: flex; gap: 24px; margin: 16px 0; } .party { flex: 1; } .party p { margin: 2px 0; } .name { font-weight: bold; }
table { width: 100%; border-collapse: collapse; margin-top: 8px; } th, td { border: 1px solid #000; padding: 4px 6px; text-align: start; }
.n { text-align: end; direction: ltr; unicode-bidi: embed; } .ltr { direction: ltr; unicode-bidi: embed; }
.totals { width: 45%; margin-inline-start: auto; } .training { border: 2px solid #000; padding: 4px; font-weight: bold; text-align: center; }
.cleared { margin-top: 16px; font-size: 11px; }
</style></head><body><div class="page">
${training ? '<p class="training">تدريب — ليست فاتورة | TRAINING — NOT AN INVOICE</p>' : ''}
<div class="head"><div><h1>${TITLES[doc.kind]}</h1>
<p>رقم الفاتورة | Invoice No. <b class="ltr">${esc(doc.number)}</b></p>
<p>التاريخ | Date <b class="ltr">${esc(doc.issueDate)} ${esc(doc.issueTime)}</b></p>
${doc.supplyDate ? `<p>تاريخ التوريد | Supply date <b class="ltr">${esc(doc.supplyDate)}</b></p>` : ''}${reference}
${doc.reason ? `<p>السبب | Reason: ${esc(doc.reason)}</p>` : ''}</div>
<div id="${RECEIPT_QR_ELEMENT_ID}">${code.svg}</div></div>
<div class="parties">${party('البائع | Seller', doc.seller)}${party('المشتري | Buyer', doc.buyer ?? {})}</div>
<table><thead><tr><th>#</th><th>الصنف | Item</th><th>الكمية | Qty</th><th>سعر الوحدة | Unit price</th><th>الضريبة | VAT</th><th>المجموع | Total</th></tr></thead>
<tbody>${rows}</tbody></table>
<table class="totals"><tbody>
<tr><td>الإجمالي قبل الضريبة | Total excl. VAT</td><td class="n">${totals.taxExclusive.toFixed(2)}</td></tr>
<tr><td>ضريبة القيمة المضافة | VAT</td><td class="n">${totals.vat.toFixed(2)}</td></tr>
<tr><td><b>الإجمالي المستحق | Total due (SAR)</b></td><td class="n"><b>${totals.payable.toFixed(2)}</b></td></tr>
</tbody></table>
<p class="cleared">اعتمدتها هيئة الزكاة والضريبة والجمارك | Cleared by ZATCA — UUID <span class="ltr">${esc(doc.uuid)}</span></p>
</div></body></html>`;
}
