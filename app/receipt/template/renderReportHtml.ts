// SPDX-License-Identifier: UNLICENSED
// The X and Z reports as printed on the receipt printer: the same fonts, CSP, bilingual rows and 1 CSS px = 1 dot
// geometry as the receipt (renderReceiptHtml), so the manager's paper copy is rasterised and banded exactly like a
// receipt (docs/ARCHITECTURE.md, "The path of a sale", step 8). Figures are printed exactly as the report carries
// them; the report is built from the ledger in main/reports, never here.
import type { DailyCashControl } from '../../contract/shiftTypes';
import { PAYMENT_LABELS, VAT_CATEGORY_LABELS, LABELS, paymentLabel, type Bilingual } from './labels';
import { riyadhDateTime } from '../../time/riyadhTime';
import { RECEIPT_CSP, RECEIPT_FONT_STACK } from './receiptFonts';
import { bi, esc, row } from './renderReceiptHtml';

/** What the printed report needs (the contract's DailyReport has this shape). */
export interface ReportPrintModel {
  readonly kind: 'X' | 'Z';
  readonly number: number | null;
  readonly from: string;
  readonly to: string;
  readonly documents: { readonly invoices: number; readonly creditNotes: number; readonly debitNotes: number };
  readonly vat: readonly { readonly category: 'S' | 'Z' | 'E' | 'O'; readonly rate: string; readonly taxable: string; readonly vat: string }[];
  readonly payments: readonly { readonly method: 'cash' | 'card' | 'store-credit' | 'unrecorded'; readonly amount: string }[];
  /** The card total by the network the cashier chose; one tender, broken down. */
  readonly cardNetworks?: readonly { readonly network: 'mada' | 'visa' | 'mastercard' | 'amex' | 'other' | 'unlabelled'; readonly amount: string }[];
  /** Store credit issued by returns and redeemed by sales, apart: neither is cash in the drawer. */
  readonly storeCredit?: { readonly issued: string; readonly redeemed: string };
  readonly totals: { readonly sales: string; readonly returns: string; readonly debits: string; readonly net: string; readonly vat: string };
  readonly training: boolean;
  /** Standard (B2B) invoices ZATCA did not clear: not in the sales, counted apart. */
  readonly notCleared?: { readonly documents: number; readonly amount: string };
  readonly cashControl?: DailyCashControl;
}

const L = {
  x: { ar: 'تقرير X (منتصف الوردية)', en: 'X report (mid-shift)' },
  z: { ar: 'تقرير Z (نهاية اليوم)', en: 'Z report (end of day)' },
  from: { ar: 'من', en: 'From' },
  to: { ar: 'إلى', en: 'To' },
  invoices: { ar: 'الفواتير', en: 'Invoices' },
  creditNotes: { ar: 'إشعارات دائنة', en: 'Credit notes' },
  debitNotes: { ar: 'إشعارات مدينة', en: 'Debit notes' },
  notCleared: { ar: 'فواتير ضريبية غير معتمدة', en: 'Tax invoices not cleared' },
  sales: { ar: 'المبيعات', en: 'Sales' },
  returns: { ar: 'المرتجعات', en: 'Returns' },
  debits: { ar: 'الإشعارات المدينة', en: 'Debit notes' },
  net: { ar: 'الصافي', en: 'Net' },
  unrecorded: { ar: 'دفع غير مسجل', en: 'Payment not recorded' },
  payments: { ar: 'طرق الدفع', en: 'Payments' },
  unlabelled: { ar: 'دون شبكة', en: 'no network' },
  creditIssued: { ar: 'رصيد متجر صادر', en: 'Store credit issued' },
  creditRedeemed: { ar: 'رصيد متجر مستخدم', en: 'Store credit redeemed' },
  cashier: { ar: 'الكاشير', en: 'Cashier' },
  noCashier: { ar: 'خارج الصندوق', en: 'Outside the till' },
  shift: { ar: 'وردية', en: 'Shift' },
  expected: { ar: 'المتوقع', en: 'Expected' },
  counted: { ar: 'المعدود', en: 'Counted' },
  overShort: { ar: 'زيادة / عجز', en: 'Over / short' },
  stillOpen: { ar: 'مفتوحة', en: 'open' },
  voids: { ar: 'أصناف محذوفة', en: 'Voids' },
  overrides: { ar: 'تعديلات أسعار', en: 'Price overrides' },
  discounts: { ar: 'خصومات', en: 'Discounts' },
  refunds: { ar: 'مرتجعات', en: 'Refunds' },
  paidIn: { ar: 'إيداع نقدي', en: 'Paid in' },
  paidOut: { ar: 'صرف نقدي', en: 'Paid out' },
} as const satisfies Record<string, Bilingual>;

function css(paperDots: 384 | 576): string {
  const fontPx = paperDots === 576 ? 24 : 20;
  return `
@page { size: ${paperDots}px auto; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: ${paperDots}px; font-family: ${RECEIPT_FONT_STACK}; font-size: ${fontPx}px; line-height: 1.3; direction: rtl;
  overflow-wrap: anywhere; font-variant-numeric: tabular-nums; padding: 4px ${paperDots === 576 ? 12 : 8}px 16px; }
.row { display: flex; justify-content: space-between; align-items: flex-end; gap: 8px; }
.label { flex: 1 1 auto; min-width: 0; }
.bi .en { font-size: ${Math.round(fontPx * 0.8)}px; }
.label .en { text-align: right; }
.num { unicode-bidi: isolate; white-space: nowrap; flex: 0 0 auto; }
.value { font-weight: 700; }
.title { text-align: center; font-weight: 700; margin: 4px 0; }
.head { text-align: center; font-weight: 700; margin-top: 6px; }
hr { border: none; border-top: 2px dashed #000; margin: 6px 0; }
.banner { border: 3px solid #000; text-align: center; font-weight: 700; background: #000; color: #fff; }
`;
}

/** An instant of the report as Riyadh wall-clock time, the time the receipts print (reference §7's issue dates). */
function riyadh(iso: string): string {
  const t = riyadhDateTime(new Date(iso));
  return `${t.issueDate} ${t.issueTime}`;
}

const section = (title: Bilingual, rows: string[]) => (rows.length ? `<hr>${bi(title, 'head')}${rows.join('')}` : '');

export function renderReportHtml(report: ReportPrintModel, paperDots: 384 | 576): string {
  const title = report.kind === 'Z' ? { ar: `${L.z.ar} رقم ${report.number ?? ''}`, en: `${L.z.en} No. ${report.number ?? ''}` } : L.x;
  const training = report.training ? `<div class="banner">${bi(LABELS.training)}</div>` : '';
  const c = report.cashControl;
  const header = [row(L.from, riyadh(report.from)), row(L.to, riyadh(report.to))];
  const counts = [
    row(L.invoices, String(report.documents.invoices)),
    row(L.creditNotes, String(report.documents.creditNotes)),
    row(L.debitNotes, String(report.documents.debitNotes)),
    ...(report.notCleared ? [row(L.notCleared, `${report.notCleared.documents} · ${report.notCleared.amount}`)] : []),
  ];
  const totals = [
    row(L.sales, report.totals.sales),
    row(L.returns, `-${report.totals.returns}`),
    row(L.debits, report.totals.debits),
    row(L.net, report.totals.net),
    row(LABELS.vat, report.totals.vat),
  ];
  const payments = [
    ...report.payments.map((p) => row(p.method === 'unrecorded' ? L.unrecorded : PAYMENT_LABELS[p.method], p.amount)),
    // the card's networks, indented under the one card tender: "Card · mada"
    ...(report.cardNetworks ?? []).map((n) =>
      row(
        n.network === 'unlabelled'
          ? { ar: `${PAYMENT_LABELS.card.ar} · ${L.unlabelled.ar}`, en: `${PAYMENT_LABELS.card.en} · ${L.unlabelled.en}` }
          : paymentLabel({ method: 'card', network: n.network }),
        n.amount,
      ),
    ),
    ...(report.storeCredit ? [row(L.creditIssued, report.storeCredit.issued), row(L.creditRedeemed, report.storeCredit.redeemed)] : []),
  ];
  const vat = report.vat.map((v) => {
    const cat = VAT_CATEGORY_LABELS[v.category];
    return row({ ar: `${cat.ar} ${v.rate}% ${LABELS.on.ar} ${v.taxable}`, en: `${cat.en} ${v.rate}% ${LABELS.on.en} ${v.taxable}` }, v.vat);
  });
  const cashiers = (c?.cashiers ?? []).map((k) => row(k.cashier === null ? L.noCashier : { ar: k.cashier, en: `${k.documents} doc.` }, k.net));
  const shifts = (c?.shifts ?? []).map((s) =>
    row(
      { ar: `${L.shift.ar} ${s.id} — ${s.cashier}`, en: `${L.expected.en} ${s.expected} · ${L.counted.en} ${s.counted ?? L.stillOpen.en}` },
      s.difference ?? L.stillOpen.ar,
    ),
  );
  const control = c
    ? [
        row(L.overShort, c.overShort),
        row(L.paidIn, c.paidIn),
        row(L.paidOut, c.paidOut),
        row(L.refunds, String(c.refunds)),
        row(L.voids, String(c.voids)),
        row(L.overrides, String(c.priceOverrides)),
        row(L.discounts, String(c.discounts)),
      ]
    : [];
  const body =
    training +
    bi(title, 'title') +
    header.join('') +
    section(L.invoices, counts) +
    section(L.net, totals) +
    section(L.payments, payments) +
    section(LABELS.vat, vat) +
    section(L.cashier, cashiers) +
    section(L.shift, shifts) +
    section(L.overShort, control) +
    training;
  return (
    `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${RECEIPT_CSP}">` +
    `<title>${esc(title.en)}</title><style>${css(paperDots)}</style></head><body>${body}</body></html>`
  );
}
