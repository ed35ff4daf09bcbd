// SPDX-License-Identifier: UNLICENSED
// The manager's paper: X and Z reports on the receipt printer, rasterised by the same Chromium path as receipts
// (bilingual, Arabic shaped by the browser; docs/ARCHITECTURE.md, step 8) and sent as ESC/POS raster bands, and the
// cash drawer's kick on its own (the drawer hangs off the receipt printer). No QR, so no self-check; a report that
// does not print is answered as failed and stays on screen and reprintable.
import type { PrintOutcome, PrinterSettings } from '../../app/contract/types';
import { concatBytes } from '../../app/bytes';
import { escDrawerKick, escInit } from '../../app/receipt/escpos';
import { renderReportHtml, type ReportPrintModel } from '../../app/receipt/template/renderReportHtml';
import { connectionKind, openRawPrinter, type RawPrinter } from '../../native/printer/rawPrinter';
import { checkPrinterDevice } from './printerAddress';
import { DukkanError } from '../../app/errors/index';
import type { DukkanWorkers } from '../workers/dukkanWorkers';
import type { ReceiptRasterizer } from './rasterizer';
import { rasterToJob } from './rasterToJob';

export class ReportPrinter {
  constructor(
    private readonly options: {
      readonly rasterizer: ReceiptRasterizer;
      /** Worker threads for the decode, 1-bit conversion and bands (rasterToJob.ts); without them, this thread. */
      readonly workers?: DukkanWorkers;
      readonly settings: () => PrinterSettings;
      /** Every printer address passes the printing service's checks when saved (main/printing/printerAddress.ts). */
      readonly timeoutMs?: number;
    },
  ) {}

  /** The bytes of a report for this paper: init, raster bands, cut. */
  async bytesOf(report: ReportPrintModel, paperWidth: 58 | 80): Promise<Uint8Array> {
    const paperDots = paperWidth === 58 ? 384 : 576;
    const job = await rasterToJob(this.options, renderReportHtml(report, paperDots), paperDots, { qrText: null, escpos: {} });
    return job.bytes!; // no QR, so never withheld
  }

  async print(report: ReportPrintModel): Promise<PrintOutcome> {
    const { address, paperWidth } = this.options.settings();
    if (address === null) return { state: 'no-printer', message: null };
    try {
      const bytes = await this.bytesOf(report, paperWidth);
      await this.open(address).send(bytes);
      return { state: 'printed', message: null };
    } catch (e) {
      return { state: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Opens the cash drawer (ESC p on the receipt printer); refused when there is no printer to send it to. */
  async kickDrawer(): Promise<void> {
    const { address } = this.options.settings();
    if (address === null) throw new DukkanError('drawer.no-printer');
    await this.open(address).send(concatBytes(escInit(), escDrawerKick()));
  }

  private open(address: string): RawPrinter {
    // again at every opening, as for receipts (main/app/printingService.ts): a device since replaced by a link or a file
    if (connectionKind(address) === 'device' && process.platform !== 'win32') checkPrinterDevice(address);
    return openRawPrinter({ address, timeoutMs: this.options.timeoutMs ?? 3000 });
  }
}
