// SPDX-License-Identifier: UNLICENSED
// Every way printing a receipt can fail, typed, so the cashier sees what to do and the queue knows whether a retry
// can help. The sale is never at stake: the document was committed before printing started. The catalog code says
// what happened in both languages (app/errors/codes/deviceCodes.ts); the kind, and whether the whole job had
// reached the printer, follow from it.
import { DukkanError, type ErrorCode, type ErrorParams } from '../../app/errors/index';

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

/** Per code: its kind, and whether the whole job had reached the printer (the `-delivered` codes). */
const FAILURES = {
  'print.qr-unprintable': ['qr-unprintable', false],
  'print.qr-unreadable': ['qr-mismatch', false],
  'print.qr-mismatch': ['qr-mismatch', false],
  'print.render-failed': ['render-failed', false],
  'print.printer-unreachable': ['printer-unreachable', false],
  'print.paper-out': ['paper-out', false],
  'print.cover-open': ['cover-open', false],
  'print.printer-error': ['printer-error', false],
  'print.printer-offline': ['printer-error', false],
  'print.write-failed': ['printer-error', false],
  'print.connection-lost': ['connection-lost', false],
  'print.printer-timeout': ['timeout', false],
  'print.printer-unreachable-delivered': ['printer-unreachable', true],
  'print.paper-out-delivered': ['paper-out', true],
  'print.cover-open-delivered': ['cover-open', true],
  'print.printer-error-delivered': ['printer-error', true],
  'print.printer-offline-delivered': ['printer-error', true],
  'print.went-offline-delivered': ['printer-error', true],
} as const satisfies Partial<Record<ErrorCode, readonly [PrintFailureKind, boolean]>>;

export type PrintFailureCode = keyof typeof FAILURES;

const RETRYABLE: ReadonlySet<PrintFailureKind> = new Set([
  'render-failed',
  'printer-unreachable',
  'paper-out',
  'cover-open',
  'printer-error',
  'connection-lost',
  'timeout',
]);

export class PrintError extends DukkanError {
  override readonly name = 'PrintError';
  declare readonly code: PrintFailureCode;
  readonly kind: PrintFailureKind;
  /** The whole job reached the printer (it answered after the cut): it may still print once the fault is cleared. */
  readonly delivered: boolean;

  constructor(code: PrintFailureCode, params: ErrorParams, options?: { cause?: unknown }) {
    super(code, params, options);
    [this.kind, this.delivered] = FAILURES[code];
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
