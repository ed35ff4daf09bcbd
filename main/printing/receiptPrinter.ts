// SPDX-License-Identifier: UNLICENSED
// The receipt print queue: one job at a time per printer, automatic retries while nothing (or only part) reached
// the printer, reprints from history marked as a copy (نسخة / COPY), and typed events for the cashier UI.
//
// Failure never loses the sale: the document was committed before print() was called, the queue only reads the
// ReceiptModel, and a failed job stays in history to retry or reprint (the last FINISHED_JOBS_KEPT finished jobs;
// an older receipt is reprinted from the ledger).
import type { ReceiptModel } from '../../app/receipt/receiptModel';
import { concatBytes } from '../../app/bytes';
import { dleEotStatus, gsCut, isStatusReply, parseStatusReply } from '../../app/receipt/escpos';
import { defaultBandRows } from '../../app/receipt/rasterBands';
import { PrinterIoError } from '../../native/printer/printerIoError';
import type { RawPrinter } from '../../native/printer/rawPrinter';
import type { PrinterStream } from '../../native/printer/tcpPrinterStream';
import { PrintError } from './printError';
import { ioFailure, queryPrinterStatus, statusFailure, type PrinterStatus } from './printerStatus';
import { prepareReceiptJob, type PaperProfile, type ReceiptRenderKit } from './receiptJob';
import { canStream, receiptParts, type StreamingKit } from './receiptStream';

export type PrintJobState = 'queued' | 'printing' | 'printed' | 'failed';

export interface PrintJob {
  readonly id: number;
  readonly model: ReceiptModel;
  readonly openDrawer: boolean;
  /** The job this one reprints, if it is a reprint. */
  readonly reprintOf: number | null;
  readonly state: PrintJobState;
  readonly attempts: number;
  readonly error: PrintError | null;
  readonly queuedAt: Date;
  readonly finishedAt: Date | null;
}

export type PrintEvent =
  | { readonly type: 'job-queued'; readonly job: PrintJob }
  | { readonly type: 'job-started'; readonly job: PrintJob }
  | { readonly type: 'job-printed'; readonly job: PrintJob }
  | { readonly type: 'job-retry-scheduled'; readonly job: PrintJob; readonly error: PrintError; readonly delayMs: number }
  /** The cashier must see this: the receipt did not print (the sale itself is safe). */
  | { readonly type: 'job-failed'; readonly job: PrintJob; readonly error: PrintError }
  /** Also an alert: the printed QR would not have matched the signed invoice, so nothing was printed. */
  | { readonly type: 'qr-self-check-failed'; readonly job: PrintJob; readonly error: PrintError }
  | { readonly type: 'printer-status'; readonly status: PrinterStatus };

export interface ReceiptPrinterConfig {
  readonly printer: RawPrinter;
  readonly kit: ReceiptRenderKit;
  readonly profile: PaperProfile;
  /** Waits before automatic retries; their count is the number of retries. Default 1 s, 3 s, 10 s. */
  readonly retryDelaysMs?: readonly number[];
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
  /**
   * Send the receipt's bands as its strips are captured (default), when the printer takes a job in parts and the kit
   * has worker threads and a rasterizer that captures in strips; false: capture it whole, then send it
   * (docs/printing.md, "Streaming"). The printer gets the same bytes either way.
   */
  readonly streaming?: boolean;
}

export interface PrintOptions {
  /** Cash sale: kick the cash drawer. */
  readonly openDrawer?: boolean;
}

type MutableJob = { -readonly [K in keyof PrintJob]: PrintJob[K] };

const DEFAULT_RETRY_DELAYS_MS = [1000, 3000, 10_000];

/**
 * Finished jobs (printed or failed) kept in history, newest last; unfinished ones are always kept. Without a bound
 * every receipt of the day stayed in memory with its model — the soak's steady RSS growth (BENCHMARKS.md, "A long
 * day"). A receipt older than these is reprinted from the ledger (reprintDocument).
 */
export const FINISHED_JOBS_KEPT = 100;

export class ReceiptPrinter {
  private readonly jobs: MutableJob[] = [];
  private lastJobId = 0;
  private readonly listeners = new Set<(event: PrintEvent) => void>();
  private chain: Promise<unknown> = Promise.resolve();
  /** Set once the printer accepted a connection but answered no DLE EOT: then we neither pre-check nor confirm. */
  private repliesUnsupported = false;
  private lastAttemptLostConnection = false;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;

  constructor(private readonly config: ReceiptPrinterConfig) {
    this.sleep = config.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = config.now ?? (() => new Date());
  }

  on(listener: (event: PrintEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Print a committed document's receipt. Resolves with the job once it printed or failed for good (state 'failed'
   * with a typed PrintError in `error`, after automatic retries); never rejects for a printing failure, so a caller
   * that does not wait cannot crash the app with an unhandled rejection.
   */
  print(model: ReceiptModel, options: PrintOptions = {}): Promise<PrintJob> {
    return this.enqueue(model, options.openDrawer ?? false, null);
  }

  /** Print a job of the history again, marked as a copy (نسخة / COPY). Never kicks the drawer. */
  reprint(jobId: number): Promise<PrintJob> {
    const job = this.job(jobId);
    return this.enqueue({ ...job.model, copy: true }, false, job.id);
  }

  /** Reprint a document from the ledger (not printed in this session), marked as a copy. */
  reprintDocument(model: ReceiptModel): Promise<PrintJob> {
    return this.enqueue({ ...model, copy: true }, false, null);
  }

  /** Send a failed job again as it was (an original stays an original: it never printed completely). */
  retry(jobId: number): Promise<PrintJob> {
    const job = this.job(jobId);
    if (job.state !== 'failed') throw new Error(`retry: job ${jobId} is ${job.state}, only failed jobs can be retried (use reprint for a copy)`);
    job.state = 'queued';
    job.error = null;
    job.finishedAt = null;
    this.emit({ type: 'job-queued', job: this.snapshot(job) });
    return this.schedule(job);
  }

  history(): readonly PrintJob[] {
    return this.jobs.map((j) => this.snapshot(j));
  }

  /** Ask the printer how it is (paper, cover, errors) and tell listeners. */
  async status(): Promise<PrinterStatus> {
    const status = await queryPrinterStatus(this.config.printer);
    this.emit({ type: 'printer-status', status });
    return status;
  }

  private job(id: number): MutableJob {
    const job = this.jobs.find((j) => j.id === id);
    if (!job) throw new Error(`no print job ${id} in history`);
    return job;
  }

  private enqueue(model: ReceiptModel, openDrawer: boolean, reprintOf: number | null): Promise<PrintJob> {
    const job: MutableJob = {
      id: ++this.lastJobId,
      model,
      openDrawer,
      reprintOf,
      state: 'queued',
      attempts: 0,
      error: null,
      queuedAt: this.now(),
      finishedAt: null,
    };
    this.jobs.push(job);
    this.emit({ type: 'job-queued', job: this.snapshot(job) });
    return this.schedule(job);
  }

  private schedule(job: MutableJob): Promise<PrintJob> {
    const run = this.chain.then(() => this.run(job));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Drops the oldest finished jobs beyond FINISHED_JOBS_KEPT. */
  private forgetOldJobs(): void {
    let finished = this.jobs.filter((j) => j.state === 'printed' || j.state === 'failed').length;
    for (let i = 0; finished > FINISHED_JOBS_KEPT && i < this.jobs.length;) {
      const state = this.jobs[i]!.state;
      if (state === 'printed' || state === 'failed') {
        this.jobs.splice(i, 1);
        finished--;
      } else i++;
    }
  }

  private async run(job: MutableJob): Promise<PrintJob> {
    try {
      return await this.runUntilFinished(job);
    } finally {
      this.forgetOldJobs();
    }
  }

  private async runUntilFinished(job: MutableJob): Promise<PrintJob> {
    const delays = this.config.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    for (let retry = 0; ; retry++) {
      job.state = 'printing';
      job.attempts++;
      this.emit({ type: 'job-started', job: this.snapshot(job) });
      try {
        await this.attempt(job);
        job.state = 'printed';
        job.finishedAt = this.now();
        this.emit({ type: 'job-printed', job: this.snapshot(job) });
        return this.snapshot(job);
      } catch (e) {
        const error = e instanceof PrintError ? e : new PrintError('print.render-failed', { receipt: job.model.number }, { cause: e });
        job.error = error;
        const delay = delays[retry];
        if (error.autoRetry && delay !== undefined) {
          this.emit({ type: 'job-retry-scheduled', job: this.snapshot(job), error, delayMs: delay });
          await this.sleep(delay);
          continue;
        }
        job.state = 'failed';
        job.finishedAt = this.now();
        if (error.kind === 'qr-mismatch') this.emit({ type: 'qr-self-check-failed', job: this.snapshot(job), error });
        this.emit({ type: 'job-failed', job: this.snapshot(job), error });
        return this.snapshot(job);
      }
    }
  }

  private async attempt(job: MutableJob): Promise<void> {
    const { printer, kit } = this.config;
    if (this.config.streaming !== false && printer.openStream && canStream(kit)) return this.attemptStreamed(job, printer.openStream.bind(printer), kit);
    return this.attemptWhole(job);
  }

  /** The pre-flight status exchange (a few ms on a LAN), started while the receipt renders; null when the printer cannot reply. */
  private preflight(): Promise<PrinterStatus> | null {
    const { printer } = this.config;
    const preflight = printer.canReply && !this.repliesUnsupported ? queryPrinterStatus(printer) : null;
    preflight?.catch(() => undefined); // awaited before the first byte; do not let a render failure leave it unhandled
    return preflight;
  }

  /** The pre-flight answer, once the job has something to send: a printer out of paper or open gets nothing. */
  private async cleared(preflight: Promise<PrinterStatus> | null): Promise<void> {
    if (!preflight) return;
    const status = await preflight;
    this.emit({ type: 'printer-status', status });
    if (status.state === 'unknown') this.repliesUnsupported = true;
    const refusal = statusFailure(status);
    if (refusal) throw refusal;
  }

  /**
   * After a connection broke mid-band, the printer may still be waiting for the rest of a GS v 0 block and would
   * swallow our next command bytes as image data (hennedo/escpos#9). Zero bytes complete any pending band as white
   * rows and are ignored between commands.
   */
  private resync(): Uint8Array {
    const { paperDots, bandRows } = this.config.profile;
    const bytesPerRow = paperDots / 8;
    const bandBytes = (bandRows ?? defaultBandRows(bytesPerRow)) * bytesPerRow;
    return new Uint8Array(this.lastAttemptLostConnection ? bandBytes + 8 : 0);
  }

  /** What the printer said after the cut, when it says it is offline: the whole job is there, printing waits. */
  private async afterDelivery(reply: Uint8Array): Promise<void> {
    const { printer } = this.config;
    const byte = reply[0];
    if (byte !== undefined && isStatusReply(byte) && parseStatusReply(1, byte).offline) {
      const status = await queryPrinterStatus(printer);
      this.emit({ type: 'printer-status', status });
      throw statusFailure(status, true) ?? new PrintError('print.went-offline-delivered', { printer: printer.address });
    }
  }

  /**
   * The job sent in parts on one connection as its strips are ready (receiptStream.ts). Should the render, the
   * worker or the QR self-check fail after a part was sent, the printer has whole bands of the receipt's top: they
   * are cut off (GS V) so the next receipt starts on fresh paper, and the job fails as it would have before any
   * byte; its retry or reprint prints the receipt whole from ESC @ (docs/printing.md, "A receipt cut short").
   */
  private async attemptStreamed(job: MutableJob, openStream: () => PrinterStream, kit: StreamingKit): Promise<void> {
    const { profile } = this.config;
    const preflight = this.preflight();
    let stream: PrinterStream | null = null;
    let sent = false;
    let delivered = false;
    try {
      for await (const part of receiptParts(job.model, kit, profile, { openDrawer: job.openDrawer })) {
        if (!stream) {
          await this.cleared(preflight);
          stream = openStream();
          await stream.write(concatBytes(this.resync(), part.bytes));
          sent = true;
          if (!part.last) continue;
          // a receipt of one strip: its only part was the whole job
          delivered = true;
          await this.finishStream(stream, new Uint8Array(0));
          return;
        }
        if (part.last) {
          delivered = true;
          await this.finishStream(stream, part.bytes);
          return;
        }
        await stream.write(part.bytes);
      }
    } catch (e) {
      if (e instanceof PrinterIoError) {
        stream?.abort();
        throw this.lostIo(e);
      }
      // the whole job was handed over: what failed is the printer's answer after it (afterDelivery)
      if (delivered) throw e;
      if (stream && sent) await this.cutShort(stream, profile.cutFeed ?? 0);
      else stream?.abort();
      throw e;
    }
  }

  /** The last part, then (when the printer answers) DLE EOT 1 after the cut, whose reply proves it got the whole job. */
  private async finishStream(stream: PrinterStream, last: Uint8Array): Promise<void> {
    const confirm = this.config.printer.canReply && !this.repliesUnsupported;
    const reply = await stream.finish(confirm ? concatBytes(last, dleEotStatus(1)) : last, confirm ? 1 : 0);
    this.lastAttemptLostConnection = false;
    if (confirm) await this.afterDelivery(reply);
  }

  /** Ends a job whose rest will not come: cut what printed so far; a connection that fails meanwhile is resynced next time. */
  private async cutShort(stream: PrinterStream, cutFeed: number): Promise<void> {
    try {
      await stream.finish(gsCut(cutFeed), 0);
      this.lastAttemptLostConnection = false;
    } catch {
      stream.abort();
      this.lastAttemptLostConnection = true;
    }
  }

  private lostIo(e: unknown): PrintError {
    const failure = ioFailure(e, this.config.printer.address);
    if (failure.kind === 'connection-lost' || failure.kind === 'timeout') this.lastAttemptLostConnection = true;
    return failure;
  }

  /** The job captured whole, then sent in one piece (printers that take no parts, kits without workers). */
  private async attemptWhole(job: MutableJob): Promise<void> {
    const { printer, kit, profile } = this.config;
    const preflight = this.preflight();
    const prepared = await prepareReceiptJob(job.model, kit, profile, { openDrawer: job.openDrawer });
    await this.cleared(preflight);
    const bytes = concatBytes(this.resync(), prepared.bytes);
    try {
      if (printer.canReply && !this.repliesUnsupported) {
        // DLE EOT 1 after the cut: its reply proves the printer received the whole job, in order.
        const reply = await printer.sendAndRead(concatBytes(bytes, dleEotStatus(1)), 1);
        this.lastAttemptLostConnection = false;
        await this.afterDelivery(reply);
      } else {
        await printer.send(bytes);
        this.lastAttemptLostConnection = false;
      }
    } catch (e) {
      if (e instanceof PrintError) throw e;
      throw this.lostIo(e);
    }
  }

  private snapshot(job: MutableJob): PrintJob {
    return { ...job };
  }

  private emit(event: PrintEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // a broken listener must not stop printing
      }
    }
  }
}
