// SPDX-License-Identifier: UNLICENSED
// What the buyer of a cleared standard invoice gets: ZATCA's cleared XML exactly as it came back, and an A4 PDF
// drawn from the document with the cleared XML's QR (clearedInvoiceHtml.ts). Only a cleared document has them: an
// awaiting, rejected or withdrawn one is refused, so nothing uncleared is ever handed over as an invoice.
import type { ClearedFiles } from '../../app/contract/b2bTypes';
import type { DocumentInput } from '../../app/document/documentInput';
import { DukkanError } from '../../app/errors/index';
import { computeTotals } from '../../app/totals/computeTotals';
import type { DocumentRow } from '../ledger/ledgerStore';
import type { ClearanceRow } from './clearanceStore';
import { A4_WIDTH_PX, clearedInvoiceHtml } from './clearedInvoiceHtml';

/** Chromium's print-to-PDF over the receipt page (main/printing/cdpRasterizer.ts). */
export interface PdfRenderer {
  pdf(html: string, widthPx: number): Promise<Buffer>;
}

export function pdfRendererOf(rasterizer: object): PdfRenderer | null {
  return 'pdf' in rasterizer && typeof rasterizer.pdf === 'function' ? (rasterizer as PdfRenderer) : null;
}

export async function clearedFiles(
  row: DocumentRow,
  clearance: ClearanceRow,
  document: DocumentInput,
  renderer: PdfRenderer | null,
  training: boolean,
): Promise<ClearedFiles> {
  if (clearance.state !== 'cleared' || !clearance.cleared_xml || !clearance.cleared_qr) {
    throw new DukkanError('b2b.not-cleared', { number: row.number, state: clearance.state });
  }
  const pdf = renderer ? await renderer.pdf(clearedInvoiceHtml(document, computeTotals(document), clearance.cleared_qr, training), A4_WIDTH_PX) : null;
  return {
    number: row.number,
    fileBase: `${row.number}-cleared`,
    xml: clearance.cleared_xml.toString('base64'),
    pdf: pdf ? pdf.toString('base64') : null,
    qr: clearance.cleared_qr,
  };
}
