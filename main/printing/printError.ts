// SPDX-License-Identifier: UNLICENSED
// Every way printing a receipt can fail, typed, so the cashier sees what to do and the queue knows whether a retry
// can help. The sale is never at stake: the document was committed before printing started.

export type PrintFailureKind =
  /** The QR cannot be printed at a scannable size on this paper (app/receipt/qrPlan). Not retryable. */
  | 'qr-unprintable'
  /** The QR decoded from the final 1-bit image differs from the stored QR text. Printing is blocked. */
  | 'qr-mismatch'
  /** The HTML could not be rendered to a bitmap (browser crashed, fonts missing). */
  | 'render-failed'
  /** No connection to the printer (switched off, unplugged, wrong address). Nothing was printed. */
  | 'printer-unreachable'
  /** The printer reports paper end. */
  | 'paper-out'
  /** The printer reports its cover open. */
  | 'cover-open'
  /** The printer reports itself offline or in error (cutter jam, head too hot…). */
  | 'printer-error'
  /** The connection broke during the job: part of the receipt may have printed. */
  | 'connection-lost'
  /** The printer stopped answering. */
  | 'timeout';

const RETRYABLE: ReadonlySet<PrintFailureKind> = new Set([
  'render-failed',
  'printer-unreachable',
  'paper-out',
  'cover-open',
  'printer-error',
  'connection-lost',
  'timeout',
]);

export class PrintError extends Error {
  override readonly name = 'PrintError';
  /** The whole job reached the printer (it answered after the cut): it may still print once the fault is cleared. */
  readonly delivered: boolean;
  constructor(
    readonly kind: PrintFailureKind,
    message: string,
    options?: { cause?: unknown; delivered?: boolean },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.delivered = options?.delivered ?? false;
  }

  /** Whether trying again later can succeed (a QR problem will not go away by retrying). */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  /**
   * Whether the queue may resend on its own: only when the printer did not get the whole job. A delivered job sits
   * in the printer's buffer and prints when paper is loaded, so resending would print it twice; the cashier
   * decides (reprint as a copy).
   */
  get autoRetry(): boolean {
    return this.retryable && !this.delivered;
  }
}
