// SPDX-License-Identifier: UNLICENSED
// The terminal's receipt printer, shared by both modes: the printing helper's ReceiptPrinter (queue, retries, QR
// self-check) over the configured printer, previews as PNG, the printer's health for the status strip, and print
// events for the screen. The sale prints through it (main/sale ReceiptOutput) only after the document is committed;
// a printing failure never undoes or blocks a sale. The printer settings and test page are main/app/handlers'.
import type { AppEvent } from '../../app/contract/events';
import type { PrintOutcome, PrinterSettings } from '../../app/contract/types';
import type { PaperDots } from '../../app/receipt/qrPlan';
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { connectionKind, openRawPrinter } from '../../native/printer/rawPrinter';
import { DukkanError } from '../../app/errors/index';
import { errorFields, type Logger } from '../log/logger';
import { exportReceiptPng } from '../printing/receiptExport';
import type { ReceiptRenderKit } from '../printing/receiptJob';
import { checkPrinterAddress, checkPrinterDevice } from '../printing/printerAddress';
import { ReceiptPrinter, type PrintJob } from '../printing/receiptPrinter';
import type { TerminalSettings } from './terminalSettings';

export interface PrintingServiceOptions {
  readonly kit: ReceiptRenderKit;
  readonly settings: TerminalSettings;
  readonly emit: (event: AppEvent) => void;
  readonly logger: Logger;
  /** Waits before automatic retries (default the printer's own: 1 s, 3 s, 10 s). */
  readonly retryDelaysMs?: readonly number[];
  /** How long a sale waits for its receipt before answering "printing" (the outcome then follows as an event). */
  readonly waitMs?: number;
}

export type PrinterHealth = { readonly configured: boolean; readonly state: 'ready' | 'printing' | 'error' | 'unknown'; readonly message: string | null };

/** A refusal's catalog code and parameters, so the screen can say it in its own language. */
function reasonOf(e: unknown): Pick<PrintOutcome, 'reason'> {
  return e instanceof DukkanError ? { reason: { reason: e.code, params: e.params } } : {};
}

export function paperDotsOf(width: 58 | 80): PaperDots {
  return width === 58 ? 384 : 576;
}

export class PrintingService {
  private printer: ReceiptPrinter | null = null;
  private health: PrinterHealth;
  private readonly log: Logger;
  private closed = false;

  constructor(private readonly options: PrintingServiceOptions) {
    this.log = options.logger.child({ component: 'printing' });
    this.health = { configured: this.settings().address !== null, state: 'unknown', message: null };
  }

  settings(): PrinterSettings {
    return this.options.settings.get('printer');
  }

  save(settings: PrinterSettings): PrinterSettings {
    if (settings.address !== null && connectionKind(settings.address) === 'system') {
      throw new DukkanError('printer.system-queue-unsupported', {}, { field: 'address' });
    }
    // only a network printer or a real printer device: a path to a file would be overwritten by the next receipt
    const address = settings.address === null ? null : checkPrinterAddress(settings.address);
    this.options.settings.set('printer', { ...settings, address });
    this.printer = null; // the next receipt opens the new printer
    this.health = { configured: settings.address !== null, state: 'unknown', message: null };
    return this.settings();
  }

  state(): PrinterHealth {
    return this.health;
  }

  private receiptPrinter(): ReceiptPrinter | null {
    const { address, paperWidth } = this.settings();
    if (address === null) return null;
    // again at every opening: a saved address from an older version, or a device since replaced by a link or a file
    if (connectionKind(address) === 'device' && process.platform !== 'win32') checkPrinterDevice(address);
    if (!this.printer) {
      const printer = new ReceiptPrinter({
        printer: openRawPrinter({ address, timeoutMs: 3000 }),
        kit: this.options.kit,
        profile: { paperDots: paperDotsOf(paperWidth) },
        ...(this.options.retryDelaysMs ? { retryDelaysMs: this.options.retryDelaysMs } : {}),
      });
      printer.on((event) => {
        if (event.type === 'job-started') this.setHealth({ configured: true, state: 'printing', message: null });
        else if (event.type === 'job-printed') this.setHealth({ configured: true, state: 'ready', message: null });
        else if (event.type === 'job-retry-scheduled' || event.type === 'job-failed')
          this.setHealth({ configured: true, state: 'error', message: event.error.message });
      });
      this.printer = printer;
    }
    return this.printer;
  }

  private setHealth(health: PrinterHealth): void {
    this.health = health;
  }

  /**
   * Prints a committed document's receipt; answers within `waitMs` (then "printing", with an event to follow), or at
   * once with `background`.
   */
  print(model: ReceiptModel, options: { readonly openDrawer?: boolean; readonly copy?: boolean; readonly background?: boolean } = {}): Promise<PrintOutcome> {
    let printer: ReceiptPrinter | null;
    try {
      printer = this.receiptPrinter();
    } catch (e) {
      // the printer address was refused (printerAddress.ts): nothing is written; the sale itself stands
      const refused: PrintOutcome = { state: 'failed', message: e instanceof Error ? e.message : String(e), ...reasonOf(e) };
      this.setHealth({ configured: true, state: 'error', message: refused.message });
      this.tell({ type: 'print', number: model.number, outcome: refused });
      return Promise.resolve(refused);
    }
    if (!printer) return Promise.resolve({ state: 'no-printer', message: null });
    const job = options.copy ? printer.reprintDocument(model) : printer.print(model, { openDrawer: options.openDrawer ?? false });
    const outcome = job.then(
      (j: PrintJob): PrintOutcome =>
        j.state === 'printed'
          ? { state: 'printed', message: null }
          : { state: 'failed', message: j.error?.message ?? 'the receipt was not printed', ...reasonOf(j.error) },
      (e: unknown): PrintOutcome => {
        this.log.error('printing.unexpected', errorFields(e));
        return { state: 'failed', message: e instanceof Error ? e.message : 'the receipt was not printed' };
      },
    );
    void outcome.then((o) => this.tell({ type: 'print', number: model.number, outcome: o }));
    if (options.background) return Promise.resolve({ state: 'printing', message: null });
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<PrintOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ state: 'printing', message: null }), this.options.waitMs ?? 8000);
    });
    return Promise.race([outcome, waited]).finally(() => clearTimeout(timer));
  }

  /**
   * A background job's news for the screens. A job can end after the app has begun closing (a receipt for a dead
   * printer retries for seconds while the till goes on selling): then nobody is listening and nothing is said.
   */
  private tell(event: AppEvent): void {
    if (this.closed) return;
    try {
      this.options.emit(event);
    } catch (e) {
      this.log.warn('printing.event-failed', errorFields(e));
    }
  }

  /**
   * Start the printing worker thread now (main/workers), so the first receipt does not wait for it: ~1 s on a loaded
   * 2-core machine (BENCHMARKS.md, "A long day"). The shells call it with the rasterizer's warm-up.
   */
  warmUp(): Promise<void> {
    return this.options.kit.workers?.warmUp() ?? Promise.resolve();
  }

  /** The receipt exactly as the template renders it on this paper, as a PNG data: URL. */
  async preview(model: ReceiptModel): Promise<string> {
    const png = await exportReceiptPng(model, this.options.kit, { paperDots: paperDotsOf(this.settings().paperWidth) });
    return `data:image/png;base64,${png.toString('base64')}`;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.printer = null;
    await this.options.kit.rasterizer.close();
  }
}
